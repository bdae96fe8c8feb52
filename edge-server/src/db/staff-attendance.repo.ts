import type { Db } from './connection.js';
import { statements } from './statements.js';
import type { Direction } from './attendance.repo.js';

const sql = statements({
  insert: `INSERT INTO staff_attendance (id, staff_id, direction, occurred_at, local_date, method, event_id)
           VALUES (@id, @staffId, @direction, @occurredAt, @localDate, @method, @eventId)`,
  last: `SELECT direction, occurred_at AS occurredAt FROM staff_attendance
         WHERE staff_id = ? AND local_date = ? ORDER BY occurred_at DESC, rowid DESC LIMIT 1`,
});

export function insertStaffAttendance(db: Db, row: {
  id: string; staffId: string; direction: Direction; occurredAt: number; localDate: string; method: string; eventId: string;
}): void {
  sql(db).insert.run(row);
}

/** The staff member's latest clock record on a day, if any. */
export function lastStaffClock(db: Db, staffId: string, localDate: string): { direction: Direction; occurredAt: number } | undefined {
  return sql(db).last.get(staffId, localDate) as { direction: Direction; occurredAt: number } | undefined;
}
