/**
 * The contract for activity sessions (issue 5): schedules, sign-up and waiting list, session attendance.
 * Re-exported by `api-types.ts`; kiosk-ui imports it type-only.
 *
 * A session is a series: one-off (one date) or weekly (same weekday, from its first date until an
 * optional last date). One date of a series is an *occurrence*, addressed everywhere by
 * (sessionId, date) — sign-ups, waiting lists and attendance belong to an occurrence, never to a series.
 * Exceptions per date: cancelled, or moved (another time and/or another date).
 */

/** The five services of a 残疾人之家 plus `other`; the upstream protocol's activity kind words. */
export type ActivityKind =
  | 'day_care' | 'assisted_employment' | 'skills_training' | 'rehabilitation' | 'culture_sports' | 'other';

/** A calendar day in the centre's time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** One occurrence of a session, as staff and members see it. */
export interface SessionOccurrence {
  sessionId: string;
  /** the occurrence's date as scheduled (its key; unchanged when the date is moved) */
  date: LocalDate;
  kind: ActivityKind;
  title: string;
  room: string | null;
  lead: { id: string; name: string } | null;
  /** ISO 8601 with the centre's offset; for a moved occurrence, the new time (and maybe another day) */
  startsAt: string;
  endsAt: string;
  /** null = no limit */
  capacity: number | null;
  signedUp: number;
  waiting: number;
  status: 'scheduled' | 'cancelled';
  /** this date was moved away from the series' usual day/time */
  moved: boolean;
  repeat: 'none' | 'weekly';
}

/** An occurrence from one member's point of view (`/api/member/*`). */
export interface MemberOccurrence extends SessionOccurrence {
  mine: 'signed_up' | 'waiting' | null;
  /** 1 = next to get a place; null when not waiting */
  waitingPosition: number | null;
  /** no free place left (capacity reached) */
  full: boolean;
  /** the occurrence has ended or been cancelled: no sign-up or cancelling any more */
  closed: boolean;
}

export interface DaySessions<T extends SessionOccurrence = SessionOccurrence> {
  date: LocalDate;
  sessions: T[];
}

/**
 * `GET /api/member/today` → `MemberToday` (header `X-Member-Visit`): the member's sessions first
 * (signed up or waiting), then open ones, each list in start order; ended ones are left out.
 */
export interface MemberToday {
  date: LocalDate;
  mine: MemberOccurrence[];
  open: MemberOccurrence[];
}

/** `GET /api/member/week?from=YYYY-MM-DD` (default: today) → seven days from `from`. */
export interface MemberWeek {
  from: LocalDate;
  days: DaySessions<MemberOccurrence>[];
}

/**
 * `POST /api/member/signups` body → the updated `MemberOccurrence`.
 * `waitlist: true` joins the waiting list of a full occurrence; without it a full one answers
 * 409 `session_full` (the UI then offers the waiting list).
 * `POST /api/member/signups/cancel` body `{ sessionId, date }` → the updated `MemberOccurrence`
 * (leaves the place or the waiting list; the first one waiting gets the place).
 */
export interface MemberSignupRequest {
  sessionId: string;
  date: LocalDate;
  waitlist?: boolean;
}

/** `POST /api/staff/sessions` and `PUT /api/staff/sessions/:sessionId` body. */
export interface SessionInput {
  title: string;
  kind: ActivityKind;
  room: string | null;
  leadStaffId: string | null;
  capacity: number | null;
  /** the first (or only) date */
  date: LocalDate;
  /** local `HH:MM`, end after start, same day */
  start: string;
  end: string;
  repeat: 'none' | 'weekly';
  /** last date of a weekly series (inclusive), null = open-ended */
  until: LocalDate | null;
}

/** `GET /api/staff/sessions/:sessionId`: the series as staff edit it. */
export interface SessionDetail extends SessionInput {
  id: string;
  lead: { id: string; name: string } | null;
  /** the whole series was cancelled (from `cancelledFrom` on) */
  cancelledFrom: LocalDate | null;
  exceptions: SessionException[];
}

export type SessionException =
  | { date: LocalDate; kind: 'cancelled'; reason: string }
  | { date: LocalDate; kind: 'moved'; toDate: LocalDate; start: string; end: string; reason: string };

/**
 * `GET /api/staff/schedule/week?from=YYYY-MM-DD` → the week planner: seven days, every occurrence
 * (cancelled ones included, marked).
 */
export interface StaffWeek {
  from: LocalDate;
  days: DaySessions[];
}

/** Session attendance marks; the protocol's `session.attended` status words. */
export type SessionAttendanceStatus = 'present' | 'absent' | 'excused';

/** One person on an occurrence's roster. */
export interface RosterLine {
  memberId: string;
  name: string;
  /** checked in at the centre today (attendance) */
  checkedIn: boolean;
  /** a leave slip covers this date: an absence is excused */
  onLeave: boolean;
  /** the latest mark staff gave, or null if not marked yet */
  mark: SessionAttendanceStatus | null;
  /** place on the waiting list (waiting lines only) */
  waitingPosition: number | null;
}

/**
 * `GET /api/staff/sessions/:sessionId/dates/:date` → the roster staff mark attendance on.
 * `walkIns`: checked in today, not signed up, not waiting (they can be added and marked present).
 */
export interface SessionRoster {
  occurrence: SessionOccurrence;
  signedUp: RosterLine[];
  waiting: RosterLine[];
  walkIns: RosterLine[];
}

/**
 * `POST /api/staff/sessions/:sessionId/dates/:date/attendance` body → `SessionRoster`.
 * A member marked who is not signed up is added as a walk-in. `absent` for a member on leave is
 * recorded as `excused`.
 */
export interface AttendanceMarks {
  marks: { memberId: string; status: SessionAttendanceStatus }[];
}

/*
 * What the staff writes answer (server side of issue 5):
 * - `POST /api/staff/sessions` → 201 `SessionDetail`; `PUT /api/staff/sessions/:id` → `SessionDetail`
 *   (409 `signups_on_dropped_dates`, extra `dates`, when the edit would remove upcoming dates people signed up for).
 * - `POST /api/staff/sessions/:id/cancel` `{ reason, from? }` (default today) → `SessionDetail`.
 * - `POST …/dates/:date/cancel` and `…/dates/:date/move` → the `SessionOccurrence` after the change.
 * - `POST …/dates/:date/signups` `{ memberId, waitlist? }` and `…/signups/cancel` `{ memberId }` → `SessionRoster`.
 * - `GET /api/staff/colleagues` → `{ staff: StaffCard[] }` (active staff, for the lead picker).
 * Error codes a screen may branch on: `session_full` (409, extra `waiting`), `session_cancelled`, `session_ended`,
 * `session_not_started` (attendance before the day), `not_on_roster` (absent/excused for someone not signed up),
 * `member_inactive` (409); `session_not_found`, `occurrence_not_found`, `member_not_found`, `staff_not_found` (404);
 * `invalid_date`, `invalid_time`, `invalid_range`, `invalid_body`, `malformed_json` (400); `visit_expired` (401).
 */
