import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Item, OverdueLine, Reservation } from '../../edge-server/src/api-types.js';
import { clickByName, speechLog, startKiosk, staffApi, waitForText, type KioskHarness, type StaffApi } from './harness.js';
import { DESK, LENDING, answerChecks, centreDay, deskMemberByName, lendByApi, memberLending, openLending, pickMemberIn } from './lending-desk-support.js';

/** The loan desk (辅具借用 → 借出与归还, 逾期未还, 预约) against the real server, its demo data and the simulated reader. */
describe('staff: the loan desk', () => {
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

  async function open(): Promise<void> {
    page = await h.openPage();
    await openLending(h, page);
  }

  it('lends a wheelchair to a member identified by finger, who confirms with the finger; shows, says and prints the summary', async () => {
    await open();
    await clickByName(page, '请成员按手指');
    await waitForText(page, '请成员把手指放在指纹器上（也可以刷卡）');
    await h.touchFinger(1);
    await waitForText(page, '张伟 的借用');
    await scanToLend('DEV-0001');
    await waitForText(page, '可以借');
    const lend = `${DESK} >>> kiosk-desk-lend`;
    const checks = await answerChecks(page, lend);
    expect(checks.length).toBeGreaterThan(0);
    await clickByName(page, '请成员确认');

    await waitForText(page, '张伟，请确认借用');
    await waitForText(page, '手动轮椅');
    await clickByName(page, '按手指确认');
    await waitForText(page, '请按手指确认');
    await h.touchFinger(1);
    await waitForText(page, '借用单');
    await waitForText(page, '张伟借了手动轮椅');
    const spoken = (await speechLog(page)).map((s) => s.text).join(' ');
    expect(spoken).toContain('你借的是手动轮椅');
    expect(spoken).toContain('张伟借了手动轮椅');

    const { open: loans } = await memberLending(staff, 'mem_demo_01');
    const loan = loans.find((l) => l.tagCode === 'DEV-0001');
    expect(loan).toMatchObject({ state: 'open', acknowledgement: { method: 'fingerprint', by: 'self' }, override: null });
    expect(Object.keys(loan!.checklistOut).sort()).toEqual([...checks].sort());
    await waitForText(page, `请在${dayWords(loan!.dueOn)}前还回来`);

    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      app: getComputedStyle(document.querySelector('kiosk-app')!).display,
      copy: getComputedStyle(document.querySelector('.loan-summary-print')!).display,
      text: document.querySelector('.loan-summary-print')!.textContent ?? '',
    }));
    await page.emulateMediaType('screen');
    expect(printed).toMatchObject({ app: 'none', copy: 'block' });
    expect(printed.text).toContain('张伟借了手动轮椅');
  });

  it('explains a refusal in words, and lends with an override only when staff write the reason', async () => {
    await open();
    await deskMemberByName(page, '李秀英');
    await clickByName(page, '借出辅具');
    const tag = await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> input[name="tag"]`, { visible: true });
    // a tag nobody registered is said so, and the field stays for the next scan
    await tag!.type('DEV-9999');
    await tag!.press('Enter');
    await waitForText(page, '没有标签为 DEV-9999 的辅具，请再扫一次');
    await tag!.type('DEV-0025');
    await tag!.press('Enter');
    await waitForText(page, '这种辅具只借给 肢体残疾、多重残疾 的成员');
    await answerChecks(page, `${DESK} >>> kiosk-desk-lend`);
    await clickByName(page, '请成员确认');
    await waitForText(page, '请写破例借出的原因');
    await page.type(`${DESK} >>> kiosk-desk-lend >>> textarea[name="override-reason"]`, '术后暂时行走不便，医生建议');
    await clickByName(page, '请成员确认');
    await waitForText(page, '李秀英，请确认借用');
    // Escape goes back a step to the loan form, which keeps what staff set
    await page.keyboard.press('Escape');
    const reason = await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> textarea[name="override-reason"]`, { visible: true });
    expect(await reason!.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe('术后暂时行走不便，医生建议');
    await clickByName(page, '请成员确认');
    await waitForText(page, '李秀英，请确认借用');
    await clickByName(page, '工作人员见证');
    await clickByName(page, '监护人确认');
    await clickByName(page, '确认借出');
    await waitForText(page, '请填写监护人姓名');
    await page.type(`${DESK} >>> kiosk-desk-acknowledge >>> input[name="guardian-name"]`, '李明');
    await clickByName(page, '确认借出');
    await waitForText(page, '李秀英借了助行器');

    const loan = (await memberLending(staff, 'mem_demo_02')).open.find((l) => l.tagCode === 'DEV-0025');
    expect(loan).toMatchObject({
      acknowledgement: { method: 'staff_witnessed', by: 'guardian', guardianName: '李明' },
      override: { codes: ['wrong_disability_category'], reason: '术后暂时行走不便，医生建议' },
    });
  });

  it('takes a device back by its tag with its checks, then cleans it step by step back to available', async () => {
    await lendByApi(staff, 'mem_demo_08', 'DEV-0013', centreDay(7));
    await open();
    const returnTag = await page.waitForSelector(`${DESK} >>> input[name="return-tag"]`, { visible: true });
    await returnTag!.type('DEV-0013');
    await returnTag!.press('Enter');
    await waitForText(page, '归还 腋下拐杖 DEV-0013');
    await waitForText(page, '借用人 黄志强');
    await clickByName(page, '确认归还');
    await waitForText(page, '还没有检查：');
    await answerChecks(page, `${DESK} >>> kiosk-desk-return`);
    await clickByName(page, '确认归还');
    await waitForText(page, '已归还 腋下拐杖 DEV-0013，送去清洁');
    expect((await staff.call<Item>('GET', `${LENDING}/items/by-tag/DEV-0013`)).status).toBe('cleaning');

    await clickByName(page, '待清洁');
    await clickByName(page, '清洁 腋下拐杖 DEV-0013');
    await clickByName(page, '清洁完成，可借');
    await waitForText(page, '还有步骤没做完：');
    for (const box of await page.$$(`${DESK} >>> kiosk-desk-cleaning >>> input[type=checkbox]`)) await box.click();
    await clickByName(page, '清洁完成，可借');
    await waitForText(page, '腋下拐杖 DEV-0013 清洁完成：可借');
    expect((await staff.call<Item>('GET', `${LENDING}/items/by-tag/DEV-0013`)).status).toBe('available');
  });

  it('tells staff plainly who a reserved device is for when it comes back clean', async () => {
    const chair = await staff.call<Item>('GET', `${LENDING}/items/by-tag/DEV-0004`);
    expect(chair.status).toBe('cleaning');
    await staff.call<Reservation>('POST', `${LENDING}/reservations`, {
      memberId: 'mem_demo_12', catalogueId: chair.catalogueId, itemId: chair.id, from: centreDay(1), to: centreDay(5),
    });
    await open();
    await clickByName(page, '待清洁');
    await clickByName(page, '清洁 手动轮椅 DEV-0004');
    for (const box of await page.$$(`${DESK} >>> kiosk-desk-cleaning >>> input[type=checkbox]`)) await box.click();
    await clickByName(page, '清洁完成，可借');
    await waitForText(page, '手动轮椅 DEV-0004 清洁完成，为 孙丽娟 的预约保留，请通知 孙丽娟 来取');
    // the live stream's `ready` message puts the same words at the top of the desk
    await waitForText(page, '手动轮椅 DEV-0004 已清洁好，为 孙丽娟 的预约保留，请通知 孙丽娟 来取');
    await clickByName(page, '知道了');
    await page.waitForSelector(`${DESK} >>> [data-ready]`, { hidden: true });
    expect((await staff.call<Item>('GET', `${LENDING}/items/by-tag/DEV-0004`)).status).toBe('reserved');
  });

  it('answers a reservation clash with the next free day in words, and takes that day with one button', async () => {
    // the demo reserves DEV-0012 for 黄志强 from in 3 days for 2½ weeks
    const crutch = await staff.call<Item>('GET', `${LENDING}/items/by-tag/DEV-0012`);
    const { reservations: before } = await staff.call<{ reservations: Reservation[] }>('GET', `${LENDING}/reservations?state=active`);
    const held = before.find((r) => r.itemId === crutch.id)!;
    await open();
    await clickByName(page, '预约');
    await clickByName(page, '腋下拐杖');
    const form = 'kiosk-app >>> kiosk-reservation-form';
    await pickMemberIn(page, form, '孙丽娟');
    await waitForText(page, '成员：孙丽娟');
    await page.waitForSelector(`${form} >>> option[value="${crutch.id}"]`);
    await page.select(`${form} >>> select[name="reserve-item"]`, crutch.id);
    await setDate(`${form} >>> input[name="reserve-from"]`, centreDay(6));
    await setDate(`${form} >>> input[name="reserve-to"]`, centreDay(8));
    await clickByName(page, '确认预约');
    const conflict = await page.waitForSelector(`${form} >>> [data-conflict]`, { visible: true });
    const words = await conflict!.evaluate((el) => el.textContent ?? '');
    expect(words).toMatch(/^这段时间已有人预约或借用，最早 .+ 起可以借$/);
    await clickByName(page, words.replace(/^.*最早 (.+) 起可以借$/, '改为 $1 起'));
    await clickByName(page, '确认预约');
    await waitForText(page, '已为 孙丽娟 预约 腋下拐杖');
    const { reservations } = await staff.call<{ reservations: Reservation[] }>('GET', `${LENDING}/reservations?state=active`);
    const mine = reservations.find((r) => r.memberId === 'mem_demo_12' && r.itemId === crutch.id);
    expect(mine!.from > held.to).toBe(true);
    expect(mine!.to).toBe(addDaysTo(mine!.from, 2));
  });

  it('cancels a reservation only with a reason, and keeps an entry’s waiting list in order', async () => {
    await open();
    await clickByName(page, '预约');
    await clickByName(page, '取消 孙丽娟 的 腋下拐杖 预约');
    await clickByName(page, '确认取消');
    await waitForText(page, '请写原因');
    await page.type('kiosk-app >>> kiosk-lending-reservations >>> textarea[name="cancel-reason"]', '家里借到了');
    await clickByName(page, '确认取消');
    await waitForText(page, '已取消 孙丽娟 的 腋下拐杖 预约');
    const { reservations } = await staff.call<{ reservations: Reservation[] }>('GET', `${LENDING}/reservations?state=cancelled`);
    expect(reservations.filter((r) => r.memberId === 'mem_demo_12').map((r) => r.catalogueName)).toEqual(['腋下拐杖']);

    // the demo has 钱志刚 waiting for an electric wheelchair
    await clickByName(page, '电动轮椅 · 1 人排队');
    const waitlist = 'kiosk-app >>> kiosk-waitlist';
    await waitForText(page, '第 1 位 · 钱志刚');
    await pickMemberIn(page, waitlist, '孙丽娟');
    await waitForText(page, '孙丽娟 已排队，第 2 位');
    await clickByName(page, '把 钱志刚 移出排队');
    await clickByName(page, '移出排队');
    await waitForText(page, '请写原因');
    await page.type(`${waitlist} >>> textarea[name="waitlist-reason"]`, '已经自己买了');
    await clickByName(page, '移出排队');
    await waitForText(page, '已把 钱志刚 移出排队');
    await waitForText(page, '第 1 位 · 孙丽娟');
    const { waiting } = await staff.call<{ waiting: { memberName: string; position: number }[] }>('GET', `${LENDING}/catalogue/cat_demo_e_wheelchair/waitlist`);
    expect(waiting.map((w) => [w.memberName, w.position])).toEqual([['孙丽娟', 1]]);
  });

  it('identifies a member by the card the wedge reads, and takes the card as the acknowledgement', async () => {
    await open();
    await page.waitForSelector(`${DESK} >>> kiosk-desk-identify >>> button.primary`, { visible: true });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.type('100009');
    await page.keyboard.press('Enter');
    await waitForText(page, '周敏 的借用');
    await scanToLend('DEV-0023');
    await waitForText(page, '可以借');
    await answerChecks(page, `${DESK} >>> kiosk-desk-lend`);
    await clickByName(page, '请成员确认');
    await waitForText(page, '周敏，请确认借用');
    await page.keyboard.type('100009');
    await page.keyboard.press('Enter');
    await waitForText(page, '周敏借了康复踏步器');
    const loan = (await memberLending(staff, 'mem_demo_09')).open.find((l) => l.tagCode === 'DEV-0023');
    expect(loan?.acknowledgement).toEqual({ method: 'card', by: 'self', guardianName: null });
  });

  it('refuses a renewal past another member’s reservation, naming the day, and renews to an earlier day; marks a loss only with a note', async () => {
    const loanId = await lendByApi(staff, 'mem_demo_08', 'DEV-0014', centreDay(7));
    const commode = await staff.call<Item>('GET', `${LENDING}/items/by-tag/DEV-0014`);
    await staff.call<Reservation>('POST', `${LENDING}/reservations`, {
      memberId: 'mem_demo_12', catalogueId: commode.catalogueId, itemId: commode.id, from: centreDay(20), to: centreDay(25),
    });
    await open();
    await deskMemberByName(page, '黄志强');
    await clickByName(page, '续借 坐便椅 DEV-0014');
    await setDate(`${DESK} >>> kiosk-desk-renew >>> input[name="renew-due-on"]`, centreDay(30));
    await clickByName(page, '确认续借');
    await waitForText(page, `不能续借到这一天：${dayWords(centreDay(20))} 起已有人预约这件辅具`);
    await setDate(`${DESK} >>> kiosk-desk-renew >>> input[name="renew-due-on"]`, centreDay(14));
    await clickByName(page, '确认续借');
    await waitForText(page, `已续借 坐便椅，${dayWords(centreDay(14))} 到期`);
    expect((await staff.call<{ dueOn: string }>('GET', `${LENDING}/loans/${loanId}`)).dueOn).toBe(centreDay(14));

    await clickByName(page, '登记丢失 坐便椅 DEV-0014');
    await clickByName(page, '确认丢失');
    await waitForText(page, '请写情况说明');
    await page.type(`${DESK} >>> kiosk-desk-member >>> textarea[name="lost-note"]`, '家属说在医院丢了');
    await clickByName(page, '确认丢失');
    await waitForText(page, '已登记丢失 坐便椅 DEV-0014');
    expect((await staff.call<{ state: string }>('GET', `${LENDING}/loans/${loanId}`)).state).toBe('lost');
    expect((await staff.call<Item>('GET', `${LENDING}/items/by-tag/DEV-0014`)).status).toBe('retired');
  });

  it('records the assessment a refusal asks for, checks again and lends without an override', async () => {
    await open();
    await deskMemberByName(page, '陈静');
    await scanToLend('DEV-0016');
    await waitForText(page, '这种辅具要先做评估，评估后才能借');
    await clickByName(page, '为 耳背式助听器 记录评估');
    const form = `${DESK} >>> kiosk-desk-lend >>> kiosk-assessment-form`;
    // the form opens on the refused entry, assessed today
    const chosen = await page.waitForSelector(`${form} >>> button[aria-pressed="true"]`, { visible: true });
    expect(await chosen!.evaluate((b) => b.textContent?.trim())).toBe('耳背式助听器');
    expect(await page.$eval(`${form} >>> input[name="assessed-on"]`, (i) => (i as HTMLInputElement).value)).toBe(centreDay(0));
    await setDate(`${form} >>> input[name="valid-until"]`, centreDay(180));
    await page.type(`${form} >>> textarea[name="assess-note"]`, '听力师评估：左耳');
    await clickByName(page, '保存评估');
    await waitForText(page, '可以借');
    expect(await page.$(`${DESK} >>> kiosk-desk-lend >>> [data-refusals]`)).toBeNull();
    await answerChecks(page, `${DESK} >>> kiosk-desk-lend`);
    await clickByName(page, '请成员确认');
    await waitForText(page, '陈静，请确认借用');
    await clickByName(page, '工作人员见证');
    await clickByName(page, '本人确认');
    await waitForText(page, '陈静借了耳背式助听器');

    const lending = await memberLending(staff, 'mem_demo_05');
    const loan = lending.open.find((l) => l.tagCode === 'DEV-0016');
    expect(loan).toMatchObject({ state: 'open', override: null });
    const loanBack = await staff.call<{ override: unknown }>('GET', `${LENDING}/loans/${loan!.id}`);
    expect(loanBack.override).toBeNull();
    expect(lending.assessments).toEqual([expect.objectContaining({
      catalogueName: '耳背式助听器', assessedOn: centreDay(0), validUntil: centreDay(180), note: '听力师评估：左耳',
    })]);
    await clickByName(page, '好的');
    await waitForText(page, `耳背式助听器 · 评估于 ${dayWords(centreDay(0))}`);
  });

  it('keeps the other refusals once the assessment is recorded, and lists the assessment on the way back to the member', async () => {
    await open();
    await deskMemberByName(page, '吴桂兰');
    await scanToLend('DEV-0006');
    await waitForText(page, '这种辅具要先做评估，评估后才能借');
    await clickByName(page, '为 电动轮椅 记录评估');
    await clickByName(page, '保存评估');
    const refusals = `${DESK} >>> kiosk-desk-lend >>> [data-refusals]`;
    await page.waitForFunction((sel: string) => {
      const lend = document.querySelector('kiosk-app')!.shadowRoot!.querySelector('kiosk-staff-mode')!.shadowRoot!.querySelector('kiosk-staff-lending')!
        .shadowRoot!.querySelector('kiosk-lending-desk')!.shadowRoot!.querySelector(sel)!;
      const text = lend.shadowRoot!.querySelector('[data-refusals]')?.textContent ?? '';
      return text.includes('这种辅具只借给') && !text.includes('要先做评估');
    }, {}, 'kiosk-desk-lend');
    expect(await page.$eval(refusals, (ul) => ul.children.length)).toBe(2);
    await clickByName(page, '返回');
    await waitForText(page, `电动轮椅 · 评估于 ${dayWords(centreDay(0))}`);
  });

  it('records an assessment from the member’s view, refusing a missing entry or a “valid until” before the day assessed', async () => {
    await open();
    await deskMemberByName(page, '赵磊');
    await clickByName(page, '记录评估');
    const form = `${DESK} >>> kiosk-desk-member >>> kiosk-assessment-form`;
    await page.waitForSelector(`${form} >>> button[name="assess-entry"]`, { visible: true });
    await clickByName(page, '保存评估');
    await waitForText(page, '请选择评估的辅具');
    await clickByName(page, '电动轮椅');
    await setDate(`${form} >>> input[name="assessed-on"]`, centreDay(-3));
    await setDate(`${form} >>> input[name="valid-until"]`, centreDay(-5));
    await clickByName(page, '保存评估');
    await waitForText(page, '请填写评估日期；有效日期不能早于评估日期');
    // a day still to come is the server's to refuse
    await setDate(`${form} >>> input[name="valid-until"]`, '');
    await setDate(`${form} >>> input[name="assessed-on"]`, centreDay(2));
    await clickByName(page, '保存评估');
    await waitForText(page, '评估日期不能是以后的日子');
    expect((await memberLending(staff, 'mem_demo_07')).assessments).toEqual([]);

    await setDate(`${form} >>> input[name="assessed-on"]`, centreDay(-3));
    await clickByName(page, '保存评估');
    await waitForText(page, `已记录 电动轮椅 的评估（${dayWords(centreDay(-3))}）`);
    await waitForText(page, `电动轮椅 · 评估于 ${dayWords(centreDay(-3))}`);
    expect((await memberLending(staff, 'mem_demo_07')).assessments).toEqual([expect.objectContaining({
      catalogueName: '电动轮椅', assessedOn: centreDay(-3), validUntil: null, note: null,
    })]);
  });

  it('follows the borrower’s own profile on their screens: 陈静 (speech off) is shown everything and told nothing, then the staff view is back', async () => {
    await open();
    await deskMemberByName(page, '陈静');
    await scanToLend('DEV-0022');
    await waitForText(page, '可以借');
    await answerChecks(page, `${DESK} >>> kiosk-desk-lend`);
    const from = (await speechLog(page)).length;
    await clickByName(page, '请成员确认');
    await waitForText(page, '陈静，请确认借用');
    await waitForText(page, '康复踏步器');
    await clickByName(page, '再听一遍');
    await clickByName(page, '工作人员见证');
    await clickByName(page, '本人确认');
    await waitForText(page, '陈静借了康复踏步器');
    await waitForText(page, '请在');
    await clickByName(page, '再听一遍');
    expect((await speechLog(page)).slice(from)).toEqual([]);
    await clickByName(page, '好的');
    await waitForText(page, '已借出 康复踏步器 DEV-0022');
    expect((await memberLending(staff, 'mem_demo_05')).open.map((l) => l.tagCode)).toContain('DEV-0022');

    // the staff view speaks again: the next borrower, 张伟 (speech on), hears their acknowledgement
    await clickByName(page, '换一位成员');
    await deskMemberByName(page, '张伟');
    await scanToLend('DEV-0003');
    await waitForText(page, '可以借');
    await answerChecks(page, `${DESK} >>> kiosk-desk-lend`);
    await clickByName(page, '请成员确认');
    await waitForText(page, '张伟，请确认借用');
    await page.waitForFunction((n: number) => ((window as unknown as { __kioskSpeechLog?: unknown[] }).__kioskSpeechLog ?? []).length > n, {}, from);
    expect((await speechLog(page)).slice(from).map((e) => e.text).join(' ')).toContain('你借的是手动轮椅');
  });

  it('hears the lending messages on the kiosk’s one live stream, opening no second one', async () => {
    page = await h.openPage();
    // remember every EventSource the page opens
    await page.evaluateOnNewDocument(() => {
      const Native = window.EventSource;
      const urls: string[] = [];
      (window as unknown as { __eventSourceUrls: string[] }).__eventSourceUrls = urls;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          urls.push(String(url));
        }
      };
    });
    await page.reload();
    await page.waitForFunction(() => document.querySelector('kiosk-app')?.getAttribute('connection') === 'online');
    await openLending(h, page);
    const walker = await staff.call<Item>('GET', `${LENDING}/items/by-tag/DEV-0010`);
    expect(walker.status).toBe('cleaning');
    await staff.call<Reservation>('POST', `${LENDING}/reservations`, {
      memberId: 'mem_demo_12', catalogueId: walker.catalogueId, itemId: walker.id, from: centreDay(1), to: centreDay(4),
    });
    const { entries } = await staff.call<{ entries: { id: string; cleaningChecklist: string[] }[] }>('GET', `${LENDING}/catalogue`);
    const steps = entries.find((e) => e.id === walker.catalogueId)!.cleaningChecklist;
    const cleaned = await staff.call<{ outcome: string }>('POST', `${LENDING}/items/${walker.id}/cleaning`, {
      checklist: Object.fromEntries(steps.map((k) => [k, true])), outcome: 'available',
    });
    expect(cleaned.outcome).toBe('reserved');
    // only the stream's `ready` message puts these words at the top of the desk
    await waitForText(page, '助行器 DEV-0010 已清洁好，为 孙丽娟 的预约保留，请通知 孙丽娟 来取');
    const urls = await page.evaluate(() => (window as unknown as { __eventSourceUrls: string[] }).__eventSourceUrls);
    expect(urls.map((u) => new URL(u, 'http://kiosk').pathname)).toEqual(['/api/events']);
  });

  /** From the member's view: 借出辅具, then the item's tag scanned. */
  async function scanToLend(tag: string): Promise<void> {
    await clickByName(page, '借出辅具');
    const input = await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> input[name="tag"]`, { visible: true });
    await input!.type(tag);
    await input!.press('Enter');
  }

  async function setDate(selector: string, day: string): Promise<void> {
    await page.$eval(selector, (el, value) => {
      (el as HTMLInputElement).value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }, day);
  }
});

/** A day as the desk writes it in zh-CN (2026年12月4日). */
function dayWords(day: string): string {
  return new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${day}T12:00:00Z`));
}

