import type { CheckoutInput, Eligibility, Loan, Refusal } from '../../api-types.js';
import { recordAudit } from '../../db/audit.repo.js';
import { findDeskItem } from '../../db/lending-desk.repo.js';
import { findLoan, insertLoan, insertRenewal, type LoanViewRow } from '../../db/lending-loans.repo.js';
import { findReservation, insertReservationEnd, insertWaitlistEnd, waitingOfMember } from '../../db/lending-reservations.repo.js';
import type { AppendEvent } from '../../events/event-log.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import type { LendingCaptures } from './captures.js';
import { gatherFacts } from './desk-facts.js';
import {
  checkChecklistKeys, checkDueOn, endOfDayIso, entryOrThrow, itemOrThrow, memberOrThrow,
} from './desk-rules.js';
import { checkEligibility, heldReservation, suggestedDueOn, type EligibilityFacts } from './eligibility.js';
import { changeItemState } from './item-state.js';
import { centreToday } from './item-view.js';
import { toLoan } from './loan-views.js';

/**
 * The loan desk's check-out and renewal. A check-out is one write transaction that re-reads the
 * member, the item's state and the reservations, re-checks eligibility and appends `on_loan`
 * through `changeItemState`, so two screens lending the same item are serialised and one is refused.
 */
export class LoanService {
  constructor(private readonly ctx: DomainContext, private readonly captures: LendingCaptures) {}

  /** Whether the member may borrow this item (or an item of this entry) now, with the due day to suggest. */
  eligibility(memberId: string, target: { itemId: string } | { catalogueId: string }): Eligibility {
    const member = memberOrThrow(this.ctx.db, memberId);
    const item = 'itemId' in target ? itemOrThrow(this.ctx.db, target.itemId) : null;
    const entry = entryOrThrow(this.ctx.db, item ? item.catalogueId : (target as { catalogueId: string }).catalogueId);
    const today = centreToday(this.ctx);
    const probe = gatherFacts(this.ctx.db, { member, entry, item, today, dueOn: today });
    const due = this.suggest(probe, entry.loanDays, item?.id ?? null);
    const refusals = checkEligibility({ ...probe, dueOn: due });
    return { memberId, catalogueId: entry.catalogueId, itemId: item?.id ?? null, eligible: refusals.length === 0, refusals, suggestedDueOn: due };
  }

  checkout(staffId: string, input: CheckoutInput): Loan {
    const { db } = this.ctx;
    memberOrThrow(db, input.memberId);
    const entry = entryOrThrow(db, itemOrThrow(db, input.itemId).catalogueId);
    checkDueOn(input.dueOn, centreToday(this.ctx));
    const checks = entry.checkoutChecklist;
    checkChecklistKeys(input.checklist, checks);
    const failed = checks.filter((k) => input.checklist[k] === false);
    if (failed.length > 0) {
      throw new DomainError('conflict', 'checklist_failed', `The device failed checks (${failed.join(', ')}) and is not lent`, { failed });
    }
    const ack = input.acknowledgement;
    if (ack.method === 'staff_witnessed' && ack.by === 'guardian' && !ack.guardianName?.trim()) {
      throw new DomainError('invalid', 'guardian_name_required', "A guardian's acknowledgement needs the guardian's name");
    }
    if (ack.method !== 'staff_witnessed') this.captures.acknowledgement(ack.captureId, input.memberId, ack.method);
    const loanId = this.ctx.log.write((append) => this.lend(append, staffId, input));
    if (ack.method !== 'staff_witnessed') this.captures.use(ack.captureId);
    return this.view(findLoan(db, loanId)!);
  }

