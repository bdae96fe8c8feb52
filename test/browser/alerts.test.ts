/**
 * Alerts end to end against the real server and its monitoring rules, driven through the simulated
 * GPIO: the emergency button takes over the kiosk until staff acknowledge it (through a reload, a
 * reconnect, and the staff sign-in it leads to); the staff console acknowledges and resolves with
 * notes, lists no-shows with their guardians and records leave; the monitor panel follows the door,
 * movement and check-ins. Other alerts never take over a member screen.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StaffApi, lastSeq, printServerLogOnFailure, waitForRecord } from './a11y/a11y-support.js';
import {
  alertCard,
  alertConsole,
  bannerState,
  openAlertsView,
  pressEmergency,
  pressOnCard,
  raiseWhileStopped,
  resolveAll,
  waitForBanner,
} from './alerts-support.js';
import {
  DEMO_STAFF,
  clickByName,
  currentScreen,
  delay,
  enterStaffMode,
  kioskText,
  speechLog,
  startKiosk,
  typeStaffPin,
  waitForConnection,
  waitForScreen,
  waitForSpeech,
  waitForText,
  type KioskHarness,
} from './harness.js';

const BANNER_HEADING = '紧急呼叫 — 工作人员马上就来';
const BANNER_SPOKEN = '紧急呼叫。工作人员马上就来。请不要着急，留在原地。';
const LIU = { id: 'mem_demo_04', name: '刘小明', guardian: '刘建华 13812345678' } as const;
const WANG_JIANGUO = { id: 'mem_demo_03', name: '王建国' } as const;
/** The monitor panel reads the centre every 10 s (and at once on record, hardware and alert messages). */
const MONITOR_POLL_WAIT = 15_000;

let h: KioskHarness;
let page: Page;
let staff: StaffApi;

/** Staff identify at the kiosk during an emergency: straight to the PIN (under the strip), then staff mode. */
async function signInDuringEmergency(): Promise<void> {
  await h.touchFinger(DEMO_STAFF.slot);
  await waitForScreen(page, 'pin');
  await waitForBanner(page, 'strip');
  await typeStaffPin(page);
}

/** The `role="alert"` region of the full banner holds its words. */
async function bannerAlertText(page: Page): Promise<string> {
  const region = await page.waitForSelector('kiosk-app >>> kiosk-emergency-banner >>> [role="alert"]', { visible: true });
  const text = await region!.evaluate((el) => el.textContent ?? '');
  await region!.dispose();
  return text;
}

