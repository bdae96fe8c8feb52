import type { DateException, SeriesDefinition } from '../domain/sessions/recurrence.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

/** One version of a series' definition (create or edit). */
export type SeriesVersion = Omit<SeriesDefinition, 'cancelledFrom' | 'effectiveFrom'> & { staffId: string | null; recordedAt: number; eventId: string };

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

const VERSIONS = `SELECT v.session_id AS sessionId, v.title, v.kind, v.room, v.lead_staff_id AS leadStaffId, v.capacity,
    v.first_date AS firstDate, v.start_time AS start, v.end_time AS "end", v.repeat, v.until_date AS until, v.effective_from AS effectiveFrom,
    (SELECT c.from_date FROM activity_session_cancellations c WHERE c.session_id = v.session_id ORDER BY c.id DESC LIMIT 1) AS cancelledFrom
  FROM activity_session_versions v`;
const SERIES = `${VERSIONS} WHERE v.id = (SELECT MAX(w.id) FROM activity_session_versions w WHERE w.session_id = v.session_id)`;

const LATEST_EXCEPTION = `SELECT e.session_id AS sessionId, e.date, e.kind, e.to_date AS toDate, e.start_time AS start, e.end_time AS "end", e.reason
  FROM activity_session_exceptions e
  WHERE e.id = (SELECT MAX(x.id) FROM activity_session_exceptions x WHERE x.session_id = e.session_id AND x.date = e.date)`;

const sql = statements({
  insertSession: `INSERT INTO activity_sessions (id, created_at, created_by) VALUES (?, ?, ?)`,
  insertVersion: `INSERT INTO activity_session_versions (session_id, title, kind, room, lead_staff_id, capacity, first_date,
      start_time, end_time, repeat, until_date, effective_from, staff_id, recorded_at, event_id)
    VALUES (@sessionId, @title, @kind, @room, @leadStaffId, @capacity, @firstDate, @start, @end, @repeat, @until, @effectiveFrom, @staffId, @recordedAt, @eventId)`,
  insertCancellation: `INSERT INTO activity_session_cancellations (session_id, from_date, reason, staff_id, recorded_at, event_id)
    VALUES (?, ?, ?, ?, ?, ?)`,
  insertException: `INSERT INTO activity_session_exceptions (session_id, date, kind, to_date, start_time, end_time, reason, staff_id, recorded_at, event_id)
    VALUES (@sessionId, @date, @kind, @toDate, @start, @end, @reason, @staffId, @recordedAt, @eventId)`,
  seriesById: `${SERIES} AND v.session_id = ?`,
  versionsOf: `${VERSIONS} WHERE v.session_id = ? ORDER BY v.id`,
  // Every version of each series one of whose versions may have dates in the range: which version is in
  // force on a date depends on all of them (a later edit may end an earlier version's dates).
  versionsAround: `${VERSIONS} WHERE v.session_id IN (SELECT w.session_id FROM activity_session_versions w WHERE w.first_date <= @to
    AND ((w.repeat = 'weekly' AND (w.until_date IS NULL OR w.until_date >= @from)) OR w.first_date >= @from))
    ORDER BY v.session_id, v.id`,
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

/** A new series with its first version, in force from its first date. */
export function insertSeries(db: Db, version: SeriesVersion): void {
  sql(db).insertSession.run(version.sessionId, version.recordedAt, version.staffId);
  sql(db).insertVersion.run({ ...version, effectiveFrom: version.firstDate });
}

/** An edit: the new version defines the dates from `effectiveFrom` on; earlier dates keep theirs. */
export function insertSeriesVersion(db: Db, version: SeriesVersion & { effectiveFrom: string }): void {
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

/** The latest version of a series: its definition from that version's `effectiveFrom` on. */
export function findSeries(db: Db, sessionId: string): SeriesDefinition | undefined {
  return sql(db).seriesById.get(sessionId) as SeriesDefinition | undefined;
}

/** Every version of a series, in recording order (empty when there is no such series). */
export function listSeriesVersions(db: Db, sessionId: string): SeriesDefinition[] {
  return sql(db).versionsOf.all(sessionId) as SeriesDefinition[];
}

/**
 * Every version of the series that may have occurrences between `from` and `to` (both widened by the
 * caller for moved dates), grouped by series, each in recording order.
 */
export function listSeriesAround(db: Db, from: string, to: string): SeriesDefinition[] {
  return sql(db).versionsAround.all({ from, to }) as SeriesDefinition[];
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
