import type { Db } from './connection.js';
import { statements } from './statements.js';

/** Who a sensor slot belongs to. Only the link is stored; the template stays on the sensor. */
export interface Enrolment {
  id: string;
  sensorId: string;
  slot: number;
  personKind: 'member' | 'staff';
  personId: string;
  finger: string;
}

export interface LiveEnrolment extends Enrolment {
  consentId: string | null;
  enrolledAt: number;
}

const COLUMNS = `id, sensor_id AS sensorId, slot, person_kind AS personKind, person_id AS personId, finger`;
const LIVE_COLUMNS = `${COLUMNS}, consent_id AS consentId, enrolled_at AS enrolledAt`;

const sql = statements({
  bySlot: `SELECT ${COLUMNS} FROM fingerprint_enrolments WHERE sensor_id = ? AND slot = ? AND removed_at IS NULL`,
  bySensor: `SELECT ${COLUMNS} FROM fingerprint_enrolments WHERE sensor_id = ? AND removed_at IS NULL ORDER BY slot`,
  byPerson: `SELECT ${LIVE_COLUMNS} FROM fingerprint_enrolments
             WHERE person_kind = ? AND person_id = ? AND removed_at IS NULL ORDER BY enrolled_at`,
  insert: `INSERT INTO fingerprint_enrolments (id, sensor_id, slot, person_kind, person_id, finger, enrolled_at, consent_id)
           VALUES (@id, @sensorId, @slot, @personKind, @personId, @finger, @enrolledAt, @consentId)`,
  remove: `UPDATE fingerprint_enrolments SET removed_at = ?, removed_reason = ? WHERE id = ? AND removed_at IS NULL`,
});

export function findEnrolmentBySlot(db: Db, sensorId: string, slot: number): Enrolment | undefined {
  return sql(db).bySlot.get(sensorId, slot) as Enrolment | undefined;
}

export function listEnrolments(db: Db, sensorId: string): Enrolment[] {
  return sql(db).bySensor.all(sensorId) as Enrolment[];
}

/** A person's live enrolments on any sensor, oldest first. */
export function listPersonEnrolments(db: Db, personKind: 'member' | 'staff', personId: string): LiveEnrolment[] {
  return sql(db).byPerson.all(personKind, personId) as LiveEnrolment[];
}

export function insertEnrolment(db: Db, enrolment: Enrolment, enrolledAt: number, consentId: string | null = null): void {
  sql(db).insert.run({ ...enrolment, enrolledAt, consentId });
}

/**
 * Ends an enrolment link. The row is a projection of the `member.biometric_removed` event written in
 * the same transaction; the event log is the record.
 */
export function removeEnrolment(db: Db, id: string, at: number, reason: string): void {
  sql(db).remove.run(at, reason, id);
}
