import type { DateException, SeriesDefinition } from '../domain/sessions/recurrence.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

/** One version of a series' definition (create or edit). */
export type SeriesVersion = Omit<SeriesDefinition, 'cancelledFrom'> & { staffId: string | null; recordedAt: number; eventId: string };

export interface NewException {
  sessionId: string;
  date: string;
  kind: 'cancelled' | 'moved';
  toDate: string | null;
  start: string | null;
  end: string | null;
  reason: string;
  staffId: string;
  recordedAt: number;
  eventId: string;
}

const SERIES = `SELECT v.session_id AS sessionId, v.title, v.kind, v.room, v.lead_staff_id AS leadStaffId, v.capacity,
    v.first_date AS firstDate, v.start_time AS start, v.end_time AS "end", v.repeat, v.until_date AS until,
    (SELECT c.from_date FROM activity_session_cancellations c WHERE c.session_id = v.session_id ORDER BY c.id DESC LIMIT 1) AS cancelledFrom
  FROM activity_session_versions v
  WHERE v.id = (SELECT MAX(w.id) FROM activity_session_versions w WHERE w.session_id = v.session_id)`;

const LATEST_EXCEPTION = `SELECT e.session_id AS sessionId, e.date, e.kind, e.to_date AS toDate, e.start_time AS start, e.end_time AS "end", e.reason
  FROM activity_session_exceptions e
  WHERE e.id = (SELECT MAX(x.id) FROM activity_session_exceptions x WHERE x.session_id = e.session_id AND x.date = e.date)`;

const sql = statements({
  insertSession: `INSERT INTO activity_sessions (id, created_at, created_by) VALUES (?, ?, ?)`,
  insertVersion: `INSERT INTO activity_session_versions (session_id, title, kind, room, lead_staff_id, capacity, first_date,
      start_time, end_time, repeat, until_date, staff_id, recorded_at, event_id)
    VALUES (@sessionId, @title, @kind, @room, @leadStaffId, @capacity, @firstDate, @start, @end, @repeat, @until, @staffId, @recordedAt, @eventId)`,
  insertCancellation: `INSERT INTO activity_session_cancellations (session_id, from_date, reason, staff_id, recorded_at, event_id)
    VALUES (?, ?, ?, ?, ?, ?)`,
  insertException: `INSERT INTO activity_session_exceptions (session_id, date, kind, to_date, start_time, end_time, reason, staff_id, recorded_at, event_id)
    VALUES (@sessionId, @date, @kind, @toDate, @start, @end, @reason, @staffId, @recordedAt, @eventId)`,
  seriesById: `${SERIES} AND v.session_id = ?`,
  seriesAround: `${SERIES} AND v.first_date <= @to
    AND ((v.repeat = 'weekly' AND (v.until_date IS NULL OR v.until_date >= @from)) OR v.first_date >= @from)`,
  exceptionsAround: `${LATEST_EXCEPTION} AND (e.date BETWEEN @from AND @to OR e.to_date BETWEEN @from AND @to)`,
  exceptionsOf: `${LATEST_EXCEPTION} AND e.session_id = ? ORDER BY e.date`,
  exceptionFor: `${LATEST_EXCEPTION} AND e.session_id = ? AND e.date = ?`,
});

type ExceptionRow = { sessionId: string; date: string; kind: 'cancelled' | 'moved'; toDate: string | null; start: string | null; end: string | null; reason: string };

function toException(r: ExceptionRow): DateException {
  const movedTo = r.toDate !== null ? { toDate: r.toDate, start: r.start!, end: r.end! } : undefined;
  if (r.kind === 'moved') return { sessionId: r.sessionId, date: r.date, kind: 'moved', reason: r.reason, ...movedTo! };
  return movedTo
    ? { sessionId: r.sessionId, date: r.date, kind: 'cancelled', reason: r.reason, movedTo }
    : { sessionId: r.sessionId, date: r.date, kind: 'cancelled', reason: r.reason };
}

/** A new series with its first version. */
export function insertSeries(db: Db, version: SeriesVersion): void {
  sql(db).insertSession.run(version.sessionId, version.recordedAt, version.staffId);
  sql(db).insertVersion.run(version);
}

/** An edit: the new version replaces the definition (earlier versions stay as history). */
export function insertSeriesVersion(db: Db, version: SeriesVersion): void {
  sql(db).insertVersion.run(version);
}

export function insertSeriesCancellation(
  db: Db, row: { sessionId: string; fromDate: string; reason: string; staffId: string; recordedAt: number; eventId: string },
): void {
  sql(db).insertCancellation.run(row.sessionId, row.fromDate, row.reason, row.staffId, row.recordedAt, row.eventId);
}

export function insertDateException(db: Db, row: NewException): void {
  sql(db).insertException.run(row);
}

export function findSeries(db: Db, sessionId: string): SeriesDefinition | undefined {
  return sql(db).seriesById.get(sessionId) as SeriesDefinition | undefined;
}

/** Series that may have occurrences between `from` and `to` (both widened by the caller for moved dates). */
export function listSeriesAround(db: Db, from: string, to: string): SeriesDefinition[] {
  return sql(db).seriesAround.all({ from, to }) as SeriesDefinition[];
}

/** The latest exception of every occurrence scheduled in, or moved into, [from, to]. */
export function listExceptionsAround(db: Db, from: string, to: string): DateException[] {
  return (sql(db).exceptionsAround.all({ from, to }) as ExceptionRow[]).map(toException);
}

export function listSeriesExceptions(db: Db, sessionId: string): DateException[] {
  return (sql(db).exceptionsOf.all(sessionId) as ExceptionRow[]).map(toException);
}

export function findDateException(db: Db, sessionId: string, date: string): DateException | undefined {
  const row = sql(db).exceptionFor.get(sessionId, date) as ExceptionRow | undefined;
  return row && toException(row);
}
