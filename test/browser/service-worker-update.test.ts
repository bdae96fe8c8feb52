import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, clickByName, delay, startKiosk, waitForScreen, type KioskHarness } from './harness.js';

/**
 * A new kiosk version (a changed sw.js) must never reload the page in the middle of somebody's
 * check-in: it waits, and is applied when the kiosk is back on the idle screen.
 */
describe('service worker update', () => {
  let h: KioskHarness;
  let uiDir: string;

  beforeAll(async () => {
    // a private copy of the built UI, so this test can publish a "new version" without touching others
    uiDir = mkdtempSync(join(tmpdir(), 'kiosk-ui-'));
    cpSync(join(REPO_ROOT, 'kiosk-ui/dist'), uiDir, { recursive: true });
    h = await startKiosk({ env: { UI_DIR: uiDir } });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(uiDir, { recursive: true, force: true });
  });

  it('waits while a member is on the welcome screen and applies the new version on idle', async () => {
    const page = await h.openPage();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload({ waitUntil: 'load' });
    await waitForScreen(page, 'idle');
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    await h.touchFinger(1);
    await waitForScreen(page, 'welcome');
    // marks this page load: a reload wipes it
    await page.evaluate(() => {
      (window as unknown as { __sameLoad: boolean }).__sameLoad = true;
    });

    appendFileSync(join(uiDir, 'sw.js'), '\n// next version\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), { timeout: 15_000 });
    await delay(1_000);
    // still the same page, still welcoming the member
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('kiosk-app')?.getAttribute('screen'))).toBe('welcome');

    await clickByName(page, '好的');
    await page.waitForFunction(() => !(window as unknown as { __sameLoad?: boolean }).__sameLoad, { timeout: 15_000 });
    await waitForScreen(page, 'idle');
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(false);
  });
});
