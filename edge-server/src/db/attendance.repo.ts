import type { Db } from './connection.js';
import { statements } from './statements.js';
import type { IdentMethod } from '../api-types.js';

export type Direction = 'in' | 'out';

/** An attendance row as it stands after corrections (the stored row itself is never changed). */
export interface EffectiveAttendance {
  id: string;
  memberId: string;
  direction: Direction;
  /** corrected time if a correction exists, else the recorded time (UTC ms) */
  occurredAt: number;
  method: IdentMethod;
  staffId: string | null;
  voided: boolean;
}

export interface NewAttendance {
  id: string;
  memberId: string;
  direction: Direction;
  occurredAt: number;
  localDate: string;
  method: IdentMethod;
  staffId: string | null;
  note: string | null;
  eventId: string;
}

export interface NewCorrection {
  id: string;
  attendanceId: string;
  field: 'occurredAt' | 'voided';
  fromValue: string | null;
  toValue: string;
  staffId: string;
  reason: string;
  recordedAt: number;
  eventId: string;
}

const EFFECTIVE = `SELECT a.id, a.member_id AS memberId, a.direction, a.occurred_at AS occurredAt, a.method, a.staff_id AS staffId,
  (SELECT to_value FROM attendance_corrections c WHERE c.attendance_id = a.id AND c.field = 'occurredAt'
     ORDER BY c.recorded_at DESC, c.rowid DESC LIMIT 1) AS correctedAt,
  (SELECT to_value FROM attendance_corrections c WHERE c.attendance_id = a.id AND c.field = 'voided'
     ORDER BY c.recorded_at DESC, c.rowid DESC LIMIT 1) AS voided
  FROM attendance a`;

const sql = statements({
  insert: `INSERT INTO attendance (id, member_id, direction, occurred_at, local_date, method, staff_id, note, event_id)
           VALUES (@id, @memberId, @direction, @occurredAt, @localDate, @method, @staffId, @note, @eventId)`,
  memberDay: `${EFFECTIVE} WHERE a.member_id = ? AND a.local_date = ?`,
  day: `${EFFECTIVE} WHERE a.local_date = ?`,
  byId: `${EFFECTIVE} WHERE a.id = ?`,
  insertCorrection: `INSERT INTO attendance_corrections (id, attendance_id, field, from_value, to_value, staff_id, reason, recorded_at, event_id)
           VALUES (@id, @attendanceId, @field, @fromValue, @toValue, @staffId, @reason, @recordedAt, @eventId)`,
});

interface Row {
  id: string; memberId: string; direction: Direction; occurredAt: number; method: IdentMethod;
  staffId: string | null; correctedAt: string | null; voided: string | null;
}

function toEffective(r: Row): EffectiveAttendance {
  return {
    id: r.id, memberId: r.memberId, direction: r.direction, method: r.method, staffId: r.staffId,
    occurredAt: r.correctedAt === null ? r.occurredAt : Number(r.correctedAt),
    voided: r.voided === 'true',
  };
}

function byTime(a: EffectiveAttendance, b: EffectiveAttendance): number {
  return a.occurredAt - b.occurredAt;
}

export function insertAttendance(db: Db, row: NewAttendance): void {
  sql(db).insert.run(row);
}

/** A member's attendance on one facility-local day, corrections applied, voided rows dropped, oldest first. */
export function listMemberDay(db: Db, memberId: string, localDate: string): EffectiveAttendance[] {
  return (sql(db).memberDay.all(memberId, localDate) as Row[]).map(toEffective).filter((a) => !a.voided).sort(byTime);
}

/** Every member's attendance on one day, corrections applied, voided rows dropped, oldest first. */
export function listDay(db: Db, localDate: string): EffectiveAttendance[] {
  return (sql(db).day.all(localDate) as Row[]).map(toEffective).filter((a) => !a.voided).sort(byTime);
}

export function findAttendance(db: Db, id: string): EffectiveAttendance | undefined {
  const row = sql(db).byId.get(id) as Row | undefined;
  return row && toEffective(row);
}

export function insertCorrection(db: Db, correction: NewCorrection): void {
  sql(db).insertCorrection.run(correction);
}
