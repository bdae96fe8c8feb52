/**
 * The contract for assistive device and rehab equipment lending (辅具借用, issue 6).
 * Re-exported by `api-types.ts`; kiosk-ui imports it type-only.
 *
 * Dates are the centre's local calendar days, `YYYY-MM-DD`; instants are ISO 8601 with the centre's
 * offset. Money is integer fen (`…Cents`).
 */
import type { AccessibilityProfile } from './api-types.js';

/** What kind of device an entry is; picks the pictogram and the default checklists. */
export type DeviceCategory =
  | 'wheelchair' | 'walker' | 'crutches' | 'commode' | 'hearing_aid' | 'magnifier' | 'rehab_equipment' | 'other';

/** The registry's disability categories (upstream-protocol.md §4). */
export type DisabilityCategory = '视力' | '听力' | '言语' | '肢体' | '智力' | '精神' | '多重';

export type ItemStatus = 'available' | 'on_loan' | 'reserved' | 'cleaning' | 'maintenance' | 'retired';
export type ItemCondition = 'new' | 'good' | 'fair' | 'worn' | 'damaged';

/** A check at check-out and return (keys of domain/lending/checklists.ts; words in the UI catalogue). */
export type CheckKey = string;
/** A step of a cleaning checklist (same vocabulary file). */
export type CleaningKey = string;

/** One catalogue entry with the fields of its latest version. */
export interface CatalogueEntry {
  id: string;
  version: number;
  name: string;
  category: DeviceCategory;
  photoPath: string | null;
  /** [] = anyone */
  eligibleDisability: DisabilityCategory[];
  /** [] = any grade */
  eligibleGrades: number[];
  assessmentRequired: boolean;
  loanDays: number;
  /** days kept free between two loans of an item for cleaning */
  bufferDays: number;
  serviceLifeYears: number;
  checkoutChecklist: CheckKey[];
  cleaningChecklist: CleaningKey[];
  retired: boolean;
  /** items by status, for the catalogue list */
  counts: Record<ItemStatus, number>;
  /** members waiting for any item of this entry */
  waiting: number;
}

export interface CatalogueInput {
  name: string;
  category: DeviceCategory;
  eligibleDisability: DisabilityCategory[];
  eligibleGrades: number[];
  assessmentRequired: boolean;
  loanDays: number;
  bufferDays: number;
  serviceLifeYears: number;
  /** omitted → the category's default checklists */
  checkoutChecklist?: CheckKey[];
  cleaningChecklist?: CleaningKey[];
}

/** One physical device with its current state. */
export interface Item {
  id: string;
  tagCode: string;
  serial: string | null;
  catalogueId: string;
  catalogueName: string;
  category: DeviceCategory;
  status: ItemStatus;
  condition: ItemCondition;
  location: string | null;
  acquiredOn: string | null;
  nextServiceOn: string | null;
  /** next_service_on is today or past */
  serviceDue: boolean;
  /** acquired + service life years is today or past */
  pastServiceLife: boolean;
  /** the open loan, when on loan */
  loan: { id: string; memberId: string; memberName: string; dueOn: string; daysLate: number } | null;
}

export interface ItemInput {
  tagCode: string;
  serial?: string | null;
  catalogueId: string;
  condition: ItemCondition;
  location?: string | null;
  acquiredOn?: string | null;
  nextServiceOn?: string | null;
}

/** One link of an item's state chain. */
export interface ItemStateChange {
  seq: number;
  status: ItemStatus;
  condition: ItemCondition;
  location: string | null;
  nextServiceOn: string | null;
  reason: string;
  loanId: string | null;
  staffId: string | null;
  at: string;
}

export interface MaintenanceRecord {
  id: string;
  itemId: string;
  doneOn: string;
  description: string;
  costCents: number;
  nextServiceOn: string | null;
  staffId: string;
  at: string;
}

