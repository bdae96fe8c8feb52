import type { Db } from '../../db/connection.js';
import type { CatalogueVersionRow } from '../../db/lending-catalogue.repo.js';
import { assessmentsOfMember, deskItemsOfEntry, type DeskItemRow } from '../../db/lending-desk.repo.js';
import { openLoanDueOfItem, overdueLoansOfMember } from '../../db/lending-loans.repo.js';
import { activeReservationsOfEntry } from '../../db/lending-reservations.repo.js';
import type { Member } from '../../db/members.repo.js';
import type { EligibilityFacts, ReservationFact } from './eligibility.js';

/** The entry's active reservations as the eligibility rules see them. */
export function reservationFacts(db: Db, catalogueId: string): ReservationFact[] {
  return activeReservationsOfEntry(db, catalogueId).map((r) => ({ id: r.id, memberId: r.memberId, itemId: r.itemId, from: r.fromOn, to: r.toOn }));
}

/** The entry's items that can be lent at all, with the days their open loans hold them (from today). */
export function entryItemFacts(db: Db, catalogueId: string, today: string): EligibilityFacts['entryItems'] {
  return deskItemsOfEntry(db, catalogueId)
    .filter((i) => i.status !== 'retired' && i.status !== 'maintenance')
    .map((i) => {
      const due = i.status === 'on_loan' ? openLoanDueOfItem(db, i.id) : undefined;
      return { id: i.id, status: i.status, busy: due === undefined ? [] : [{ from: today, to: due < today ? today : due }] };
    });
}

/** Open loans of the entry's items (the items whose state is on_loan), from today to their due day. */
export function openLoanFacts(db: Db, items: EligibilityFacts['entryItems']): { itemId: string; from: string; to: string }[] {
  return items.flatMap((i) => i.busy.map((b) => ({ itemId: i.id, ...b })));
}

/** Reads everything the eligibility rules need (call it inside the write transaction at check-out). */
export function gatherFacts(
  db: Db, input: { member: Member; entry: CatalogueVersionRow; item: DeskItemRow | null; today: string; dueOn: string },
): EligibilityFacts {
  const { member, entry, item, today } = input;
  const reservations = reservationFacts(db, entry.catalogueId);
  return {
    today,
    dueOn: input.dueOn,
    member: { id: member.id, status: member.status, disabilityCategory: member.disabilityCategory, disabilityGrade: member.disabilityGrade },
    entry: {
      id: entry.catalogueId, eligibleDisability: entry.eligibleDisability, eligibleGrades: entry.eligibleGrades,
      assessmentRequired: entry.assessmentRequired, bufferDays: entry.bufferDays, retired: entry.retired,
    },
    item: item ? { id: item.id, status: item.status } : null,
    assessments: assessmentsOfMember(db, member.id).filter((a) => a.catalogueId === entry.catalogueId),
    overdue: overdueLoansOfMember(db, member.id, today),
    reservations,
    // The other items matter only to an any-item question or to another member's any-item reservation.
    entryItems: item === null || reservations.some((r) => r.itemId === null && r.memberId !== member.id)
      ? entryItemFacts(db, entry.catalogueId, today) : [],
  };
}
