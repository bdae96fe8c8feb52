import { formatWithOffset } from '../../clock.js';
import type { Db } from '../../db/connection.js';
import { findCatalogueEntry, type CatalogueVersionRow } from '../../db/lending-catalogue.repo.js';
import { findDeskItem, type DeskItemRow } from '../../db/lending-desk.repo.js';
import { findMemberById, type Member } from '../../db/members.repo.js';
import { isCalendarDay } from '../calendar-day.js';
import { DomainError } from '../errors.js';
import { addDays, localInstant } from '../sessions/dates.js';

/** The longest a loan may run from today. */
export const MAX_LOAN_DAYS = 366;

/** The end of a local day (its last millisecond) as ISO with the centre's offset: a loan's `dueAt`. */
export function endOfDayIso(day: string, timeZone: string): string {
  return formatWithOffset(localInstant(addDays(day, 1), '00:00', timeZone) - 1, timeZone);
}

export function checkDay(field: string, day: string): void {
  if (!isCalendarDay(day)) throw new DomainError('invalid', 'invalid_date', `${field} is YYYY-MM-DD, e.g. 2026-12-03`);
}

/** A due day is a real day from today to today + 366. */
export function checkDueOn(dueOn: string, today: string): void {
  checkDay('dueOn', dueOn);
  if (dueOn < today || dueOn > addDays(today, MAX_LOAN_DAYS)) {
    throw new DomainError('invalid', 'invalid_due_on', `The due day must be from ${today} to ${addDays(today, MAX_LOAN_DAYS)}`);
  }
}

export function memberOrThrow(db: Db, memberId: string): Member {
  const member = findMemberById(db, memberId);
  if (!member) throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
  return member;
}

export function itemOrThrow(db: Db, itemId: string): DeskItemRow {
  const item = findDeskItem(db, itemId);
  if (!item) throw new DomainError('not_found', 'item_not_found', `No item with id ${itemId}`);
  return item;
}

export function entryOrThrow(db: Db, catalogueId: string): CatalogueVersionRow {
  const entry = findCatalogueEntry(db, catalogueId);
  if (!entry) throw new DomainError('not_found', 'catalogue_not_found', `No catalogue entry with id ${catalogueId}`);
  return entry;
}

/**
 * A checklist must answer exactly the entry's checks: a missing or unknown key is a bad request
 * (`400 checklist_incomplete`), so a screen cannot skip a check by leaving it out.
 */
export function checkChecklistKeys(checklist: Record<string, boolean>, keys: string[], code = 'checklist_incomplete'): void {
  const missing = keys.filter((k) => !(k in checklist));
  const unknown = Object.keys(checklist).filter((k) => !keys.includes(k));
  if (missing.length > 0 || unknown.length > 0) {
    throw new DomainError('invalid', code, `The checklist must answer exactly the entry's checks (${keys.join(', ')})`, { missing, unknown });
  }
}
