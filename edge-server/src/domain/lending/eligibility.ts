import type { ItemStatus, Refusal, RefusalCode } from '../../api-types.js';
import { addDays } from '../sessions/dates.js';

/** Refusals staff may override with a reason; the others are facts no reason changes. */
const OVERRIDABLE: ReadonlySet<RefusalCode> = new Set(['wrong_disability_category', 'wrong_grade', 'assessment_required', 'has_overdue']);

/** A use of an item (a loan or a reservation) over local days, both ends included. */
export interface DayRange { from: string; to: string }

export interface ReservationFact extends DayRange {
  id: string;
  memberId: string;
  /** null = any item of the entry */
  itemId: string | null;
}

/** What the eligibility rules look at, gathered by the caller (inside the write transaction at check-out). */
export interface EligibilityFacts {
  today: string;
  /** the last day of the planned loan (the requested or suggested due date) */
  dueOn: string;
  member: { id: string; status: 'active' | 'inactive'; disabilityCategory: string | null; disabilityGrade: number | null };
  entry: {
    id: string; eligibleDisability: string[]; eligibleGrades: number[]; assessmentRequired: boolean;
    bufferDays: number; retired: boolean;
  };
  /** the item asked for; null when only the entry was asked about */
  item: { id: string; status: ItemStatus } | null;
  /** the member's assessments for this entry */
  assessments: { id: string; assessedOn: string; validUntil: string | null }[];
  /** the member's open loans whose due day has passed */
  overdue: { loanId: string; itemId: string; tagCode: string; dueOn: string }[];
  /** active reservations of the entry (every member, item-specific and any-item) */
  reservations: ReservationFact[];
  /** the entry's items that can be lent at all (not retired, not in maintenance), each with the days open loans hold it */
  entryItems: { id: string; status: ItemStatus; busy: DayRange[] }[];
}

/** The days a use blocks: its own days and the entry's buffer after it, for cleaning. */
export function blockedRange(use: DayRange, bufferDays: number): DayRange {
  return { from: use.from, to: addDays(use.to, bufferDays) };
}

export function overlaps(a: DayRange, b: DayRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * Whether a reservation holds the item for this member now: an active reservation of the member for
 * this item, or for any item of the entry, that has not ended and starts within the buffer days
 * (the window in which a clean item is set aside as `reserved`).
 */
export function heldReservation(facts: Pick<EligibilityFacts, 'today' | 'member' | 'entry' | 'reservations'>, itemId: string | null): ReservationFact | undefined {
  const window = addDays(facts.today, facts.entry.bufferDays);
  return facts.reservations
    .filter((r) => r.memberId === facts.member.id && (r.itemId === null || r.itemId === itemId) && r.to >= facts.today && r.from <= window)
    .sort((a, b) => a.from.localeCompare(b.from))[0];
}

/**
 * The loan-desk rules, pure: who may borrow this item (or an item of this entry) from today to
 * `dueOn`. Every refusal is listed with a code and the facts behind it, in a fixed order.
 */
export function checkEligibility(facts: EligibilityFacts): Refusal[] {
  const refusals: Refusal[] = [];
  const refuse = (code: RefusalCode, detail: Record<string, unknown>): void => {
    refusals.push({ code, overridable: OVERRIDABLE.has(code), detail });
  };
  const { member, entry, today } = facts;
  if (member.status !== 'active') refuse('member_inactive', { status: member.status });
  if (entry.retired) refuse('catalogue_retired', { catalogueId: entry.id });
  if (entry.eligibleDisability.length > 0 && !entry.eligibleDisability.includes(member.disabilityCategory ?? '')) {
    refuse('wrong_disability_category', { eligible: entry.eligibleDisability, member: member.disabilityCategory });
  }
  if (entry.eligibleGrades.length > 0 && (member.disabilityGrade === null || !entry.eligibleGrades.includes(member.disabilityGrade))) {
    refuse('wrong_grade', { eligible: entry.eligibleGrades, member: member.disabilityGrade });
  }
  if (entry.assessmentRequired && !facts.assessments.some((a) => a.assessedOn <= today && (a.validUntil === null || a.validUntil >= today))) {
    const latest = [...facts.assessments].sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];
    refuse('assessment_required', latest ? { lastAssessedOn: latest.assessedOn, validUntil: latest.validUntil } : {});
  }
  if (facts.overdue.length > 0) refuse('has_overdue', { loans: facts.overdue });
  itemRefusals(facts, refuse);
  return refusals;
}

