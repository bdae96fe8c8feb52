import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  centreAnswers, checkOutAtKiosk, countKeyEvents, keyEventsSeen, volunteerHours,
} from './community-support.js';
import {
  clickByName, enterStaffMode, kioskText, staffApi, waitForScreen, waitForSpeech, waitForText,
} from './harness.js';
import { useKioskSuite } from './kiosk-suite.js';

/** Volunteers at the kiosk, the satisfaction question after a check-out, and the staff views behind them. */
describe('volunteers and member satisfaction at the kiosk', () => {
  const kiosk = useKioskSuite({ failOnPageErrors: true });
  let page: Page;

  it('signs a returning volunteer in (partner, own name, Party member confirmed, service) and out by touch alone', async () => {
    page = await kiosk.openPage();
    await countKeyEvents(page);
    await clickByName(page, '志愿者');
    await waitForScreen(page, 'volunteer');
    await waitForSpeech(page, '志愿者您好');
    await clickByName(page, '签到');
    await waitForSpeech(page, '您来自哪个单位');
    await clickByName(page, '街道党工委');
    // the partner's volunteers from past visits (the demo's 陈志华), most recent first
    await waitForText(page, '请选择您的名字');
    await waitForSpeech(page, '请选择您的名字');
    await clickByName(page, '陈志华');
    await waitForSpeech(page, '上次您说是党员，对吗');
    await clickByName(page, '是党员');
    await waitForSpeech(page, '今天您参加什么服务');
    await clickByName(page, '文体活动');
    await waitForText(page, '陈志华，签到成功');
    await waitForSpeech(page, '签到成功');
    const signedIn = (await volunteerHours(kiosk.harness)).visits.find((v) => v.name === '陈志华' && v.signedOutAt === null);
    expect(signedIn).toMatchObject({ organisation: '街道党工委', partyMember: true, activity: 'culture_sports', closedBy: null });

    await clickByName(page, '好的');
    await waitForScreen(page, 'idle');
    await clickByName(page, '志愿者');
    await waitForScreen(page, 'volunteer');
    await clickByName(page, '签退');
    await waitForText(page, '请选择您的名字');
    await clickByName(page, '陈志华');
    await waitForText(page, '陈志华，签退成功');
    await waitForSpeech(page, '签退成功');
    const visit = (await volunteerHours(kiosk.harness)).visits.find((v) => v.visitId === signedIn!.visitId);
    expect(visit).toMatchObject({ closedBy: 'volunteer', minutes: expect.any(Number) });
    expect(await keyEventsSeen(page)).toBe(0);
  });

  it('tells a new volunteer that staff register them first, and calls staff from there', async () => {
    page = await kiosk.openPage();
    await clickByName(page, '志愿者');
    await waitForScreen(page, 'volunteer');
    await clickByName(page, '签到');
    await clickByName(page, '我是新来的');
    await waitForText(page, '请工作人员先为您登记');
    await waitForSpeech(page, '请工作人员先为您登记');
    expect(await page.$$('kiosk-app >>> kiosk-volunteer >>> input')).toHaveLength(0);
    await clickByName(page, '呼叫工作人员');
    await waitForSpeech(page, '已通知工作人员');
  });

  it('lets staff register a volunteer of another organisation, who then signs in at the kiosk; long lists are paged', async () => {
    page = await kiosk.openPage();
    await enterStaffMode(kiosk.harness, page);
    await (await page.waitForSelector('kiosk-app >>> kiosk-staff-mode >>> button[data-view=volunteers]', { visible: true }))!.click();
    await waitForText(page, '志愿者名册');
    const field = (name: string) => page.waitForSelector(`kiosk-app >>> kiosk-volunteer-roster >>> [name=${name}]`, { visible: true });
    await (await field('name'))!.type('吴小红');
    await (await field('org'))!.select('other');
    await (await field('organisation'))!.type('市红十字会');
    await (await field('phone'))!.type('13800001234');
    await clickByName(page, '登记志愿者');
    await waitForText(page, '已登记 吴小红');
    await kiosk.closePage(page);

    // seven more volunteers of one partner: the names come six to a page
    const staff = await staffApi(kiosk.harness.server);
    for (let i = 1; i <= 7; i++) {
      await staff.call('POST', '/api/staff/volunteers', { name: `测试员${i}`, partnerId: 'ptn_demo_social', organisation: null, partyMember: false, phone: null });
    }

    page = await kiosk.openPage();
    await countKeyEvents(page);
    await clickByName(page, '志愿者');
    await waitForScreen(page, 'volunteer');
    await clickByName(page, '签到');
    await clickByName(page, '阳光社工服务中心');
    await waitForText(page, '请选择您的名字（第1页，共2页）');
    expect(await kioskText(page)).toContain('测试员7'); // the latest registered first
    expect(await kioskText(page)).not.toContain('宋佳'); // the demo volunteer who came weeks ago: page 2
    await clickByName(page, '下一页');
    await waitForText(page, '请选择您的名字（第2页，共2页）');
    await waitForText(page, '宋佳');
    await clickByName(page, '返回');
    await clickByName(page, '其他单位');
    // under 其他单位 each name shows its organisation too
    await waitForText(page, '市红十字会');
    const wu = await page.waitForSelector('kiosk-app >>> kiosk-volunteer >>> button ::-p-text(吴小红)', { visible: true });
    await wu!.click();
    await waitForSpeech(page, '上次您说不是党员，对吗');
    await clickByName(page, '不是');
    await clickByName(page, '康复训练');
    await waitForText(page, '吴小红，签到成功');
    const visit = (await volunteerHours(kiosk.harness)).visits.find((v) => v.name === '吴小红');
    expect(visit).toMatchObject({ organisation: '市红十字会', partnerId: null, partyMember: false, activity: 'rehabilitation' });
    expect(await keyEventsSeen(page)).toBe(0);
  });

  it('asks a member the satisfaction question after the goodbye, spoken, and records the face chosen (after an undo)', async () => {
    page = await kiosk.openPage();
    const before = await centreAnswers(kiosk.harness);
    await checkOutAtKiosk(kiosk.harness, page, 1, '张伟');
    await clickByName(page, '好的');
    await waitForScreen(page, 'survey');
    await waitForText(page, '今天的活动您满意吗？');
    await waitForSpeech(page, '今天的活动您满意吗');
    for (const word of ['很不满意', '不满意', '一般', '满意', '很满意', '跳过']) expect(await kioskText(page)).toContain(word);
    // a face pressed by mistake is taken back with 撤销 before it is sent
    await clickByName(page, '很不满意');
    await waitForText(page, '您选了“很不满意”');
    await waitForSpeech(page, '您选了“很不满意”');
    await clickByName(page, '撤销');
    await waitForText(page, '今天的活动您满意吗？');
    expect(await centreAnswers(kiosk.harness)).toBe(before);
    await clickByName(page, '很满意');
    await waitForText(page, '谢谢您！');
    await waitForSpeech(page, '谢谢您');
    expect(await centreAnswers(kiosk.harness)).toBe(before + 1);
    await clickByName(page, '好的');
    await waitForScreen(page, 'idle');
  });

  it('lets the member skip the question and records no answer', async () => {
    page = await kiosk.openPage();
    const before = await centreAnswers(kiosk.harness);
    await checkOutAtKiosk(kiosk.harness, page, 2, '李秀英');
    await clickByName(page, '好的');
    await waitForScreen(page, 'survey');
    await clickByName(page, '跳过');
    await waitForScreen(page, 'idle');
    expect(await centreAnswers(kiosk.harness)).toBe(before);
  });

  it('shows staff the month as charts with the numbers on the bars, a table, volunteer hours and partners', async () => {
    page = await kiosk.openPage();
    await enterStaffMode(kiosk.harness, page);
    await (await page.waitForSelector('kiosk-app >>> kiosk-staff-mode >>> button[data-view=satisfaction]', { visible: true }))!.click();
    const chart = await page.waitForSelector('kiosk-app >>> kiosk-satisfaction-chart >>> svg[role=img]', { visible: true });
    expect(await chart!.evaluate((svg) => svg.getAttribute('aria-label'))).toMatch(/1: \d+, 2: \d+, 3: \d+, 4: \d+, 5: \d+/);
    expect(await chart!.evaluate((svg) => svg.querySelectorAll('text').length)).toBe(10);
    await waitForText(page, '满意度（1 = 很不满意，5 = 很满意）');
    await waitForText(page, '询问人数');

    await (await page.waitForSelector('kiosk-app >>> kiosk-staff-mode >>> button[data-view=volunteers]', { visible: true }))!.click();
    await waitForText(page, '志愿服务时长');
    await waitForText(page, '按单位');
    await waitForText(page, '陈志华'); // a demo volunteer of the last weeks

    const name = await page.waitForSelector('kiosk-app >>> kiosk-partner-list >>> input[name=name]', { visible: true });
    await name!.type('区残联志愿服务队');
    await clickByName(page, '添加单位');
    await waitForText(page, '已添加 区残联志愿服务队');
    await clickByName(page, '停用 区残联志愿服务队');
    await waitForText(page, '停用后志愿者签到时不再显示');
    const confirm = await page.waitForSelector('kiosk-app >>> kiosk-partner-list >>> kiosk-confirm-dialog >>> button.primary', { visible: true });
    await confirm!.click();
    await page.waitForFunction(() => !document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-staff-mode')
      ?.shadowRoot?.querySelector('kiosk-staff-volunteers')?.shadowRoot?.querySelector('kiosk-partner-list')
      ?.shadowRoot?.querySelector('dialog[open]'));
    await waitForText(page, '停用', 5000);
    await clickByName(page, '街道党工委 的来访记录');
    await waitForText(page, '街道党工委 的来访记录');
  });
});
