import type { Item } from '../../api-types.js';
import { localDate } from '../../clock.js';
import { findItemView, findItemViewByTag, type ItemViewRow } from '../../db/lending-items.repo.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { daysBetween } from '../sessions/dates.js';
import { addYears } from './days.js';

/** The centre's calendar day now. */
export function centreToday(ctx: DomainContext): string {
  return localDate(ctx.clock.now(), ctx.timeZone());
}

/** An item as the API shows it, with the flags computed for the centre's `today`. */
export function toItem(row: ItemViewRow, today: string): Item {
  const loan = row.loanId !== null && row.memberId !== null && row.dueOn !== null
    ? {
      id: row.loanId, memberId: row.memberId, memberName: row.memberName ?? '', dueOn: row.dueOn,
      daysLate: Math.max(0, daysBetween(row.dueOn, today)),
    }
    : null;
  return {
    id: row.id, tagCode: row.tagCode, serial: row.serial, catalogueId: row.catalogueId, catalogueName: row.catalogueName,
    category: row.category, status: row.status, condition: row.condition, location: row.location, acquiredOn: row.acquiredOn,
    nextServiceOn: row.nextServiceOn,
    serviceDue: row.nextServiceOn !== null && row.nextServiceOn <= today,
    pastServiceLife: row.acquiredOn !== null && addYears(row.acquiredOn, row.serviceLifeYears) <= today,
    loan,
  };
}

/** One item by id (`404 item_not_found`); for any lending code that answers with an `Item`. */
export function itemView(ctx: DomainContext, itemId: string): Item {
  const row = findItemView(ctx.db, itemId);
  if (!row) throw new DomainError('not_found', 'item_not_found', `No item with id ${itemId}`);
  return toItem(row, centreToday(ctx));
}

/** The item whose label carries `tagCode` (`404 unknown_tag`); the scanner path. */
export function itemByTag(ctx: DomainContext, tagCode: string): Item {
  const row = findItemViewByTag(ctx.db, tagCode.trim());
  if (!row) throw new DomainError('not_found', 'unknown_tag', `No item carries the tag ${tagCode.trim()}`, { tagCode: tagCode.trim() });
  return toItem(row, centreToday(ctx));
}
