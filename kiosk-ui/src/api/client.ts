/**
 * Typed calls to edge-server. Types come from the server's contract, type-only (ARCHITECTURE.md).
 * Every non-2xx answer becomes an `ApiFailure` carrying the server's stable error `code`.
 */
import type {
  AlertInfo,
  AlertSummary,
  ApiError,
  BiometricStatus,
  ConsentBy,
  EnrolmentState,
  Finger,
  KioskInfo,
  KioskOutcome,
  MemberMatch,
  MonitorState,
  StaffSessionInfo,
  SyncStatusInfo,
  TodayAttendance,
} from '../../../edge-server/src/api-types.js';

export type { AlertInfo, AlertSummary, BiometricStatus, ConsentBy, EnrolmentState, Finger, MemberMatch, MonitorState, StaffSessionInfo };

/** `GET /api/staff/alerts`: unresolved alerts (emergencies first), then the last week's resolved ones. */
export interface AlertConsole {
  open: AlertInfo[];
  history: AlertInfo[];
}

export type Direction = 'in' | 'out';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** the whole error body, for fields such as `attemptsLeft` or `lockedUntil` */
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * One call to edge-server. Area clients (`api/*.ts`) build on it; `headers` carries e.g. the member's
 * visit token (`X-Member-Visit`).
 */
export async function request<T>(
  method: string, path: string, body?: unknown, signal?: AbortSignal, headers: Record<string, string> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiFailure(0, 'network', err instanceof Error ? err.message : String(err), {});
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const error = (json as Partial<ApiError> | undefined)?.error;
    throw new ApiFailure(
      res.status,
      error?.code ?? `http_${res.status}`,
      error?.message ?? res.statusText,
      (json && typeof json === 'object' ? json : {}) as Record<string, unknown>,
    );
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  kiosk: (signal?: AbortSignal) => request<KioskInfo>('GET', '/api/kiosk', undefined, signal),
  identifyCard: (cardNumber: string) => request<KioskOutcome>('POST', '/api/identify/card', { cardNumber }),
  checkout: (confirmToken: string) => request<KioskOutcome>('POST', '/api/attendance/checkout', { confirmToken }),
  callStaff: (memberId: string | null) => request<{ alertId: string }>('POST', '/api/help', { memberId }),
  staffClock: (identToken: string, direction: Direction) =>
    request<KioskOutcome>('POST', '/api/staff/clock', { identToken, direction }),
  staffSignIn: (identToken: string, pin: string) =>
    request<StaffSessionInfo>('POST', '/api/staff/session', { identToken, pin }),
  staffSession: () => request<StaffSessionInfo>('GET', '/api/staff/session'),
  staffSignOut: () => request<void>('DELETE', '/api/staff/session'),
  today: (signal?: AbortSignal) => request<TodayAttendance>('GET', '/api/staff/attendance/today', undefined, signal),
  members: (q: string, signal?: AbortSignal) =>
    request<{ members: MemberMatch[] }>('GET', `/api/staff/members?q=${encodeURIComponent(q)}`, undefined, signal),
  assist: (memberId: string, direction: Direction, reason: string) =>
    request<{ attendanceId: string }>('POST', '/api/staff/attendance', { memberId, direction, reason }),
  correct: (attendanceId: string, field: 'occurredAt' | 'voided', to: string, reason: string) =>
    request<unknown>('POST', '/api/staff/attendance/corrections', { attendanceId, field, to, reason }),
  biometrics: (memberId: string, signal?: AbortSignal) =>
    request<BiometricStatus>('GET', `${memberPath(memberId)}/biometrics`, undefined, signal),
  giveConsent: (memberId: string, by: ConsentBy, guardianName?: string) =>
    request<BiometricStatus>('POST', `${memberPath(memberId)}/consent`, { by, guardianName }),
  withdrawConsent: (memberId: string, by: ConsentBy, guardianName?: string) =>
    request<BiometricStatus>('POST', `${memberPath(memberId)}/consent/withdraw`, { by, guardianName }),
  removeFinger: (memberId: string, finger: Finger) =>
    request<BiometricStatus>('DELETE', `${memberPath(memberId)}/fingers/${finger}`),
  startEnrolment: (memberId: string, finger: Finger) =>
    request<EnrolmentState>('POST', '/api/staff/enrolments', { memberId, finger }),
  enrolment: (id: string, signal?: AbortSignal) =>
    request<EnrolmentState>('GET', `/api/staff/enrolments/${encodeURIComponent(id)}`, undefined, signal),
  currentEnrolment: () => request<EnrolmentState>('GET', '/api/staff/enrolments/current'),
  cancelEnrolment: (id: string) => request<EnrolmentState>('POST', `/api/staff/enrolments/${encodeURIComponent(id)}/cancel`),
  activeAlerts: (signal?: AbortSignal) => request<{ alerts: AlertSummary[] }>('GET', '/api/alerts/active', undefined, signal),
  alertConsole: (signal?: AbortSignal) => request<AlertConsole>('GET', '/api/staff/alerts', undefined, signal),
  acknowledgeAlert: (id: string, note?: string) =>
    request<AlertInfo>('POST', `${alertPath(id)}/acknowledge`, note ? { note } : {}),
  resolveAlert: (id: string, note: string) => request<AlertInfo>('POST', `${alertPath(id)}/resolve`, { note }),
  monitor: (signal?: AbortSignal) => request<MonitorState>('GET', '/api/staff/monitor', undefined, signal),
  /** `GET /api/staff/sync`: connected or not, the queue, last push/pull, rejected events, the drain progress. */
  syncStatus: (signal?: AbortSignal) => request<SyncStatusInfo>('GET', '/api/staff/sync', undefined, signal),
  recordLeave: (memberId: string, from: string, to: string, reason: string) =>
    request<{ leaveId: string }>('POST', '/api/staff/leave', { memberId, from, to, reason }),
};

function alertPath(id: string): string {
  return `/api/staff/alerts/${encodeURIComponent(id)}`;
}

function memberPath(memberId: string): string {
  return `/api/staff/members/${encodeURIComponent(memberId)}`;
}
