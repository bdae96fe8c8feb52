import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  clickByName,
  currentScreen,
  DEMO_STAFF,
  kioskText,
  todayAttendance,
  waitForScreen,
  waitForText,
} from './harness.js';
import { useKioskSuite } from './kiosk-suite.js';

describe('staff at the kiosk', () => {
  const kiosk = useKioskSuite();
  let page: Page;

  async function enterStaffMode(): Promise<void> {
    await kiosk.harness.touchFinger(DEMO_STAFF.slot);
    await waitForScreen(page, 'staff-choice');
    await waitForText(page, `${DEMO_STAFF.name}，你好`);
    await clickByName(page, '进入管理');
    await waitForScreen(page, 'pin');
    for (const digit of DEMO_STAFF.pin) await clickByName(page, digit);
    // the PIN is masked: a password field, never the digits on screen
    expect(await page.$eval('kiosk-app >>> kiosk-pin-pad >>> input', (el) => (el as HTMLInputElement).type)).toBe('password');
    expect(await kioskText(page)).not.toContain(DEMO_STAFF.pin);
    await clickByName(page, '确定');
    await waitForScreen(page, 'staff-mode');
  }

  it('checks a member in on their behalf with a reason, and shows them in the present list', async () => {
    const notYet = (await todayAttendance(kiosk.harness.server)).notYet;
    const member = notYet[0]!.name;
    page = await kiosk.openPage();
    await enterStaffMode();
    await waitForText(page, '未到');
    await clickByName(page, '代为签到/签退');
    await page.type('kiosk-app >>> kiosk-staff-assist >>> input[type=search]', member);
    await clickByName(page, `${member} 未在场`);
    await clickByName(page, '忘带卡');
    await clickByName(page, '代为签到');
    await waitForText(page, `${member} 已签到`);
    await page.waitForFunction(
      (name: string) => {
        const app = document.querySelector('kiosk-app');
        const today = app?.shadowRoot?.querySelector('kiosk-staff-mode')?.shadowRoot?.querySelector('kiosk-staff-today');
        const list = today?.shadowRoot?.querySelector('[data-list="present-list"]');
        return list?.textContent?.includes(name) ?? false;
      },
      { timeout: 10_000 },
      member,
    );
    const line = (await todayAttendance(kiosk.harness.server)).present.find((l) => l.name === member);
    expect(line?.checkInMethod).toBe('staff_assisted');
  });

  it('refuses a wrong PIN, says how many tries are left, and accepts the right one after the finger again', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(DEMO_STAFF.slot);
    await waitForScreen(page, 'staff-choice');
    await clickByName(page, '进入管理');
    await waitForScreen(page, 'pin');
    for (const digit of '1111') await clickByName(page, digit);
    await clickByName(page, '确定');
    await waitForText(page, '密码不对，还可以试 4 次');
    await waitForText(page, '请再放一次手指');
    expect(await currentScreen(page)).toBe('pin');
    await kiosk.harness.touchFinger(DEMO_STAFF.slot);
    await page.waitForFunction(() => !document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-pin-pad')?.shadowRoot?.textContent?.includes('密码不对'));
    for (const digit of DEMO_STAFF.pin) await clickByName(page, digit);
    await clickByName(page, '确定');
    await waitForScreen(page, 'staff-mode');
  });

  it('voids a check-in with a required reason from the correction form', async () => {
    const member = (await todayAttendance(kiosk.harness.server)).notYet[0]!.name;
    page = await kiosk.openPage();
    await enterStaffMode();
    await clickByName(page, '代为签到/签退');
    await page.type('kiosk-app >>> kiosk-staff-assist >>> input[type=search]', member);
    await clickByName(page, `${member} 未在场`);
    await clickByName(page, '家属陪同');
    await clickByName(page, '代为签到');
    await waitForText(page, `${member} 已签到`);
    await clickByName(page, `更正 ${member} 的记录`);
    await clickByName(page, '作废');
    await clickByName(page, '保存更正');
    await waitForText(page, '请写更正原因');
    await page.type('kiosk-app >>> kiosk-staff-correction >>> input[name=reason]', '点错了人');
    await clickByName(page, '保存更正');
    await waitForText(page, '已保存更正');
    const today = await todayAttendance(kiosk.harness.server);
    expect(today.present.map((l) => l.name)).not.toContain(member);
  });

  it('signs staff out with the sign-out button and returns to the member idle screen', async () => {
    page = await kiosk.openPage();
    await enterStaffMode();
    await clickByName(page, '退出管理');
    await waitForScreen(page, 'idle');
    const status = await page.evaluate(async () => (await fetch('/api/staff/session')).status);
    expect(status).toBe(401);
  });

  it('clocks the staff member in from the choice screen', async () => {
    page = await kiosk.openPage();
    await kiosk.harness.touchFinger(DEMO_STAFF.slot);
    await waitForScreen(page, 'staff-choice');
    const clock = (await kioskText(page)).includes('上班打卡') ? '上班打卡' : '下班打卡';
    await clickByName(page, clock);
    await waitForScreen(page, 'staff-clocked');
    await waitForText(page, `${DEMO_STAFF.name} ${clock}成功`);
  });
});
