/**
 * Fingerprint enrolment in staff mode, end to end against the simulated reader: consent (by the
 * member, by the guardian), guided presses with a retry, the test press, a duplicate finger,
 * cancelling, removing a finger, withdrawing consent; and staff mode not signing out while the member
 * is pressing. Demo members 钱志刚 and 郑红梅 start without consent or fingerprint.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StaffApi, printServerLogOnFailure } from './a11y/a11y-support.js';
import {
  QIAN,
  ZHANG_WEI_SLOT,
  ZHENG,
  biometrics,
  clickText,
  enrolThroughApi,
  openMember,
  simEnrolledSlots,
} from './fingerprint-support.js';
import {
  clickByName,
  currentScreen,
  delay,
  enterStaffMode,
  kioskText,
  pageErrorsOf,
  startKiosk,
  waitForScreen,
  waitForSpeech,
  waitForText,
  type KioskHarness,
} from './harness.js';

let h: KioskHarness;
let page: Page;
let staff: StaffApi;

const statusOf = (memberId: string) => biometrics(staff, memberId);
const readerSlots = () => simEnrolledSlots(h);

/** A press on the simulated reader (`null`: a finger it does not know yet). */
async function press(quality?: 'few_features', slot: number | null = null): Promise<void> {
  await h.touchFinger(slot, quality);
}

/** The three presses of a new finger, each when the screen asks for it, up to the test press. */
async function threeGoodPresses(): Promise<void> {
  await press();
  await waitForText(page, '第 2 次，共 3 次');
  await press();
  await waitForText(page, '第 3 次，共 3 次');
  await press();
  await waitForText(page, '再按一次试试');
}

/**
 * 郑红梅 (guardian's consent through the API) at the first press of `finger`, from a staff sign-in
 * on a fresh page (or on the page already open).
 */
async function startEnrollingZheng(finger: string, freshPage = true): Promise<void> {
  await staff.call('POST', `/api/staff/members/${ZHENG.id}/consent`, { by: 'guardian', guardianName: ZHENG.guardian });
  if (freshPage) page = await h.openPage();
  await enterStaffMode(h, page);
  await openMember(page, ZHENG.name);
  await clickByName(page, '登记一根手指');
  await clickText(page, finger);
  await waitForText(page, '第 1 次，共 3 次');
}

