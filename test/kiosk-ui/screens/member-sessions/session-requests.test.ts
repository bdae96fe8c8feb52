import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MemberOccurrence, MemberVisit } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../../../kiosk-ui/src/api/client.js';
import { actionFor } from '../../../../kiosk-ui/src/screens/member-sessions/session-detail.js';
import { listPageSize, pageCount, pageOf } from '../../../../kiosk-ui/src/screens/member-sessions/session-lists.js';
import { HeldCancel, heldChange, refusal, sendChoice, sendUndo } from '../../../../kiosk-ui/src/screens/member-sessions/session-requests.js';
import { memberOccurrence as occurrence } from '../../fixtures/member-occurrence.js';

const visit: MemberVisit = { token: 'visit-token', expiresAt: '2026-12-04T10:00:00.000+08:00' };

/** Every request the client sends, answered with `answer` (the session as the server would return it). */
function recordRequests(answer: MemberOccurrence) {
  const sent: { method: string; url: string; body: unknown; visit: string | null }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({
      method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined,
      visit: new Headers(init.headers).get('X-Member-Visit'),
    });
    return new Response(JSON.stringify(answer), { status: 200 });
  });
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('what a member can do with a session', () => {
  it('offers sign-up when open, the waiting list when full, cancel or leave the line when theirs, nothing when closed', () => {
    expect(actionFor(occurrence())).toBe('signUp');
    expect(actionFor(occurrence({ full: true }))).toBe('joinWaitlist');
    expect(actionFor(occurrence({ mine: 'signed_up', full: true }))).toBe('cancel');
    expect(actionFor(occurrence({ mine: 'waiting', waitingPosition: 2, full: true }))).toBe('leaveWaitlist');
    expect(actionFor(occurrence({ closed: true }))).toBeNull();
    expect(actionFor(occurrence({ status: 'cancelled', closed: true, mine: 'signed_up' }))).toBeNull();
  });
});

describe('choices and their undo', () => {
  it('signs up with the visit token, and undo cancels the same occurrence', async () => {
    const sent = recordRequests(occurrence({ mine: 'signed_up', signedUp: 2, full: true }));
    const { change } = await sendChoice(visit, occurrence(), 'signUp');
    expect(change).toBe('signed_up');
    await sendUndo(visit, occurrence());
    expect(sent).toEqual([
      { method: 'POST', url: '/api/member/signups', body: { sessionId: 'ses_1', date: '2026-12-04' }, visit: 'visit-token' },
      { method: 'POST', url: '/api/member/signups/cancel', body: { sessionId: 'ses_1', date: '2026-12-04' }, visit: 'visit-token' },
    ]);
  });

  it('joins the waiting list of a full session at once', async () => {
    const sent = recordRequests(occurrence({ mine: 'waiting', waitingPosition: 1, full: true }));
    const { change } = await sendChoice(visit, occurrence({ full: true }), 'joinWaitlist');
    expect(change).toBe('waiting');
    expect(sent).toEqual([
      { method: 'POST', url: '/api/member/signups', body: { sessionId: 'ses_1', date: '2026-12-04', waitlist: true }, visit: 'visit-token' },
    ]);
  });

  it('says "waiting" when a plain sign-up ends on the waiting list, and "cancelled" for a cancel', async () => {
    recordRequests(occurrence({ mine: 'waiting', waitingPosition: 1 }));
    expect((await sendChoice(visit, occurrence(), 'signUp')).change).toBe('waiting');
    recordRequests(occurrence());
    expect((await sendChoice(visit, occurrence({ mine: 'signed_up' }), 'cancel')).change).toBe('cancelled');
    expect((await sendChoice(visit, occurrence({ mine: 'waiting' }), 'leaveWaitlist')).change).toBe('left_waitlist');
  });
});

describe('a held cancel', () => {
  it('holds cancelling and leaving the line, never a sign-up or joining the line', () => {
    expect(heldChange('cancel')).toBe('cancelled');
    expect(heldChange('leaveWaitlist')).toBe('left_waitlist');
    expect(heldChange('signUp')).toBeNull();
    expect(heldChange('joinWaitlist')).toBeNull();
  });

  it('sends nothing while held, and nothing at all once Undo dropped it', () => {
    const sent = recordRequests(occurrence({ mine: 'signed_up' }));
    const held = new HeldCancel(visit, occurrence({ mine: 'signed_up' }), 'cancelled');
    expect(sent).toEqual([]);
    held.drop();
    // the seconds running out, "好的" or leaving the screen after Undo: still nothing
    expect(held.send()).toBeNull();
    expect(sent).toEqual([]);
  });

  it('sends the cancel once, with the visit token, however many ways the countdown ends', async () => {
    const sent = recordRequests(occurrence());
    const held = new HeldCancel(visit, occurrence({ mine: 'waiting', waitingPosition: 2, full: true }), 'left_waitlist');
    expect(await held.send()).toEqual(occurrence());
    // "好的" pressed as the time runs out, then the screen left: no second request
    expect(held.send()).toBeNull();
    held.drop();
    expect(sent).toEqual([
      { method: 'POST', url: '/api/member/signups/cancel', body: { sessionId: 'ses_1', date: '2026-12-04' }, visit: 'visit-token' },
    ]);
  });
});

describe('refusals that change the session on screen', () => {
  const failure = (status: number, code: string) => new ApiFailure(status, code, code, {});

  it('a full session offers the line; a cancelled or ended one is closed; anything else is an error', () => {
    expect(refusal(failure(409, 'session_full'), occurrence({ mine: 'signed_up' }))).toEqual({
      occurrence: occurrence({ mine: null, full: true }), notice: 'memberSessions.nowFull',
    });
    expect(refusal(failure(409, 'session_cancelled'), occurrence())?.occurrence).toMatchObject({ status: 'cancelled', closed: true });
    expect(refusal(failure(404, 'occurrence_not_found'), occurrence())?.notice).toBe('memberSessions.nowCancelled');
    expect(refusal(failure(409, 'session_ended'), occurrence())?.occurrence).toMatchObject({ status: 'scheduled', closed: true });
    expect(refusal(failure(401, 'visit_expired'), occurrence())).toBeNull();
    expect(refusal(failure(0, 'network'), occurrence())).toBeNull();
    expect(refusal(new Error('boom'), occurrence())).toBeNull();
  });
});

describe('pages of session cards', () => {
  it('fits fewer cards with large text or easy-read, and pages cover every card once', () => {
    const profile = { speech: true, largeText: false, highContrast: false, easyRead: false, timeoutScale: 1 };
    expect(listPageSize(profile)).toBe(3);
    expect(listPageSize({ ...profile, easyRead: true })).toBe(2);
    expect(listPageSize({ ...profile, largeText: true, easyRead: true })).toBe(1);
    const cards = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(pageCount(cards.length, 3)).toBe(3);
    expect(pageCount(0, 3)).toBe(1);
    expect([0, 1, 2].flatMap((p) => pageOf(cards, p, 3))).toEqual(cards);
  });
});
