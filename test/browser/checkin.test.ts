import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  backdateCheckIn,
  clickByName,
  delay,
  demoCard,
  kioskText,
  speechLog,
  todayAttendance,
  waitForScreen,
  waitForSpeech,
  waitForText,
  watchRecords,
} from './harness.js';
import { useKioskSuite } from './kiosk-suite.js';

/** Member check-in paths against the real server and the built UI (each test uses its own members). */
describe('member check-in at the kiosk', () => {
  const kiosk = useKioskSuite();
  let page: Page;

  async function presentLine(name: string) {
    return (await todayAttendance(kiosk.harness.server)).present.find((l) => l.name === name);
  }

  /** The member who checked in last (by the time of the check-in). */
  async function latestCheckIn(): Promise<string> {
    const lines = (await todayAttendance(kiosk.harness.server)).present;
    const latest = lines.reduce((a, b) => (Date.parse(b.checkedInAt) > Date.parse(a.checkedInAt) ? b : a));
    return latest.name;
  }

  it('welcomes a member by name and speaks the greeting when an enrolled finger is placed', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(1);
    await waitForScreen(page, 'welcome');
    const today = await todayAttendance(kiosk.harness.server);
    const line = today.present.find((l) => l.checkInMethod === 'fingerprint');
    expect(line).toBeDefined();
    const name = line!.name;
    await waitForText(page, name);
    expect(await kioskText(page)).toMatch(/(早上好|下午好|晚上好)，/);
    const spoken = await waitForSpeech(page, name);
    expect(spoken.lang).toBe('zh-CN');
    expect(spoken.text).toMatch(/(早上好|下午好|晚上好)/);
    expect(spoken.text).toContain('签到成功');
  });

  it('offers the card after three unrecognised fingers, and checks in with a card typed by keyboard', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(null);
    await waitForScreen(page, 'not-recognised');
    await waitForText(page, '没有认出来，请再放一次手指');
    await waitForSpeech(page, '没有认出来');
    expect(await kioskText(page)).not.toContain('也可以刷卡');
    await kiosk.harness.touchFinger(null);
    await delay(300);
    await kiosk.harness.touchFinger(50); // an unenrolled slot is "not recognised" too
    await waitForText(page, '也可以刷卡，或呼叫工作人员');
    await waitForSpeech(page, '请刷卡');

    // keyboard only: the card choice has focus; Enter opens the card screen, the reader types + Enter
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'card');
    await page.keyboard.type(demoCard(2));
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'welcome');
    const line = (await todayAttendance(kiosk.harness.server)).present.find((l) => l.checkInMethod === 'card');
    expect(line).toBeDefined();
    await waitForText(page, line!.name);
    await waitForSpeech(page, line!.name);
  });

  it('picks up a card number from a wedge reader on the idle screen without opening the card screen', async () => {
    page = await kiosk.openPage();
    await page.keyboard.type(demoCard(7));
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'welcome');
    const names = (await todayAttendance(kiosk.harness.server)).present.filter((l) => l.checkInMethod === 'card').map((l) => l.name);
    expect(names.length).toBe(2);
  });

  it('asks before checking out a member who is already in, and says goodbye after 是', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(4);
    await waitForScreen(page, 'welcome');
    const member = await latestCheckIn();
    // move the check-in past the 60-second repeat window
    await backdateCheckIn(kiosk.harness.server, member);
    await kiosk.harness.touchFinger(4);
    await waitForScreen(page, 'confirm');
    await waitForText(page, '要离开了吗？');
    await waitForSpeech(page, '要离开了吗');
    await clickByName(page, '是，离开');
    await waitForScreen(page, 'goodbye');
    await waitForText(page, `再见，${member}`);
    await waitForSpeech(page, `再见，${member}`);
    const today = await todayAttendance(kiosk.harness.server);
    expect(today.left.map((l) => l.name)).toContain(member);
  });

  it('lets the member take back 是 with 撤销 for a few seconds, recording nothing', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(12);
    await waitForScreen(page, 'welcome');
    const member = await latestCheckIn();
    await backdateCheckIn(kiosk.harness.server, member);
    await kiosk.harness.touchFinger(12);
    await waitForScreen(page, 'confirm');
    await clickByName(page, '是，离开');
    await waitForText(page, '马上签退');
    await waitForSpeech(page, '要取消，请按撤销');
    await clickByName(page, '撤销');
    await waitForText(page, '要离开了吗？');
    await waitForSpeech(page, '好的，没有签退');
    // longer than the undo window: still nothing recorded, still on the question
    await delay(5_000);
    expect(await page.evaluate(() => document.querySelector('kiosk-app')?.getAttribute('screen'))).toBe('confirm');
    expect((await presentLine(member))?.checkedOutAt).toBeNull();
  });

  it('changes nothing when the member answers 否 to "leaving?"', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(9);
    await waitForScreen(page, 'welcome');
    const member = await latestCheckIn();
    await backdateCheckIn(kiosk.harness.server, member);
    await kiosk.harness.touchFinger(9);
    await waitForScreen(page, 'confirm');
    await clickByName(page, '否，不离开');
    await waitForScreen(page, 'idle');
    const line = await presentLine(member);
    expect(line?.checkedOutAt).toBeNull();
  });

  it('shows the same welcome for a second finger within 60 seconds and records one check-in', async () => {
    page = await kiosk.openPage();
    const watch = watchRecords(kiosk.harness.baseUrl);
    await watch.ready;
    try {
      await kiosk.harness.touchFinger(10);
      await waitForScreen(page, 'welcome');
      await waitForText(page, '签到成功');
      await kiosk.harness.touchFinger(10);
      await waitForText(page, '你已经签到了');
      await waitForSpeech(page, '你已经签到了');
      expect(await page.$eval('kiosk-app', (el) => el.getAttribute('screen'))).toBe('welcome');
      await delay(500);
      const checkIns = watch.records.filter((r) => r.type.startsWith('attendance.') && r.type !== 'attendance.corrected');
      expect(checkIns).toHaveLength(1);
    } finally {
      watch.close();
    }
  });

  it('returns to idle and says the prompt again when the member presses 好的', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(11);
    await waitForScreen(page, 'welcome');
    await clickByName(page, '好的');
    await waitForScreen(page, 'idle');
    const log = await speechLog(page);
    expect(log.at(-1)?.text).toBe('请把手指放在指纹器上');
  });
});
