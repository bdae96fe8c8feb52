import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemStatus } from '../../../../edge-server/src/api-types.js';
import type { ItemViewRow } from '../../../../edge-server/src/db/lending-items.repo.js';
import { addYears } from '../../../../edge-server/src/domain/lending/days.js';
import { statusAfterMaintenance } from '../../../../edge-server/src/domain/lending/inventory.js';
import { checkItemFields, conditionFromWord } from '../../../../edge-server/src/domain/lending/item-fields.js';
import { toItem } from '../../../../edge-server/src/domain/lending/item-view.js';
import { manualChangeRefusal, type ManualStatus } from '../../../../edge-server/src/domain/lending/manual-status.js';
import { createTestKiosk, type TestKiosk } from '../../../support/kiosk.js';
import { STAFF_ID, storedEvents } from '../../helpers.js';
import { codeOf } from '../error-code.js';

const STATUSES: ItemStatus[] = ['available', 'on_loan', 'reserved', 'cleaning', 'maintenance', 'retired'];

function row(over: Partial<ItemViewRow> = {}): ItemViewRow {
  return {
    id: 'i1', tagCode: 'T-1', serial: null, catalogueId: 'c1', acquiredOn: null, catalogueName: '手动轮椅', category: 'wheelchair',
    serviceLifeYears: 5, status: 'available', condition: 'good', location: null, nextServiceOn: null,
    loanId: null, memberId: null, memberName: null, dueOn: null, ...over,
  };
}

describe('manual status changes', () => {
  /** [to, the statuses staff may change it from] as docs/services/lending.md's route table says */
  const allowed: [ManualStatus, ItemStatus[]][] = [
    ['maintenance', ['available', 'cleaning', 'reserved']],
    ['retired', ['available', 'cleaning', 'maintenance', 'reserved']],
    ['available', ['maintenance']],
  ];

  it.each(allowed)('lets staff set %s only from %j', (to, from) => {
    for (const status of STATUSES) {
      expect(manualChangeRefusal(status, to) === null, `${status} → ${to}`).toBe(from.includes(status));
    }
  });

  it('explains why cleaning cannot become available by hand, and that loans and retirements are not undone', () => {
    expect(manualChangeRefusal('cleaning', 'available')).toMatch(/cleaning checklist/);
    expect(manualChangeRefusal('on_loan', 'retired')).toMatch(/return/);
    expect(manualChangeRefusal('retired', 'available')).toMatch(/stays retired/);
  });
});

describe('where maintenance leaves an item', () => {
  it('puts it back on the shelf, keeps a reserved item reserved, and keeps an item in cleaning out of use', () => {
    expect(statusAfterMaintenance('maintenance', 'available')).toBe('available');
    expect(statusAfterMaintenance('available', 'maintenance')).toBe('maintenance');
    expect(statusAfterMaintenance('reserved', 'available')).toBe('reserved');
    expect(statusAfterMaintenance('cleaning', 'maintenance')).toBe('maintenance');
    expect(codeOf(() => statusAfterMaintenance('cleaning', 'available'))).toBe('cleaning_required');
    expect(codeOf(() => statusAfterMaintenance('on_loan', 'maintenance'))).toBe('item_not_available');
    expect(codeOf(() => statusAfterMaintenance('retired', 'available'))).toBe('item_not_available');
  });
});

describe('service flags', () => {
  it('is past its service life from the anniversary day on, not the day before', () => {
    const item = row({ acquiredOn: '2021-12-03', serviceLifeYears: 5 });
    expect(toItem(item, '2026-12-02').pastServiceLife).toBe(false);
    expect(toItem(item, '2026-12-03').pastServiceLife).toBe(true);
    expect(toItem(row({ acquiredOn: null }), '2099-01-01').pastServiceLife).toBe(false);
  });

  it('counts a 29 February purchase as ending on 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    const item = row({ acquiredOn: '2024-02-29', serviceLifeYears: 1 });
    expect(toItem(item, '2025-02-27').pastServiceLife).toBe(false);
    expect(toItem(item, '2025-02-28').pastServiceLife).toBe(true);
  });

  it('is due for service on the next service day and after, not before', () => {
    const item = row({ nextServiceOn: '2026-12-03' });
    expect(toItem(item, '2026-12-02').serviceDue).toBe(false);
    expect(toItem(item, '2026-12-03').serviceDue).toBe(true);
    expect(toItem(item, '2027-01-01').serviceDue).toBe(true);
    expect(toItem(row(), '2027-01-01').serviceDue).toBe(false);
  });

  it('counts days late from the due day, never below zero', () => {
    const lent = row({ status: 'on_loan', loanId: 'l1', memberId: 'm1', memberName: '张伟', dueOn: '2026-11-28' });
    expect(toItem(lent, '2026-11-27').loan?.daysLate).toBe(0);
    expect(toItem(lent, '2026-11-28').loan?.daysLate).toBe(0);
    expect(toItem(lent, '2026-12-03').loan?.daysLate).toBe(5);
  });
});

