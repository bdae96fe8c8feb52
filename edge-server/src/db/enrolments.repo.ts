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

const COLUMNS = `id, sensor_id AS sensorId, slot, person_kind AS personKind, person_id AS personId, finger`;

const sql = statements({
  bySlot: `SELECT ${COLUMNS} FROM fingerprint_enrolments WHERE sensor_id = ? AND slot = ? AND removed_at IS NULL`,
  bySensor: `SELECT ${COLUMNS} FROM fingerprint_enrolments WHERE sensor_id = ? AND removed_at IS NULL ORDER BY slot`,
  insert: `INSERT INTO fingerprint_enrolments (id, sensor_id, slot, person_kind, person_id, finger, enrolled_at)
           VALUES (@id, @sensorId, @slot, @personKind, @personId, @finger, @enrolledAt)`,
});

export function findEnrolmentBySlot(db: Db, sensorId: string, slot: number): Enrolment | undefined {
  return sql(db).bySlot.get(sensorId, slot) as Enrolment | undefined;
}

export function listEnrolments(db: Db, sensorId: string): Enrolment[] {
  return sql(db).bySensor.all(sensorId) as Enrolment[];
}

export function insertEnrolment(db: Db, enrolment: Enrolment, enrolledAt: number): void {
  sql(db).insert.run({ ...enrolment, enrolledAt });
}