describe('fingerprint enrolment in staff mode', () => {
  beforeAll(async () => {
    h = await startKiosk();
    staff = new StaffApi(h.server);
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(async () => {
    await page?.browserContext().close();
  });
  printServerLogOnFailure(() => h);

  it('records the member’s own consent, enrols the right index finger through a dry-finger retry, tests it and lists it', async () => {
    page = await h.openPage();
    await enterStaffMode(h, page);
    await openMember(page, QIAN.name);
    await waitForText(page, `没有同意用指纹。${QIAN.name} 用卡片签到。`);
    expect(await kioskText(page), 'no enrolment is offered without consent').not.toContain('登记一根手指');

    await clickByName(page, '说明并征得同意');
    await waitForText(page, `${QIAN.name}，我们想用你的指纹来签到。`);
    await waitForText(page, '你的指纹只存在指纹器里面，不会离开指纹器。');
    await waitForSpeech(page, '电脑里只记下：指纹器里哪一格是你的。');
    await clickByName(page, '确认同意');
    await waitForText(page, '请选择是谁');
    await clickByName(page, '本人同意');
    await clickByName(page, '确认同意');
    await waitForText(page, '已记录同意');

    await waitForText(page, '推荐');
    await clickText(page, '右手食指');
    await waitForText(page, '登记右手食指');
    await waitForText(page, '请把手指放在指纹器上');
    await waitForText(page, '第 1 次，共 3 次');
    await waitForSpeech(page, '请把手指放在指纹器上');
    await press();
    await waitForText(page, '第 2 次，共 3 次');
    await press('few_features');
    await waitForText(page, '手指有点干，可以哈一口气再按，按平一些。');
    await waitForSpeech(page, '手指有点干，可以哈一口气再按，按平一些。');
    await press();
    await waitForText(page, '第 3 次，共 3 次');
    expect(await kioskText(page), 'the advice goes once a press succeeds').not.toContain('手指有点干');
    await press();

    await waitForText(page, '再按一次试试');
    await waitForSpeech(page, '再按一次试试');
    const enrolled = await statusOf(QIAN.id);
    expect(enrolled.fingers.map((f) => f.finger)).toEqual(['right_index']);
    await h.touchFinger(enrolled.fingers[0]!.slot);
    await waitForText(page, '登记成功：右手食指');
    await waitForText(page, '测试通过，可以用这根手指签到了。');
    await waitForSpeech(page, '登记成功：右手食指');
    // two fingers are suggested: the other index finger next
    await waitForText(page, '建议再登记一根手指（左手食指）');
    await clickByName(page, '完成');
    await waitForText(page, `${QIAN.name} 的指纹`);
    await waitForText(page, '本人同意');
    await page.waitForSelector('::-p-aria(删除右手食指)', { visible: true });
    expect((await statusOf(QIAN.id)).consent).toMatchObject({ by: 'self', guardianName: null, staffName: '王芳' });
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('records consent by the guardian, whose name must be typed in (nothing is filled in beforehand)', async () => {
    page = await h.openPage();
    await enterStaffMode(h, page);
    await openMember(page, ZHENG.name);
    await clickByName(page, '说明并征得同意');
    await clickByName(page, '监护人同意');
    const name = await page.waitForSelector('::-p-aria(监护人姓名)', { visible: true });
    expect(await name!.evaluate((el) => (el as HTMLInputElement).value)).toBe('');
    await clickByName(page, '确认同意');
    await waitForText(page, '请写监护人姓名');
    await name!.type(ZHENG.guardian);
    await name!.dispose();
    await clickByName(page, '确认同意');
    await waitForText(page, '已记录同意');
    await clickByName(page, '返回');
    await waitForText(page, `监护人 ${ZHENG.guardian} 同意`);
    expect((await statusOf(ZHENG.id)).consent).toMatchObject({ by: 'guardian', guardianName: ZHENG.guardian, staffName: '王芳' });
  });

  it('stops at a finger the reader already holds, says whose it is, and stores nothing', async () => {
    const before = await readerSlots();
    await startEnrollingZheng('左手食指');
    await press(undefined, ZHANG_WEI_SLOT);
    await waitForText(page, '第 2 次，共 3 次');
    await press(undefined, ZHANG_WEI_SLOT);
    await waitForText(page, '第 3 次，共 3 次');
    await press(undefined, ZHANG_WEI_SLOT);
    await waitForText(page, '这次没有登记成功');
    await waitForText(page, '这根手指已经登记给 张伟。请换一根手指。');
    await waitForSpeech(page, '这根手指已经登记给 张伟');
    expect((await statusOf(ZHENG.id)).fingers).toEqual([]);
    expect(await readerSlots()).toEqual(before);
    await clickByName(page, '换一根手指');
    await waitForText(page, `选择一根手指：${ZHENG.name}`);
  });

  it('cancels half-way through the presses: nothing is stored, on the reader or in the records', async () => {
    const before = await readerSlots();
    await startEnrollingZheng('右手中指');
    await press();
    await waitForText(page, '第 2 次，共 3 次');
    await clickByName(page, '取消登记');
    await waitForText(page, '已取消，什么也没有保存');
    expect((await statusOf(ZHENG.id)).fingers).toEqual([]);
    expect(await readerSlots()).toEqual(before);
    await clickByName(page, '返回');
    await waitForText(page, '还没有登记手指');
  });

  it('removes one finger after asking first, and deletes it on the reader', async () => {
    const slot = await enrolThroughApi(h, staff, QIAN.id, 'left_middle');
    page = await h.openPage();
    await enterStaffMode(h, page);
    await openMember(page, QIAN.name);
    await clickByName(page, '删除左手中指');
    await waitForText(page, `删除${QIAN.name}的左手中指？`);
    await waitForText(page, '删除后这根手指不能再签到，指纹器里的这个指纹也会删除。');
    await clickByName(page, '取消');
    await page.waitForSelector('kiosk-app >>> dialog[open]', { hidden: true });
    expect((await statusOf(QIAN.id)).fingers.map((f) => f.finger)).toContain('left_middle');
    await clickByName(page, '删除左手中指');
    await clickByName(page, '删除');
    await waitForText(page, '已删除左手中指');
    expect((await statusOf(QIAN.id)).fingers.map((f) => f.finger)).not.toContain('left_middle');
    expect(await readerSlots()).not.toContain(slot);
  });

  it('withdraws consent: every fingerprint goes, and the finger is then not recognised at the kiosk', async () => {
    const status = await statusOf(QIAN.id);
    const slots = status.fingers.length > 0 ? status.fingers.map((f) => f.slot) : [await enrolThroughApi(h, staff, QIAN.id, 'right_ring')];
    page = await h.openPage();
    await enterStaffMode(h, page);
    await openMember(page, QIAN.name);
    await clickByName(page, '撤回同意');
    await waitForText(page, `撤回后，${QIAN.name}的全部指纹都会从指纹器里删除。以后用卡片签到。`);
    await clickByName(page, '撤回并删除指纹');
    await waitForText(page, '请选择是谁');
    await clickByName(page, '本人撤回');
    await clickByName(page, '撤回并删除指纹');
    await waitForText(page, `已撤回同意，指纹已删除。${QIAN.name} 用卡片签到。`);
    await waitForText(page, `没有同意用指纹。${QIAN.name} 用卡片签到。`);
    const after = await statusOf(QIAN.id);
    expect(after).toMatchObject({ consent: null, fingers: [], pendingSensorDeletions: 0 });
    const onReader = await readerSlots();
    for (const slot of slots) expect(onReader).not.toContain(slot);

    await clickByName(page, '退出管理');
    await waitForScreen(page, 'idle');
    await h.touchFinger(slots[0]!);
    await waitForScreen(page, 'not-recognised');
  });

  it('follows the presses by asking the server while the live stream is down', async () => {
    page = await h.openPage();
    // remember every EventSource the page opens, so the test can cut the live stream
    await page.evaluateOnNewDocument(() => {
      const Native = window.EventSource;
      const sources: EventSource[] = [];
      (window as unknown as { __eventSources: EventSource[] }).__eventSources = sources;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          sources.push(this);
        }
      };
    });
    await page.reload();
    await waitForScreen(page, 'idle');
    await page.waitForFunction(() => document.querySelector('kiosk-app')?.getAttribute('connection') === 'online');
    await startEnrollingZheng('左手中指', false);

    let streamDown = true;
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (streamDown && request.url().includes('/api/events')) void request.abort();
      else void request.continue();
    });
    await page.evaluate(() => {
      for (const source of (window as unknown as { __eventSources: EventSource[] }).__eventSources) {
        source.close();
        source.dispatchEvent(new Event('error'));
      }
    });
    await page.waitForFunction(() => document.querySelector('kiosk-app')?.getAttribute('connection') === 'reconnecting');

    // (a retry's advice is a passing step a poll does not see, so only good presses here)
    await threeGoodPresses();
    streamDown = false;
    await page.waitForFunction(() => document.querySelector('kiosk-app')?.getAttribute('connection') === 'online', { timeout: 15_000 });
    await clickByName(page, '跳过测试');
    await waitForText(page, '已登记，没有测试。');
    expect((await statusOf(ZHENG.id)).fingers.map((f) => f.finger)).toContain('left_middle');
  });
});

