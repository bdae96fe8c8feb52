import type { LocalDate } from '../../api-types.js';
import { insertSignupTransition, listDatesWithWaiting, listSignupStates } from '../../db/activity-signups.repo.js';
import { recordAudit } from '../../db/audit.repo.js';
import { findMemberById } from '../../db/members.repo.js';
import type { AppendEvent } from '../../events/event-log.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import type { LoadedOccurrence, OccurrenceReader } from './occurrences.js';
import { decideSignup, membersToPromote, placesOf, stateOf, type SignupAction } from './places.js';

/** Who made a sign-up change: the member at the kiosk, or a staff member for them. */
export type SignupActor = { via: 'kiosk'; staffId: null } | { via: 'staff'; staffId: string };

export const AT_KIOSK: SignupActor = { via: 'kiosk', staffId: null };

/**
 * Sign-ups and the waiting list of occurrences. `session.signed_up` carries `waiting` (joined the
 * waiting list) and `promoted` (got a place that freed up); `session.signup_cancelled` carries
 * `wasWaiting`. Promotions happen in the same transaction as the change that freed the place.
 */
export class SignupService {
  constructor(private readonly ctx: DomainContext, private readonly reader: OccurrenceReader) {}

  /** Refuses anything but an occurrence that is scheduled and has not ended. */
  private openOccurrence(sessionId: string, date: LocalDate): LoadedOccurrence {
    const loaded = this.reader.get(sessionId, date);
    if (loaded.occurrence.status === 'cancelled') throw new DomainError('conflict', 'session_cancelled', 'This session is cancelled on that date');
    if (this.reader.ended(loaded.occurrence)) throw new DomainError('conflict', 'session_ended', 'This session has already ended');
    return loaded;
  }

  private activeMember(memberId: string): void {
    const member = findMemberById(this.ctx.db, memberId);
    if (!member) throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
    if (member.status !== 'active') throw new DomainError('conflict', 'member_inactive', 'The member is inactive in the registry');
  }

  signUp(memberId: string, sessionId: string, date: LocalDate, waitlist: boolean, actor: SignupActor): void {
    this.activeMember(memberId);
    const { occurrence } = this.openOccurrence(sessionId, date);
    this.ctx.log.write((append) => {
      const places = placesOf(listSignupStates(this.ctx.db, sessionId, date));
      const decision = decideSignup(occurrence.series.capacity, places, memberId, waitlist);
      if (decision.kind === 'unchanged') return;
      if (decision.kind === 'full') {
        throw new DomainError('conflict', 'session_full', 'No place left; the waiting list is open', { waiting: places.waiting.length });
      }
      this.transition(append, { sessionId, date, memberId, action: decision.kind === 'wait' ? 'waiting' : 'signed_up' }, actor);
    });
  }

  /** Leaves the place or the waiting list; a freed place goes to the first one waiting. Repeating it is harmless. */
  cancel(memberId: string, sessionId: string, date: LocalDate, actor: SignupActor): void {
    const { occurrence } = this.openOccurrence(sessionId, date);
    this.ctx.log.write((append) => {
      const places = placesOf(listSignupStates(this.ctx.db, sessionId, date));
      const state = stateOf(places, memberId);
      if (state === null) return;
      this.transition(append, { sessionId, date, memberId, action: 'cancelled', wasWaiting: state === 'waiting' }, actor);
      this.promote(append, sessionId, date, occurrence.series.capacity, actor);
    });
  }

  /** Inside a write: gives every free place of the occurrence to those waiting, in order. */
  promote(append: AppendEvent, sessionId: string, date: LocalDate, capacity: number | null, actor: SignupActor): void {
    const places = placesOf(listSignupStates(this.ctx.db, sessionId, date));
    for (const memberId of membersToPromote(capacity, places)) this.transition(append, { sessionId, date, memberId, action: 'promoted' }, actor);
  }

  /** Inside a write, after an edit: upcoming occurrences with people waiting fill any new places. */
  fillFreedPlaces(append: AppendEvent, sessionId: string, staffId: string): void {
    for (const date of listDatesWithWaiting(this.ctx.db, sessionId, this.reader.today())) {
      const loaded = this.reader.find(sessionId, date);
      if (!loaded || loaded.occurrence.status === 'cancelled' || this.reader.ended(loaded.occurrence)) continue;
      this.promote(append, sessionId, date, loaded.occurrence.series.capacity, { via: 'staff', staffId });
    }
  }

  /** Inside a write: adds a member who turned up without a place (a walk-in), capacity notwithstanding. */
  addWalkIn(append: AppendEvent, sessionId: string, date: LocalDate, memberId: string, staffId: string): void {
    const places = placesOf(listSignupStates(this.ctx.db, sessionId, date));
    if (stateOf(places, memberId) === 'signed_up') return;
    this.transition(append, { sessionId, date, memberId, action: 'signed_up', walkIn: true }, { via: 'staff', staffId });
  }

  private transition(
    append: AppendEvent,
    change: { sessionId: string; date: LocalDate; memberId: string; action: SignupAction; walkIn?: boolean; wasWaiting?: boolean },
    actor: SignupActor,
  ): void {
    const now = this.ctx.clock.now();
    const { sessionId, date, memberId, action } = change;
    const base = { sessionId, date, memberId, via: actor.via, staffId: actor.staffId };
    const event = action === 'cancelled'
      ? append('session.signup_cancelled', { ...base, wasWaiting: change.wasWaiting ?? false })
      : append('session.signed_up', { ...base, waiting: action === 'waiting', promoted: action === 'promoted', walkIn: change.walkIn ?? false });
    insertSignupTransition(this.ctx.db, { sessionId, date, memberId, action, via: actor.via, staffId: actor.staffId, at: now, eventId: event.id });
    if (actor.staffId !== null) {
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: actor.staffId, action: `session.signup_${action}`, target: memberId, detail: { sessionId, date },
      });
    }
  }
}
