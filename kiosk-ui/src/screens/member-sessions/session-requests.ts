import type { MemberOccurrence, MemberVisit } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../api/client.js';
import { memberSessionsApi } from '../../api/member-sessions.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { SessionAction } from './session-detail.js';

/** What a member's choice changed: the result step says it, and undo does the opposite. */
export type Change = 'signed_up' | 'waiting' | 'cancelled' | 'left_waitlist';

export const RESULT_WORDS: Record<Change, MessageKey> = {
  signed_up: 'memberSessions.resultSignedUp',
  waiting: 'memberSessions.resultWaiting',
  cancelled: 'memberSessions.resultCancelled',
  left_waitlist: 'memberSessions.resultLeftWaitlist',
};

function keyOf(o: MemberOccurrence) {
  return { sessionId: o.sessionId, date: o.date };
}

/** Send a choice (sign up, join the line, leave either); the session as it now stands and what changed. */
export async function sendChoice(
  visit: MemberVisit, o: MemberOccurrence, action: SessionAction,
): Promise<{ updated: MemberOccurrence; change: Change }> {
  if (action === 'cancel' || action === 'leaveWaitlist') {
    const updated = await memberSessionsApi.cancel(visit, keyOf(o));
    return { updated, change: action === 'cancel' ? 'cancelled' : 'left_waitlist' };
  }
  const updated = await memberSessionsApi.signUp(visit, action === 'joinWaitlist' ? { ...keyOf(o), waitlist: true } : keyOf(o));
  return { updated, change: updated.mine === 'waiting' ? 'waiting' : 'signed_up' };
}

/**
 * Undo = the opposite request. An undone cancel signs up again (into the line if the place went meanwhile:
 * the server answers `session_full`, see `refusal`); an undone "leave the line" rejoins at its end.
 */
export function sendUndo(visit: MemberVisit, o: MemberOccurrence, change: Change): Promise<MemberOccurrence> {
  if (change === 'signed_up' || change === 'waiting') return memberSessionsApi.cancel(visit, keyOf(o));
  return memberSessionsApi.signUp(visit, change === 'left_waitlist' ? { ...keyOf(o), waitlist: true } : keyOf(o));
}

/**
 * A refusal that changes the session on screen rather than being an error: it just became full (offer the
 * line), or staff cancelled the date / it ended while the member was looking (only "back" is left).
 * Null for every other failure.
 */
export function refusal(err: unknown, o: MemberOccurrence): { occurrence: MemberOccurrence; notice: MessageKey } | null {
  if (!(err instanceof ApiFailure)) return null;
  switch (err.code) {
    case 'session_full':
      return { occurrence: { ...o, mine: null, full: true }, notice: 'memberSessions.nowFull' };
    case 'session_cancelled':
    case 'occurrence_not_found':
      return { occurrence: { ...o, status: 'cancelled', closed: true }, notice: 'memberSessions.nowCancelled' };
    case 'session_ended':
      return { occurrence: { ...o, closed: true }, notice: 'memberSessions.nowEnded' };
    default:
      return null;
  }
}