describe('alerts and monitoring', () => {
  beforeAll(async () => {
    h = await startKiosk();
    staff = new StaffApi(h.server);
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(async () => {
    await page?.browserContext().close();
    await resolveAll(staff);
  });
  printServerLogOnFailure(() => h);

  it('takes over the idle screen when the emergency button is pressed: announced, spoken, not dismissable by members', async () => {
    page = await h.openPage();
    await pressEmergency(h);
    await waitForBanner(page, 'full');
    expect(await bannerAlertText(page)).toContain(BANNER_HEADING);
    await waitForSpeech(page, BANNER_SPOKEN);
    const shown = await kioskText(page);
    expect(shown).toContain('请不要着急，留在原地。帮助马上就来。');
    expect(shown).toContain('工作人员请看');
    expect(await page.$('::-p-aria(呼叫工作人员)'), 'the member footer is covered').toBeNull();

    // Escape, Backspace and "hear again" leave the banner where it is
    await page.keyboard.press('Escape');
    await page.keyboard.press('Backspace');
    const spokenBefore = (await speechLog(page)).length;
    await clickByName(page, '再听一遍');
    await page.waitForFunction((n: number) => window.__kioskSpeechLog.length > n, {}, spokenBefore);
    expect((await speechLog(page)).at(-1)?.text).toBe(BANNER_SPOKEN);
    expect(await bannerState(page)).toBe('full');

    // a member's finger is still recorded behind the banner; what they hear is the banner again
    const from = (await speechLog(page)).length;
    await h.touchFinger(1);
    await waitForScreen(page, 'welcome');
    await page.waitForFunction((n: number) => window.__kioskSpeechLog.slice(n).some((e) => e.text.includes('紧急呼叫')), {}, from);
    expect((await speechLog(page)).slice(from).map((e) => e.text).join(' ')).not.toContain('签到成功');
    expect(await bannerState(page)).toBe('full');
    expect((await staff.today()).present.map((l) => l.name)).toContain('张伟');
    expect((await alertConsole(staff)).open.filter((a) => a.kind === 'emergency_call')).toHaveLength(1);
  });

  it('stays through a page reload until a staff member signs in and acknowledges it in the console', async () => {
    page = await h.openPage();
    await pressEmergency(h);
    await waitForBanner(page, 'full');
    await page.reload();
    await waitForConnection(page);
    await waitForBanner(page, 'full');
    await waitForSpeech(page, BANNER_SPOKEN);

    await signInDuringEmergency();
    await waitForText(page, '紧急呼叫未确认：请在“警报”里按“确认收到”。');
    // signed in to acknowledge: the console is open, the emergency on top
    await page.waitForSelector('kiosk-app >>> kiosk-staff-alerts >>> h2', { visible: true });
    await waitForText(page, '紧急按钮被按下了。请马上去看看。');
    await pressOnCard(page, '紧急呼叫', 'acknowledge');
    await waitForText(page, '确认后，签到机上的紧急画面会关掉，灯和蜂鸣器会停下。');
    await clickByName(page, '确认收到');
    await waitForText(page, '已确认收到：紧急呼叫');
    await waitForBanner(page, null);
    await waitForText(page, '王芳 已确认');

    const [emergency] = (await alertConsole(staff)).open.filter((a) => a.kind === 'emergency_call');
    expect(emergency).toMatchObject({ state: 'acknowledged', acknowledgedBy: '王芳' });
    await clickByName(page, '退出管理');
    await waitForScreen(page, 'idle');
    expect(await bannerState(page)).toBeNull();
  });

  it('clears the banner on a member screen when staff acknowledge elsewhere, and says that staff have it', async () => {
    page = await h.openPage();
    await pressEmergency(h);
    await waitForBanner(page, 'full');
    const [emergency] = (await alertConsole(staff)).open;
    await staff.call('POST', `/api/staff/alerts/${emergency!.id}/acknowledge`, {});
    await waitForBanner(page, null);
    await waitForSpeech(page, '工作人员已经收到紧急呼叫。');
    await waitForText(page, '工作人员已经收到紧急呼叫。');
    expect(await currentScreen(page)).toBe('idle');
    await page.waitForSelector('::-p-aria(呼叫工作人员)', { visible: true });
  });

  it('shows an emergency raised while the kiosk was cut off from the server as soon as it reconnects', async () => {
    page = await h.openPage();
    await raiseWhileStopped(h, 'emergency_call', { line: 'call_button' });
    await waitForBanner(page, 'full', 20_000);
    await waitForSpeech(page, BANNER_SPOKEN);
  });

  it('does not let other alerts take over member screens', async () => {
    page = await h.openPage();
    await h.server.api('POST', '/api/help', { memberId: null });
    await h.server.api('POST', '/api/sim/gpio/door', { value: 1 });
    await h.server.api('POST', '/api/sim/gpio/door', { value: 0 });
    await delay(500);
    expect(await bannerState(page)).toBeNull();
    expect(await currentScreen(page)).toBe('idle');
    expect((await alertConsole(staff)).open.map((a) => a.kind)).toEqual(['help_requested']);
  });

  it('acknowledges a call for staff with a note, refuses to resolve it without one, and resolves it with one', async () => {
    await h.server.api('POST', '/api/help', { memberId: LIU.id });
    await h.server.api('POST', '/api/help', { memberId: null });
    page = await h.openPage();
    await enterStaffMode(h, page);
    // the nav says how many alerts wait, in words
    await waitForText(page, '2 条待处理');
    await openAlertsView(page);
    await waitForText(page, `${LIU.name} 在签到机上按了“呼叫工作人员”。`);
    await waitForText(page, '有一位成员在签到机上按了“呼叫工作人员”。');

    await pressOnCard(page, LIU.name, 'acknowledge');
    const note = await page.waitForSelector('::-p-aria(备注（可以不写）)', { visible: true });
    await note!.type('已经去看过了');
    await note!.dispose();
    await clickByName(page, '确认收到');
    await waitForText(page, '已确认收到：呼叫工作人员');
    await waitForText(page, '已经去看过了');

    await pressOnCard(page, LIU.name, 'resolve');
    await waitForText(page, '请写下做了什么。这会留在记录里。');
    await clickByName(page, '处理完毕');
    await waitForText(page, '请先写下做了什么，再按“处理完毕”。');
    const field = await page.waitForSelector('::-p-aria(做了什么（必须写）)', { visible: true });
    expect(await field!.evaluate((el) => el.getAttribute('aria-invalid'))).toBe('true');
    const open = (await alertConsole(staff)).open.find((a) => a.detail['memberId'] === LIU.id);
    expect(open?.state, 'nothing is resolved without a note').toBe('acknowledged');
    await field!.type('陪他去休息室休息了');
    await field!.dispose();
    await clickByName(page, '处理完毕');
    await waitForText(page, '已处理完毕：呼叫工作人员');

    const history = (await alertConsole(staff)).history.find((a) => a.detail['memberId'] === LIU.id);
    expect(history).toMatchObject({ state: 'resolved', resolvedBy: '王芳', notes: ['已经去看过了', '陪他去休息室休息了'] });
    // in the history now, with both notes; one alert still waits
    await waitForText(page, '陪他去休息室休息了');
    await waitForText(page, '1 条待处理');
  });

  it('follows new alerts live while the console is open', async () => {
    page = await h.openPage();
    await enterStaffMode(h, page);
    await openAlertsView(page);
    await waitForText(page, '现在没有待处理的警报。');
    await h.server.api('POST', '/api/help', { memberId: WANG_JIANGUO.id });
    await waitForText(page, `${WANG_JIANGUO.name} 在签到机上按了“呼叫工作人员”。`);
    await waitForText(page, '1 条待处理');
  });

  it('lists no-shows with their guardians’ phones and records leave for one of them', async () => {
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await raiseWhileStopped(h, 'no_show', {
      date,
      members: [
        { memberId: LIU.id, name: LIU.name, guardianContact: LIU.guardian },
        { memberId: WANG_JIANGUO.id, name: WANG_JIANGUO.name, guardianContact: null },
      ],
    });
    page = await h.openPage();
    await enterStaffMode(h, page);
    await openAlertsView(page);
    const card = await alertCard(page, '成员没有来');
    await card.dispose();
    await waitForText(page, `监护人：${LIU.guardian}`);
    await waitForText(page, '没有监护人电话');

    const since = await lastSeq(h.baseUrl);
    await pressOnCard(page, '成员没有来', 'leave', LIU.name);
    await waitForText(page, '请了假的成员不会算作没来。');
    await clickByName(page, '记录请假');
    await waitForText(page, '请选择请假原因');
    await clickByName(page, '生病');
    await clickByName(page, '记录请假');
    await waitForText(page, `已为${LIU.name}记录请假`);
    await waitForText(page, '已请假');
    const record = await waitForRecord(h.baseUrl, 'leave.recorded', since);
    expect(record.data).toMatchObject({ memberId: LIU.id, from: date, to: date, reason: '生病' });
    // the other member can still be given leave
    await page.waitForSelector(`::-p-aria(为${WANG_JIANGUO.name}记录请假)`, { visible: true });
  });

  it('shows the door, the last movement, who is here and the devices, and follows them live', async () => {
    page = await h.openPage();
    await enterStaffMode(h, page);
    await openAlertsView(page);
    await waitForText(page, '现在的情况');
    await waitForText(page, '关着');
    // the door and movement send no message of their own: the panel reads them every 10 s
    await h.server.api('POST', '/api/sim/gpio/door', { value: 1 });
    await waitForText(page, '开着（今天', MONITOR_POLL_WAIT);
    await h.server.api('POST', '/api/sim/gpio/motion', { value: 1 });
    await h.server.api('POST', '/api/sim/gpio/motion', { value: 0 });
    await staff.call('POST', '/api/staff/attendance', { memberId: WANG_JIANGUO.id, direction: 'in', reason: 'browser test' });
    await waitForText(page, `${(await staff.today()).present.length} 人`);
    const monitor = await page.waitForSelector('kiosk-app >>> kiosk-staff-monitor', { visible: true });
    const text = await monitor!.evaluate((el) => el.shadowRoot?.textContent ?? '');
    await monitor!.dispose();
    expect(text).toMatch(/最近的动静\s*今天 \d\d:\d\d/);
    expect(text).toContain('指纹器');
    expect(text).toContain('正常');
    await h.server.api('POST', '/api/sim/gpio/door', { value: 0 });
    await waitForText(page, '关着（今天', MONITOR_POLL_WAIT);
  });
});
