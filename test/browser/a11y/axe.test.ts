/**
 * axe-core (target-size on, WCAG 2.0–2.2 A/AA + best practice) on every member and staff screen and
 * state, in zh-CN and en. Zero violations is the bar; each state is a soft assertion so one run lists
 * every screen that fails, with rule id, target and summary.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { DEMO_STAFF, clickByName, enterStaffMode, startKiosk, waitForScreen, waitForText, type KioskHarness } from '../harness.js';
import {
  INACTIVE_CARD,
  MEMBER_NAMES,
  StaffApi,
  axeViolations,
  expectNoAxeViolations,
  fingerTo,
  freshIdle,
  printServerLogOnFailure,
  setReaderPlugged,
  settle,
} from './a11y-support.js';
import { contrastProblems, layoutReport } from './layout-report.js';

let h: KioskHarness;
let page: Page;
let staff: StaffApi;

beforeAll(async () => {
  // Long enough that no "more time?" warning appears while axe looks at a screen, short enough to
  // reach the warning state without a long wait.
  // STAFF_IDLE_SEC at its minimum (30 s): staff mode's sign-out warning comes after 20 s.
  h = await startKiosk({ env: { KIOSK_IDLE_SEC: '15', STAFF_IDLE_SEC: '30' } });
  page = await h.openPage();
  staff = new StaffApi(h.server);
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

describe('the axe check itself', () => {
  it('sees inside shadow roots and has target-size on; the 7:1 text check catches faint text', async () => {
    await freshIdle(h, page);
    await page.evaluate(() => {
      const root = document.querySelector('kiosk-app')!.shadowRoot!.querySelector('kiosk-idle')!.shadowRoot!;
      const nameless = document.createElement('button');
      nameless.id = 'planted-nameless';
      root.appendChild(nameless);
      const tiny = document.createElement('button');
      tiny.id = 'planted-tiny';
      tiny.setAttribute('aria-label', 'tiny');
      tiny.style.cssText = 'all: initial; position: fixed; left: 2px; top: 2px; width: 8px; height: 8px; background: #000;';
      const tiny2 = tiny.cloneNode() as HTMLElement;
      tiny2.id = 'planted-tiny-2';
      tiny2.style.left = '12px';
      root.append(tiny, tiny2);
      const faint = document.createElement('p');
      faint.id = 'planted-faint';
      faint.textContent = '浅色文字';
      faint.style.cssText = 'color: #767676; background: #ffffff;';
      root.appendChild(faint);
    });
    const violations = await axeViolations(page);
    expect(violations.some((v) => v.startsWith('button-name') && v.includes('planted-nameless')), violations.join('\n')).toBe(true);
    expect(violations.some((v) => v.startsWith('target-size') && v.includes('planted-tiny')), violations.join('\n')).toBe(true);
    // #767676 on white is 4.5:1: enough for AA, below the house 7:1
    const contrast = contrastProblems(await layoutReport(page));
    expect(contrast.some((v) => v.includes('浅色文字') && v.includes('4.54:1')), contrast.join('\n')).toBe(true);
  });
});

describe.each<Lang>(['zh-CN', 'en'])('axe finds no violations (%s)', (lang) => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(lang, key, params);

  beforeEach(async () => {
    await staff.resetAttendance();
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
    await settle(page);
  }

  it('on the idle screen', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await expectNoAxeViolations(page, `idle (${lang})`);
  });

  it('on the welcome screen for every profile, and when already checked in', async () => {
    const profiles: Record<number, string> = {
      1: 'default',
      2: 'large text',
      3: 'high contrast',
      4: 'easy read',
      5: 'speech off',
      6: 'large text + high contrast',
    };
    for (const [slot, profile] of Object.entries(profiles)) {
      await fingerTo(h, page, Number(slot), 'welcome');
      await waitForText(page, MEMBER_NAMES[Number(slot)]!);
      await expectNoAxeViolations(page, `welcome, slot ${slot} (${profile}, ${lang})`);
    }
    // the same finger again within a minute: "already checked in"
    await fingerTo(h, page, 1, 'welcome');
    await waitForText(page, t('welcome.repeat', { time: '' }).replace(/[,，]\s*$/, ''));
    await expectNoAxeViolations(page, `welcome, already checked in (${lang})`);
  });

  it('on the leave question, its undo countdown, and the goodbye screen', async () => {
    // slot 5 (timeoutScale 2) has 8 s to undo: time enough for axe to look at the countdown
    await staff.makePresentForAWhile(5);
    await fingerTo(h, page, 5, 'confirm');
    await clickByName(page, t('confirm.yes'));
    await waitForText(page, t('confirm.undo'));
    await expectNoAxeViolations(page, `leaving, with undo (${lang})`);
    await clickByName(page, t('confirm.undo'));
    await waitForText(page, t('confirm.question'));
    await expectNoAxeViolations(page, `leave question after undo (${lang})`);

    await staff.makePresentForAWhile(1);
    await fingerTo(h, page, 1, 'confirm');
    await waitForText(page, t('confirm.question'));
    await expectNoAxeViolations(page, `leave question (${lang})`);
    await clickByName(page, t('confirm.yes'));
    await waitForScreen(page, 'goodbye', 20_000);
    await waitForText(page, t('goodbye.heading', { name: MEMBER_NAMES[1]! }));
    await expectNoAxeViolations(page, `goodbye (${lang})`);
    // the leave question for a large-text + high-contrast member
    await staff.makePresentForAWhile(6);
    await fingerTo(h, page, 6, 'confirm');
    await expectNoAxeViolations(page, `leave question, slot 6 large text + high contrast (${lang})`);
  });

  it('on "not recognised" after one miss, after three misses, and for an unknown card', async () => {
    await fingerTo(h, page, null, 'not-recognised');
    await expectNoAxeViolations(page, `not recognised, 1 miss (${lang})`);
    await fingerTo(h, page, null, 'not-recognised');
    await fingerTo(h, page, null, 'not-recognised');
    await waitForText(page, t('unknown.offer'));
    await expectNoAxeViolations(page, `not recognised, 3 misses (${lang})`);
    await typeCard('555555', 'not-recognised');
    await waitForText(page, t('unknown.cardNotFound'));
    await expectNoAxeViolations(page, `card not found (${lang})`);
  });

  it('on the card screen and for an inactive member', async () => {
    await clickByName(page, t('idle.useCard'));
    await waitForScreen(page, 'card');
    await settle(page);
    await expectNoAxeViolations(page, `card entry (${lang})`);
    await freshIdle(h, page, lang);
    await typeCard(INACTIVE_CARD, 'inactive');
    await expectNoAxeViolations(page, `inactive member (${lang})`);
  });

  it('with the "more time?" warning and after "call staff"', async () => {
    await fingerTo(h, page, 1, 'welcome');
    await page.waitForSelector('kiosk-app >>> kiosk-timeout-warning', { visible: true, timeout: 30_000 });
    await settle(page);
    await expectNoAxeViolations(page, `timeout warning (${lang})`);
    await clickByName(page, t('timeout.more'));
    await clickByName(page, t('frame.callStaff'));
    await waitForText(page, t('frame.helpSent'));
    await expectNoAxeViolations(page, `help requested banner (${lang})`);
  });

  it('on the staff choice (with its "more time?" warning), the PIN pad, a wrong PIN, and clocked in/out', async () => {
    await fingerTo(h, page, DEMO_STAFF.slot, 'staff-choice');
    await expectNoAxeViolations(page, `staff choice (${lang})`);
    await page.waitForSelector('kiosk-app >>> kiosk-timeout-warning', { visible: true, timeout: 30_000 });
    await settle(page);
    await expectNoAxeViolations(page, `staff choice, "more time?" warning (${lang})`);
    await clickByName(page, t('timeout.more'));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-choice', { visible: true });

    await clickByName(page, t('staff.manage'));
    await waitForScreen(page, 'pin');
    await settle(page);
    await expectNoAxeViolations(page, `PIN pad (${lang})`);

    const pin = await page.waitForSelector('kiosk-app >>> kiosk-pin-pad >>> input', { visible: true });
    await pin!.type('1357');
    await pin!.press('Enter');
    await page.waitForSelector('kiosk-app >>> kiosk-pin-pad >>> [role="alert"]', { visible: true });
    await expectNoAxeViolations(page, `PIN pad after a wrong PIN (${lang})`);
    await pin!.dispose();

    await freshIdle(h, page, lang);
    await fingerTo(h, page, DEMO_STAFF.slot, 'staff-choice');
    const clock = await page.waitForSelector('kiosk-app >>> kiosk-staff-choice >>> button[data-primary]', { visible: true });
    await clock!.click();
    await clock!.dispose();
    await waitForScreen(page, 'staff-clocked');
    await settle(page);
    await expectNoAxeViolations(page, `staff clocked in/out (${lang})`);
  });

  it('in staff mode: today, assisted check-in, correction, sign-out warning', async () => {
    await staff.makePresentForAWhile(1);
    await enterStaffMode(h, page, t('staff.manage'));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-today >>> .columns', { visible: true });
    await waitForText(page, MEMBER_NAMES[1]!);
    await expectNoAxeViolations(page, `staff mode, today (${lang})`);

    await clickByName(page, t('mode.assist'));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-assist >>> ul button', { visible: true });
    await expectNoAxeViolations(page, `staff-assisted check-in, member list (${lang})`);
    const member = await page.waitForSelector(`kiosk-app >>> kiosk-staff-assist >>> ::-p-text(${MEMBER_NAMES[2]!})`, { visible: true });
    await member!.click();
    await member!.dispose();
    await page.waitForSelector('kiosk-app >>> kiosk-staff-assist >>> input[type="radio"]', { visible: true });
    await expectNoAxeViolations(page, `staff-assisted check-in, reason (${lang})`);
    await clickByName(page, t('assist.reason.other'));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-assist >>> fieldset label.search input', { visible: true });
    await clickByName(page, t('assist.checkIn'));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-assist >>> [role="alert"]', { visible: true });
    await expectNoAxeViolations(page, `staff-assisted check-in, reason missing (${lang})`);

    await clickByName(page, t('mode.today'));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-today >>> li button', { visible: true });
    await clickByName(page, t('mode.correctFor', { name: MEMBER_NAMES[1]! }));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-correction >>> form', { visible: true });
    await expectNoAxeViolations(page, `correction (${lang})`);
    await clickByName(page, t('correct.changeTime'));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-correction >>> input[type="time"]', { visible: true });
    await clickByName(page, t('correct.submit'));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-correction >>> [role="alert"]', { visible: true });
    await expectNoAxeViolations(page, `correction, change time, reason missing (${lang})`);
    await page.waitForSelector('kiosk-app >>> kiosk-staff-mode >>> kiosk-timeout-warning', { visible: true, timeout: 40_000 });
    await settle(page);
    await expectNoAxeViolations(page, `staff mode, sign-out warning (${lang})`);
    await clickByName(page, t('mode.stay'));
    await clickByName(page, t('mode.signOut'));
    await waitForScreen(page, 'idle');
  });

  it('with the fingerprint reader unplugged (card / staff fallback banner)', async () => {
    await setReaderPlugged(h, false);
    try {
      await waitForText(page, t('app.readerDown'));
      await expectNoAxeViolations(page, `reader unplugged, idle (${lang})`);
      await clickByName(page, t('idle.useCard'));
      await waitForScreen(page, 'card');
      await settle(page);
      await expectNoAxeViolations(page, `reader unplugged, card entry (${lang})`);
    } finally {
      await setReaderPlugged(h, true);
    }
  });

  it('while reconnecting to the server, and with the "staff not told" alert', async () => {
    await h.stopServer();
    try {
      await waitForText(page, t('app.reconnecting'), 15_000);
      await expectNoAxeViolations(page, `reconnecting (${lang})`);
      await clickByName(page, t('frame.callStaff'));
      await waitForText(page, t('frame.helpFailed'));
      await expectNoAxeViolations(page, `help request failed alert (${lang})`);
    } finally {
      await h.startServer();
    }
    await page.waitForFunction(
      (text: string) => !document.querySelector('kiosk-app')?.shadowRoot?.textContent?.includes(text),
      { timeout: 15_000 },
      t('app.reconnecting'),
    );
  });
});
