/**
 * The member's own session calls (`/api/member/*`). Each carries the visit token from the check-in
 * outcome; an expired visit is an `ApiFailure` with code `visit_expired` (401), a full session on
 * sign-up `session_full` (409).
 */
import type {
  LocalDate,
  MemberOccurrence,
  MemberSignupRequest,
  MemberToday,
  MemberVisit,
  MemberWeek,
} from '../../../edge-server/src/api-types.js';
import { request } from './client.js';

export type { MemberOccurrence, MemberToday, MemberWeek };

/** The header the server reads the visit from (`MEMBER_VISIT_HEADER` on the server). */
const VISIT_HEADER = 'X-Member-Visit';

function visitHeaders(visit: MemberVisit): Record<string, string> {
  return { [VISIT_HEADER]: visit.token };
}

/** The occurrence a sign-up or a cancel is about: a session on one date. */
export type OccurrenceKey = Pick<MemberSignupRequest, 'sessionId' | 'date'>;

export const memberSessionsApi = {
  today: (visit: MemberVisit, signal?: AbortSignal) =>
    request<MemberToday>('GET', '/api/member/today', undefined, signal, visitHeaders(visit)),
  /** seven days from `from` (default: the centre's today) */
  week: (visit: MemberVisit, from?: LocalDate, signal?: AbortSignal) =>
    request<MemberWeek>('GET', from ? `/api/member/week?from=${encodeURIComponent(from)}` : '/api/member/week', undefined, signal, visitHeaders(visit)),
  signUp: (visit: MemberVisit, body: MemberSignupRequest) =>
    request<MemberOccurrence>('POST', '/api/member/signups', body, undefined, visitHeaders(visit)),
  cancel: (visit: MemberVisit, key: OccurrenceKey) =>
    request<MemberOccurrence>('POST', '/api/member/signups/cancel', { sessionId: key.sessionId, date: key.date }, undefined, visitHeaders(visit)),
};
