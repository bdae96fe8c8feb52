import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestKiosk, type TestKiosk } from '../../../support/kiosk.js';
import { count } from '../../helpers.js';

describe('the demo loans', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk(); // 2026-12-03 09:00 +08:00
  });
  afterEach(() => kiosk.stop());

  it('has two open loans, one of them overdue by several days for a member with a guardian to call', () => {
    expect(kiosk.services.lendingDesk.overdue()).toEqual([{
      loanId: 'loan_demo_2', memberId: 'mem_demo_06', memberName: '杨丽华', guardianContact: '杨明 13987654321',
      itemId: 'itm_demo_08', itemName: '助行器', tagCode: 'DEV-0008', dueOn: '2026-11-28', daysLate: 5,
    }]);
    expect(kiosk.services.inventory.itemByTag('DEV-0011')).toMatchObject({ status: 'on_loan', loan: { id: 'loan_demo_1', memberName: '张伟', dueOn: '2026-12-23', daysLate: 0 } });
    expect(kiosk.services.inventory.itemByTag('DEV-0008').status).toBe('on_loan');
  });

  it('has past loans, returned and cleaned, one of them late', () => {
    const vision = kiosk.services.lendingDesk.member('mem_demo_02').past;
    expect(vision).toMatchObject([{ tagCode: 'DEV-0019', state: 'returned', daysLate: 0 }]);
    expect(kiosk.services.lendingDesk.member('mem_demo_10').past).toMatchObject([{ tagCode: 'DEV-0022', state: 'returned', daysLate: 2 }]);
    const history = kiosk.services.lendingDesk.history('itm_demo_22');
    expect(history.item.status).toBe('available');
    expect(history.states.map((s) => s.status)).toEqual(['available', 'cleaning', 'on_loan', 'available']);
    expect(history.cleanings).toHaveLength(1);
  });

  it('has a reservation and a member on a waiting list', () => {
    expect(kiosk.services.reservations.list({ state: 'active' })).toMatchObject([{ memberName: '黄志强', tagCode: 'DEV-0012', from: '2026-12-06', to: '2026-12-23' }]);
    expect(kiosk.services.waitlist.list('cat_demo_e_wheelchair')).toMatchObject([{ memberName: '钱志刚', position: 1 }]);
    expect(kiosk.services.lendingDesk.member('mem_demo_08').reservations).toMatchObject([{ id: 'rsv_demo_1', state: 'active' }]);
    expect(kiosk.services.lendingDesk.member('mem_demo_15').waiting).toMatchObject([{ catalogueId: 'cat_demo_e_wheelchair', position: 1 }]);
    // the reservation starts after the buffer days: the crutches stay on the shelf until then
    expect(kiosk.services.inventory.itemByTag('DEV-0012').status).toBe('available');
  });

  it('is fixtures: no events', () => {
    expect(count(kiosk, 'events')).toBe(0);
    expect(kiosk.db.prepare('SELECT COUNT(*) AS n FROM lending_loans WHERE event_id IS NOT NULL').get()).toEqual({ n: 0 });
  });
});
