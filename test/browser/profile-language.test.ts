import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  clickByName,
  delay,
  kioskText,
  speechLog,
  waitForScreen,
  waitForSpeech,
  waitForText,
} from './harness.js';
import { useKioskSuite } from './kiosk-suite.js';

/** Computed style of an element inside the kiosk's shadow roots (`>>>` selector). */
function styleOf(page: Page, selector: string, property: string): Promise<string> {
  return page.$eval(selector, (el, prop) => getComputedStyle(el).getPropertyValue(prop), property);
}

describe('member profile and language', () => {
  const kiosk = useKioskSuite();
  let page: Page;

  it('switches every string to English and sets html lang="en", speaking in English', async () => {
    page = await kiosk.openPage();
    expect(await page.$eval('html', (el) => el.lang)).toBe('zh-CN');
    await clickByName(page, 'Switch to English');
    await waitForText(page, 'Put your finger on the reader');
    expect(await page.$eval('html', (el) => el.lang)).toBe('en');
    const text = await kioskText(page);
    expect(text).toContain('Call staff');
    expect(text).toContain('Use card');
    expect(text).not.toMatch(/请把手指|呼叫工作人员|刷卡/);
    const spoken = await waitForSpeech(page, 'Put your finger on the reader');
    expect(spoken.lang).toBe('en');

    await kiosk.harness.touchFinger(7);
    await waitForScreen(page, 'welcome');
    await waitForText(page, 'You are checked in');
    const greeting = await waitForSpeech(page, 'You are checked in.');
    expect(greeting.text).toMatch(/^Good (morning|afternoon|evening), /);
    expect(greeting.lang).toBe('en');

    await clickByName(page, '切换到中文');
    await waitForText(page, '签到成功');
    expect(await page.$eval('html', (el) => el.lang)).toBe('zh-CN');
  });

  it('applies large text at once on welcome for a member with largeText (slot 2)', async () => {
    page = await kiosk.openPage();
    const before = parseFloat(await styleOf(page, 'kiosk-app >>> kiosk-idle >>> h1', 'font-size'));
    await kiosk.harness.touchFinger(2);
    await waitForScreen(page, 'welcome');
    expect(await page.$eval('kiosk-app', (el) => el.hasAttribute('large-text'))).toBe(true);
    const heading = parseFloat(await styleOf(page, 'kiosk-app >>> kiosk-welcome >>> h1', 'font-size'));
    const body = parseFloat(await styleOf(page, 'kiosk-app >>> kiosk-welcome >>> p', 'font-size'));
    expect(heading).toBeGreaterThan(before);
    expect(body).toBeGreaterThanOrEqual(36);
    // nothing is pushed off the side: the layout reflows
    const overflow = await page.$eval('kiosk-app >>> main', (el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/kiosk-welcome-large-text.png' });
    // back on idle the next person gets the neutral profile
    await clickByName(page, '好的');
    await waitForScreen(page, 'idle');
    expect(await page.$eval('kiosk-app', (el) => el.hasAttribute('large-text'))).toBe(false);
  });

  it('applies the high-contrast theme at once on welcome for a member with highContrast (slot 3)', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(3);
    await waitForScreen(page, 'welcome');
    expect(await page.$eval('kiosk-app', (el) => el.hasAttribute('high-contrast'))).toBe(true);
    expect(await styleOf(page, 'kiosk-app', 'background-color')).toBe('rgb(0, 0, 0)');
    expect(await styleOf(page, 'kiosk-app >>> kiosk-welcome >>> h1', 'color')).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: '/tmp/kiosk-welcome-high-contrast.png' });
  });

  it('shows pictograms with fewer words for an easy-read member (slot 4)', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(4);
    await waitForScreen(page, 'welcome');
    expect(await page.$eval('kiosk-app', (el) => el.hasAttribute('easy-read'))).toBe(true);
    // the empty activities section is left out in easy-read
    expect(await kioskText(page)).not.toContain('今天还没有安排活动');
  });

  it('does not speak for a member whose profile has speech off (slot 5), but still shows the greeting', async () => {
    page = await kiosk.openPage();
    await delay(200);
    const before = (await speechLog(page)).length;
    await kiosk.harness.touchFinger(5);
    await waitForScreen(page, 'welcome');
    await waitForText(page, '签到成功');
    await delay(300);
    expect((await speechLog(page)).length).toBe(before);
  });
});