export interface CleaningRecord {
  id: string;
  itemId: string;
  loanId: string | null;
  checklist: Record<CleaningKey, boolean>;
  outcome: 'available' | 'maintenance' | 'reserved';
  note: string | null;
  staffId: string;
  at: string;
}

/** An item with everything that happened to it, newest first. */
export interface ItemHistory {
  item: Item;
  states: ItemStateChange[];
  loans: Loan[];
  maintenance: MaintenanceRecord[];
  cleanings: CleaningRecord[];
}

/** Why a member may not borrow (each explained in plain words on the screen; `overridable` ones need a reason). */
export type RefusalCode =
  | 'wrong_disability_category' | 'wrong_grade' | 'assessment_required' | 'has_overdue'
  | 'member_inactive' | 'item_not_available' | 'reserved_for_other' | 'catalogue_retired';

export interface Refusal {
  code: RefusalCode;
  overridable: boolean;
  /** e.g. the categories the entry is for, the overdue items, the reservation's member, the item's status */
  detail: Record<string, unknown>;
}

export interface Eligibility {
  memberId: string;
  catalogueId: string;
  itemId: string | null;
  eligible: boolean;
  refusals: Refusal[];
  /** today + the entry's loan days (or until the item's next reservation starts, less the buffer) */
  suggestedDueOn: string;
}

/** How the borrower acknowledged the loan. A finger or card goes through an identify capture. */
export type LoanAcknowledgement =
  | { method: 'fingerprint' | 'card'; captureId: string }
  | { method: 'staff_witnessed'; by: 'self' | 'guardian'; guardianName?: string };

export interface CheckoutInput {
  memberId: string;
  itemId: string;
  dueOn: string;
  condition: ItemCondition;
  checklist: Record<CheckKey, boolean>;
  acknowledgement: LoanAcknowledgement;
  /** required when the eligibility check refused on overridable grounds */
  override?: { reason: string };
  reservationId?: string;
}

export type LoanState = 'open' | 'returned' | 'lost';

export interface Loan {
  id: string;
  itemId: string;
  tagCode: string;
  itemName: string;
  category: DeviceCategory;
  memberId: string;
  memberName: string;
  staffId: string;
  checkedOutAt: string;
  /** after renewals */
  dueOn: string;
  conditionOut: ItemCondition;
  checklistOut: Record<CheckKey, boolean>;
  acknowledgement: { method: 'fingerprint' | 'card' | 'staff_witnessed'; by: 'self' | 'guardian'; guardianName: string | null };
  override: { codes: RefusalCode[]; reason: string } | null;
  renewals: { fromDueOn: string; toDueOn: string; reason: string | null; staffId: string; at: string }[];
  state: LoanState;
  /** days past due today (open) or at return */
  daysLate: number;
  closure: {
    outcome: 'returned' | 'lost';
    condition: ItemCondition | null;
    checklist: Record<CheckKey, boolean>;
    damageNotes: string | null;
    staffId: string;
    at: string;
  } | null;
}

export interface ReturnInput {
  condition: ItemCondition;
  checklist: Record<CheckKey, boolean>;
  damageNotes?: string;
}

export interface CleaningInput {
  checklist: Record<CleaningKey, boolean>;
  /** `maintenance` when cleaning found damage; `available` becomes `reserved` when a reservation waits */
  outcome: 'available' | 'maintenance';
  note?: string;
}

/** The easy-read summary a borrower takes home (printed) and hears. */
export interface LoanSummary {
  loanId: string;
  memberName: string;
  itemName: string;
  category: DeviceCategory;
  photoPath: string | null;
  tagCode: string;
  checkedOutOn: string;
  dueOn: string;
  centreName: string;
  /** who to call: the centre's phone (config centre.phone), null when not provisioned */
  centrePhone: string | null;
  staffName: string;
}

export type ReservationState = 'active' | 'cancelled' | 'fulfilled' | 'expired';

export interface Reservation {
  id: string;
  memberId: string;
  memberName: string;
  catalogueId: string;
  catalogueName: string;
  /** null = any item of the entry */
  itemId: string | null;
  tagCode: string | null;
  from: string;
  to: string;
  state: ReservationState;
  createdAt: string;
}