  /** Moves the due day later, unless somebody else's reservation needs the item back sooner. */
  renew(staffId: string, loanId: string, dueOn: string, reason: string | null): Loan {
    const { db } = this.ctx;
    this.ctx.log.write((append) => {
      const loan = openLoanOrThrow(this.ctx, loanId);
      const today = centreToday(this.ctx);
      checkDueOn(dueOn, today);
      if (dueOn <= loan.currentDueOn) {
        throw new DomainError('invalid', 'invalid_due_on', `A renewal moves the due day after ${loan.currentDueOn}`);
      }
      const member = memberOrThrow(db, loan.memberId);
      const entry = entryOrThrow(db, loan.catalogueId);
      const item = findDeskItem(db, loan.itemId)!;
      const reserved = checkEligibility(gatherFacts(db, { member, entry, item, today, dueOn })).find((r) => r.code === 'reserved_for_other');
      if (reserved) {
        throw new DomainError('conflict', 'reserved_after', 'Somebody reserved the item; it must be back before their reservation', {
          nextReservationFrom: reserved.detail.from ?? null,
        });
      }
      const now = this.ctx.clock.now();
      const event = append('loan.renewed', {
        loanId, itemId: loan.itemId, memberId: loan.memberId, fromDueOn: loan.currentDueOn, toDueOn: dueOn, staffId,
      }, now);
      insertRenewal(db, { id: newRecordId(now), loanId, fromDueOn: loan.currentDueOn, toDueOn: dueOn, reason, staffId, recordedAt: now, eventId: event.id });
      recordAudit(db, { at: now, actorKind: 'staff', actorId: staffId, action: 'lending.renew', target: loanId, detail: { fromDueOn: loan.currentDueOn, toDueOn: dueOn, reason } });
    });
    return this.view(findLoan(db, loanId)!);
  }

  get(loanId: string): Loan {
    const row = findLoan(this.ctx.db, loanId);
    if (!row) throw loanNotFound(loanId);
    return this.view(row);
  }

  private lend(append: AppendEvent, staffId: string, input: CheckoutInput): string {
    const { db } = this.ctx;
    const now = this.ctx.clock.now();
    const today = centreToday(this.ctx);
    // Everything is read again inside the transaction: what the screen saw may have changed.
    const member = memberOrThrow(db, input.memberId);
    const item = itemOrThrow(db, input.itemId);
    const entry = entryOrThrow(db, item.catalogueId);
    const facts = gatherFacts(db, { member, entry, item, today, dueOn: input.dueOn });
    const refusals = checkEligibility(facts);
    if (refusals.some((r) => r.code === 'item_not_available')) {
      throw new DomainError('conflict', 'item_not_available', `The item is ${item.status}`, { status: item.status, refusals });
    }
    const overridden = this.overridden(refusals, input.override?.reason);
    const held = this.reservationFor(facts, input, item.id);
    const loanId = newRecordId(now);
    changeItemState(db, append, {
      itemId: item.id, patch: { status: 'on_loan', condition: input.condition }, reason: 'checked_out', staffId, loanId, at: now,
      expect: held && item.status === 'reserved' ? ['reserved'] : ['available'],
    });
    const ack = input.acknowledgement;
    const ackBy = ack.method === 'staff_witnessed' ? ack.by : 'self';
    const event = append('loan.checked_out', {
      loanId, itemId: item.id, memberId: member.id, staffId, dueAt: endOfDayIso(input.dueOn, this.ctx.timeZone()),
      condition: input.condition, checklist: input.checklist, acknowledgement: { method: ack.method, by: ackBy },
      ...(overridden.length > 0 ? { override: { codes: overridden } } : {}),
    }, now);
    insertLoan(db, {
      id: loanId, itemId: item.id, memberId: member.id, staffId, checkedOutAt: now, dueOn: input.dueOn, conditionOut: input.condition,
      checklistOut: JSON.stringify(input.checklist), ackMethod: ack.method, ackBy,
      guardianName: ack.method === 'staff_witnessed' && ack.by === 'guardian' ? ack.guardianName!.trim() : null,
      overrideCodes: JSON.stringify(overridden), overrideReason: overridden.length > 0 ? input.override!.reason : null,
      reservationId: held?.id ?? null, eventId: event.id,
    });
    if (held) {
      const end = append('reservation.fulfilled', { reservationId: held.id, loanId }, now);
      insertReservationEnd(db, { id: newRecordId(now), reservationId: held.id, outcome: 'fulfilled', loanId, reason: null, staffId, recordedAt: now, eventId: end.id });
    }
    for (const wait of waitingOfMember(db, member.id).filter((w) => w.catalogueId === entry.catalogueId)) {
      const left = append('lending.waitlist_left', { waitlistId: wait.id, catalogueId: entry.catalogueId, memberId: member.id, outcome: 'lent' }, now);
      insertWaitlistEnd(db, { id: newRecordId(now), waitlistId: wait.id, outcome: 'lent', reason: null, staffId, recordedAt: now, eventId: left.id });
    }
    recordAudit(db, {
      at: now, actorKind: 'staff', actorId: staffId, action: 'lending.checkout', target: loanId,
      detail: {
        itemId: item.id, memberId: member.id, dueOn: input.dueOn, acknowledgement: ack.method, by: ackBy,
        ...(overridden.length > 0 ? { override: { codes: overridden, reason: input.override!.reason } } : {}),
        ...(held ? { reservationId: held.id } : {}),
      },
    });
    return loanId;
  }