function itemRefusals(facts: EligibilityFacts, refuse: (code: RefusalCode, detail: Record<string, unknown>) => void): void {
  const { item } = facts;
  const loan = blockedRange({ from: facts.today, to: facts.dueOn }, facts.entry.bufferDays);
  const others = facts.reservations.filter((r) => r.memberId !== facts.member.id);
  if (item === null) {
    const candidates = facts.entryItems.filter((i) => isFreeFor(facts, i.id, i.status));
    if (candidates.length === 0) refuse('item_not_available', { catalogueId: facts.entry.id });
    else if (candidates.every((i) => takenFromOthers(facts, i.id, loan, others))) refuse('reserved_for_other', reservedDetail(others, loan, null, facts.entry.bufferDays));
    return;
  }
  if (!isFreeFor(facts, item.id, item.status)) refuse('item_not_available', { status: item.status });
  if (takenFromOthers(facts, item.id, loan, others)) refuse('reserved_for_other', reservedDetail(others, loan, item.id, facts.entry.bufferDays));
}

/** available, or reserved and held for this member. */
function isFreeFor(facts: EligibilityFacts, itemId: string, status: ItemStatus): boolean {
  return status === 'available' || (status === 'reserved' && heldReservation(facts, itemId) !== undefined);
}

/**
 * Lending `itemId` over `loan` would break another member's reservation: one of the item itself, or
 * one of any item of the entry when, on some day, the entry's other items cannot cover all of them.
 */
function takenFromOthers(facts: EligibilityFacts, itemId: string, loan: DayRange, others: ReservationFact[]): boolean {
  const buffer = facts.entry.bufferDays;
  if (others.some((r) => r.itemId === itemId && overlaps(blockedRange(r, buffer), loan))) return true;
  const anyItem = others.filter((r) => r.itemId === null && overlaps(blockedRange(r, buffer), loan));
  if (anyItem.length === 0) return false;
  const rest = facts.entryItems.filter((i) => i.id !== itemId);
  for (let day = loan.from; day <= loan.to; day = addDays(day, 1)) {
    const wanted = anyItem.filter((r) => overlaps(blockedRange(r, buffer), { from: day, to: day })).length;
    if (wanted === 0) continue;
    const free = rest.filter((i) => !i.busy.some((b) => overlaps(blockedRange(b, buffer), { from: day, to: day }))
      && !facts.reservations.some((r) => r.itemId === i.id && overlaps(blockedRange(r, buffer), { from: day, to: day }))).length;
    if (free < wanted) return true;
  }
  return false;
}

function reservedDetail(others: ReservationFact[], loan: DayRange, itemId: string | null, buffer: number): Record<string, unknown> {
  // Only reservations that can be what is in the way: for one item its own and the any-item ones, never
  // another item's (a renewal names this date to staff as "back before").
  const relevant = others.filter((r) => (r.itemId === null || itemId === null || r.itemId === itemId) && overlaps(blockedRange(r, buffer), loan));
  const first = relevant.sort((a, b) => a.from.localeCompare(b.from))[0];
  return first ? { reservationId: first.id, memberId: first.memberId, from: first.from, to: first.to } : {};
}

/**
 * Today + the entry's loan days, but early enough that the item is back and cleaned (the buffer days)
 * before the item's next reservation by someone else starts; never before today.
 */
export function suggestedDueOn(today: string, loanDays: number, bufferDays: number, nextReservationFrom: string | null): string {
  let due = addDays(today, loanDays);
  if (nextReservationFrom !== null) {
    const latest = addDays(nextReservationFrom, -bufferDays - 1);
    if (latest < due) due = latest;
  }
  return due < today ? today : due;
}
