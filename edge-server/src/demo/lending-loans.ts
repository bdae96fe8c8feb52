import { localDate } from '../clock.js';
import type { Db } from '../db/connection.js';
import { findCatalogueEntry } from '../db/lending-catalogue.repo.js';
import { insertCleaning } from '../db/lending-desk.repo.js';
import { appendItemState, currentItemState } from '../db/lending-item-states.repo.js';
import { findItemViewByTag } from '../db/lending-items.repo.js';
import { insertClosure, insertLoan } from '../db/lending-loans.repo.js';
import { insertReservation, insertWaitlist } from '../db/lending-reservations.repo.js';
import { addDays, daysBetween } from '../domain/sessions/dates.js';

const DAY = 86_400_000;

interface DemoLoan {
  tag: string; memberId: string; outDaysAgo: number; loanDays: number;
  /** returned this many days ago (undefined: still out) */
  returnedDaysAgo?: number;
}

/**
 * Loans of the demo inventory (items found by their tags DEV-00NN from demo/lending.ts):
 * - open: DEV-0011 腋下拐杖 with 张伟, due in 20 days;
 * - OVERDUE: DEV-0008 助行器 with 杨丽华 (guardian 杨明 13987654321), due 5 days ago;
 * - past: DEV-0019 助视器 (李秀英, back on time), DEV-0022 康复踏步器 (吴桂兰, back 2 days late), both cleaned;
 * - a reservation of DEV-0012 腋下拐杖 for 黄志强 from in 3 days for 2½ weeks;
 * - 钱志刚 waiting for an 电动轮椅.
 */
const LOANS: DemoLoan[] = [
  { tag: 'DEV-0011', memberId: 'mem_demo_01', outDaysAgo: 10, loanDays: 30 },
  { tag: 'DEV-0008', memberId: 'mem_demo_06', outDaysAgo: 40, loanDays: 35 },
  { tag: 'DEV-0019', memberId: 'mem_demo_02', outDaysAgo: 70, loanDays: 30, returnedDaysAgo: 41 },
  { tag: 'DEV-0022', memberId: 'mem_demo_10', outDaysAgo: 50, loanDays: 30, returnedDaysAgo: 18 },
];

/**
 * Demo loans, a reservation and a waiting-list entry. Fixtures like the rest of the demo data: no
 * events (event_id NULL), so nothing of them is ever pushed. Runs after the demo inventory.
 */
export function seedDemoLoans(db: Db, staffId: string, now: number, timeZone: string): void {
  const dayOf = (ms: number) => localDate(ms, timeZone);
  for (const [i, l] of LOANS.entries()) {
    const item = findItemViewByTag(db, l.tag);
    const entry = item && findCatalogueEntry(db, item.catalogueId);
    if (!item || !entry) throw new Error(`demo loans: the demo inventory has no item ${l.tag}; seed demo/lending.ts first`);
    const outAt = now - l.outDaysAgo * DAY;
    const loanId = `loan_demo_${i + 1}`;
    const dueOn = addDays(dayOf(outAt), l.loanDays);
    const checklist = JSON.stringify(Object.fromEntries(entry.checkoutChecklist.map((k) => [k, true])));
    insertLoan(db, {
      id: loanId, itemId: item.id, memberId: l.memberId, staffId, checkedOutAt: outAt, dueOn, conditionOut: item.condition,
      checklistOut: checklist, ackMethod: 'staff_witnessed', ackBy: 'self', guardianName: null, overrideCodes: '[]', overrideReason: null,
      reservationId: null, eventId: null,
    });
    const chain = (status: 'on_loan' | 'cleaning' | 'available', reason: string, at: number) => {
      const previous = currentItemState(db, item.id)!;
      appendItemState(db, previous, { ...previous, id: `${loanId}_${status}`, status, reason, loanId, staffId, recordedAt: at, eventId: null });
    };
    chain('on_loan', 'checked_out', outAt);
    if (l.returnedDaysAgo === undefined) continue;
    const backAt = now - l.returnedDaysAgo * DAY;
    const lateDays = Math.max(0, daysBetween(dueOn, dayOf(backAt)));
    insertClosure(db, {
      id: `${loanId}_closure`, loanId, outcome: 'returned', condition: item.condition, checklist, damageNotes: null, lateDays,
      staffId, recordedAt: backAt, eventId: null,
    });
    chain('cleaning', 'returned', backAt);
    const cleanedAt = backAt + 2 * 3_600_000;
    insertCleaning(db, {
      id: `${loanId}_cleaning`, itemId: item.id, loanId, checklist: JSON.stringify(Object.fromEntries(entry.cleaningChecklist.map((k) => [k, true]))),
      outcome: 'available', note: null, staffId, recordedAt: cleanedAt, eventId: null,
    });
    chain('available', 'cleaned', cleanedAt);
  }
  const reserved = findItemViewByTag(db, 'DEV-0012');
  if (reserved) {
    const today = dayOf(now);
    insertReservation(db, {
      id: 'rsv_demo_1', memberId: 'mem_demo_08', catalogueId: reserved.catalogueId, itemId: reserved.id, fromOn: addDays(today, 3),
      toOn: addDays(today, 20), staffId, createdAt: now - DAY, eventId: null,
    });
  }
  if (findCatalogueEntry(db, 'cat_demo_e_wheelchair')) {
    insertWaitlist(db, { id: 'wait_demo_1', catalogueId: 'cat_demo_e_wheelchair', memberId: 'mem_demo_15', note: '等电动轮椅', staffId, createdAt: now - 3 * DAY, eventId: null });
  }
}
