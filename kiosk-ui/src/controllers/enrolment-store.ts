import type { EnrolmentState } from '../../../edge-server/src/api-types.js';
import { Store } from './store.js';

/**
 * The newest state of a fingerprint enrolment, from the live stream (SSE `enrolment`) or, while the
 * stream is down, from polling. Staff screens follow it; staff mode keeps its sign-out timer still
 * while a member is pressing.
 */
export const enrolmentStore = new Store<EnrolmentState | null>(null);

/** True while the member, not the staff member, is the one acting (pressing or test-pressing the reader). */
export function memberAtReader(state: EnrolmentState | null): boolean {
  return state?.status === 'pressing' || state?.status === 'testing';
}

const RANK: Record<EnrolmentState['status'], number> = { pressing: 0, testing: 1, done: 2, failed: 2, cancelled: 2 };

/** Whether `next` may replace `current`: a different enrolment, or not behind it (states only move forward). */
export function isNewer(current: EnrolmentState | null, next: EnrolmentState): boolean {
  if (!current || current.id !== next.id) return true;
  return RANK[next.status] >= RANK[current.status] && RANK[current.status] < 2;
}
