import type { DaySessions, LocalDate, MemberOccurrence, SessionOccurrence } from '../../api-types.js';
import { localDate } from '../../clock.js';
import { findDateException, findSeries, listExceptionsAround, listSeriesAround, listSeriesVersions } from '../../db/activity-sessions.repo.js';
import { listSignupStates, listSignupStatesBetween, type SignupState } from '../../db/activity-signups.repo.js';
import type { Db } from '../../db/connection.js';
import { findStaffById } from '../../db/staff.repo.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { addDays, localInstant, localIso } from './dates.js';
import { isFull, placesOf, stateOf, waitingPosition, type OccurrencePlaces } from './places.js';
import { occurrencesBetween, resolveOccurrence, seriesOn, type ResolvedOccurrence } from './recurrence.js';

/** How far one date may be moved; also how far around a range series are looked up for moved dates. */
export const MOVE_WINDOW_DAYS = 60;

/** An occurrence with its places, ready to be shown. */
export interface LoadedOccurrence {
  occurrence: ResolvedOccurrence;
  places: OccurrencePlaces;
}

function key(sessionId: string, date: LocalDate): string {
  return `${sessionId}\u0000${date}`;
}

function groupPlaces(states: SignupState[]): Map<string, OccurrencePlaces> {
  const grouped = new Map<string, SignupState[]>();
  for (const s of states) {
    const k = key(s.sessionId, s.date);
    const list = grouped.get(k);
    if (list) list.push(s);
    else grouped.set(k, [s]);
  }
  return new Map([...grouped].map(([k, list]) => [k, placesOf(list)]));
}

const NO_PLACES: OccurrencePlaces = { signedUp: [], waiting: [] };

/** Every occurrence happening in [from, to] (by the day it happens), with places. */
export function loadOccurrencesBetween(db: Db, from: LocalDate, to: LocalDate): LoadedOccurrence[] {
  const series = listSeriesAround(db, addDays(from, -MOVE_WINDOW_DAYS), addDays(to, MOVE_WINDOW_DAYS));
  const occurrences = occurrencesBetween(series, listExceptionsAround(db, from, to), from, to);
  const places = groupPlaces(listSignupStatesBetween(db, from, to));
  return occurrences.map((occurrence) => {
    const k = key(occurrence.series.sessionId, occurrence.date);
    // A date moved in from outside the range has its sign-ups under its own (scheduled) date.
    const own = places.get(k) ?? (occurrence.date < from || occurrence.date > to
      ? placesOf(listSignupStates(db, occurrence.series.sessionId, occurrence.date)) : NO_PLACES);
    return { occurrence, places: own };
  });
}

/** Seven days from `from`, each with the occurrences that happen on it, shaped by `view`. */
export function weekOf<T extends SessionOccurrence>(from: LocalDate, loaded: LoadedOccurrence[], view: (l: LoadedOccurrence) => T): DaySessions<T>[] {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(from, i);
    return { date, sessions: loaded.filter((l) => l.occurrence.actualDate === date).map(view) };
  });
}

/** Members with a place at a session that takes place on `date` (the no-show check expects them). */
export function membersSignedUpOn(db: Db, date: LocalDate): Set<string> {
  const expected = new Set<string>();
  for (const l of loadOccurrencesBetween(db, date, date)) if (l.occurrence.status === 'scheduled') l.places.signedUp.forEach((id) => expected.add(id));
  return expected;
}

/** Reads occurrences (series + exceptions + sign-ups) and shapes them for the API. */
export class OccurrenceReader {
  constructor(private readonly ctx: DomainContext) {}

  today(): LocalDate {
    return localDate(this.ctx.clock.now(), this.ctx.timeZone());
  }

  /** Every occurrence happening in [from, to], with places. */
  between(from: LocalDate, to: LocalDate): LoadedOccurrence[] {
    return loadOccurrencesBetween(this.ctx.db, from, to);
  }

  /** One occurrence by its key (with the version in force on it), or undefined when the series has no such date. */
  find(sessionId: string, date: LocalDate): LoadedOccurrence | undefined {
    const series = seriesOn(listSeriesVersions(this.ctx.db, sessionId), date);
    if (!series) return undefined;
    const occurrence = resolveOccurrence(series, date, findDateException(this.ctx.db, sessionId, date));
    return { occurrence, places: placesOf(listSignupStates(this.ctx.db, sessionId, date)) };
  }

  /** Like `find`, but a missing occurrence is a 404 naming what was asked for. */
  get(sessionId: string, date: LocalDate): LoadedOccurrence {
    const found = this.find(sessionId, date);
    if (!found) {
      const code = findSeries(this.ctx.db, sessionId) ? 'occurrence_not_found' : 'session_not_found';
      throw new DomainError('not_found', code, code === 'session_not_found'
        ? `No session with id ${sessionId}` : `Session ${sessionId} does not take place on ${date}`);
    }
    return found;
  }

  /** The occurrence has ended (its end time has passed). */
  ended(occurrence: ResolvedOccurrence): boolean {
    return localInstant(occurrence.actualDate, occurrence.end, this.ctx.timeZone()) <= this.ctx.clock.now();
  }

  /** Staff view of an occurrence. `leads` caches staff names across one response. */
  toSessionOccurrence({ occurrence, places }: LoadedOccurrence, leads = new Map<string, string | null>()): SessionOccurrence {
    const { series } = occurrence;
    const tz = this.ctx.timeZone();
    return {
      sessionId: series.sessionId,
      date: occurrence.date,
      kind: series.kind,
      title: series.title,
      room: series.room,
      lead: this.lead(series.leadStaffId, leads),
      startsAt: localIso(occurrence.actualDate, occurrence.start, tz),
      endsAt: localIso(occurrence.actualDate, occurrence.end, tz),
      capacity: series.capacity,
      signedUp: places.signedUp.length,
      waiting: places.waiting.length,
      status: occurrence.status,
      moved: occurrence.moved,
      repeat: series.repeat,
    };
  }

  /** One member's view of an occurrence. */
  toMemberOccurrence(loaded: LoadedOccurrence, memberId: string, leads = new Map<string, string | null>()): MemberOccurrence {
    return {
      ...this.toSessionOccurrence(loaded, leads),
      mine: stateOf(loaded.places, memberId),
      waitingPosition: waitingPosition(loaded.places, memberId),
      full: isFull(loaded.occurrence.series.capacity, loaded.places),
      closed: loaded.occurrence.status === 'cancelled' || this.ended(loaded.occurrence),
    };
  }

  lead(staffId: string | null, cache = new Map<string, string | null>()): { id: string; name: string } | null {
    if (staffId === null) return null;
    if (!cache.has(staffId)) cache.set(staffId, findStaffById(this.ctx.db, staffId)?.name ?? null);
    const name = cache.get(staffId);
    return name ? { id: staffId, name } : null;
  }
}