  /** The overridable refusals a reason overrides; anything else refuses the loan. */
  private overridden(refusals: Refusal[], reason: string | undefined): Refusal['code'][] {
    const hard = refusals.filter((r) => !r.overridable);
    if (hard.length > 0 || (refusals.length > 0 && !reason?.trim())) {
      throw new DomainError('conflict', 'not_eligible', hard.length > 0
        ? `The member may not borrow this item (${hard.map((r) => r.code).join(', ')})`
        : `The member may not borrow this item unless staff override with a reason (${refusals.map((r) => r.code).join(', ')})`, { refusals });
    }
    return refusals.map((r) => r.code);
  }

  /** The member's reservation this loan fulfils: the one named, or one that holds the item now. */
  private reservationFor(facts: EligibilityFacts, input: CheckoutInput, itemId: string): { id: string } | undefined {
    if (input.reservationId === undefined) return heldReservation(facts, itemId);
    const named = findReservation(this.ctx.db, input.reservationId);
    if (!named || named.memberId !== input.memberId || named.catalogueId !== facts.entry.id || (named.itemId !== null && named.itemId !== itemId)) {
      throw new DomainError('not_found', 'reservation_not_found', `No reservation ${input.reservationId} of this member for this item`);
    }
    if (named.state !== 'active') throw new DomainError('conflict', 'reservation_ended', `The reservation is ${named.state}`);
    return named;
  }

  private suggest(facts: EligibilityFacts, loanDays: number, itemId: string | null): string {
    const next = facts.reservations
      .filter((r) => r.memberId !== facts.member.id && r.itemId !== null && r.itemId === itemId && r.from > facts.today)
      .map((r) => r.from).sort()[0] ?? null;
    return suggestedDueOn(facts.today, loanDays, facts.entry.bufferDays, next);
  }

  private view(row: LoanViewRow): Loan {
    return toLoan(this.ctx.db, row, centreToday(this.ctx), this.ctx.timeZone());
  }
}

export function loanNotFound(loanId: string): DomainError {
  return new DomainError('not_found', 'loan_not_found', `No loan with id ${loanId}`);
}

/** The loan, read inside the caller's transaction; a closed one is `409 already_closed`. */
export function openLoanOrThrow(ctx: DomainContext, loanId: string): LoanViewRow {
  const loan = findLoan(ctx.db, loanId);
  if (!loan) throw loanNotFound(loanId);
  if (loan.closureOutcome !== null) throw new DomainError('conflict', 'already_closed', `This loan was ${loan.closureOutcome} already`);
  return loan;
}
