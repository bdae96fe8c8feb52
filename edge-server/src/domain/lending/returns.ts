import type { CleaningInput, Loan, ReturnInput } from '../../api-types.js';
import { recordAudit } from '../../db/audit.repo.js';
import { deskItemsOfEntry, insertCleaning } from '../../db/lending-desk.repo.js';
import { findLoan, insertClosure, lastClosedLoanIdOfItem } from '../../db/lending-loans.repo.js';
import { activeReservationsOfEntry, type ReservationViewRow } from '../../db/lending-reservations.repo.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { addDays } from '../sessions/dates.js';
import { checkChecklistKeys, entryOrThrow, itemOrThrow } from './desk-rules.js';
import { centreToday } from './item-view.js';
import { changeItemState } from './item-state.js';
import { daysLateOn, toLoan } from './loan-views.js';
import { openLoanOrThrow } from './loans.js';

/** The result of a completed cleaning. */
export interface CleaningResult { itemId: string; outcome: 'available' | 'maintenance' | 'reserved'; reservationId: string | null }

/**
 * The way back: a return puts the item into `cleaning` (never straight back on the shelf), a lost
 * loan retires it, and only a completed cleaning checklist makes it lendable again — or sets it
 * aside for a reservation that starts within the buffer days, and tells the desk.
 */
export class LoanReturns {
  constructor(private readonly ctx: DomainContext) {}

  giveBack(staffId: string, loanId: string, input: ReturnInput): Loan {
    const { db } = this.ctx;
    this.ctx.log.write((append) => {
      const loan = openLoanOrThrow(this.ctx, loanId);
      const entry = entryOrThrow(db, loan.catalogueId);
      checkChecklistKeys(input.checklist, entry.checkoutChecklist);
      const now = this.ctx.clock.now();
      const daysLate = daysLateOn(loan.currentDueOn, centreToday(this.ctx));
      const damaged = input.condition === 'damaged' || Object.values(input.checklist).includes(false);
      const damageNotes = input.damageNotes?.trim() || null;
      changeItemState(db, append, {
        itemId: loan.itemId, patch: { status: 'cleaning', condition: input.condition }, reason: 'returned', staffId, loanId, at: now, expect: ['on_loan'],
      });
      const event = append('loan.returned', {
        loanId, itemId: loan.itemId, condition: input.condition, checklist: input.checklist, staffId, late: daysLate > 0, daysLate,
        ...(damaged ? { damaged: true } : {}),
      }, now);
      insertClosure(db, {
        id: newRecordId(now), loanId, outcome: 'returned', condition: input.condition, checklist: JSON.stringify(input.checklist),
        damageNotes, lateDays: daysLate, staffId, recordedAt: now, eventId: event.id,
      });
      recordAudit(db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'lending.return', target: loanId,
        detail: { itemId: loan.itemId, condition: input.condition, daysLate, ...(damageNotes ? { damageNotes } : {}) },
      });
    });
    return this.view(loanId);
  }

  lost(staffId: string, loanId: string, note: string): Loan {
    const { db } = this.ctx;
    this.ctx.log.write((append) => {
      const loan = openLoanOrThrow(this.ctx, loanId);
      const now = this.ctx.clock.now();
      const daysLate = daysLateOn(loan.currentDueOn, centreToday(this.ctx));
      changeItemState(db, append, { itemId: loan.itemId, patch: { status: 'retired' }, reason: 'lost', staffId, loanId, at: now, expect: ['on_loan'] });
      const event = append('loan.lost', { loanId, itemId: loan.itemId, memberId: loan.memberId, staffId, daysLate }, now);
      insertClosure(db, {
        id: newRecordId(now), loanId, outcome: 'lost', condition: null, checklist: '{}', damageNotes: note, lateDays: daysLate,
        staffId, recordedAt: now, eventId: event.id,
      });
      recordAudit(db, { at: now, actorKind: 'staff', actorId: staffId, action: 'lending.lost', target: loanId, detail: { itemId: loan.itemId, note, daysLate } });
    });
    return this.view(loanId);
  }

  /** A completed cleaning checklist: `cleaning` → available, reserved (a reservation waits) or maintenance. */
  clean(staffId: string, itemId: string, input: CleaningInput): CleaningResult {
    const { db } = this.ctx;
    const result = this.ctx.log.write((append): CleaningResult => {
      const item = itemOrThrow(db, itemId);
      if (item.status !== 'cleaning') {
        throw new DomainError('conflict', 'not_in_cleaning', `The item is ${item.status}; only an item back from a loan is cleaned`, { status: item.status });
      }
      const entry = entryOrThrow(db, item.catalogueId);
      const steps = entry.cleaningChecklist;
      const undone = steps.filter((k) => input.checklist[k] !== true);
      const unknown = Object.keys(input.checklist).filter((k) => !steps.includes(k));
      if (undone.length > 0 || unknown.length > 0) {
        throw new DomainError('invalid', 'cleaning_incomplete', `Every cleaning step must be done (${steps.join(', ')})`, { undone, unknown });
      }
      const now = this.ctx.clock.now();
      const waiting = input.outcome === 'available' ? this.waitingReservation(item.id, item.catalogueId, entry.bufferDays) : undefined;
      const outcome = input.outcome === 'maintenance' ? 'maintenance' : waiting ? 'reserved' : 'available';
      const loanId = lastClosedLoanIdOfItem(db, item.id);
      changeItemState(db, append, { itemId: item.id, patch: { status: outcome }, reason: 'cleaned', staffId, loanId, at: now, expect: ['cleaning'] });
      const event = append('item.cleaned', { itemId: item.id, loanId, checklist: input.checklist, outcome, staffId }, now);
      const note = input.note?.trim() || null;
      insertCleaning(db, {
        id: newRecordId(now), itemId: item.id, loanId, checklist: JSON.stringify(input.checklist), outcome, note, staffId, recordedAt: now, eventId: event.id,
      });
      recordAudit(db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'lending.clean', target: item.id,
        detail: { outcome, loanId, ...(waiting ? { reservationId: waiting.id } : {}), ...(note ? { note } : {}) },
      });
      return { itemId: item.id, outcome, reservationId: waiting?.id ?? null };
    });
    if (result.reservationId) this.ctx.bus.publish('lending', { kind: 'ready', itemId, reservationId: result.reservationId });
    return result;
  }

  /**
   * The reservation a clean item is set aside for: one of this item, or one of any item of the entry
   * that no item is held for yet, that has not ended and starts within the buffer days from today.
   */
  private waitingReservation(itemId: string, catalogueId: string, bufferDays: number): ReservationViewRow | undefined {
    const today = centreToday(this.ctx);
    const window = addDays(today, bufferDays);
    const soon = activeReservationsOfEntry(this.ctx.db, catalogueId).filter((r) => r.fromOn <= window && r.toOn >= today);
    const own = soon.find((r) => r.itemId === itemId);
    if (own) return own;
    const anyItem = soon.filter((r) => r.itemId === null);
    if (anyItem.length === 0) return undefined;
    const itemHolds = new Set(soon.filter((r) => r.itemId !== null).map((r) => r.itemId));
    const alreadyHeld = deskItemsOfEntry(this.ctx.db, catalogueId)
      .filter((i) => i.id !== itemId && i.status === 'reserved' && !itemHolds.has(i.id)).length;
    return anyItem[alreadyHeld];
  }

  private view(loanId: string): Loan {
    return toLoan(this.ctx.db, findLoan(this.ctx.db, loanId)!, centreToday(this.ctx), this.ctx.timeZone());
  }
}
