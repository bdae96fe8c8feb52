import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskText, startKiosk, waitForScreen, waitForSpeech, waitForText, type KioskHarness } from './harness.js';

describe('connection to the server', () => {
  let h: KioskHarness;

  beforeAll(async () => {
    h = await startKiosk();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows a calm reconnecting notice while the server is down and recovers by itself without a reload', async () => {
    const page = await h.openPage();
    await page.evaluate(() => {
      (window as unknown as { __samePage: boolean }).__samePage = true;
    });
    await h.stopServer();
    await waitForText(page, '正在重新连接，请稍等', 15_000);
    await h.startServer();
    await page.waitForFunction(
      () => !document.querySelector('kiosk-app')?.shadowRoot?.textContent?.includes('正在重新连接'),
      { timeout: 20_000 },
    );
    expect(await kioskText(page)).not.toContain('正在重新连接');
    // the live stream works again: a finger on the reader reaches this same page
    await h.touchFinger(1);
    await waitForScreen(page, 'welcome');
    await waitForSpeech(page, '签到成功');
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  });
});
