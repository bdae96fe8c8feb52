import { describe, expect, it } from 'vitest';
import {
  decideSignup, isFull, membersToPromote, placesOf, stateOf, waitingPosition, type LatestSignup,
} from '../../../../edge-server/src/domain/sessions/places.js';

const rows: LatestSignup[] = [
  { memberId: 'c', action: 'waiting', seq: 7 },
  { memberId: 'a', action: 'signed_up', seq: 1 },
  { memberId: 'x', action: 'cancelled', seq: 3 },
  { memberId: 'b', action: 'promoted', seq: 5 },
  { memberId: 'd', action: 'waiting', seq: 9 },
];

describe('capacity and the waiting list', () => {
  it('derives places and a first-come waiting list from the latest transitions', () => {
    const places = placesOf(rows);
    expect(places).toEqual({ signedUp: ['a', 'b'], waiting: ['c', 'd'] });
    expect(stateOf(places, 'b')).toBe('signed_up');
    expect(stateOf(places, 'd')).toBe('waiting');
    expect(stateOf(places, 'x')).toBeNull();
    expect(waitingPosition(places, 'c')).toBe(1);
    expect(waitingPosition(places, 'd')).toBe(2);
    expect(waitingPosition(places, 'a')).toBeNull();
  });

  it('is full at capacity; no capacity is never full', () => {
    const places = placesOf(rows);
    expect(isFull(2, places)).toBe(true);
    expect(isFull(3, places)).toBe(false);
    expect(isFull(null, places)).toBe(false);
  });

  it('decides a sign-up: a place, the waiting list only when asked, and repeats change nothing', () => {
    const places = placesOf(rows);
    expect(decideSignup(3, places, 'e', false)).toEqual({ kind: 'sign_up' });
    expect(decideSignup(2, places, 'e', false)).toEqual({ kind: 'full' });
    expect(decideSignup(2, places, 'e', true)).toEqual({ kind: 'wait' });
    expect(decideSignup(2, places, 'a', false)).toEqual({ kind: 'unchanged' });
    expect(decideSignup(2, places, 'c', false)).toEqual({ kind: 'unchanged' });
    // Someone who cancelled may sign up again.
    expect(decideSignup(3, places, 'x', false)).toEqual({ kind: 'sign_up' });
  });

  it('promotes those waiting, in order, into the free places only', () => {
    const places = placesOf(rows);
    expect(membersToPromote(2, places)).toEqual([]);
    expect(membersToPromote(3, places)).toEqual(['c']);
    expect(membersToPromote(10, places)).toEqual(['c', 'd']);
    expect(membersToPromote(null, places)).toEqual(['c', 'd']);
    // Capacity lowered below the places taken: nobody is bumped, nobody promoted.
    expect(membersToPromote(1, places)).toEqual([]);
  });
});
