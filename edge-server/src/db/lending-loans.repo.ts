import type { DeviceCategory, ItemCondition } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface LoanRow {
  id: string; itemId: string; memberId: string; staffId: string; checkedOutAt: number; dueOn: string;
  conditionOut: ItemCondition; checklistOut: string; ackMethod: 'fingerprint' | 'card' | 'staff_witnessed';
  ackBy: 'self' | 'guardian'; guardianName: string | null; overrideCodes: string; overrideReason: string | null;
  reservationId: string | null; eventId: string | null;
}

/** A loan with its names, the due day after renewals and its closure, if any. */
export interface LoanViewRow extends LoanRow {
  tagCode: string; itemName: string; category: DeviceCategory; photoPath: string | null; catalogueId: string;
  memberName: string; currentDueOn: string;
  closureOutcome: 'returned' | 'lost' | null; closureCondition: ItemCondition | null; closureChecklist: string | null;
  damageNotes: string | null; closureStaffId: string | null; closedAt: number | null; lateDays: number | null;
}

export interface RenewalRow {
  id: string; loanId: string; fromDueOn: string; toDueOn: string; reason: string | null; staffId: string; recordedAt: number; eventId: string | null;
}

export interface ClosureRow {
  id: string; loanId: string; outcome: 'returned' | 'lost'; condition: ItemCondition | null; checklist: string;
  damageNotes: string | null; lateDays: number; staffId: string; recordedAt: number; eventId: string | null;
}

/** An open loan past its due day, with who to call. */
export interface OverdueRow {
  loanId: string; memberId: string; memberName: string; guardianContact: string | null; itemId: string; itemName: string;
  tagCode: string; dueOn: string;
}

/** The current due day: the latest renewal's, else the loan's own. */
const DUE = `COALESCE((SELECT r.to_due_on FROM lending_loan_renewals r WHERE r.loan_id = l.id ORDER BY r.recorded_at DESC, r.id DESC LIMIT 1), l.due_on)`;
/** The latest version of the item's catalogue entry. */
const ENTRY = `lending_catalogue_versions v ON v.catalogue_id = i.catalogue_id
  AND v.version = (SELECT MAX(version) FROM lending_catalogue_versions WHERE catalogue_id = i.catalogue_id)`;

const LOAN_COLUMNS = `l.id, l.item_id AS itemId, l.member_id AS memberId, l.staff_id AS staffId, l.checked_out_at AS checkedOutAt,
  l.due_on AS dueOn, l.condition_out AS conditionOut, l.checklist_out AS checklistOut, l.ack_method AS ackMethod, l.ack_by AS ackBy,
  l.guardian_name AS guardianName, l.override_codes AS overrideCodes, l.override_reason AS overrideReason,
  l.reservation_id AS reservationId, l.event_id AS eventId`;

const VIEW = `SELECT ${LOAN_COLUMNS}, i.tag_code AS tagCode, v.name AS itemName, v.category, v.photo_path AS photoPath,
    i.catalogue_id AS catalogueId, m.name AS memberName, ${DUE} AS currentDueOn,
    c.outcome AS closureOutcome, c.condition AS closureCondition, c.checklist AS closureChecklist, c.damage_notes AS damageNotes,
    c.staff_id AS closureStaffId, c.recorded_at AS closedAt, c.late_days AS lateDays
  FROM lending_loans l
  JOIN lending_items i ON i.id = l.item_id
  JOIN ${ENTRY}
  JOIN members m ON m.id = l.member_id
  LEFT JOIN lending_loan_closures c ON c.loan_id = l.id`;

