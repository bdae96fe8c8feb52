import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertSummary } from '../../../../edge-server/src/api-types.js';
import { addEntry, addItem, checklistFor } from '../../../support/lending-fixtures.js';
import { createTestKiosk, type TestKiosk } from '../../../support/kiosk.js';
import { STAFF_ID, storedEvents } from '../../helpers.js';

const MINUTE = 60_000;

describe('the daily overdue check', () => {
  let kiosk: TestKiosk;
  let raised: AlertSummary[];
  let stop: (() => void) | undefined;
  let items: string[];

  const advance = (ms: number) => {
    kiosk.clock.advance(ms);
    vi.advanceTimersByTime(ms);
  };
  const lend = (itemId: string, memberId: string, dueOn: string) => kiosk.services.loans.checkout(STAFF_ID, {
    memberId, itemId, dueOn, condition: 'good', checklist: checklistFor('wheelchair'), acknowledgement: { method: 'staff_witnessed', by: 'self' },
  });
  // the demo's walker (loan_demo_2, demo/lending-loans.ts) is overdue all along: counted in the runs, left out of these
  const overdueAlerts = () => storedEvents(kiosk)
    .filter((e) => e.type === 'alert.raised' && e.data.kind === 'loan_overdue' && e.data.loanId !== 'loan_demo_2').map((e) => e.data);
  const DEMO_OVERDUE = 1;
  const runs = () => kiosk.db.prepare('SELECT run_on AS runOn, overdue FROM lending_overdue_runs ORDER BY run_on').all();

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    kiosk = await createTestKiosk(); // Thursday 2026-12-03 09:00 +08:00
    raised = [];
    kiosk.bus.subscribe('alert', (a) => raised.push(a));
    const entry = addEntry(kiosk.db, { name: '手动轮椅' });
    items = [addItem(kiosk.db, entry), addItem(kiosk.db, entry), addItem(kiosk.db, entry)];
  });

  afterEach(() => {
    stop?.();
    stop = undefined;
    kiosk.stop();
    vi.useRealTimers();
  });

  it('runs at start-up once for the day, and again just after midnight in Shanghai (not at UTC midnight)', () => {
    const dueToday = lend(items[0]!, 'mem_demo_01', '2026-12-03');
    stop = kiosk.services.lendingOverdue.start();
    expect(runs()).toEqual([{ runOn: '2026-12-03', overdue: DEMO_OVERDUE }]);
    expect(overdueAlerts()).toEqual([]);
    // 23:59 on the due day: not late yet
    advance((14 * 60 + 59) * MINUTE);
    expect(overdueAlerts()).toEqual([]);
    // 00:01 on 12-04 in Shanghai (16:01 UTC on 12-03): one day late
    advance(2 * MINUTE);
    expect(runs()).toEqual([{ runOn: '2026-12-03', overdue: DEMO_OVERDUE }, { runOn: '2026-12-04', overdue: DEMO_OVERDUE + 1 }]);
    expect(overdueAlerts()).toEqual([{
      alertId: expect.any(String), kind: 'loan_overdue', severity: 'info',
      loanId: dueToday.id, itemId: items[0], memberId: 'mem_demo_01', dueOn: '2026-12-03', daysLate: 1,
    }]);
    expect(raised.map((a) => a.kind)).toEqual(['loan_overdue', 'loan_overdue']);
  });

  it('raises one alert per overdue loan, not again while it is unresolved, and again after it is resolved', () => {
    const first = lend(items[0]!, 'mem_demo_01', '2026-12-03');
    lend(items[1]!, 'mem_demo_08', '2026-12-04');
    lend(items[2]!, 'mem_demo_04', '2026-12-20');
    stop = kiosk.services.lendingOverdue.start();
    advance(24 * 60 * MINUTE);
    advance(24 * 60 * MINUTE); // 2026-12-05 09:00: two loans late, the midnight runs of 12-04 and 12-05 done
    const alerts = overdueAlerts();
    expect(alerts.map((a) => [a.loanId === first.id ? 'first' : 'second', a.daysLate])).toEqual([['first', 1], ['second', 1]]);
    expect(runs()).toEqual([
      { runOn: '2026-12-03', overdue: DEMO_OVERDUE }, { runOn: '2026-12-04', overdue: DEMO_OVERDUE + 1 }, { runOn: '2026-12-05', overdue: DEMO_OVERDUE + 2 },
    ]);
    for (const alert of kiosk.services.alerts.active()) kiosk.services.alerts.resolve(STAFF_ID, alert.id, '已电话联系');
    advance(24 * 60 * MINUTE); // 12-06: resolved but still late, so raised again
    expect(overdueAlerts().slice(2).map((a) => [a.loanId === first.id ? 'first' : 'second', a.daysLate])).toEqual([['first', 3], ['second', 2]]);
  });

  it('does not run twice on one day, even across a restart', () => {
    lend(items[0]!, 'mem_demo_01', '2026-12-03');
    advance(24 * 60 * MINUTE); // 12-04 09:00, the check not running
    stop = kiosk.services.lendingOverdue.start();
    expect(overdueAlerts()).toHaveLength(1);
    stop();
    for (const alert of kiosk.services.alerts.active()) kiosk.services.alerts.resolve(STAFF_ID, alert.id, null);
    stop = kiosk.services.lendingOverdue.start();
    expect(kiosk.services.lendingOverdue.runToday()).toBeNull();
    expect(overdueAlerts()).toHaveLength(1);
  });

  it('expires reservations whose last day has passed', () => {
    const entry = addEntry(kiosk.db, { name: '助行器', category: 'walker' });
    addItem(kiosk.db, entry);
    const r = kiosk.services.reservations.create(STAFF_ID, { memberId: 'mem_demo_02', catalogueId: entry, from: '2026-12-03', to: '2026-12-04' });
    stop = kiosk.services.lendingOverdue.start();
    advance(24 * 60 * MINUTE);
    expect(kiosk.services.reservations.list({}).find((x) => x.id === r.id)!.state).toBe('active');
    advance(24 * 60 * MINUTE); // 12-05 00:00:05: the 4th has passed
    expect(kiosk.services.reservations.list({}).find((x) => x.id === r.id)!.state).toBe('expired');
    expect(kiosk.db.prepare(`SELECT actor_kind AS actorKind FROM audit_log WHERE action = 'lending.reservation_expire'`).all()).toEqual([{ actorKind: 'system' }]);
  });
});
