import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickByName, DEMO_STAFF, startKiosk, waitForScreen, waitForText, type KioskHarness } from './harness.js';

/** With STAFF_IDLE_SEC=30 (the server's minimum) staff mode warns, then signs out by itself. */
describe('staff mode idle sign-out', () => {
  let h: KioskHarness;

  beforeAll(async () => {
    h = await startKiosk({ env: { STAFF_IDLE_SEC: '30' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('warns before signing staff out after idleTimeoutSec without interaction, then returns to idle', async () => {
    const page = await h.openPage();
    await h.touchFinger(DEMO_STAFF.slot);
    await waitForScreen(page, 'staff-choice');
    await clickByName(page, '进入管理');
    await waitForScreen(page, 'pin');
    for (const digit of DEMO_STAFF.pin) await clickByName(page, digit);
    await clickByName(page, '确定');
    await waitForScreen(page, 'staff-mode');
    const signedInAt = Date.now();

    await waitForText(page, '秒后自动退出管理', 30_000);
    expect(Date.now() - signedInAt).toBeLessThan(30_000);
    await waitForScreen(page, 'idle', 20_000);
    expect(Date.now() - signedInAt).toBeGreaterThanOrEqual(29_000);
    const status = await page.evaluate(async () => (await fetch('/api/staff/session')).status);
    expect(status).toBe(401);
  });
});