describe('item fields', () => {
  it('trims a tag and refuses empty, over-long and unprintable ones', () => {
    const check = (tagCode: string) => checkItemFields({ tagCode }, '2026-12-03');
    expect(check('  DEV-1 ').fields.tagCode).toBe('DEV-1');
    expect(check('轮椅-甲').problems).toEqual([]);
    expect(check('x'.repeat(64)).problems).toEqual([]);
    expect(check('x'.repeat(65)).problems.map((p) => p.code)).toEqual(['too_long']);
    expect(check('').problems.map((p) => p.code)).toEqual(['required']);
    expect(check('DEV\u0000').problems.map((p) => p.code)).toEqual(['invalid_tag']);
    expect(check('DEV\u200b1').problems.map((p) => p.code)).toEqual(['invalid_tag']);
  });

  it('reads conditions in English and in Chinese', () => {
    expect(conditionFromWord(' Good ')).toBe('good');
    expect(conditionFromWord('磨损')).toBe('worn');
    expect(conditionFromWord('shiny')).toBeUndefined();
    expect(conditionFromWord('constructor')).toBeUndefined();
  });
});

describe('inventory service', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  it('chains states: maintenance appends a link with the next service date and the status', () => {
    const inventory = kiosk.services.inventory;
    inventory.setStatus(STAFF_ID, 'itm_demo_01', 'maintenance', '轮胎漏气');
    const record = inventory.recordMaintenance(STAFF_ID, 'itm_demo_01', {
      doneOn: '2026-12-03', description: '补胎', costCents: 2000, nextServiceOn: '2027-03-01', outcome: 'available',
    });
    const chain = kiosk.db.prepare(`SELECT seq, status, next_service_on AS next, reason FROM lending_item_states WHERE item_id = ? ORDER BY seq`)
      .all('itm_demo_01');
    expect(chain).toEqual([
      { seq: 1, status: 'available', next: null, reason: 'registered' },
      { seq: 2, status: 'maintenance', next: null, reason: 'manual: 轮胎漏气' },
      { seq: 3, status: 'available', next: '2027-03-01', reason: 'maintenance' },
    ]);
    expect(storedEvents(kiosk).map((e) => e.type)).toEqual(['item.status_changed', 'item.maintained', 'item.status_changed']);
    expect(record.at).toBe('2026-12-03T09:00:00.000+08:00');
  });

  it('keeps the status when maintenance on a shelf item changes only the next service date', () => {
    const inventory = kiosk.services.inventory;
    inventory.recordMaintenance(STAFF_ID, 'itm_demo_09', { doneOn: '2026-12-03', description: '年检', costCents: 0, nextServiceOn: '2027-12-03', outcome: 'available' });
    expect(inventory.itemView('itm_demo_09')).toMatchObject({ status: 'available', serviceDue: false, nextServiceOn: '2027-12-03' });
    expect(storedEvents(kiosk).map((e) => e.type)).toEqual(['item.maintained']);
  });

  it('lists 5 000 items a page at a time with the state in force of each', () => {
    const entry = 'cat_demo_stepper';
    const insertItem = kiosk.db.prepare(`INSERT INTO lending_items (id, tag_code, catalogue_id, created_at) VALUES (?, ?, ?, 0)`);
    const insertState = kiosk.db.prepare(`INSERT INTO lending_item_states (id, item_id, seq, status, condition, reason, recorded_at) VALUES (?, ?, ?, ?, 'good', 'x', 0)`);
    kiosk.db.transaction(() => {
      for (let i = 0; i < 5000; i++) {
        const id = `bulk-${i}`;
        insertItem.run(id, `BULK-${String(i).padStart(5, '0')}`, entry);
        insertState.run(`${id}-1`, id, 1, 'available');
        if (i % 2 === 0) insertState.run(`${id}-2`, id, 2, 'cleaning');
      }
    })();
    const page = kiosk.services.inventory.list({ q: 'bulk-01', status: 'cleaning', limit: 50, offset: 0 });
    expect(page.total).toBe(500);
    expect(page.items).toHaveLength(50);
    expect(page.items.every((i) => i.status === 'cleaning' && i.tagCode.startsWith('BULK-01'))).toBe(true);
    expect(kiosk.services.lendingCatalogue.entry(entry).counts).toMatchObject({ available: 2 + 2500, cleaning: 2500 });
  });
});
