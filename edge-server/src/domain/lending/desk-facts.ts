import type { Db } from '../../db/connection.js';
import { assessmentsOfMember, deskItemsOfEntry, type DeskEntryRow, type DeskItemRow } from '../../db/lending-desk.repo.js';
import { openLoansOfEntry, overdueLoansOfMember } from '../../db/lending-loans.repo.js';
import { activeReservationsOfEntry } from '../../db/lending-reservations.repo.js';
import type { Member } from '../../db/members.repo.js';
import type { EligibilityFacts, ReservationFact } from './eligibility.js';

/** An entry's JSON list columns, parsed. */
export function entryLists(entry: DeskEntryRow): { eligibleDisability: string[]; eligibleGrades: number[]; checks: string[]; cleaning: string[] } {
  return {
    eligibleDisability: JSON.parse(entry.eligibleDisability) as string[],
    eligibleGrades: JSON.parse(entry.eligibleGrades) as number[],
    checks: JSON.parse(entry.checkoutChecklist) as string[],
    cleaning: JSON.parse(entry.cleaningChecklist) as string[],
  };
}

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
  db: Db, input: { member: Member; entry: DeskEntryRow; item: DeskItemRow | null; today: string; dueOn: string },
): EligibilityFacts {
  const { member, entry, item, today } = input;
  const lists = entryLists(entry);
  return {
    today,
    dueOn: input.dueOn,
    member: { id: member.id, status: member.status, disabilityCategory: member.disabilityCategory, disabilityGrade: member.disabilityGrade },
    entry: {
      id: entry.id, eligibleDisability: lists.eligibleDisability, eligibleGrades: lists.eligibleGrades,
      assessmentRequired: entry.assessmentRequired === 1, bufferDays: entry.bufferDays, retired: entry.retired === 1,
    },
    item: item ? { id: item.id, status: item.status } : null,
    assessments: assessmentsOfMember(db, member.id).filter((a) => a.catalogueId === entry.id),
    overdue: overdueLoansOfMember(db, member.id, today),
    reservations: reservationFacts(db, entry.id),
    entryItems: entryItemFacts(db, entry.id, today),
  };
}
