import type { Db } from '../../db/connection.js';
import type { CatalogueVersionRow } from '../../db/lending-catalogue.repo.js';
import { assessmentsOfMember, deskItemsOfEntry, type DeskItemRow } from '../../db/lending-desk.repo.js';
import { openLoansOfEntry, overdueLoansOfMember } from '../../db/lending-loans.repo.js';
import { activeReservationsOfEntry } from '../../db/lending-reservations.repo.js';
import type { Member } from '../../db/members.repo.js';
import type { EligibilityFacts, ReservationFact } from './eligibility.js';

/** The entry's active reservations as the eligibility rules see them. */
export function reservationFacts(db: Db, catalogueId: string): ReservationFact[] {
  return activeReservationsOfEntry(db, catalogueId).map((r) => ({ id: r.id, memberId: r.memberId, itemId: r.itemId, from: r.fromOn, to: r.toOn }));
}

/** The entry's items that can be lent at all, with the days their open loans hold them (from today). */
export function entryItemFacts(db: Db, catalogueId: string, today: string): EligibilityFacts['entryItems'] {
  const loans = openLoansOfEntry(db, catalogueId);
  return deskItemsOfEntry(db, catalogueId)
    .filter((i) => i.status !== 'retired' && i.status !== 'maintenance')
    .map((i) => ({
      id: i.id, status: i.status,
      busy: loans.filter((l) => l.itemId === i.id).map((l) => ({ from: today, to: l.dueOn < today ? today : l.dueOn })),
    }));
}

/** Reads everything the eligibility rules need (call it inside the write transaction at check-out). */
export function gatherFacts(
  db: Db, input: { member: Member; entry: CatalogueVersionRow; item: DeskItemRow | null; today: string; dueOn: string },
): EligibilityFacts {
  const { member, entry, item, today } = input;
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
    reservations: reservationFacts(db, entry.catalogueId),
    entryItems: entryItemFacts(db, entry.catalogueId, today),
  };
}
