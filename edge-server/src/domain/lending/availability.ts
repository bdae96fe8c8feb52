import { addDays, daysBetween } from '../sessions/dates.js';
import { blockedRange, overlaps, type DayRange, type ReservationFact } from './eligibility.js';

/** What holds an entry's items over the coming days. */
export interface EntryUsage {
  bufferDays: number;
  /** the items that can be lent at all (not retired, not in maintenance) */
  itemIds: string[];
  /** open loans: from today to their due day */
  loans: (DayRange & { itemId: string })[];
  /** active reservations */
  reservations: ReservationFact[];
}

export interface Wanted extends DayRange { itemId: string | null }

/**
 * Whether a reservation fits: the item it names is free over its days and the buffer after, and
 * on every day of it the any-item reservations (this one included) still have an item each.
 */
export function fits(usage: EntryUsage, wanted: Wanted): boolean {
  const b = usage.bufferDays;
  const span = blockedRange(wanted, b);
  if (wanted.itemId !== null) {
    const id = wanted.itemId;
    if (usage.loans.some((l) => l.itemId === id && overlaps(blockedRange(l, b), span))) return false;
    if (usage.reservations.some((r) => r.itemId === id && overlaps(blockedRange(r, b), span))) return false;
  }
  const all = [...usage.reservations, { ...wanted, id: '', memberId: '' }];
  for (let day = span.from; day <= span.to; day = addDays(day, 1)) {
    const on = { from: day, to: day };
    const taken = new Set<string>();
    for (const l of usage.loans) if (overlaps(blockedRange(l, b), on)) taken.add(l.itemId);
    for (const r of all) if (r.itemId !== null && overlaps(blockedRange(r, b), on)) taken.add(r.itemId);
    const free = usage.itemIds.filter((i) => !taken.has(i)).length;
    const anyItem = all.filter((r) => r.itemId === null && overlaps(blockedRange(r, b), on)).length;
    if (anyItem > free) return false;
  }
  return true;
}

/** The first day after `wanted.from` on which a reservation of the same length would fit (within a year), or null. */
export function nextFreeOn(usage: EntryUsage, wanted: Wanted, horizonDays = 366): string | null {
  const length = daysBetween(wanted.from, wanted.to);
  for (let shift = 1; shift <= horizonDays; shift++) {
    const from = addDays(wanted.from, shift);
    if (fits(usage, { itemId: wanted.itemId, from, to: addDays(from, length) })) return from;
  }
  return null;
}
