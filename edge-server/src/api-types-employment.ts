/**
 * The contract for assisted employment (辅助性就业) and rehabilitation plans (issue 5).
 * Re-exported by `api-types.ts`; kiosk-ui imports it type-only.
 *
 * Money is always integer fen (`…Cents`); yuan strings are formatted from fen only for CSV/print.
 * Dates are the centre's local calendar days, `YYYY-MM-DD`; months `YYYY-MM`.
 */

/** How a task is paid: fen per piece made, or fen per hour worked. */
export type PayBasis = 'per_piece' | 'per_hour';

/** One version of a task's pay rule; the version with the latest `effectiveFrom` on or before a day applies. */
export interface PayRule {
  id: string;
  taskId: string;
  basis: PayBasis;
  rateCents: number;
  effectiveFrom: string;
  /** ISO 8601 with the centre's offset */
  recordedAt: string;
}

/** A kind of work (e.g. 手工串珠) with every version of its pay rule. */
export interface EmploymentTask {
  id: string;
  name: string;
  /** oldest first */
  rules: PayRule[];
  /** the rule in force today (null when every version starts later) */
  current: PayRule | null;
}

/** What a work log would be paid, before saving it. */
export interface PayPreview {
  payCents: number;
  rule: PayRule;
}

/** One member's work on one task on one day, paid by the rule in force on that day (fixed when logged). */
export interface WorkLog {
  id: string;
  memberId: string;
  memberName: string;
  taskId: string;
  taskName: string;
  date: string;
  minutes: number;
  pieces: number;
  basis: PayBasis;
  rateCents: number;
  payCents: number;
  recordedAt: string;
  staffId: string | null;
  /** a mistaken log is voided (appended), never edited; voided logs are left out of pay sheets */
  voided: { reason: string; at: string; staffId: string } | null;
}

export interface PayTotals {
  minutes: number;
  pieces: number;
  payCents: number;
}

/** One member's part of a month's pay sheet: every (not voided) log line, oldest first, and the totals. */
export interface PaySheetMember {
  memberId: string;
  memberName: string;
  lines: WorkLog[];
  totals: PayTotals;
}

/** `GET /api/staff/employment/pay-sheet?month=YYYY-MM[&memberId=…]`: the centre's (or one member's) month. */
export interface PaySheet {
  month: string;
  centreName: string;
  /** by name; only members with work that month (or the one member asked for) */
  members: PaySheetMember[];
  grandTotal: PayTotals;
}

/** One goal of a rehabilitation plan; `goalId` stays the same across plan versions so progress continues. */
export interface RehabGoal {
  goalId: string;
  text: string;
  targetDate: string | null;
}

/** One version of a member's plan (the latest is in force). Version 1 started it; later ones are reviews. */
export interface RehabPlan {
  planId: string;
  memberId: string;
  version: number;
  goals: RehabGoal[];
  staffId: string;
  /** who started or reviewed this version */
  staffName: string;
  recordedAt: string;
}

/** An outcome note for a rehabilitation session attended (or a note without a session). */
export interface RehabNote {
  noteId: string;
  planId: string;
  /** the session occurrence as plain text (no foreign key; the sessions tables are another part's) */
  sessionId: string | null;
  date: string;
  note: string;
  ratings: { goalId: string; rating: number }[];
  staffId: string;
  staffName: string;
  recordedAt: string;
}

/** One goal's ratings (1–5) by date, oldest first. */
export interface GoalProgress {
  goalId: string;
  text: string;
  points: { date: string; rating: number; noteId: string }[];
}

/** `GET /api/staff/rehab/members/:memberId`: the plan in force, its versions, notes and progress. */
export interface RehabOverview {
  member: { id: string; name: string };
  plan: RehabPlan | null;
  /** every version, oldest first (started, then reviews) */
  versions: { planId: string; version: number; goalCount: number; staffId: string; staffName: string; recordedAt: string }[];
  /** newest first */
  notes: RehabNote[];
  /** per goal of the plan in force */
  progress: GoalProgress[];
}

/** `GET /api/staff/rehab/plans`: members who have a plan. */
export interface RehabPlanSummary {
  memberId: string;
  memberName: string;
  version: number;
  goalCount: number;
  noteCount: number;
  recordedAt: string;
}
