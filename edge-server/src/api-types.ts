/**
 * The HTTP/SSE contract between edge-server and kiosk-ui.
 * kiosk-ui imports this file type-only (ARCHITECTURE.md: never runtime code across that line).
 */

import type { MemberOccurrence } from './api-types-sessions.js';
import type { SurveyPrompt } from './api-types-community.js';
import type { EnrolOutcome, EnrolmentProblem, EnrolmentProgress as EnrolmentStep } from '../../hardware/fingerprint/port.js';

/** How a person was identified; the same words as the upstream protocol's `method`. */
export type IdentMethod = 'fingerprint' | 'card' | 'photo_confirmed' | 'staff_assisted';

/** A member's accessibility profile; applied by the UI the moment the member is identified. */
export interface AccessibilityProfile {
  speech: boolean;
  largeText: boolean;
  highContrast: boolean;
  easyRead: boolean;
  /** Multiplier for every member-screen timeout (1 = default, 2 = twice as long). */
  timeoutScale: number;
}

export const DEFAULT_PROFILE: AccessibilityProfile = {
  speech: true,
  largeText: false,
  highContrast: false,
  easyRead: false,
  timeoutScale: 1,
};

export interface MemberCard {
  id: string;
  name: string;
  /** URL of the member's photo, or null: the UI then draws a friendly avatar. */
  photoUrl: string | null;
  profile: AccessibilityProfile;
}

export interface StaffCard {
  id: string;
  name: string;
  role: string;
}

export type * from './api-types-sessions.js';
export type * from './api-types-employment.js';
export type * from './api-types-community.js';
export type * from './api-types-lending.js';
export type * from './api-types-sync.js';

/**
 * A member's visit at the screen: the proof, for `/api/member/*` (header `X-Member-Visit`), that this
 * member was identified here a moment ago. Not single-use; each use extends it (a sliding window).
 */
export interface MemberVisit {
  token: string;
  expiresAt: string;
}

/**
 * What the kiosk screen should show after an identification (finger, card) or a confirmation.
 * `id` is unique per outcome so a UI that receives the same outcome twice (HTTP and SSE) shows it once.
 */
export type KioskOutcome =
  | { id: string; kind: 'checked_in'; member: MemberCard; at: string; method: IdentMethod;
      /** true when this is a repeat within 60 s of the check-in: nothing new was recorded */
      repeat: boolean;
      /** today's sessions for this member: theirs first, then open ones (`MemberToday.mine` + `.open`) */
      activities: MemberOccurrence[];
      visit: MemberVisit }
  | { id: string; kind: 'confirm_checkout'; member: MemberCard; checkedInAt: string;
      /** single-use, short-lived token that POST /api/attendance/checkout needs */
      confirmToken: string; expiresAt: string }
  | { id: string; kind: 'checked_out'; member: MemberCard; at: string; method: IdentMethod; repeat: boolean;
      visit: MemberVisit;
      /** the satisfaction question, when this member is due one (never on a repeat) */
      survey: SurveyPrompt | null }
  | { id: string; kind: 'not_recognised'; method: IdentMethod }
  | { id: string; kind: 'member_inactive'; method: IdentMethod }
  | { id: string; kind: 'staff_identified'; staff: StaffCard; clockedIn: boolean;
      /** single-use token for POST /api/staff/clock and POST /api/staff/session (finger + PIN) */
      identToken: string; expiresAt: string }
  | { id: string; kind: 'staff_clocked'; staff: StaffCard; direction: 'in' | 'out'; at: string };

export interface KioskInfo {
  version: string;
  centre: { name: string; timezone: string };
  /** UI default language for this centre */
  language: 'zh-CN' | 'en';
  /** true when hardware is simulated (demo) and /api/sim/* exists */
  simulated: boolean;
  hardware: { fingerprint: HardwareHealth; gpio: HardwareHealth };
  serverTime: string;
  /** seconds a member screen stays before its "more time?" warning (scaled by the member's timeoutScale) */
  timeouts: { idleSec: number };
}

/** `GET/POST /api/staff/session` */
export interface StaffSessionInfo {
  staff: StaffCard;
  idleTimeoutSec: number;
}

/** One row of `GET /api/staff/members?q=` */
export interface MemberMatch {
  id: string;
  name: string;
  disabilityCategory: string | null;
  present: boolean;
}

export type HardwareHealth = 'ok' | 'absent' | 'error' | 'degraded';

export interface ApiError {
  error: { code: string; message: string };
}

/** Staff view of today's attendance. */
export interface TodayAttendance {
  date: string;
  present: AttendanceLine[];
  left: AttendanceLine[];
  notYet: { memberId: string; name: string }[];
}

