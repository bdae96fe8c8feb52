import type { MemberOccurrence, MemberVisit } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../api/client.js';
import { memberSessionsApi } from '../../api/member-sessions.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import type { SessionAction } from './session-detail.js';

/** What a member's choice changed: the result step says it, and undo does the opposite. */
export type Change = 'signed_up' | 'waiting' | 'cancelled' | 'left_waitlist';

/** A cancel or leaving the line: held for the undo seconds and only then sent (see `heldChange`). */
export type HeldChange = Extract<Change, 'cancelled' | 'left_waitlist'>;

/** What the result step says once the change is recorded. */
export const RESULT_WORDS: Record<Change, MessageKey> = {
  signed_up: 'memberSessions.resultSignedUp',
  waiting: 'memberSessions.resultWaiting',
  cancelled: 'memberSessions.resultCancelled',
  left_waitlist: 'memberSessions.resultLeftWaitlist',
};

/** What the result step says while a held change waits for its seconds to run out (nothing sent yet). */
export const HELD_WORDS: Record<HeldChange, MessageKey> = {
  cancelled: 'memberSessions.resultWillCancel',
  left_waitlist: 'memberSessions.resultWillLeaveWaitlist',
};

/**
 * Whether a choice is held rather than sent at once. The server gives a freed place to the first one
 * waiting in the same transaction, so a cancel sent at once could not be taken back exactly (undoing it
 * would land the member in the line, or at its end). A cancel is therefore held for the undo seconds and
 * sent when they run out (or the member presses OK / leaves the screen); Undo simply drops it. A sign-up
 * is sent at once: a place shown as theirs must be theirs.
 */
export function heldChange(action: SessionAction): HeldChange | null {
  if (action === 'cancel') return 'cancelled';
  if (action === 'leaveWaitlist') return 'left_waitlist';
  return null;
}

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
 * A cancel (or leaving the line) held for the undo seconds: sent at most once — when the seconds run out,
 * on "好的", or when the screen is left — or dropped by Undo, in which case nothing is ever sent.
 */
export class HeldCancel {
  private pending = true;

  constructor(
    private readonly visit: MemberVisit,
    readonly occurrence: MemberOccurrence,
    readonly change: HeldChange,
  ) {}

  /** Undo: nothing was sent and nothing will be. */
  drop(): void {
    this.pending = false;
  }

  /** Send it now; null when it was already sent or dropped. */
  send(): Promise<MemberOccurrence> | null {
    if (!this.pending) return null;
    this.pending = false;
    return memberSessionsApi.cancel(this.visit, keyOf(this.occurrence));
  }
}

/** Undo of a sign-up (or joining the line) = cancel it. A held cancel has nothing to undo: it is dropped. */
export function sendUndo(visit: MemberVisit, o: MemberOccurrence): Promise<MemberOccurrence> {
  return memberSessionsApi.cancel(visit, keyOf(o));
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