describe('staff mode while a member is pressing', () => {
  beforeAll(async () => {
    // the shortest staff session the server allows: its sign-out warning would come after 20 s
    h = await startKiosk({ env: { STAFF_IDLE_SEC: '30' } });
    staff = new StaffApi(h.server);
  });
  afterAll(async () => {
    await h?.close();
  });
  printServerLogOnFailure(() => h);

  it('does not sign staff out while the member presses, and starts counting again afterwards', async () => {
    page = await h.openPage();
    await enterStaffMode(h, page);
    await openMember(page, QIAN.name);
    await clickByName(page, '说明并征得同意');
    await clickByName(page, '本人同意');
    await clickByName(page, '确认同意');
    await clickText(page, '右手食指');
    await waitForText(page, '第 1 次，共 3 次');
    // nobody touches the screen for longer than the whole staff session: the member is at the reader
    await delay(35_000);
    expect(await currentScreen(page)).toBe('staff-mode');
    expect(await page.$('kiosk-app >>> kiosk-staff-mode >>> kiosk-timeout-warning')).toBeNull();
    await threeGoodPresses();
    // the server session is still there too (kept alive while the member pressed): Skip works
    await clickByName(page, '跳过测试');
    await waitForText(page, '已登记，没有测试。');
    // enrolment over: the ordinary sign-out warning comes back
    await page.waitForSelector('kiosk-app >>> kiosk-staff-mode >>> kiosk-timeout-warning', { visible: true, timeout: 40_000 });
    await page.browserContext().close();
  });
});
