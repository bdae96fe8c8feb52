/**
 * Capacity and the waiting list of one occurrence, as pure functions of its sign-up transitions.
 * A member's state is their latest transition; the waiting list is first come, first served by the
 * transition that put each member on it.
 */

export type SignupAction = 'signed_up' | 'waiting' | 'cancelled' | 'promoted';

/** A member's latest sign-up transition on one occurrence. */
export interface LatestSignup {
  memberId: string;
  action: SignupAction;
  /** the transition's row id: its order of arrival */
  seq: number;
}

export interface OccurrencePlaces {
  /** members with a place, in the order they got it */
  signedUp: string[];
  /** members waiting, next to get a place first */
  waiting: string[];
}

export function placesOf(latest: LatestSignup[]): OccurrencePlaces {
  const sorted = [...latest].sort((a, b) => a.seq - b.seq);
  return {
    signedUp: sorted.filter((s) => s.action === 'signed_up' || s.action === 'promoted').map((s) => s.memberId),
    waiting: sorted.filter((s) => s.action === 'waiting').map((s) => s.memberId),
  };
}

export function stateOf(places: OccurrencePlaces, memberId: string): 'signed_up' | 'waiting' | null {
  if (places.signedUp.includes(memberId)) return 'signed_up';
  if (places.waiting.includes(memberId)) return 'waiting';
  return null;
}

/** 1-based place on the waiting list, or null when not waiting. */
export function waitingPosition(places: OccurrencePlaces, memberId: string): number | null {
  const index = places.waiting.indexOf(memberId);
  return index < 0 ? null : index + 1;
}

export function isFull(capacity: number | null, places: OccurrencePlaces): boolean {
  return capacity !== null && places.signedUp.length >= capacity;
}

export type SignupDecision =
  | { kind: 'unchanged' }
  | { kind: 'sign_up' }
  | { kind: 'wait' }
  | { kind: 'full' };

/**
 * What a sign-up request does. Repeating a request is harmless (`unchanged`); a member already
 * waiting stays waiting (their place in the queue is kept) whether or not they ask for the list again.
 */
export function decideSignup(capacity: number | null, places: OccurrencePlaces, memberId: string, waitlist: boolean): SignupDecision {
  const state = stateOf(places, memberId);
  if (state !== null) return { kind: 'unchanged' };
  if (!isFull(capacity, places)) return { kind: 'sign_up' };
  return waitlist ? { kind: 'wait' } : { kind: 'full' };
}

/** The waiting members who get a place now that `places` has room (in waiting-list order). */
export function membersToPromote(capacity: number | null, places: OccurrencePlaces): string[] {
  const free = capacity === null ? places.waiting.length : Math.max(0, capacity - places.signedUp.length);
  return places.waiting.slice(0, free);
}
