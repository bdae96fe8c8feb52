import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EmploymentTask, PaySheet, RehabOverview, WorkLog } from '../../edge-server/src/api-types.js';
import { clickByName, enterStaffMode, startKiosk, staffApi, waitForText, type KioskHarness, type StaffApi } from './harness.js';

/** Staff mode's assisted employment and rehabilitation views, against the demo data. */
describe('staff: assisted employment and rehabilitation', () => {
  let h: KioskHarness;
  let page: Page;
  let staff: StaffApi;

  beforeAll(async () => {
    h = await startKiosk();
    staff = await staffApi(h.server);
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(async () => {
    await page?.browserContext().close();
  });

  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const field = (element: string, name: string) => `kiosk-app >>> ${element} >>> [name="${name}"]`;

  async function openEmployment(): Promise<void> {
    page = await h.openPage();
    await enterStaffMode(h, page);
    await clickByName(page, '辅助就业');
    await waitForText(page, '辅助性就业');
  }

  async function logsToday(): Promise<WorkLog[]> {
    return (await staff.call<{ logs: WorkLog[] }>('GET', `/api/staff/employment/work-logs?date=${today()}`)).logs;
  }

  it('logs work for a member, showing the pay before saving, then voids it with a reason', async () => {
    await openEmployment();
    await page.type('kiosk-app >>> kiosk-employment-log >>> kiosk-member-picker >>> input[type=search]', '周敏');
    await clickByName(page, '周敏');
    await waitForText(page, '成员：周敏');
    await clickByName(page, '手工串珠 · 每件 0.15 元');
    await page.type(field('kiosk-employment-log', 'minutes'), '75');
    const pieces = field('kiosk-employment-log', 'pieces');
    await page.click(pieces, { count: 3 });
    await page.type(pieces, '41');
    await waitForText(page, '应得工资 6.15 元');
    await clickByName(page, '保存记录');
    await waitForText(page, '已记录：周敏，手工串珠，6.15 元');
    const logged = (await logsToday()).find((l) => l.memberName === '周敏' && l.pieces === 41);
    expect(logged).toMatchObject({ minutes: 75, payCents: 615, voided: null });

    await clickByName(page, '当天记录');
    await waitForText(page, '周敏 · 手工串珠 · 75 分钟 · 41 件 · 6.15 元');
    await clickByName(page, '作废 周敏 的 手工串珠 记录');
    await clickByName(page, '确认作废');
    await waitForText(page, '请写作废原因');
    await page.type(field('kiosk-employment-day', 'void-reason'), '件数记错');
    await clickByName(page, '确认作废');
    await waitForText(page, '已作废 周敏 的 手工串珠 记录');
    await waitForText(page, '已作废：件数记错');
    expect((await logsToday()).find((l) => l.id === logged!.id)?.voided?.reason).toBe('件数记错');
  });

  it('adds a rate version to a task and a new task', async () => {
    await openEmployment();
    await clickByName(page, '任务与单价');
    await waitForText(page, '现行单价：每小时 12.50 元');
    await clickByName(page, '修改 包装 的单价');
    await clickByName(page, '计时');
    await page.type('kiosk-app >>> kiosk-employment-tasks >>> kiosk-employment-rule-form >>> [name="rate"]', '13.5');
    await clickByName(page, '保存新单价');
    await waitForText(page, '已保存 包装 的新单价；以前的记录工资不变');
    await waitForText(page, '现行单价：每小时 13.50 元');

    const form = 'kiosk-app >>> kiosk-employment-tasks >>> kiosk-employment-rule-form[with-name]';
    await page.type(`${form} >>> [name="task-name"]`, '编织');
    await page.type(`${form} >>> [name="rate"]`, '0.123');
    await clickByName(page, '保存任务');
    await waitForText(page, '单价请写成元，最多两位小数，如 0.15');
    await page.click(`${form} >>> [name="rate"]`, { count: 3 });
    await page.type(`${form} >>> [name="rate"]`, '0.2');
    await clickByName(page, '保存任务');
    await waitForText(page, '已新增任务 编织');
    const { tasks } = await staff.call<{ tasks: EmploymentTask[] }>('GET', '/api/staff/employment/tasks');
    expect(tasks.find((t) => t.name === '包装')?.current).toMatchObject({ basis: 'per_hour', rateCents: 1350 });
    expect(tasks.find((t) => t.name === '编织')?.current).toMatchObject({ basis: 'per_piece', rateCents: 20 });
  });

  it('shows the month pay sheet, prints the sheet only, and downloads it as CSV', async () => {
    const month = today().slice(0, 7);
    const sheet = await staff.call<PaySheet>('GET', `/api/staff/employment/pay-sheet?month=${month}`);
    const total = (sheet.grandTotal.payCents / 100).toFixed(2);
    await openEmployment();
    await clickByName(page, '月工资表');
    await waitForText(page, `合计：${total} 元`);
    for (const m of sheet.members) await waitForText(page, `${m.memberName} 小计`);

    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      app: getComputedStyle(document.querySelector('kiosk-app')!).display,
      copy: getComputedStyle(document.querySelector('.employment-print')!).display,
      text: document.querySelector('.employment-print')!.textContent ?? '',
    }));
    await page.emulateMediaType('screen');
    expect(printed.app).toBe('none');
    expect(printed.copy).toBe('block');
    expect(printed.text).toContain(`合计：${total} 元`);

    const csv = await page.evaluate(async () => {
      const link = document.querySelector('kiosk-app')!.shadowRoot!.querySelector('kiosk-staff-mode')!.shadowRoot!
        .querySelector('kiosk-staff-employment')!.shadowRoot!.querySelector('kiosk-employment-sheet')!.shadowRoot!
        .querySelector<HTMLAnchorElement>('a[download]')!;
      const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
      return { head: [...bytes.slice(0, 3)], text: new TextDecoder().decode(bytes) };
    });
    expect(csv.head).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain(`${month},合计,`);

    const one = sheet.members[0]!;
    await page.select('kiosk-app >>> kiosk-employment-sheet >>> select[name="member"]', one.memberId);
    await waitForText(page, `合计：${(one.totals.payCents / 100).toFixed(2)} 元`);
  });

  it('starts a rehabilitation plan, notes a session with ratings, shows the progress as numbers, and reviews the plan keeping the goal', async () => {
    page = await h.openPage();
    await enterStaffMode(h, page);
    await clickByName(page, '康复计划');
    await page.type('kiosk-app >>> kiosk-staff-rehab >>> kiosk-member-picker >>> input[type=search]', '陈静');
    await clickByName(page, '陈静 没有计划');
    await waitForText(page, '陈静 还没有康复计划');
    await clickByName(page, '制定计划');
    const editor = 'kiosk-app >>> kiosk-rehab-plan-editor';
    await page.type(`${editor} >>> [name="goal-text"]`, '独立整理书包');
    await clickByName(page, '增加目标');
    const texts = await page.$$(`${editor} >>> [name="goal-text"]`);
    await texts[1]!.type('学会用手语问好');
    await clickByName(page, '保存计划');
    await waitForText(page, '已保存 陈静 的康复计划');
    await waitForText(page, '第 1 版');
    // the member list now says she has a plan
    await page.waitForSelector('::-p-aria(陈静 计划第 1 版)', { visible: true });

    const overview = await staff.call<RehabOverview>('GET', '/api/staff/rehab/members/mem_demo_05');
    const [bag, sign] = overview.plan!.goals;
    await page.type('kiosk-app >>> kiosk-rehab-note-form >>> [name="note"]', '能自己放好文具。');
    const bagRatings = await page.$$(`kiosk-app >>> kiosk-rehab-note-form >>> input[name="rate-${bag!.goalId}"]`);
    await bagRatings[3]!.click();
    await clickByName(page, '保存记录');
    await waitForText(page, '已保存 陈静 的康复记录');
    await waitForText(page, '能自己放好文具。');
    await waitForText(page, '4 / 5');
    await waitForText(page, `“${sign!.text}”还没有评分`);
    const after = await staff.call<RehabOverview>('GET', '/api/staff/rehab/members/mem_demo_05');
    expect(after.progress[0]!.points).toEqual([expect.objectContaining({ date: today(), rating: 4 })]);

    // a review rewords the first goal and drops the second; the first keeps its id and its ratings
    await clickByName(page, '复查并修订计划');
    const goalTexts = await page.$$(`${editor} >>> [name="goal-text"]`);
    await goalTexts[0]!.click({ count: 3 });
    await goalTexts[0]!.type('独立整理书包和文具');
    await clickByName(page, '删除目标 2');
    await clickByName(page, '保存计划');
    await waitForText(page, '第 2 版');
    const reviewed = await staff.call<RehabOverview>('GET', '/api/staff/rehab/members/mem_demo_05');
    expect(reviewed.plan!.goals).toEqual([{ goalId: bag!.goalId, text: '独立整理书包和文具', targetDate: null }]);
    expect(reviewed.progress[0]!.points).toHaveLength(1);
    await waitForText(page, '4 / 5');
  });
});