export interface AttendanceLine {
  memberId: string;
  name: string;
  /** the effective (corrected) check-in, and its record id for corrections */
  checkInId: string;
  checkedInAt: string;
  checkInMethod: IdentMethod;
  checkOutId: string | null;
  checkedOutAt: string | null;
}

/**
 * Server-sent events on GET /api/events:
 *  - `outcome`  data: KioskOutcome   (identifications coming from the reader)
 *  - `record`   data: { seq, type, occurredAt, data }  (every event appended to the local log)
 *  - `hardware` data: { fingerprint: HardwareHealth, gpio: HardwareHealth }
 *  - `enrolment` data: EnrolmentState (a fingerprint enrolment in progress, step by step)
 *  - `alert`    data: AlertSummary (raised, acknowledged or resolved; no personal data)
 * Each message has an `id:`; a comment line is sent every 15 s as keep-alive.
 */
export interface RecordMessage {
  seq: number;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** Fingers a member may enrol; the words are the upstream protocol's `finger` values. */
export type Finger =
  | 'right_thumb' | 'right_index' | 'right_middle' | 'right_ring' | 'right_little'
  | 'left_thumb' | 'left_index' | 'left_middle' | 'left_ring' | 'left_little';

/** Who agreed to biometric attendance: the member, or the guardian for a member who cannot consent. */
export type ConsentBy = 'self' | 'guardian';

export interface ConsentInfo {
  id: string;
  by: ConsentBy;
  guardianName: string | null;
  givenAt: string;
  staffName: string;
}

/** `GET /api/staff/members/:id/biometrics` and the answer of every consent/finger change. */
export interface BiometricStatus {
  member: { id: string; name: string };
  /** The consent in force, or null (never given, or withdrawn): then there is no enrolment. */
  consent: ConsentInfo | null;
  fingers: { finger: Finger; slot: number; enrolledAt: string }[];
  reader: HardwareHealth;
  /** Slot removals that the reader has not confirmed yet (it was unplugged); retried on reconnect. */
  pendingSensorDeletions: number;
}

/**
 * A step of a guided enrolment and why a press must be repeated: the reader port's own words (the UI
 * gives plain advice for each problem, never blame).
 */
export type { EnrolmentProgress as EnrolmentStep, EnrolmentProblem } from '../../hardware/fingerprint/port.js';

/** Why an enrolment ended without a stored finger. */
export type EnrolmentFailure = Extract<EnrolOutcome, { ok: false }>['reason'];

/**
 * One guided enrolment (`POST /api/staff/enrolments`, `GET …/:id`, SSE `enrolment`).
 * pressing → (storing) → testing → done; or failed / cancelled at any point before done.
 * In `testing` the member presses once more: the reader's next identification goes to this
 * enrolment (no check-in is recorded) and `test` tells whether it found the new finger.
 */
export interface EnrolmentState {
  id: string;
  memberId: string;
  finger: Finger;
  status: 'pressing' | 'testing' | 'done' | 'failed' | 'cancelled';
  /** The latest guidance while pressing; null before the first step arrives and after. */
  progress: EnrolmentStep | null;
  /**
   * The problem of the press being repeated (its advice stays up), cleared when a press succeeds.
   * A client that polls may miss the `retry` step itself; this field still carries its advice.
   */
  problem: EnrolmentProblem | null;
  failure: EnrolmentFailure | null;
  /** For `duplicate`: whose finger the sensor already holds (a name staff may see), if known. */
  duplicateOf: string | null;
  /** waiting = press the finger to test; matched = it was found; no_match = not found, try again. */
  test: 'waiting' | 'matched' | 'no_match' | null;
}

export type AlertKind =
  | 'emergency_call' | 'help_requested' | 'door_ajar' | 'after_hours_motion' | 'no_show' | 'device_fault' | 'loan_overdue';
export type AlertSeverity = 'info' | 'warning' | 'critical';
export type AlertState = 'open' | 'acknowledged' | 'resolved';

/**
 * What any screen may know of an alert (SSE `alert`, `GET /api/alerts/active`): no names, no details.
 * The kiosk shows a full-screen banner while an `emergency_call` is `open`.
 */
export interface AlertSummary {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  state: AlertState;
  raisedAt: string;
}

/** Staff view of an alert (`GET /api/staff/alerts`). */
export interface AlertInfo extends AlertSummary {
  /** Plain facts of the alert: member names for no_show / help_requested, the line, minutes open… */
  detail: Record<string, unknown>;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  notes: string[];
}

/** `GET /api/staff/monitor`: the centre right now. */
export interface MonitorState {
  door: { open: boolean; since: string | null } | null;
  motion: { lastAt: string | null } | null;
  presentCount: number;
  hardware: { fingerprint: HardwareHealth; gpio: HardwareHealth };
  openAlerts: number;
}
