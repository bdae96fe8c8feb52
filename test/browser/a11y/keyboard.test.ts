/**
 * Every member flow with a 12-key keypad / keyboard alone: arrows or Tab to move, Enter to choose,
 * Backspace/Escape to go back; the focus ring is drawn and never hidden at every step. Identification
 * comes from the (simulated) reader; everything after it is keys only — no mouse, no touch.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { DEMO_STAFF, delay, startKiosk, waitForScreen, waitForText, type KioskHarness } from '../harness.js';
import {
  MEMBER_NAMES,
  StaffApi,
  fingerTo,
  freshIdle,
  lastSeq,
  memberId,
  printServerLogOnFailure,
  settle,
  waitForRecord,
} from './a11y-support.js';
import { expectVisibleFocus, focusInfo, moveFocusTo } from './focus.js';

let h: KioskHarness;
let page: Page;
let staff: StaffApi;
const t = (key: MessageKey, params?: Record<string, string | number>): string => translate('zh-CN', key, params);
/** "密码不对" — the start of the wrong-PIN message, whatever the number of tries left */
const wrongPin = t('pin.wrong', { attempts: 0 }).split(/[，,]/)[0]!;

beforeAll(async () => {
  h = await startKiosk();
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

async function press(key: Parameters<Page['keyboard']['press']>[0]): Promise<void> {
  await page.keyboard.press(key);
  await settle(page);
}

describe('keyboard only', () => {
  it('focuses the main choice on arrival, with a visible focus ring', async () => {
    const idle = await expectVisibleFocus(page, 'idle');
    expect(idle.text).toContain(t('idle.useCard'));
    await fingerTo(h, page, 1, 'welcome');
    const welcome = await expectVisibleFocus(page, 'welcome');
    expect(welcome.text).toContain(t('welcome.done'));
    for (const [slot, profile] of [[2, 'large text'], [3, 'high contrast'], [4, 'easy read'], [6, 'large text + high contrast']] as const) {
      await fingerTo(h, page, slot, 'welcome');
      await expectVisibleFocus(page, `welcome, ${profile}`);
      await press('ArrowDown');
      await expectVisibleFocus(page, `welcome, ${profile}, after ArrowDown`);
    }
  });

  it('checks in by finger and goes back to the start with Enter', async () => {
    await fingerTo(h, page, 1, 'welcome');
    await moveFocusTo(page, t('welcome.done'));
    await press('Enter');
    await waitForScreen(page, 'idle');
    await expectVisibleFocus(page, 'idle after welcome');
  });

  it('moves through every control of a screen with arrows and Tab, focus ring visible at each', async () => {
    await fingerTo(h, page, 1, 'welcome');
    // the frame's order: language (header), the screen's own controls, repeat and call staff (footer)
    const forward: string[] = [];
    for (let i = 0; i < 8; i++) {
      const f = await expectVisibleFocus(page, `welcome, ArrowDown ×${i}`);
      forward.push(f.text);
      if (f.text.includes(t('frame.callStaff'))) break;
      await press('ArrowDown');
    }
    for (const name of [t('welcome.done'), t('frame.repeat'), t('frame.callStaff')]) {
      expect(forward.some((s) => s.includes(name)), `ArrowDown reaches "${name}"; reached: ${forward.join(' | ')}`).toBe(true);
    }
    // ArrowDown wraps around from the last control to the first
    await press('ArrowDown');
    expect((await expectVisibleFocus(page, 'ArrowDown past the last control')).text).toContain(t('lang.switchLabel'));
    // and Tab / Shift+Tab walk the same controls (never past the ends: that leaves the page)
    await moveFocusTo(page, t('frame.callStaff'), 'Tab');
    const backwards: string[] = [];
    for (let i = 0; i < 8; i++) {
      const f = await expectVisibleFocus(page, `welcome, Shift+Tab ×${i}`);
      backwards.push(f.text);
      if (f.text.includes(t('lang.switchLabel'))) break;
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      await settle(page);
    }
    expect(backwards.at(-1), `Shift+Tab goes back to the first control; went: ${backwards.join(' | ')}`).toContain(t('lang.switchLabel'));
    expect(new Set(backwards)).toEqual(new Set([...forward, t('lang.switchLabel')]));
  });

  it('answers the leave question with Yes using arrows and Enter', async () => {
    await staff.makePresentForAWhile(1);
    await fingerTo(h, page, 1, 'confirm');
    await moveFocusTo(page, t('confirm.no'), 'ArrowRight');
    await moveFocusTo(page, t('confirm.yes'), 'Tab');
    await press('Enter');
    // a few seconds to take it back; focus is on Undo meanwhile
    const undo = await expectVisibleFocus(page, 'undo countdown');
    expect(undo.text).toContain(t('confirm.undo'));
    await waitForScreen(page, 'goodbye', 20_000);
    await waitForText(page, t('goodbye.heading', { name: MEMBER_NAMES[1]! }));
    expect((await staff.line(1))?.checkedOutAt, 'checked out').toBeTruthy();
    await expectVisibleFocus(page, 'goodbye');
  });

  it('takes "yes, leaving" back with Undo and Enter, or with Escape', async () => {
    await staff.makePresentForAWhile(5);
    await fingerTo(h, page, 5, 'confirm');
    await moveFocusTo(page, t('confirm.yes'));
    await press('Enter');
    await moveFocusTo(page, t('confirm.undo'));
    await press('Enter');
    await waitForText(page, t('confirm.question'));
    await expectVisibleFocus(page, 'the question again after Undo');
    await moveFocusTo(page, t('confirm.yes'));
    await press('Enter');
    await waitForText(page, t('confirm.undo'));
    await press('Escape');
    await waitForScreen(page, 'idle');
    // past the 8 s the undo would have taken, nothing was recorded
    await delay(9000);
    expect((await staff.line(5))?.checkedOutAt ?? null, 'still present').toBeNull();
  });

  it('answers the leave question with No using Escape, and with Backspace', async () => {
    await staff.makePresentForAWhile(1);
    await fingerTo(h, page, 1, 'confirm');
    await press('Escape');
    await waitForScreen(page, 'idle');
    await fingerTo(h, page, 1, 'confirm');
    await press('Backspace');
    await waitForScreen(page, 'idle');
    const line = await staff.line(1);
    expect(line?.checkedOutAt ?? null, 'still present after going back twice').toBeNull();
  });

  it('checks in with a card number typed digit by digit and Enter', async () => {
    await moveFocusTo(page, t('idle.useCard'));
    await press('Enter');
    await waitForScreen(page, 'card');
    const field = await expectVisibleFocus(page, 'card number field');
    expect(field.path).toMatch(/input/);
    // a person typing, not a wedge reader
    await page.keyboard.type('100007', { delay: 120 });
    await press('Enter');
    await waitForScreen(page, 'welcome');
    await waitForText(page, MEMBER_NAMES[7]!);
    expect((await staff.line(7))?.checkInMethod).toBe('card');
  });

  it('goes back from the card field with Escape', async () => {
    await moveFocusTo(page, t('idle.useCard'));
    await press('Enter');
    await waitForScreen(page, 'card');
    await page.keyboard.type('12', { delay: 120 });
    await press('Escape');
    await waitForScreen(page, 'idle');
  });

  it('gets from "not recognised" to the card screen with Enter and checks in there', async () => {
    await fingerTo(h, page, null, 'not-recognised');
    await moveFocusTo(page, t('idle.useCard'));
    await press('Enter');
    await waitForScreen(page, 'card');
    await page.keyboard.type('100008', { delay: 120 });
    await press('Enter');
    await waitForScreen(page, 'welcome');
    await waitForText(page, MEMBER_NAMES[8]!);
  });

  it('after three misses offers the card and call staff, both reachable by keys', async () => {
    for (let i = 0; i < 3; i++) await fingerTo(h, page, null, 'not-recognised');
    await moveFocusTo(page, t('idle.useCard'), 'ArrowDown');
    await moveFocusTo(page, t('frame.callStaff'), 'ArrowDown');
  });

  it('calls staff with the keyboard and the alert is raised for the member', async () => {
    await fingerTo(h, page, 1, 'welcome');
    const seq = await lastSeq(h.baseUrl);
    await moveFocusTo(page, t('frame.callStaff'), 'Tab');
    await press('Enter');
    const record = await waitForRecord(h.baseUrl, 'alert.raised', seq);
    expect(record.data).toMatchObject({ kind: 'help_requested', memberId: memberId(1) });
    await waitForText(page, t('frame.helpSent'));
  });

  it('switches the language with the keyboard: <html lang> follows', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await moveFocusTo(page, t('lang.switchLabel'), 'ArrowUp');
    await press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await waitForText(page, translate('en', 'idle.prompt'));
    await expectVisibleFocus(page, 'after switching language');
    await moveFocusTo(page, translate('en', 'lang.switchLabel'), 'Tab');
    await press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });

  it('goes back from the PIN pad with Escape, also after a wrong PIN', async () => {
    await fingerTo(h, page, DEMO_STAFF.slot, 'staff-choice');
    await moveFocusTo(page, t('staff.manage'), 'ArrowDown');
    await press('Enter');
    await waitForScreen(page, 'pin');
    await press('Escape');
    await waitForScreen(page, 'idle');
    await fingerTo(h, page, DEMO_STAFF.slot, 'staff-choice');
    await moveFocusTo(page, t('staff.manage'), 'ArrowDown');
    await press('Enter');
    await waitForScreen(page, 'pin');
    await page.keyboard.type('1357');
    await press('Enter');
    await waitForText(page, wrongPin);
    await press('Escape');
    await waitForScreen(page, 'idle').catch(async () => {
      const focused = await focusInfo(page);
      throw new Error(`Escape after a wrong PIN did not go back; focus is on ${focused ? focused.path : 'nothing (body)'}`);
    });
  });

  it('after a wrong PIN, doing what the error says (finger again, then the PIN) signs staff in', async () => {
    await fingerTo(h, page, DEMO_STAFF.slot, 'staff-choice');
    await moveFocusTo(page, t('staff.manage'), 'ArrowDown');
    await press('Enter');
    await waitForScreen(page, 'pin');
    await expectVisibleFocus(page, 'PIN field');
    await page.keyboard.type('1357');
    await press('Enter');
    await waitForText(page, wrongPin);
    await expectVisibleFocus(page, 'PIN pad after a wrong PIN');
    const advice = await page.$eval('kiosk-app >>> kiosk-pin-pad >>> [role="alert"]', (el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    expect(advice, 'the error says what to do next').toContain(t('pin.again'));
    await h.touchFinger(DEMO_STAFF.slot);
    await settle(page);
    await expectVisibleFocus(page, 'PIN field after the finger');
    await page.keyboard.type(DEMO_STAFF.pin);
    await press('Enter');
    await waitForScreen(page, 'staff-mode').catch(async () => {
      const alert = await page.$eval('kiosk-app >>> kiosk-pin-pad >>> [role="alert"]', (el) => el.textContent?.trim()).catch(() => '');
      throw new Error(`finger + right PIN after a wrong PIN did not sign in; the PIN pad says "${alert}"`);
    });
    await expectVisibleFocus(page, 'staff mode');
  });
});
