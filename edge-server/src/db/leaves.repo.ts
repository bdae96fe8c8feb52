import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface Leave {
  id: string;
  memberId: string;
  fromDate: string;
  toDate: string;
  reason: string;
  staffId: string;
  recordedAt: number;
  eventId: string;
}

const sql = statements({
  insert: `INSERT INTO leaves (id, member_id, from_date, to_date, reason, staff_id, recorded_at, event_id)
           VALUES (@id, @memberId, @fromDate, @toDate, @reason, @staffId, @recordedAt, @eventId)`,
  onDay: `SELECT DISTINCT member_id AS memberId FROM leaves WHERE from_date <= ? AND to_date >= ?`,
});

export function insertLeave(db: Db, leave: Leave): void {
  sql(db).insert.run(leave);
}

/** Members with leave covering `localDate` (YYYY-MM-DD). */
export function membersOnLeave(db: Db, localDate: string): Set<string> {
  return new Set((sql(db).onDay.all(localDate, localDate) as { memberId: string }[]).map((r) => r.memberId));
}
