import type { LocalDate, SessionDetail, SessionException, SessionInput, SessionOccurrence, StaffWeek } from '../../api-types.js';
import {
  findSeries, insertDateException, insertSeries, insertSeriesCancellation, insertSeriesVersion, listSeriesExceptions, listSeriesVersions,
  type SeriesVersion,
} from '../../db/activity-sessions.repo.js';
import { listDatesWithSignups } from '../../db/activity-signups.repo.js';
import { recordAudit } from '../../db/audit.repo.js';
import { findStaffById } from '../../db/staff.repo.js';
import type { AppendEvent } from '../../events/event-log.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { addDays, daysBetween, isLocalDate, isLocalTime, localInstant, localIso, weekdayOf } from './dates.js';
import { MOVE_WINDOW_DAYS, weekOf, type OccurrenceReader } from './occurrences.js';
import { seriesDates, seriesOn, type SeriesDefinition } from './recurrence.js';

/** A series edit: the new definition, and optionally the first date it applies to (today or later). */
export type SessionEdit = SessionInput & { effectiveFrom?: LocalDate };

export function requireDate(value: string, field = 'date'): LocalDate {
  if (!isLocalDate(value)) throw new DomainError('invalid', 'invalid_date', `${field} is a calendar date YYYY-MM-DD, e.g. 2026-12-03`);
  return value;
}

function requireTimes(start: string, end: string): void {
  if (!isLocalTime(start) || !isLocalTime(end)) throw new DomainError('invalid', 'invalid_time', 'Times are HH:MM, e.g. 09:30');
  if (end <= start) throw new DomainError('invalid', 'invalid_range', 'The session ends before it starts');
}

/** The checks on a series definition that a schema cannot express. */
function checkInput(ctx: DomainContext, input: SessionInput): void {
  requireDate(input.date);
  requireTimes(input.start, input.end);
  if (input.until !== null) {
    requireDate(input.until, 'until');
    if (input.until < input.date) throw new DomainError('invalid', 'invalid_range', 'The series ends before its first date');
  }
  if (input.capacity !== null && (!Number.isInteger(input.capacity) || input.capacity < 1)) {
    throw new DomainError('invalid', 'invalid_capacity', 'Capacity is a whole number of at least 1, or null for no limit');
  }
  if (input.leadStaffId !== null) {
    const lead = findStaffById(ctx.db, input.leadStaffId);
    if (!lead || lead.status !== 'active') throw new DomainError('not_found', 'staff_not_found', `No active staff member ${input.leadStaffId}`);
  }
}

/** What `session.scheduled` and `session.cancelled` carry about a series (protocol §6 plus the recurrence). */
function seriesEventData(series: Omit<SeriesDefinition, 'cancelledFrom' | 'effectiveFrom'>, timeZone: string): Record<string, unknown> {
  return {
    sessionId: series.sessionId, kind: series.kind, title: series.title, room: series.room, leadStaffId: series.leadStaffId,
    capacity: series.capacity,
    startsAt: localIso(series.firstDate, series.start, timeZone), endsAt: localIso(series.firstDate, series.end, timeZone),
    recurrence: {
      repeat: series.repeat, firstDate: series.firstDate, until: series.until,
      weekday: series.repeat === 'weekly' ? weekdayOf(series.firstDate) : null, start: series.start, end: series.end,
    },
  };
}

/** A version's definition from the input (a one-off has no last date). */
function definitionOf(sessionId: string, input: SessionInput): Omit<SeriesDefinition, 'cancelledFrom' | 'effectiveFrom'> {
  return {
    sessionId, title: input.title, kind: input.kind, room: input.room, leadStaffId: input.leadStaffId, capacity: input.capacity,
    firstDate: input.date, start: input.start, end: input.end, repeat: input.repeat, until: input.repeat === 'weekly' ? input.until : null,
  };
}

/**
 * The planner's writes: creating and editing series (each a new version + `session.scheduled`),
 * cancelling a whole series or one date (`session.cancelled`), moving one date (`session.scheduled`
 * with `date` and `movedTo`). Every one is audited.
 */
export class ScheduleService {
  constructor(private readonly ctx: DomainContext, private readonly reader: OccurrenceReader) {}

