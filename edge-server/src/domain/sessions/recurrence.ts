import type { ActivityKind, LocalDate } from '../../api-types.js';
import { addDays, daysBetween, weekdayOf } from './dates.js';

/**
 * One version of a series (create or edit), plus the whole-series cancellation if there is one. A
 * version is in force from `effectiveFrom` on, until a later-recorded version takes over (see `versionOn`).
 */
export interface SeriesDefinition {
  sessionId: string;
  title: string;
  kind: ActivityKind;
  room: string | null;
  leadStaffId: string | null;
  capacity: number | null;
  firstDate: LocalDate;
  start: string;
  end: string;
  repeat: 'none' | 'weekly';
  until: LocalDate | null;
  /** every occurrence from this date on is cancelled */
  cancelledFrom: LocalDate | null;
  /** the first scheduled date this version defines (a create: its first date; an edit: the date it takes effect) */
  effectiveFrom: LocalDate;
}

/**
 * The version in force for a scheduled date: the latest recorded one whose `effectiveFrom` is on or
 * before it. `versions` are in recording order. A later edit from an earlier date overrides an earlier
 * edit from a later date (it was made knowing it). Undefined before the first version takes effect.
 */
export function versionOn(versions: readonly SeriesDefinition[], date: LocalDate): SeriesDefinition | undefined {
  for (let i = versions.length - 1; i >= 0; i--) if (versions[i]!.effectiveFrom <= date) return versions[i];
  return undefined;
}

/** The version in force on `date`, if `date` is one of its scheduled dates. */
export function seriesOn(versions: readonly SeriesDefinition[], date: LocalDate): SeriesDefinition | undefined {
  const version = versionOn(versions, date);
  return version && isSeriesDate(version, date) ? version : undefined;
}

/** Where and when a moved occurrence takes place. */
export interface MovedTo {
  toDate: LocalDate;
  start: string;
  end: string;
}

/**
 * The latest exception recorded for one occurrence. A date cancelled after it was moved keeps its
 * new day and time (`movedTo`), so the planner shows it cancelled where people expected it.
 */
export type DateException =
  | { sessionId: string; date: LocalDate; kind: 'cancelled'; reason: string; movedTo?: MovedTo }
  | ({ sessionId: string; date: LocalDate; kind: 'moved'; reason: string } & MovedTo);

/** The day and time an exception puts the occurrence on, if it moved it. */
export function movedTarget(exception: DateException | undefined): MovedTo | undefined {
  if (exception?.kind === 'moved') return { toDate: exception.toDate, start: exception.start, end: exception.end };
  return exception?.movedTo;
}

/** One occurrence after exceptions: when and whether it really happens. */
export interface ResolvedOccurrence {
  series: SeriesDefinition;
  /** the scheduled date: the occurrence's key */
  date: LocalDate;
  /** the day it happens (differs from `date` when moved to another day) */
  actualDate: LocalDate;
  start: string;
  end: string;
  status: 'scheduled' | 'cancelled';
  moved: boolean;
}

/** Whether `date` is one of the series' scheduled dates (before exceptions). */
export function isSeriesDate(series: SeriesDefinition, date: LocalDate): boolean {
  if (date < series.firstDate) return false;
  if (series.repeat === 'none') return date === series.firstDate;
  if (series.until !== null && date > series.until) return false;
  return daysBetween(series.firstDate, date) % 7 === 0;
}

/** The series' scheduled dates in [from, to], oldest first. */
export function seriesDates(series: SeriesDefinition, from: LocalDate, to: LocalDate): LocalDate[] {
  if (series.repeat === 'none') return isSeriesDate(series, series.firstDate) && series.firstDate >= from && series.firstDate <= to ? [series.firstDate] : [];
  const last = series.until !== null && series.until < to ? series.until : to;
  let date = from <= series.firstDate ? series.firstDate : addDays(from, (weekdayOf(series.firstDate) - weekdayOf(from) + 7) % 7);
  const dates: LocalDate[] = [];
  for (; date <= last; date = addDays(date, 7)) dates.push(date);
  return dates;
}

/** One scheduled date with its exception (if any) applied. */
export function resolveOccurrence(series: SeriesDefinition, date: LocalDate, exception: DateException | undefined): ResolvedOccurrence {
  const seriesCancelled = series.cancelledFrom !== null && date >= series.cancelledFrom;
  const status = seriesCancelled || exception?.kind === 'cancelled' ? 'cancelled' : 'scheduled';
  const moved = movedTarget(exception);
  if (moved) return { series, date, actualDate: moved.toDate, start: moved.start, end: moved.end, status, moved: true };
  return { series, date, actualDate: date, start: series.start, end: series.end, status, moved: false };
}

function exceptionKey(sessionId: string, date: LocalDate): string {
  return `${sessionId}\u0000${date}`;
}

/** Versions grouped per series, each list in recording order (as given). */
function groupVersions(versions: SeriesDefinition[]): Map<string, SeriesDefinition[]> {
  const bySession = new Map<string, SeriesDefinition[]>();
  for (const v of versions) {
    const list = bySession.get(v.sessionId);
    if (list) list.push(v);
    else bySession.set(v.sessionId, [v]);
  }
  return bySession;
}

/**
 * Every occurrence that happens in [from, to] (by the day it actually happens: a date moved out of
 * the range leaves it, one moved in from outside joins it), sorted by day and start time. Each date is
 * resolved with the version in force on it (`versions`: every version of the series concerned, in
 * recording order). `exceptions` are the latest per occurrence for dates in the range and for dates
 * moved into it.
 */
export function occurrencesBetween(
  versions: SeriesDefinition[], exceptions: DateException[], from: LocalDate, to: LocalDate,
): ResolvedOccurrence[] {
  const byKey = new Map(exceptions.map((e) => [exceptionKey(e.sessionId, e.date), e]));
  const bySession = groupVersions(versions);
  const found: ResolvedOccurrence[] = [];
  const seen = new Set<string>();
  const consider = (s: SeriesDefinition, date: LocalDate) => {
    const key = exceptionKey(s.sessionId, date);
    if (seen.has(key)) return;
    seen.add(key);
    const occurrence = resolveOccurrence(s, date, byKey.get(key));
    if (occurrence.actualDate >= from && occurrence.actualDate <= to) found.push(occurrence);
  };
  for (const list of bySession.values()) {
    for (const v of list) for (const date of seriesDates(v, from, to)) if (versionOn(list, date) === v) consider(v, date);
  }
  for (const e of exceptions) {
    const s = movedTarget(e) && seriesOn(bySession.get(e.sessionId) ?? [], e.date);
    if (s) consider(s, e.date);
  }
  return found.sort((a, b) => a.actualDate.localeCompare(b.actualDate) || a.start.localeCompare(b.start) || a.series.title.localeCompare(b.series.title));
}
