import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backdateCheckIn,
  demoCard,
  focusedElement,
  pageErrorsOf,
  startKiosk,
  todayAttendance,
  waitForScreen,
  waitForSpeech,
  type KioskHarness,
} from './harness.js';

/** Every member flow can be done with a keypad/keyboard alone (ACCESSIBILITY.md "keypad"). */
describe('keyboard-only use', () => {
  let h: KioskHarness;

  beforeAll(async () => {
    h = await startKiosk();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('checks in with the card by keyboard alone and goes back with Escape', async () => {
    const page = await h.openPage();
    // idle: focus starts on the card choice; arrows move between controls, Enter chooses
    expect((await focusedElement(page)).text).toContain('刷卡');
    await page.keyboard.press('ArrowDown');
    expect((await focusedElement(page)).text).toContain('志愿者');
    await page.keyboard.press('ArrowDown');
    expect((await focusedElement(page)).text).toContain('再听一遍');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect((await focusedElement(page)).text).toContain('刷卡');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'card');
    expect((await focusedElement(page)).tag).toBe('input');
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'idle');

    await page.keyboard.press('Enter');
    await waitForScreen(page, 'card');
    // a person typing slowly, not a wedge reader
    await page.keyboard.type(demoCard(8), { delay: 120 });
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'welcome');
    await waitForSpeech(page, '签到成功');
    expect((await focusedElement(page)).text).toContain('好的');
    await page.keyboard.press('Backspace');
    await waitForScreen(page, 'idle');
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('answers the leave question with arrows and Enter: 否 keeps the member in, 是 checks them out', async () => {
    const page = await h.openPage();
    await h.touchFinger(12);
    await waitForScreen(page, 'welcome');
    const member = (await todayAttendance(h.server)).present.find((l) => l.checkInMethod === 'fingerprint')!.name;
    await backdateCheckIn(h.server, member);

    await h.touchFinger(12);
    await waitForScreen(page, 'confirm');
    expect((await focusedElement(page)).text).toContain('是');
    await page.keyboard.press('ArrowRight');
    expect((await focusedElement(page)).text).toContain('否');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'idle');
    expect((await todayAttendance(h.server)).present.find((l) => l.name === member)?.checkedOutAt).toBeNull();

    await h.touchFinger(12);
    await waitForScreen(page, 'confirm');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'goodbye');
    expect((await todayAttendance(h.server)).left.map((l) => l.name)).toContain(member);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
