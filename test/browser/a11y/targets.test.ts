/**
 * Our own measurements of what axe cannot judge: every interactive element's box (member screens
 * ≥ 64×64, staff ≥ 44×44, ≥ 8 px apart, primary ≥ 96 px tall), body text ≥ 24 px on member screens,
 * large text that reflows without clipping or overlap, at 1280×800 and 800×1280; and the call-staff
 * button in the same place on every member screen, raising a `help_requested` alert.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import {
  DEMO_STAFF,
  VIEWPORT_LANDSCAPE,
  VIEWPORT_PORTRAIT,
  clickByName,
  currentScreen,
  delay,
  waitForScreen,
  waitForText,
  startKiosk,
  type KioskHarness,
} from '../harness.js';
import {
  INACTIVE_CARD,
  StaffApi,
  fingerTo,
  freshIdle,
  lastSeq,
  memberId,
  printServerLogOnFailure,
  setReaderPlugged,
  settle,
  waitForRecord,
} from './a11y-support.js';
import {
  choiceProblems,
  layoutReport,
  reflowProblems,
  smallTextProblems,
  targetProblems,
  type Box,
  type LayoutReport,
} from './layout-report.js';

let h: KioskHarness;
let page: Page;
let staff: StaffApi;

beforeAll(async () => {
  // the "more time?" warning is one of the states measured; it comes 8 s after the last touch
  h = await startKiosk({ env: { KIOSK_IDLE_SEC: '8' } });
  page = await h.openPage();
  staff = new StaffApi(h.server);
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

async function measure(
  state: string,
  kind: 'member' | 'staff',
  opts: { text?: boolean; reflow?: boolean; lang?: Lang } = {},
): Promise<LayoutReport> {
  await settle(page);
  const report = await layoutReport(page);
  const where = `${state} (screen '${report.screen}', ${report.viewport.width}×${report.viewport.height})`;
  expect.soft(report.interactive.length, `${where}: no interactive element found at all`).toBeGreaterThan(0);
  const targets = targetProblems(report, kind);
  expect.soft(targets, `${where}: target floors`).toEqual([]);
  if (kind === 'member') {
    expect
      .soft(report.interactive.filter((i) => i.primary).length, `${where}: a primary action (button.primary ≥ 96 px tall)`)
      .toBeGreaterThan(0);
  }
  if (opts.text ?? kind === 'member') expect.soft(smallTextProblems(report), `${where}: body text ≥ 24 px`).toEqual([]);
  if (kind === 'member') {
    const lang = opts.lang ?? ((await page.evaluate(() => document.documentElement.lang)) as Lang);
    expect.soft(choiceProblems(report, lang), `${where}: each choice has a pictogram and few words`).toEqual([]);
  }
  if (opts.reflow ?? true) expect.soft(reflowProblems(report), `${where}: clipped or overlapping text`).toEqual([]);
  return report;
}

const VIEWPORTS = [
  ['1280×800', VIEWPORT_LANDSCAPE],
  ['800×1280', VIEWPORT_PORTRAIT],
] as const;

describe.each(VIEWPORTS)('at %s', (_label, viewport) => {
  describe.each<Lang>(['zh-CN', 'en'])('in %s', (lang) => {
    const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(lang, key, params);

    beforeEach(async () => {
      await staff.resetAttendance();
      await page.setViewport(viewport);
      await freshIdle(h, page, lang);
    });

    async function typeCard(cardNumber: string, screen: string): Promise<void> {
      await clickByName(page, t('idle.useCard'));
      await waitForScreen(page, 'card');
      const input = await page.waitForSelector('kiosk-app >>> kiosk-card >>> input', { visible: true });
      await input!.type(cardNumber);
      await input!.press('Enter');
      await input!.dispose();
      await waitForScreen(page, screen);
    }

    it('member screens: targets ≥ 64 px and 8 px apart, primary ≥ 96 px tall, text ≥ 24 px, nothing clipped', async () => {
      await measure('idle', 'member');
      await setReaderPlugged(h, false);
      try {
        await waitForText(page, t('app.readerDown'));
        await measure('idle, reader unplugged', 'member');
      } finally {
        await setReaderPlugged(h, true);
      }
      await fingerTo(h, page, 1, 'welcome');
      await measure('welcome (default profile)', 'member');
      await fingerTo(h, page, 3, 'welcome');
      await measure('welcome (high contrast)', 'member');
      await fingerTo(h, page, 4, 'welcome');
      await measure('welcome (easy read)', 'member');
      await page.waitForSelector('kiosk-app >>> kiosk-timeout-warning', { visible: true, timeout: 20_000 });
      await measure('"more time?" warning', 'member');
      await staff.makePresentForAWhile(1);
      await fingerTo(h, page, 1, 'confirm');
      await measure('leave question', 'member');
      await clickByName(page, t('confirm.yes'));
      await waitForText(page, t('confirm.undo'));
      await measure('leaving, with undo', 'member');
      await waitForScreen(page, 'goodbye', 20_000);
      await measure('goodbye', 'member');
      await fingerTo(h, page, null, 'not-recognised');
      await measure('not recognised, 1 miss', 'member');
      await fingerTo(h, page, null, 'not-recognised');
      await fingerTo(h, page, null, 'not-recognised');
      await measure('not recognised, 3 misses', 'member');
      await typeCard('555555', 'not-recognised');
      await measure('card not found', 'member');
      await freshIdle(h, page, lang);
      await clickByName(page, t('idle.useCard'));
      await waitForScreen(page, 'card');
      await measure('card entry', 'member');
      await freshIdle(h, page, lang);
      await typeCard(INACTIVE_CARD, 'inactive');
      await measure('inactive member', 'member');
    });

    it('large text (slots 2 and 6) reflows: no clipped or overlapping text, targets still meet the floors', async () => {
      await fingerTo(h, page, 2, 'welcome');
      await measure('welcome, large text', 'member');
      await fingerTo(h, page, 6, 'welcome');
      await measure('welcome, large text + high contrast', 'member');
      await page.waitForSelector('kiosk-app >>> kiosk-timeout-warning', { visible: true, timeout: 20_000 });
      await measure('"more time?" warning, large text', 'member');
      await staff.makePresentForAWhile(2);
      await fingerTo(h, page, 2, 'confirm');
      await measure('leave question, large text', 'member');
      await clickByName(page, t('confirm.yes'));
      await waitForText(page, t('confirm.undo'));
      await measure('leaving, with undo, large text', 'member');
      await waitForScreen(page, 'goodbye', 20_000);
      await measure('goodbye, large text', 'member');
    });

    it('staff screens: targets ≥ 44 px and 8 px apart, nothing clipped', async () => {
      await staff.makePresentForAWhile(1);
      await fingerTo(h, page, DEMO_STAFF.slot, 'staff-choice');
      await measure('staff choice', 'staff');
      await clickByName(page, t('staff.manage'));
      await waitForScreen(page, 'pin');
      await measure('PIN pad', 'staff');
      const pin = await page.waitForSelector('kiosk-app >>> kiosk-pin-pad >>> input', { visible: true });
      await pin!.type(DEMO_STAFF.pin);
      await pin!.press('Enter');
      await pin!.dispose();
      await waitForScreen(page, 'staff-mode');
      await page.waitForSelector('kiosk-app >>> kiosk-staff-today >>> li button', { visible: true });
      await measure('staff mode, today', 'staff');
      await clickByName(page, t('mode.assist'));
      await page.waitForSelector('kiosk-app >>> kiosk-staff-assist >>> ul button', { visible: true });
      await measure('assisted check-in, member list', 'staff');
      const member = await page.waitForSelector('kiosk-app >>> kiosk-staff-assist >>> ul button', { visible: true });
      await member!.click();
      await member!.dispose();
      await page.waitForSelector('kiosk-app >>> kiosk-staff-assist >>> input[type="radio"]', { visible: true });
      await clickByName(page, t('assist.reason.other'));
      await measure('assisted check-in, reason', 'staff');
      await clickByName(page, t('mode.today'));
      const correct = await page.waitForSelector('kiosk-app >>> kiosk-staff-today >>> li button', { visible: true });
      await correct!.click();
      await correct!.dispose();
      await page.waitForSelector('kiosk-app >>> kiosk-staff-correction >>> form', { visible: true });
      await clickByName(page, t('correct.changeTime'));
      await measure('correction', 'staff');
      await clickByName(page, t('mode.signOut'));
      await waitForScreen(page, 'idle');
      await fingerTo(h, page, DEMO_STAFF.slot, 'staff-choice');
      const clock = await page.waitForSelector('kiosk-app >>> kiosk-staff-choice >>> button[data-primary]', { visible: true });
      await clock!.click();
      await clock!.dispose();
      await waitForScreen(page, 'staff-clocked');
      await measure('staff clocked in/out', 'staff');
    });
  });
});

describe('call staff', () => {
  beforeEach(async () => {
    await staff.resetAttendance();
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page);
  });

  async function callStaffBox(state: string): Promise<Box> {
    await settle(page);
    const report = await layoutReport(page);
    const buttons = report.interactive.filter((i) => i.callStaff);
    expect(buttons.map((b) => b.name), `${state}: exactly one call-staff button in the frame`).toEqual([translate('zh-CN', 'frame.callStaff')]);
    return buttons[0]!.box;
  }

  it('is in the same place on every member screen', async () => {
    const boxes: [string, Box][] = [];
    boxes.push(['idle', await callStaffBox('idle')]);
    await fingerTo(h, page, 1, 'welcome');
    boxes.push(['welcome', await callStaffBox('welcome')]);
    await fingerTo(h, page, 3, 'welcome');
    boxes.push(['welcome, high contrast', await callStaffBox('welcome, high contrast')]);
    await fingerTo(h, page, 4, 'welcome');
    boxes.push(['welcome, easy read', await callStaffBox('welcome, easy read')]);
    await page.waitForSelector('kiosk-app >>> kiosk-timeout-warning', { visible: true, timeout: 20_000 });
    boxes.push(['"more time?" warning', await callStaffBox('"more time?" warning')]);
    await staff.makePresentForAWhile(1);
    await fingerTo(h, page, 1, 'confirm');
    boxes.push(['leave question', await callStaffBox('leave question')]);
    await clickByName(page, translate('zh-CN', 'confirm.yes'));
    await waitForText(page, translate('zh-CN', 'confirm.undo'));
    boxes.push(['leaving, with undo', await callStaffBox('leaving, with undo')]);
    await waitForScreen(page, 'goodbye', 20_000);
    boxes.push(['goodbye', await callStaffBox('goodbye')]);
    await fingerTo(h, page, null, 'not-recognised');
    boxes.push(['not recognised', await callStaffBox('not recognised')]);
    await fingerTo(h, page, null, 'not-recognised');
    await fingerTo(h, page, null, 'not-recognised');
    boxes.push(['not recognised ×3', await callStaffBox('not recognised ×3')]);
    await freshIdle(h, page);
    await clickByName(page, translate('zh-CN', 'idle.useCard'));
    await waitForScreen(page, 'card');
    boxes.push(['card', await callStaffBox('card')]);
    const input = await page.waitForSelector('kiosk-app >>> kiosk-card >>> input', { visible: true });
    await input!.type(INACTIVE_CARD);
    await input!.press('Enter');
    await input!.dispose();
    await waitForScreen(page, 'inactive');
    boxes.push(['inactive', await callStaffBox('inactive')]);

    const [firstName, first] = boxes[0]!;
    const r = (b: Box): string => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
    for (const [name, box] of boxes.slice(1)) {
      expect.soft(r(box), `call staff on ${name} vs ${firstName}`).toBe(r(first));
    }

    // Large text makes the button bigger; it stays anchored in the same corner.
    await fingerTo(h, page, 2, 'welcome');
    const large = await callStaffBox('welcome, large text');
    expect.soft(Math.round(large.x + large.width), 'large text: right edge of call staff').toBe(Math.round(first.x + first.width));
    expect.soft(Math.round(large.y + large.height), 'large text: bottom edge of call staff').toBe(Math.round(first.y + first.height));
  });

  it('raises a help_requested alert for the member on screen', async () => {
    await fingerTo(h, page, 1, 'welcome');
    const seq = await lastSeq(h.baseUrl);
    const answer = page.waitForResponse((res) => res.url().endsWith('/api/help') && res.request().method() === 'POST');
    const button = await page.waitForSelector('kiosk-app >>> footer button.help', { visible: true });
    await button!.click();
    await button!.dispose();
    const res = await answer;
    expect(res.status()).toBe(201);
    expect(JSON.parse(res.request().postData() ?? '{}')).toEqual({ memberId: memberId(1) });
    const record = await waitForRecord(h.baseUrl, 'alert.raised', seq);
    expect(record.data).toMatchObject({ kind: 'help_requested', memberId: memberId(1) });
    await page.waitForSelector(`::-p-text(${JSON.stringify(translate('zh-CN', 'frame.helpSent'))})`, { visible: true });
  });

  it('raises a help_requested alert from the idle screen without a member', async () => {
    const seq = await lastSeq(h.baseUrl);
    const button = await page.waitForSelector('kiosk-app >>> footer button.help', { visible: true });
    await button!.click();
    await button!.dispose();
    const record = await waitForRecord(h.baseUrl, 'alert.raised', seq);
    expect(record.data).toMatchObject({ kind: 'help_requested' });
    expect(record.data).not.toHaveProperty('memberId');
  });
});

describe('touch', () => {
  beforeEach(async () => {
    await page.setViewport({ ...VIEWPORT_LANDSCAPE, hasTouch: true });
    await freshIdle(h, page);
  });

  afterAll(async () => {
    await page.setViewport(VIEWPORT_LANDSCAPE);
  });

  async function centreOf(selector: string): Promise<{ x: number; y: number }> {
    const el = await page.waitForSelector(selector, { visible: true });
    const box = (await el!.boundingBox())!;
    await el!.dispose();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  it('acts when the finger is lifted, not when it lands (no long press needed or used)', async () => {
    const { x, y } = await centreOf('kiosk-app >>> kiosk-idle >>> button.primary');
    await page.touchscreen.touchStart(x, y);
    await delay(800);
    expect(await currentScreen(page), 'nothing happens while the finger rests on "刷卡"').toBe('idle');
    await page.touchscreen.touchEnd();
    await waitForScreen(page, 'card');
  });

  it('does nothing when the finger slides off the button before lifting', async () => {
    const { x, y } = await centreOf('kiosk-app >>> kiosk-idle >>> button.primary');
    await page.touchscreen.touchStart(x, y);
    await page.touchscreen.touchMove(x, y - 250);
    await page.touchscreen.touchEnd();
    await delay(500);
    expect(await currentScreen(page)).toBe('idle');
  });
});