  create(staffId: string, input: SessionInput): SessionDetail {
    checkInput(this.ctx, input);
    const sessionId = this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const id = newRecordId(now);
      const version = this.appendVersion(append, staffId, id, input, { change: 'created' }, now);
      insertSeries(this.ctx.db, version);
      return id;
    });
    return this.detail(sessionId);
  }

  /**
   * An edit applies from `effectiveFrom` on (never a past date); earlier dates keep the version that was
   * in force for them, so what took place stays on record as it was. Exceptions stay.
   */
  update(staffId: string, sessionId: string, input: SessionEdit, fillFreedPlaces: (sessionId: string, append: AppendEvent) => void): SessionDetail {
    const versions = this.versions(sessionId);
    checkInput(this.ctx, input);
    const effectiveFrom = this.effectiveFrom(versions, input.effectiveFrom);
    this.refuseDroppingSignups(versions, { ...versions.at(-1)!, ...definitionOf(sessionId, input), effectiveFrom });
    this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const version = this.appendVersion(append, staffId, sessionId, input, { change: 'edited', effectiveFrom }, now);
      insertSeriesVersion(this.ctx.db, { ...version, effectiveFrom });
      // If the edit made room (more places, or no limit), people waiting get it, first come first served.
      fillFreedPlaces(sessionId, append);
    });
    return this.detail(sessionId);
  }

  /**
   * The first date an edit applies to. Asked for: today or later. By default today, unless this
   * series' occurrence today has already started: then tomorrow, so a session under way or over keeps
   * the title, time and places it had (its roster and marks refer to it).
   */
  private effectiveFrom(versions: SeriesDefinition[], asked: LocalDate | undefined): LocalDate {
    const today = this.reader.today();
    if (asked !== undefined) {
      requireDate(asked, 'effectiveFrom');
      if (asked < today) throw new DomainError('invalid', 'invalid_date', 'An edit applies from today or a later date, not from a past one');
      return asked;
    }
    const todays = seriesOn(versions, today) && this.reader.find(versions[0]!.sessionId, today)?.occurrence;
    const started = todays && localInstant(todays.actualDate, todays.start, this.ctx.timeZone()) <= this.ctx.clock.now();
    return started ? addDays(today, 1) : today;
  }

  /**
   * An edit may not silently drop upcoming dates people signed up for (a new weekday, a shorter
   * series): staff cancel or move those dates first, which the members then see.
   */
  private refuseDroppingSignups(versions: SeriesDefinition[], next: SeriesDefinition): void {
    const after = [...versions, next];
    const dropped = listDatesWithSignups(this.ctx.db, next.sessionId, this.reader.today())
      .filter((date) => seriesOn(versions, date) !== undefined && seriesOn(after, date) === undefined);
    if (dropped.length > 0) {
      throw new DomainError('conflict', 'signups_on_dropped_dates',
        `Members are signed up on ${dropped.join(', ')}, which this change would remove; cancel or move those dates first`, { dates: dropped });
    }
  }

  /** Appends `session.scheduled` and the audit entry for a create or edit; returns the version to store. */
  private appendVersion(
    append: AppendEvent, staffId: string, sessionId: string, input: SessionInput,
    how: { change: 'created' } | { change: 'edited'; effectiveFrom: LocalDate }, now: number,
  ): SeriesVersion {
    const definition = definitionOf(sessionId, input);
    const { until } = definition;
    const event = append('session.scheduled', { ...seriesEventData(definition, this.ctx.timeZone()), ...how, staffId });
    recordAudit(this.ctx.db, {
      at: now, actorKind: 'staff', actorId: staffId, action: how.change === 'created' ? 'session.create' : 'session.edit', target: sessionId,
      detail: { title: input.title, date: input.date, repeat: input.repeat, until, ...how },
    });
    return { ...definition, staffId, recordedAt: now, eventId: event.id };
  }

  detail(sessionId: string): SessionDetail {
    const series = this.series(sessionId);
    return {
      id: series.sessionId, title: series.title, kind: series.kind, room: series.room, leadStaffId: series.leadStaffId,
      capacity: series.capacity, date: series.firstDate, start: series.start, end: series.end, repeat: series.repeat, until: series.until,
      lead: this.reader.lead(series.leadStaffId),
      cancelledFrom: series.cancelledFrom,
      exceptions: listSeriesExceptions(this.ctx.db, sessionId).map((e): SessionException => e.kind === 'cancelled'
        ? { date: e.date, kind: 'cancelled', reason: e.reason }
        : { date: e.date, kind: 'moved', toDate: e.toDate, start: e.start, end: e.end, reason: e.reason }),
    };
  }

  /** Cancels every occurrence from `from` (default today) on; earlier ones keep their records. */
  cancelSeries(staffId: string, sessionId: string, reason: string, from?: LocalDate): SessionDetail {
    const series = this.series(sessionId);
    const today = this.reader.today();
    const fromDate = from === undefined ? today : requireDate(from, 'from');
    if (fromDate < today) throw new DomainError('invalid', 'invalid_date', 'A series is cancelled from today or a later date, not in the past');
    // The latest cancellation wins, so a later one would bring back the dates in between.
    if (series.cancelledFrom !== null && series.cancelledFrom <= fromDate) {
      throw new DomainError('conflict', 'session_cancelled', `The series is already cancelled from ${series.cancelledFrom}`);
    }
    this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const next = series.repeat === 'none' ? (series.firstDate >= fromDate ? series.firstDate : null)
        : seriesDates(series, fromDate, series.until ?? addDays(fromDate, 7)).at(0) ?? null;
      const tz = this.ctx.timeZone();
      const event = append('session.cancelled', {
        sessionId, kind: series.kind, title: series.title, capacity: series.capacity, fromDate,
        startsAt: next && localIso(next, series.start, tz), endsAt: next && localIso(next, series.end, tz), reason, staffId,
      });
      insertSeriesCancellation(this.ctx.db, { sessionId, fromDate, reason, staffId, recordedAt: now, eventId: event.id });
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'session.cancel', target: sessionId, detail: { fromDate, reason } });
    });
    return this.detail(sessionId);
  }

  cancelDate(staffId: string, sessionId: string, date: LocalDate, reason: string): SessionOccurrence {
    requireDate(date);
    const { occurrence } = this.reader.get(sessionId, date);
    if (occurrence.status === 'cancelled') throw new DomainError('conflict', 'session_cancelled', 'This date is already cancelled');
    if (this.reader.ended(occurrence)) throw new DomainError('conflict', 'session_ended', 'This date has already taken place');
    this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const tz = this.ctx.timeZone();
      const { series } = occurrence;
      const event = append('session.cancelled', {
        sessionId, date, kind: series.kind, title: series.title, capacity: series.capacity,
        startsAt: localIso(occurrence.actualDate, occurrence.start, tz), endsAt: localIso(occurrence.actualDate, occurrence.end, tz), reason, staffId,
      });
      insertDateException(this.ctx.db, {
        // A moved date stays where it was moved to, now cancelled.
        sessionId, date, kind: 'cancelled', toDate: occurrence.moved ? occurrence.actualDate : null,
        start: occurrence.moved ? occurrence.start : null, end: occurrence.moved ? occurrence.end : null,
        reason, staffId, recordedAt: now, eventId: event.id,
      });
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'session.cancel_date', target: sessionId, detail: { date, reason } });
    });
    return this.reader.toSessionOccurrence(this.reader.get(sessionId, date));
  }

  /** Moves one date to another time and/or day; sign-ups go with it (they belong to the occurrence). */
  moveDate(staffId: string, sessionId: string, date: LocalDate, to: { toDate: LocalDate; start: string; end: string; reason: string }): SessionOccurrence {
    requireDate(date);
    requireDate(to.toDate, 'toDate');
    requireTimes(to.start, to.end);
    if (Math.abs(daysBetween(date, to.toDate)) > MOVE_WINDOW_DAYS) {
      throw new DomainError('invalid', 'invalid_range', `A date can be moved by at most ${MOVE_WINDOW_DAYS} days; schedule a new session instead`);
    }
    const { occurrence } = this.reader.get(sessionId, date);
    if (occurrence.status === 'cancelled') throw new DomainError('conflict', 'session_cancelled', 'This date is cancelled');
    if (this.reader.ended(occurrence)) throw new DomainError('conflict', 'session_ended', 'This date has already taken place');
    if (to.toDate < this.reader.today()) throw new DomainError('invalid', 'invalid_date', 'A date cannot be moved into the past');
    this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const tz = this.ctx.timeZone();
      const { series } = occurrence;
      const event = append('session.scheduled', {
        sessionId, date, movedTo: to.toDate, kind: series.kind, title: series.title, capacity: series.capacity,
        startsAt: localIso(to.toDate, to.start, tz), endsAt: localIso(to.toDate, to.end, tz), change: 'moved', reason: to.reason, staffId,
      });
      insertDateException(this.ctx.db, {
        sessionId, date, kind: 'moved', toDate: to.toDate, start: to.start, end: to.end, reason: to.reason, staffId, recordedAt: now, eventId: event.id,
      });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'session.move_date', target: sessionId,
        detail: { date, toDate: to.toDate, start: to.start, end: to.end, reason: to.reason },
      });
    });
    return this.reader.toSessionOccurrence(this.reader.get(sessionId, date));
  }

  /** The week planner: seven days from `from`, cancelled occurrences included. */
  week(from: LocalDate): StaffWeek {
    requireDate(from, 'from');
    const to = addDays(from, 6);
    const leads = new Map<string, string | null>();
    return { from, days: weekOf(from, this.reader.between(from, to), (l) => this.reader.toSessionOccurrence(l, leads)) };
  }

  private versions(sessionId: string): SeriesDefinition[] {
    const versions = listSeriesVersions(this.ctx.db, sessionId);
    if (versions.length === 0) throw new DomainError('not_found', 'session_not_found', `No session with id ${sessionId}`);
    return versions;
  }

  private series(sessionId: string): SeriesDefinition {
    const series = findSeries(this.ctx.db, sessionId);
    if (!series) throw new DomainError('not_found', 'session_not_found', `No session with id ${sessionId}`);
    return series;
  }
}
