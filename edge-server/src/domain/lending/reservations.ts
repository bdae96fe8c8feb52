import type { Reservation, ReservationInput, ReservationState } from '../../api-types.js';
import { formatWithOffset } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import {
  findReservation, insertReservation, insertReservationEnd, listReservations, reservationsEndedBefore, type ReservationViewRow,
} from '../../db/lending-reservations.repo.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { addDays } from '../sessions/dates.js';
import { fits, nextFreeOn, type EntryUsage } from './availability.js';
import { entryItemFacts, openLoanFacts, reservationFacts } from './desk-facts.js';
import { checkDay, entryOrThrow, itemOrThrow, MAX_LOAN_DAYS, memberOrThrow } from './desk-rules.js';
import { centreToday } from './item-view.js';

/** A reservation as the API shows it. */
export function toReservation(r: ReservationViewRow, timeZone: string): Reservation {
  return {
    id: r.id, memberId: r.memberId, memberName: r.memberName, catalogueId: r.catalogueId, catalogueName: r.catalogueName,
    itemId: r.itemId, tagCode: r.tagCode, from: r.fromOn, to: r.toOn, state: r.state, createdAt: formatWithOffset(r.createdAt, timeZone),
  };
}

/** §6 fields of reservation.created / cancelled: the item, or the entry when any item will do. */
function reservationEventData(r: { id: string; itemId: string | null; catalogueId: string; memberId: string; fromOn: string; toOn: string }): Record<string, unknown> {
  return { reservationId: r.id, ...(r.itemId !== null ? { itemId: r.itemId } : { catalogueId: r.catalogueId }), memberId: r.memberId, from: r.fromOn, to: r.toOn };
}

/**
 * Reservations of one item, or of any item of an entry, for [from, to]. A reservation must leave the
 * buffer days free after open loans and other reservations of its item; an any-item reservation is
 * refused only when, on some day, every lendable item of the entry is taken.
 */
export class ReservationService {
  constructor(private readonly ctx: DomainContext) {}

  list(filter: { catalogueId?: string; state?: ReservationState }): Reservation[] {
    if (filter.catalogueId !== undefined) entryOrThrow(this.ctx.db, filter.catalogueId);
    return listReservations(this.ctx.db, filter.catalogueId)
      .filter((r) => filter.state === undefined || r.state === filter.state)
      .map((r) => toReservation(r, this.ctx.timeZone()));
  }

  create(staffId: string, input: ReservationInput): Reservation {
    const { db } = this.ctx;
    checkDay('from', input.from);
    checkDay('to', input.to);
    const id = this.ctx.log.write((append) => {
      const today = centreToday(this.ctx);
      if (input.from < today || input.to < input.from || input.to > addDays(today, MAX_LOAN_DAYS)) {
        throw new DomainError('invalid', 'invalid_range', `A reservation runs from today or later to a day at most ${MAX_LOAN_DAYS} days ahead, from ≤ to`);
      }
      memberOrThrow(db, input.memberId);
      const entry = entryOrThrow(db, input.catalogueId);
      if (entry.retired) throw new DomainError('conflict', 'catalogue_retired', 'This catalogue entry is retired');
      const itemId = input.itemId ?? null;
      if (itemId !== null) {
        const item = itemOrThrow(db, itemId);
        if (item.catalogueId !== entry.catalogueId) throw new DomainError('invalid', 'item_not_of_entry', 'The item is not of this catalogue entry');
        if (item.status === 'retired') throw new DomainError('conflict', 'item_not_available', 'The item is retired', { status: item.status });
      }
      const usage = this.usage(entry.catalogueId, entry.bufferDays, today);
      const wanted = { itemId, from: input.from, to: input.to };
      if (!fits(usage, wanted)) {
        throw new DomainError('conflict', 'reservation_conflict', 'The item is taken on some of these days', { nextFreeOn: nextFreeOn(usage, wanted) });
      }
      const now = this.ctx.clock.now();
      const rowId = newRecordId(now);
      const row = { id: rowId, memberId: input.memberId, catalogueId: entry.catalogueId, itemId, fromOn: input.from, toOn: input.to, staffId, createdAt: now };
      const event = append('reservation.created', reservationEventData(row), now);
      insertReservation(db, { ...row, eventId: event.id });
      recordAudit(db, { at: now, actorKind: 'staff', actorId: staffId, action: 'lending.reserve', target: rowId, detail: { ...input } });
      return rowId;
    });
    return toReservation(findReservation(db, id)!, this.ctx.timeZone());
  }

  cancel(staffId: string, id: string, reason: string): Reservation {
    const { db } = this.ctx;
    this.ctx.log.write((append) => {
      const r = findReservation(db, id);
      if (!r) throw new DomainError('not_found', 'reservation_not_found', `No reservation with id ${id}`);
      if (r.state !== 'active') throw new DomainError('conflict', 'reservation_ended', `The reservation is ${r.state} already`);
      const now = this.ctx.clock.now();
      const event = append('reservation.cancelled', reservationEventData(r), now);
      insertReservationEnd(db, { id: newRecordId(now), reservationId: id, outcome: 'cancelled', loanId: null, reason, staffId, recordedAt: now, eventId: event.id });
      recordAudit(db, { at: now, actorKind: 'staff', actorId: staffId, action: 'lending.reservation_cancel', target: id, detail: { reason } });
    });
    return toReservation(findReservation(db, id)!, this.ctx.timeZone());
  }

  /**
   * Ends the reservations whose last day has passed without a loan (an end row `expired` and a
   * system audit line; §6 has no event for it). Returns how many.
   */
  expire(): number {
    const today = centreToday(this.ctx);
    return this.ctx.log.write(() => {
      const due = reservationsEndedBefore(this.ctx.db, today);
      const now = this.ctx.clock.now();
      for (const r of due) {
        insertReservationEnd(this.ctx.db, { id: newRecordId(now), reservationId: r.id, outcome: 'expired', loanId: null, reason: null, staffId: null, recordedAt: now, eventId: null });
        recordAudit(this.ctx.db, { at: now, actorKind: 'system', actorId: null, action: 'lending.reservation_expire', target: r.id, detail: { to: r.toOn } });
      }
      return due.length;
    });
  }

  private usage(catalogueId: string, bufferDays: number, today: string): EntryUsage {
    const items = entryItemFacts(this.ctx.db, catalogueId, today);
    return {
      bufferDays,
      itemIds: items.map((i) => i.id),
      loans: openLoanFacts(this.ctx.db, items),
      reservations: reservationFacts(this.ctx.db, catalogueId),
    };
  }
}