function addDaysTo(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The overdue call list needs a loan whose due day has passed. A loan due "today" at a centre on UTC−12 is
 * a day or two late once the same centre is on UTC+14: the server restarts with the new zone, the data stays.
 */
describe('staff: the overdue call list', () => {
  let h: KioskHarness;
  let page: Page;

  beforeAll(async () => {
    h = await startKiosk({ centreTimeZone: 'Etc/GMT+12' });
    const before = await staffApi(h.server);
    await lendByApi(before, 'mem_demo_04', 'DEV-0022', centreDay(0, 'Etc/GMT+12'));
    await lendByApi(before, 'mem_demo_08', 'DEV-0014', centreDay(0, 'Etc/GMT+12'));
    await h.server.stop();
    writeFileSync(join(h.server.dataDir, 'config.json'), JSON.stringify({ centre: { timezone: 'Etc/GMT-14' } }));
    await h.server.start();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists who to call, oldest first, with the guardian’s phone as a link, and takes a device back from the list', async () => {
    const staff = await staffApi(h.server);
    const { overdue } = await staff.call<{ overdue: OverdueLine[] }>('GET', `${LENDING}/overdue`);
    // the demo's own overdue loan (DEV-0008, five days late) is the oldest
    expect(overdue.map((l) => l.tagCode)).toEqual(['DEV-0008', ...overdue.slice(1).map((l) => l.tagCode)]);
    expect(overdue.slice(1).map((l) => l.tagCode).sort()).toEqual(['DEV-0014', 'DEV-0022']);
    const mine = overdue.find((l) => l.tagCode === 'DEV-0022')!;
    page = await h.openPage();
    await openLending(h, page);
    await clickByName(page, '逾期未还');
    const list = 'kiosk-app >>> kiosk-lending-overdue';
    await page.waitForSelector(`${list} >>> [data-overdue]`, { visible: true });
    const lines = await page.$$eval(`${list} >>> [data-overdue] > li`, (items) => items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('杨丽华 · 助行器 · DEV-0008');
    expect(lines[0]).toContain(`逾期 ${overdue[0]!.daysLate} 天`);
    const line = `${list} >>> li[data-loan="${mine.loanId}"]`;
    expect(await page.$eval(line, (li) => li.textContent?.replace(/\s+/g, ' ') ?? '')).toContain(`刘小明 · 康复踏步器 · DEV-0022`);
    const tel = await page.$eval(`${line} a[href^="tel:"]`, (a) => ({ href: a.getAttribute('href'), text: a.textContent }));
    expect(tel).toEqual({ href: 'tel:13812345678', text: '刘建华 13812345678' });

    await clickByName(page, '归还 康复踏步器 DEV-0022');
    await waitForText(page, '借用人 刘小明');
    await answerChecks(page, `${list} >>> kiosk-desk-return`);
    await clickByName(page, '确认归还');
    await waitForText(page, '已归还 康复踏步器 DEV-0022，送去清洁');
    await page.waitForFunction(
      (sel) => document.querySelector('kiosk-app')!.shadowRoot!.querySelector('kiosk-staff-mode')!.shadowRoot!.querySelector('kiosk-staff-lending')!
        .shadowRoot!.querySelector(sel)!.shadowRoot!.querySelectorAll('[data-overdue] > li').length === 2,
      {}, 'kiosk-lending-overdue',
    );
    const loan = (await staff.call<{ overdue: OverdueLine[] }>('GET', `${LENDING}/overdue`)).overdue;
    expect(loan.map((l) => l.tagCode)).toEqual(['DEV-0008', 'DEV-0014']);
  });
});
