import { afterAll, beforeAll, it } from 'vitest';
import { startKiosk, clickByName, waitForScreen, kioskText, delay, type KioskHarness } from '../harness.js';
import { fingerTo, layoutReport, targetProblems, smallTextProblems, reflowProblems, focusInfo } from './a11y-support.js';
import type { Page } from 'puppeteer-core';
let h: KioskHarness; let page: Page;
beforeAll(async () => { h = await startKiosk(); page = await h.openPage(); });
afterAll(async () => { await h?.close(); });
it('probe', async () => {
  await fingerTo(h, page, 100, 'staff-choice');
  await clickByName(page, '进入管理');
  await waitForScreen(page, 'pin');
  const pin = await page.waitForSelector('kiosk-app >>> kiosk-pin-pad >>> input');
  await pin!.type('1357'); await pin!.press('Enter'); await delay(800);
  console.log('AFTER WRONG', await kioskText(page));
  await pin!.type('2468'); await pin!.press('Enter'); await delay(1500);
  console.log('AFTER RIGHT', await page.evaluate(() => document.querySelector('kiosk-app')?.getAttribute('screen')), await kioskText(page));
  await page.goto(h.baseUrl + '/'); await waitForScreen(page, 'idle'); await delay(500);
  for (const [slot, scr] of [[null, 'idle'], [2, 'welcome'], [1, 'welcome']] as const) {
    if (slot) await fingerTo(h, page, slot, scr);
    const r = await layoutReport(page);
    console.log('SCREEN', scr, slot, JSON.stringify(r.interactive.map(i => [i.path, i.name, Math.round(i.box.width), Math.round(i.box.height), i.clippedBy])));
    console.log('TARGET', targetProblems(r, 'member'));
    console.log('TEXT', smallTextProblems(r));
    console.log('REFLOW', reflowProblems(r));
    console.log('FOCUS', await focusInfo(page));
  }
});
