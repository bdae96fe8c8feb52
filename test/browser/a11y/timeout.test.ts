/**
 * No member screen times out without a spoken and visible warning that lasts ≥ 20 s and has a large
 * "More time" button; a member's timeoutScale makes it come later. KIOSK_IDLE_SEC=3: the warning
 * comes 3 s after the last touch.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { currentScreen, delay, speechLog, startKiosk, waitForScreen, type KioskHarness } from '../harness.js';
import {
  StaffApi,
  expectNoAxeViolations,
  expectSpokenAndShown,
  fingerTo,
  freshIdle,
  printServerLogOnFailure,
  speechSince,
} from './a11y-support.js';
import { expectVisibleFocus } from './focus.js';
import { FLOOR, layoutReport } from './layout-report.js';

const IDLE_SEC = 3;
let h: KioskHarness;
let page: Page;
let staff: StaffApi;
const t = (key: MessageKey, params?: Record<string, string | number>): string => translate('zh-CN', key, params);

beforeAll(async () => {
  h = await startKiosk({ env: { KIOSK_IDLE_SEC: String(IDLE_SEC) } });
  page = await h.openPage();
  staff = new StaffApi(h.server);
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

beforeEach(async () => {
  await staff.resetAttendance();
  await freshIdle(h, page);
});

const WARNING = 'kiosk-app >>> kiosk-timeout-warning';

/** The warning as shown: its live-region text, role, and the "More time" button's box. */
async function warningState(): Promise<{ role: string | null; text: string; button: { width: number; height: number; name: string } | null }> {
  const warning = await page.waitForSelector(WARNING, { visible: true });
  const state = await warning!.evaluate((el) => {
    const root = el.shadowRoot!;
    const live = root.querySelector('[role="alert"], [role="status"]') ?? (el.getAttribute('role') ? el : null);
    const button = root.querySelector('button');
    const r = button?.getBoundingClientRect();
    return {
      role: live?.getAttribute('role') ?? null,
      text: (live?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      button: r && button ? { width: r.width, height: r.height, name: (button.getAttribute('aria-label') ?? button.textContent ?? '').trim() } : null,
    };
  });
  await warning!.dispose();
  return state;
}

const warningShown = (): Promise<boolean> =>
  page.evaluate(() => {
    const el = document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-timeout-warning');
    return !!el && el.checkVisibility();
  });

/** Seconds in the countdown text ("20 秒后回到首页"). */
const secondsIn = (text: string): number => Number(/(\d+)/.exec(text)?.[1] ?? NaN);

describe('member-screen timeout', () => {
  it('warns (spoken, role=alert, large "More time"), stays ≥ 20 s, and "More time" extends the screen', async () => {
    await fingerTo(h, page, 1, 'welcome');
    const from = (await speechLog(page)).length;
    await page.waitForSelector(WARNING, { visible: true, timeout: (IDLE_SEC + 10) * 1000 });
    const shownAt = Date.now();

    await expectSpokenAndShown(page, { from, spoken: t('timeout.spoken'), shown: t('timeout.more'), lang: 'zh-CN' });
    const state = await warningState();
    expect(['alert', 'status'], `live region of the warning: ${JSON.stringify(state)}`).toContain(state.role);
    expect(state.text).toContain(t('timeout.warning', { seconds: 'X' }).split('X')[0]!.trim());
    expect(secondsIn(state.text), `countdown in "${state.text}"`).toBeGreaterThanOrEqual(19);
    expect(state.button?.name).toContain(t('timeout.more'));
    expect(state.button!.width).toBeGreaterThanOrEqual(FLOOR.memberTarget);
    expect(state.button!.height).toBeGreaterThanOrEqual(FLOOR.primaryHeight);
    const focus = await expectVisibleFocus(page, 'the warning');
    expect(focus.text, 'focus moves to "More time"').toContain(t('timeout.more'));
    await expectNoAxeViolations(page, 'the "more time?" warning');

    // still there after 19 s: the warning lasts at least 20 s
    await delay(Math.max(0, 19_000 - (Date.now() - shownAt)));
    expect(await currentScreen(page), 'still on the welcome screen after 19 s of warning').toBe('welcome');
    expect(await warningShown(), 'the warning is still shown after 19 s').toBe(true);

    const more = await page.waitForSelector(`${WARNING} >>> button`, { visible: true });
    await more!.click();
    await more!.dispose();
    await page.waitForFunction(() => !document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-timeout-warning'));
    expect(await currentScreen(page), 'back on the same screen').toBe('welcome');

    // the timer started again: another full quiet period, then the warning again (not the idle screen)
    await page.waitForSelector(WARNING, { visible: true, timeout: (IDLE_SEC + 10) * 1000 });
    expect(await currentScreen(page)).toBe('welcome');
  });

  it('goes back to the start only after the warning has run its course', async () => {
    await fingerTo(h, page, 1, 'welcome');
    await page.waitForSelector(WARNING, { visible: true, timeout: (IDLE_SEC + 10) * 1000 });
    const shownAt = Date.now();
    await waitForScreen(page, 'idle', 40_000);
    expect(Date.now() - shownAt, 'the warning stood for at least 20 s').toBeGreaterThanOrEqual(19_500);
  });

  it('"More time" works from the keypad: Enter on the focused button', async () => {
    await fingerTo(h, page, 1, 'welcome');
    await page.waitForSelector(WARNING, { visible: true, timeout: (IDLE_SEC + 10) * 1000 });
    const focus = await expectVisibleFocus(page, 'the warning');
    expect(focus.text).toContain(t('timeout.more'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-timeout-warning'));
    expect(await currentScreen(page)).toBe('welcome');
  });

  it('warns on the other member screens too: card entry, not recognised, leave question', async () => {
    const card = await page.waitForSelector('kiosk-app >>> kiosk-idle >>> button', { visible: true });
    await card!.click();
    await card!.dispose();
    await waitForScreen(page, 'card');
    await page.waitForSelector(WARNING, { visible: true, timeout: (IDLE_SEC + 10) * 1000 });
    await freshIdle(h, page);
    await fingerTo(h, page, null, 'not-recognised');
    await page.waitForSelector(WARNING, { visible: true, timeout: (IDLE_SEC + 10) * 1000 });
    await freshIdle(h, page);
    await staff.makePresentForAWhile(1);
    await fingerTo(h, page, 1, 'confirm');
    await page.waitForSelector(WARNING, { visible: true, timeout: (IDLE_SEC + 10) * 1000 });
    expect(await currentScreen(page)).toBe('confirm');
  });

  it('comes later for a member with timeoutScale 2 (slot 5), lasts longer, and is shown but not spoken', async () => {
    await fingerTo(h, page, 5, 'welcome');
    const from = (await speechLog(page)).length;
    const arrived = Date.now();
    // a default member would see the warning by now (3 s); slot 5 waits twice as long
    await delay(IDLE_SEC * 1000 + 1500);
    expect(await warningShown(), `no warning ${IDLE_SEC + 1.5} s after check-in for timeoutScale 2`).toBe(false);
    await page.waitForSelector(WARNING, { visible: true, timeout: (IDLE_SEC * 2 + 10) * 1000 });
    expect(Date.now() - arrived).toBeGreaterThanOrEqual(IDLE_SEC * 2 * 1000 - 500);
    const state = await warningState();
    expect(secondsIn(state.text), `countdown in "${state.text}" (2 × 20 s)`).toBeGreaterThanOrEqual(39);
    expect(await speechSince(page, from), 'speech is off for this member').toEqual([]);
    const report = await layoutReport(page);
    expect(report.interactive.some((i) => i.name.includes(t('timeout.more')) && i.box.height >= FLOOR.primaryHeight)).toBe(true);
  });
});
