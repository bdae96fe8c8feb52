import { AxePuppeteer } from '@axe-core/puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskText, startKiosk, waitForScreen, waitForSpeech, waitForText, type KioskHarness } from './harness.js';

/** When the fingerprint reader is unplugged, the kiosk says so calmly and the card path keeps working. */
describe('fingerprint reader out of order', () => {
  let h: KioskHarness;

  beforeAll(async () => {
    h = await startKiosk();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function plug(connected: boolean): Promise<void> {
    await h.server.api('POST', '/api/sim/fingerprint/connection', { connected });
  }

  it('shows "use the card or call staff" while the reader is unplugged, checks in by card, and clears it on replug', async () => {
    const page = await h.openPage();
    await plug(false);
    await waitForText(page, '指纹器暂时不能用，请刷卡或呼叫工作人员');
    await waitForSpeech(page, '指纹器暂时不能用，请刷卡或呼叫工作人员');
    const results = await new AxePuppeteer(page)
      .options({ rules: { 'target-size': { enabled: true } } })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.keyboard.type('100003');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'welcome');
    await waitForText(page, '王建国');

    await plug(true);
    await page.waitForFunction(
      () => !document.querySelector('kiosk-app')?.shadowRoot?.textContent?.includes('指纹器暂时不能用'),
      { timeout: 10_000 },
    );
    expect(await kioskText(page)).not.toContain('指纹器暂时不能用');
  });
});
