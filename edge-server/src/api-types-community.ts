/**
 * The contract for volunteers, partner organisations and member satisfaction (issue 5).
 * Re-exported by `api-types.ts`; kiosk-ui imports it type-only.
 */

/**
 * The satisfaction question a member is due at check-out (at most once a week by default), carried
 * on the `checked_out` outcome. Answered (or skipped) with the member's visit token.
 */
export interface SurveyPrompt {
  questionId: string;
  /** the service kind the question is about, or null for the centre as a whole */
  about: import('./api-types-sessions.js').ActivityKind | null;
}

/** What a partner organisation is; shown as 党建结对单位 / 学校 / 企业 / 社会组织 / 其他. */
export type PartnerKind = 'party_pairing' | 'school' | 'company' | 'social_org' | 'other';

/** A partner organisation as the kiosk offers it at volunteer sign-in. */
export interface PartnerChoice {
  id: string;
  name: string;
  kind: PartnerKind;
}

/** `GET /api/staff/partners` → `{ partners: PartnerOrg[] }` (retired ones too, marked). */
export interface PartnerOrg extends PartnerChoice {
  /** ISO 8601 with the centre's offset; null while active */
  retiredAt: string | null;
  /** volunteer visits from this organisation, all time */
  visits: number;
}

/** `POST /api/staff/partners` body → `PartnerOrg` (201). `POST /api/staff/partners/:id/retire` body `{ reason? }`. */
export interface PartnerInput {
  name: string;
  kind: PartnerKind;
}

/** A volunteer signed in now and not yet out (the kiosk's sign-out list). */
export interface PresentVolunteer {
  visitId: string;
  name: string;
  organisation: string;
  /** ISO 8601 with the centre's offset */
  since: string;
}

/** `GET /api/volunteers` (public kiosk screen): who is here now, and the organisations to choose from. */
export interface VolunteerKiosk {
  present: PresentVolunteer[];
  partners: PartnerChoice[];
}

/**
 * `GET /api/volunteers/known?org=<partnerId|individual|other>` (public kiosk screen) →
 * `{ volunteers: KnownVolunteer[] }`, most recent first (last visit, else registration). Names only,
 * no phone: the kiosk shows them to whoever stands there.
 */
export interface KnownVolunteer {
  id: string;
  name: string;
  organisation: string;
  /** the latest visit's answer, else as staff registered it; the kiosk asks to confirm it */
  partyMember: boolean;
}

/**
 * `POST /api/volunteers/sign-in` body → `PresentVolunteer` (201). The server fills the name and the
 * organisation from the roster; `partyMember` is what the volunteer confirmed (or changed) today.
 */
export interface VolunteerSignInRequest {
  volunteerId: string;
  partyMember: boolean;
  activity: import('./api-types-sessions.js').ActivityKind;
}

/** `GET /api/staff/volunteers` → `{ volunteers: RosterVolunteer[] }` (retired ones too, marked). */
export interface RosterVolunteer extends KnownVolunteer {
  partnerId: string | null;
  phone: string | null;
  /** ISO 8601 with the centre's offset */
  registeredAt: string;
  lastVisitAt: string | null;
  retiredAt: string | null;
}

/**
 * `POST /api/staff/volunteers` body → `RosterVolunteer` (201). `partnerId` set: a partner's volunteer;
 * else `organisation` is typed, or null for 个人. `POST /api/staff/volunteers/:id/retire` body `{ reason? }`.
 */
export interface VolunteerInput {
  name: string;
  partnerId: string | null;
  organisation: string | null;
  partyMember: boolean;
  phone: string | null;
}

/** `POST /api/volunteers/sign-out` body `{ visitId }` → this (the `volunteer.visited` event is appended). */
export interface VolunteerSignedOut {
  visitId: string;
  name: string;
  minutes: number;
}

/** One visit, as staff see it. */
export interface VolunteerVisit {
  visitId: string;
  name: string;
  organisation: string;
  partnerId: string | null;
  partyMember: boolean;
  activity: import('./api-types-sessions.js').ActivityKind;
  /** the centre's local date of the visit */
  date: string;
  signedInAt: string;
  /** null while still signed in */
  signedOutAt: string | null;
  minutes: number | null;
  /** 'closing_time': never signed out, closed by the kiosk at closing time (flagged for staff) */
  closedBy: 'volunteer' | 'closing_time' | null;
}

/** `GET /api/staff/volunteers/hours?month=YYYY-MM` (default: this month). Minutes of closed visits only. */
export interface VolunteerHours {
  month: string;
  /** a volunteer is a name within an organisation (volunteers have no registry id) */
  byVolunteer: { name: string; organisation: string; partyMember: boolean; visits: number; minutes: number }[];
  byOrganisation: { partnerId: string | null; organisation: string; kind: PartnerKind | null; visits: number; volunteers: number; minutes: number }[];
  /** every visit of the month, latest first */
  visits: VolunteerVisit[];
}

/** `GET /api/staff/partners/:id/visits` → the partner and its visits, latest first. */
export interface PartnerVisits {
  partner: PartnerOrg;
  visits: VolunteerVisit[];
}

/**
 * `POST /api/member/survey` (header `X-Member-Visit`) body → 204. `score: null` skips. Anonymous
 * unless `named: true`: the answer and its `survey.answered` event then carry the member's id.
 */
export interface SurveyAnswerRequest {
  questionId: string;
  score: 1 | 2 | 3 | 4 | 5 | null;
  named?: boolean;
}

/** One service kind's answers in a month (`about: null` = the centre as a whole). */
export interface SatisfactionByKind {
  about: import('./api-types-sessions.js').ActivityKind | null;
  /** members asked this month (an ask that was skipped counts here, not in `answers`) */
  asked: number;
  answers: number;
  /** mean score, one decimal; null without answers */
  average: number | null;
  /** answers with score 1 … 5 */
  distribution: [number, number, number, number, number];
}

/** `GET /api/staff/satisfaction?month=YYYY-MM` (default: this month). */
export interface SatisfactionMonth {
  month: string;
  kinds: SatisfactionByKind[];
}