const sql = statements({
  insertLoan: `INSERT INTO lending_loans (id, item_id, member_id, staff_id, checked_out_at, due_on, condition_out, checklist_out,
      ack_method, ack_by, guardian_name, override_codes, override_reason, reservation_id, event_id)
    VALUES (@id, @itemId, @memberId, @staffId, @checkedOutAt, @dueOn, @conditionOut, @checklistOut,
      @ackMethod, @ackBy, @guardianName, @overrideCodes, @overrideReason, @reservationId, @eventId)`,
  insertRenewal: `INSERT INTO lending_loan_renewals (id, loan_id, from_due_on, to_due_on, reason, staff_id, recorded_at, event_id)
    VALUES (@id, @loanId, @fromDueOn, @toDueOn, @reason, @staffId, @recordedAt, @eventId)`,
  insertClosure: `INSERT INTO lending_loan_closures (id, loan_id, outcome, condition, checklist, damage_notes, late_days, staff_id, recorded_at, event_id)
    VALUES (@id, @loanId, @outcome, @condition, @checklist, @damageNotes, @lateDays, @staffId, @recordedAt, @eventId)`,
  byId: `${VIEW} WHERE l.id = ?`,
  ofMember: `${VIEW} WHERE l.member_id = ? ORDER BY l.checked_out_at DESC`,
  ofItem: `${VIEW} WHERE l.item_id = ? ORDER BY l.checked_out_at DESC`,
  openOfItem: `${VIEW} WHERE l.item_id = ? AND c.id IS NULL ORDER BY l.checked_out_at DESC LIMIT 1`,
  lastClosedOfItem: `SELECT l.id FROM lending_loans l JOIN lending_loan_closures c ON c.loan_id = l.id
    WHERE l.item_id = ? ORDER BY c.recorded_at DESC LIMIT 1`,
  renewals: `SELECT id, loan_id AS loanId, from_due_on AS fromDueOn, to_due_on AS toDueOn, reason, staff_id AS staffId,
    recorded_at AS recordedAt, event_id AS eventId FROM lending_loan_renewals WHERE loan_id = ? ORDER BY recorded_at, id`,
  overdue: `SELECT l.id AS loanId, l.member_id AS memberId, m.name AS memberName, m.guardian_contact AS guardianContact,
      l.item_id AS itemId, v.name AS itemName, i.tag_code AS tagCode, ${DUE} AS dueOn
    FROM lending_loans l
    JOIN lending_items i ON i.id = l.item_id
    JOIN ${ENTRY}
    JOIN members m ON m.id = l.member_id
    WHERE NOT EXISTS (SELECT 1 FROM lending_loan_closures c WHERE c.loan_id = l.id) AND ${DUE} < ?
    ORDER BY dueOn, l.checked_out_at`,
  overdueOfMember: `SELECT l.id AS loanId, l.item_id AS itemId, i.tag_code AS tagCode, ${DUE} AS dueOn
    FROM lending_loans l JOIN lending_items i ON i.id = l.item_id
    WHERE l.member_id = ? AND NOT EXISTS (SELECT 1 FROM lending_loan_closures c WHERE c.loan_id = l.id) AND ${DUE} < ?
    ORDER BY dueOn`,
  openDueOfItem: `SELECT ${DUE} AS dueOn FROM lending_loans l
    WHERE l.item_id = ? AND NOT EXISTS (SELECT 1 FROM lending_loan_closures c WHERE c.loan_id = l.id)
    ORDER BY l.checked_out_at DESC LIMIT 1`,
  insertOverdueRun: `INSERT INTO lending_overdue_runs (run_on, ran_at, overdue) VALUES (@runOn, @ranAt, @overdue)`,
  overdueRun: `SELECT run_on AS runOn FROM lending_overdue_runs WHERE run_on = ?`,
});

export function insertLoan(db: Db, row: LoanRow): void {
  sql(db).insertLoan.run(row);
}

export function insertRenewal(db: Db, row: RenewalRow): void {
  sql(db).insertRenewal.run(row);
}

/** Closes a loan; UNIQUE (loan_id) refuses a second closure. */
export function insertClosure(db: Db, row: ClosureRow): void {
  sql(db).insertClosure.run(row);
}

export function findLoan(db: Db, id: string): LoanViewRow | undefined {
  return sql(db).byId.get(id) as LoanViewRow | undefined;
}

/** Every loan of a member, newest first. */
export function loansOfMember(db: Db, memberId: string): LoanViewRow[] {
  return sql(db).ofMember.all(memberId) as LoanViewRow[];
}

/** Every loan of an item, newest first. */
export function loansOfItem(db: Db, itemId: string): LoanViewRow[] {
  return sql(db).ofItem.all(itemId) as LoanViewRow[];
}

export function openLoanOfItem(db: Db, itemId: string): LoanViewRow | undefined {
  return sql(db).openOfItem.get(itemId) as LoanViewRow | undefined;
}

/** The loan the item came back from most recently (what a cleaning follows). */
export function lastClosedLoanIdOfItem(db: Db, itemId: string): string | null {
  return (sql(db).lastClosedOfItem.get(itemId) as { id: string } | undefined)?.id ?? null;
}

export function renewalsOfLoan(db: Db, loanId: string): RenewalRow[] {
  return sql(db).renewals.all(loanId) as RenewalRow[];
}

/** Open loans due before `today`, the longest overdue first. */
export function listOverdueLoans(db: Db, today: string): OverdueRow[] {
  return sql(db).overdue.all(today) as OverdueRow[];
}

export function overdueLoansOfMember(db: Db, memberId: string, today: string): { loanId: string; itemId: string; tagCode: string; dueOn: string }[] {
  return sql(db).overdueOfMember.all(memberId, today) as { loanId: string; itemId: string; tagCode: string; dueOn: string }[];
}

/** The due day (after renewals) of the item's open loan, if it is out. */
export function openLoanDueOfItem(db: Db, itemId: string): string | undefined {
  return (sql(db).openDueOfItem.get(itemId) as { dueOn: string } | undefined)?.dueOn;
}

/** Records that the overdue check ran for `runOn`; false when it had run already (PRIMARY KEY). */
export function recordOverdueRun(db: Db, row: { runOn: string; ranAt: number; overdue: number }): boolean {
  if (sql(db).overdueRun.get(row.runOn)) return false;
  sql(db).insertOverdueRun.run(row);
  return true;
}

export function overdueRanOn(db: Db, runOn: string): boolean {
  return sql(db).overdueRun.get(runOn) !== undefined;
}
