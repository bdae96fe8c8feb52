import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickByName, currentScreen, delay, startKiosk, waitForScreen, waitForSpeech, waitForText, type KioskHarness } from './harness.js';

/** With KIOSK_IDLE_SEC=3 a member screen warns after 3 s; the warning itself must stand ≥ 20 s. */
describe('member screen timeout', () => {
  let h: KioskHarness;

  beforeAll(async () => {
    h = await startKiosk({ env: { KIOSK_IDLE_SEC: '3' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('warns with speech and a More time button, extends on request, and returns to idle only after ≥ 20 s of warning', async () => {
    const page = await h.openPage();
    await h.touchFinger(1);
    await waitForScreen(page, 'welcome');

    await waitForText(page, '还需要时间吗', 8_000);
    await waitForSpeech(page, '还需要时间吗');
    await clickByName(page, '多一点时间');
    await page.waitForFunction(() => !document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-timeout-warning'));
    expect(await currentScreen(page)).toBe('welcome');
    // "More time" itself was pressed (not swept away on touch-down): focus is back on the screen's choice
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.textContent?.includes('好的') ?? false;
    });

    await waitForText(page, '还需要时间吗', 8_000);
    const warnedAt = Date.now();
    await delay(18_000);
    expect(await currentScreen(page)).toBe('welcome');
    await waitForScreen(page, 'idle', 10_000);
    expect(Date.now() - warnedAt).toBeGreaterThanOrEqual(20_000 - 500);
  });

  it('gives a member with timeoutScale 2 (slot 5) twice as long before the warning', async () => {
    const page = await h.openPage();
    await h.touchFinger(5);
    await waitForScreen(page, 'welcome');
    const shownAt = Date.now();
    await waitForText(page, '还需要时间吗', 12_000);
    expect(Date.now() - shownAt).toBeGreaterThanOrEqual(5_000);
  });
});
