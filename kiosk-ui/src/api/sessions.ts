/**
 * Staff calls for activity sessions (issue 5): the week planner, the session series, one date's
 * roster and attendance, sign-ups and the waiting list. Types are the server's contract, type-only.
 */
import type {
  AttendanceMarks,
  LocalDate,
  SessionDetail,
  SessionInput,
  SessionOccurrence,
  SessionRoster,
  StaffCard,
  StaffWeek,
} from '../../../edge-server/src/api-types.js';
import { request } from './client.js';

function sessionPath(sessionId: string): string {
  return `/api/staff/sessions/${encodeURIComponent(sessionId)}`;
}

function datePath(sessionId: string, date: LocalDate): string {
  return `${sessionPath(sessionId)}/dates/${encodeURIComponent(date)}`;
}

/** Where a moved date goes: another day and/or other times, with the reason staff gave. */
export interface MoveTo {
  toDate: LocalDate;
  start: string;
  end: string;
  reason: string;
}

/** A series edit: `effectiveFrom` is the first date it applies to (absent: the server's default). */
export type SessionEdit = SessionInput & { effectiveFrom?: LocalDate };

export const sessionsApi = {
  week: (from: LocalDate, signal?: AbortSignal) =>
    request<StaffWeek>('GET', `/api/staff/schedule/week?from=${encodeURIComponent(from)}`, undefined, signal),
  colleagues: (signal?: AbortSignal) => request<{ staff: StaffCard[] }>('GET', '/api/staff/colleagues', undefined, signal),
  detail: (sessionId: string, signal?: AbortSignal) => request<SessionDetail>('GET', sessionPath(sessionId), undefined, signal),
  create: (input: SessionInput) => request<SessionDetail>('POST', '/api/staff/sessions', input),
  update: (sessionId: string, input: SessionEdit) => request<SessionDetail>('PUT', sessionPath(sessionId), input),
  cancelSeries: (sessionId: string, reason: string) => request<SessionDetail>('POST', `${sessionPath(sessionId)}/cancel`, { reason }),
  cancelDate: (sessionId: string, date: LocalDate, reason: string) =>
    request<SessionOccurrence>('POST', `${datePath(sessionId, date)}/cancel`, { reason }),
  moveDate: (sessionId: string, date: LocalDate, to: MoveTo) =>
    request<SessionOccurrence>('POST', `${datePath(sessionId, date)}/move`, to),
  roster: (sessionId: string, date: LocalDate, signal?: AbortSignal) =>
    request<SessionRoster>('GET', datePath(sessionId, date), undefined, signal),
  mark: (sessionId: string, date: LocalDate, marks: AttendanceMarks) =>
    request<SessionRoster>('POST', `${datePath(sessionId, date)}/attendance`, marks),
  signUp: (sessionId: string, date: LocalDate, memberId: string, waitlist: boolean) =>
    request<SessionRoster>('POST', `${datePath(sessionId, date)}/signups`, waitlist ? { memberId, waitlist } : { memberId }),
  cancelSignUp: (sessionId: string, date: LocalDate, memberId: string) =>
    request<SessionRoster>('POST', `${datePath(sessionId, date)}/signups/cancel`, { memberId }),
};
