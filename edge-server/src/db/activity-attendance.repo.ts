import type { SessionAttendanceStatus } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface NewAttendanceMark {
  sessionId: string;
  date: string;
  memberId: string;
  status: SessionAttendanceStatus;
  staffId: string;
  recordedAt: number;
  eventId: string;
}

const sql = statements({
  insert: `INSERT INTO activity_attendance (session_id, date, member_id, status, staff_id, recorded_at, event_id)
    VALUES (@sessionId, @date, @memberId, @status, @staffId, @recordedAt, @eventId)`,
  latest: `SELECT a.member_id AS memberId, a.status FROM activity_attendance a
    WHERE a.session_id = ? AND a.date = ?
      AND a.id = (SELECT MAX(x.id) FROM activity_attendance x WHERE x.session_id = a.session_id AND x.date = a.date AND x.member_id = a.member_id)`,
});

export function insertAttendanceMark(db: Db, row: NewAttendanceMark): void {
  sql(db).insert.run(row);
}

/** The latest mark of each member at one occurrence. */
export function latestMarks(db: Db, sessionId: string, date: string): Map<string, SessionAttendanceStatus> {
  const rows = sql(db).latest.all(sessionId, date) as { memberId: string; status: SessionAttendanceStatus }[];
  return new Map(rows.map((r) => [r.memberId, r.status]));
}
