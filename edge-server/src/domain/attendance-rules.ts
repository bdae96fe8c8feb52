import type { EffectiveAttendance } from '../db/attendance.repo.js';

/** A second identification this soon after the last record shows the same screen again and records nothing. */
export const REPEAT_WINDOW_MS = 60_000;

export type IdentificationDecision =
  | { action: 'check_in' }
  | { action: 'repeat_check_in'; last: EffectiveAttendance }
  | { action: 'ask_checkout'; last: EffectiveAttendance }
  | { action: 'repeat_check_out'; last: EffectiveAttendance };

/**
 * What a member's identification means, given their latest attendance record today:
 * - nothing today, or left a while ago → check in;
 * - checked in within 60 s → the same welcome, no second record (a finger placed twice);
 * - checked in earlier → ask whether they are leaving (no answer means no change);
 * - checked out within 60 s → the same goodbye.
 */
export function decideIdentification(lastToday: EffectiveAttendance | undefined, now: number): IdentificationDecision {
  if (!lastToday) return { action: 'check_in' };
  const recent = now - lastToday.occurredAt < REPEAT_WINDOW_MS;
  if (lastToday.direction === 'in') return recent ? { action: 'repeat_check_in', last: lastToday } : { action: 'ask_checkout', last: lastToday };
  return recent ? { action: 'repeat_check_out', last: lastToday } : { action: 'check_in' };
}

/** Whether a staff-entered check-in or check-out makes sense given the member's latest record today. */
export function checkManualDirection(lastToday: EffectiveAttendance | undefined, direction: 'in' | 'out'): string | null {
  const isIn = lastToday?.direction === 'in';
  if (direction === 'in' && isIn) return 'The member is already checked in today';
  if (direction === 'out' && !isIn) return 'The member is not checked in, so cannot be checked out';
  return null;
}