export interface ReservationInput {
  memberId: string;
  catalogueId: string;
  itemId?: string;
  from: string;
  to: string;
}

export interface WaitlistEntry {
  id: string;
  catalogueId: string;
  memberId: string;
  memberName: string;
  position: number;
  note: string | null;
  since: string;
}

/** One line of the overdue call list. */
export interface OverdueLine {
  loanId: string;
  memberId: string;
  memberName: string;
  guardianContact: string | null;
  itemId: string;
  itemName: string;
  tagCode: string;
  dueOn: string;
  daysLate: number;
}

/** A member's lending at a glance (the loan desk after identifying them). */
export interface MemberLending {
  memberId: string;
  memberName: string;
  disabilityCategory: string | null;
  disabilityGrade: number | null;
  guardianContact: string | null;
  /** the member's own accessibility profile: applied while the borrower-facing screens (acknowledgement, summary) show */
  profile: AccessibilityProfile;
  open: Loan[];
  past: Loan[];
  reservations: Reservation[];
  waiting: WaitlistEntry[];
  assessments: { id: string; catalogueId: string; catalogueName: string; assessedOn: string; validUntil: string | null; note: string | null }[];
}

/** A capture of the next finger or card at the kiosk for the loan desk (not a check-in). */
export interface IdentifyCapture {
  id: string;
  purpose: 'member' | 'acknowledge';
  state: 'waiting' | 'matched' | 'no_match' | 'expired' | 'cancelled';
  method: 'fingerprint' | 'card' | null;
  member: { id: string; name: string } | null;
  expiresAt: string;
}

export interface ImportProblem {
  /** 1-based line in the file (the header is line 1) */
  line: number;
  field: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  valid: number;
  problems: ImportProblem[];
  /** items created (0 on a dry run, and 0 when any row has a problem: an import is all or nothing) */
  created: number;
}

export interface ItemLabel {
  itemId: string;
  tagCode: string;
  name: string;
  /** the QR code as an SVG document (dark modules on white, quiet zone included) */
  qrSvg: string;
}

export interface Stocktake {
  id: string;
  startedAt: string;
  staffId: string;
  finished: boolean;
  scanned: { itemId: string; tagCode: string; name: string; at: string }[];
  /** items expected on the shelf (not on loan, not retired) that have not been scanned */
  missing: { itemId: string; tagCode: string; name: string; status: ItemStatus; location: string | null }[];
  /** scanned items the records say are on loan (returned without a record?) */
  unexpected: { itemId: string; tagCode: string; name: string; status: ItemStatus }[];
}

export type StocktakeScanResult =
  | { result: 'scanned' | 'already_scanned'; item: { id: string; tagCode: string; name: string; status: ItemStatus } }
  | { result: 'unknown_tag'; tagCode: string };

/** `GET /items`: one page of items by tag code and how many match the filter in all. */
export interface ItemPage {
  items: Item[];
  total: number;
}

/** `GET /checklists`: the check and cleaning vocabularies (keys; words in the UI catalogue) and each category's defaults. */
export interface ChecklistVocabulary {
  checks: CheckKey[];
  cleaning: CleaningKey[];
  defaults: Record<DeviceCategory, { checks: CheckKey[]; cleaning: CleaningKey[] }>;
}

/** `GET /stocktakes`: the latest stocktakes, newest first (to resume one after a reload). */
export interface StocktakeSummary {
  id: string;
  startedAt: string;
  staffId: string;
  finished: boolean;
  scanned: number;
  /** frozen when finished; null while open */
  missing: number | null;
}

/** SSE `lending` messages (`/api/events`): a capture's every change, and a reserved item back from cleaning. */
export type LendingMessage =
  | { kind: 'capture'; capture: IdentifyCapture }
  | { kind: 'ready'; itemId: string; reservationId: string };
