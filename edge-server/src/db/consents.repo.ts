import type { Db } from './connection.js';
import { statements } from './statements.js';

export type ConsentPurpose = 'biometric_attendance' | 'photo';

export interface ConsentRow {
  id: string;
  memberId: string;
  purpose: ConsentPurpose;
  action: 'given' | 'withdrawn';
  givenBy: 'self' | 'guardian';
  guardianName: string | null;
  staffId: string;
  reason: string | null;
  recordedAt: number;
  eventId: string;
}

const COLUMNS = `id, member_id AS memberId, purpose, action, given_by AS givenBy, guardian_name AS guardianName,
  staff_id AS staffId, reason, recorded_at AS recordedAt, event_id AS eventId`;

const sql = statements({
  latest: `SELECT ${COLUMNS} FROM consents WHERE member_id = ? AND purpose = ? ORDER BY recorded_at DESC, rowid DESC LIMIT 1`,
  insert: `INSERT INTO consents (id, member_id, purpose, action, given_by, guardian_name, staff_id, reason, recorded_at, event_id)
           VALUES (@id, @memberId, @purpose, @action, @givenBy, @guardianName, @staffId, @reason, @recordedAt, @eventId)`,
});

/** The consent in force for a purpose, or undefined when none was given or the latest was withdrawn. */
export function findConsentInForce(db: Db, memberId: string, purpose: ConsentPurpose): ConsentRow | undefined {
  const latest = sql(db).latest.get(memberId, purpose) as ConsentRow | undefined;
  return latest?.action === 'given' ? latest : undefined;
}

export function insertConsent(db: Db, row: ConsentRow): void {
  sql(db).insert.run(row);
}
