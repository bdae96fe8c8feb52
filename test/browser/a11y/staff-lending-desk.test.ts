/**
 * The loan desk against the bar. Staff screens (identify, member, lend with refusals, return, renew, lost,
 * cleaning, overdue, reservations and waiting list) at the staff floor: axe with target-size, 7:1 text,
 * targets ≥ 44 px 8 px apart, reflow at 200 %, high contrast, in zh-CN and en. The member's
 * acknowledgement and the easy-read summary at the MEMBER floor: targets ≥ 64 px, primary ≥ 96 px,
 * text ≥ 24 px, a pictogram and few words per choice, every prompt spoken while shown. Keyboard alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { VIEWPORT_LANDSCAPE, clickByName, focusedElement, speechLog, startKiosk, staffApi, waitForText, type KioskHarness, type StaffApi } from '../harness.js';
import { DESK, LENDING, answerChecks, centreDay, lendByApi, openLending, pickMemberIn } from '../lending-desk-support.js';
import {
  checkHighContrast, checkStaffScreen, expectNoAxeViolations, expectSpokenAndShown, freshIdle, pressKey, printServerLogOnFailure, settle,
  STAFF_SCREEN_CONFIGS,
} from './a11y-support.js';
import { expectVisibleFocus } from './focus.js';
import { choiceProblems, contrastProblems, layoutReport, reflowProblems, smallTextProblems, targetProblems, type LayoutReport } from './layout-report.js';

let h: KioskHarness;
let page: Page;
let staff: StaffApi;

beforeAll(async () => {
  // two loans made overdue (see staff-lending-desk.test.ts: the centre's zone moves across the date line)
  h = await startKiosk({ centreTimeZone: 'Etc/GMT+12', env: { KIOSK_IDLE_SEC: '120' } });
  const before = await staffApi(h.server);
  await lendByApi(before, 'mem_demo_04', 'DEV-0022', centreDay(0, 'Etc/GMT+12'));
  await lendByApi(before, 'mem_demo_01', 'DEV-0002', centreDay(0, 'Etc/GMT+12'));
  await h.server.stop();
  writeFileSync(join(h.server.dataDir, 'config.json'), JSON.stringify({ centre: { timezone: 'Etc/GMT-14', phone: '0571-88886666' } }));
  await h.server.start();
  staff = await staffApi(h.server);
  page = await h.openPage();
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

/** Only what a member-facing screen of the desk draws (the staff chrome around it is at the staff floor). */
function within(report: LayoutReport, tag: string): LayoutReport {
  return {
    ...report,
    interactive: report.interactive.filter((i) => i.path.includes(tag)),
    texts: report.texts.filter((t) => t.path.includes(tag)),
  };
}

describe.each(STAFF_SCREEN_CONFIGS)('loan desk staff screens ($label)', ({ lang, viewport, label }) => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(lang as Lang, key, params);
  const check = (state: string, opts: { dialog?: boolean; highContrast?: boolean } = {}) =>
    checkStaffScreen(page, `${state} (${label})`, { ...opts, highContrast: opts.highContrast && lang === 'zh-CN' && viewport === VIEWPORT_LANDSCAPE });

  async function inLending(): Promise<void> {
    await page.setViewport(viewport);
    await freshIdle(h, page, lang);
    await openLending(h, page, t('mode.lending'), t('staff.manage'));
  }

  it('identify, the member with open loans, lending with refusals, renew, lost, return', async () => {
    await inLending();
    await page.waitForSelector(`${DESK} >>> kiosk-desk-identify >>> kiosk-member-picker >>> ul button`, { visible: true });
    await check('identify', { highContrast: true });
    await clickByName(page, t('lendingDesk.identify.finger'));
    await waitForText(page, t('lendingDesk.identify.waiting'));
    await check('identify, waiting for a finger');
    await h.touchFinger(null);
    await waitForText(page, t('lendingDesk.identify.noMatch'));
    await check('identify, finger not recognised');

    await pickMemberIn(page, `${DESK} >>> kiosk-desk-identify`, '张伟');
    await waitForText(page, t('lendingDesk.member.heading', { name: '张伟' }));
    await check('member with an overdue loan', { highContrast: true });

    await clickByName(page, t('lendingDesk.member.lend'));
    await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> ul.entries button`, { visible: true });
    await check('lend: scan or choose');
    await clickByName(page, `手持电子助视器 · ${t('lendingDesk.lend.free', { count: 3 })}`);
    await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> ul.pick button`, { visible: true });
    await check('lend: available items of an entry');
    await (await page.$(`${DESK} >>> kiosk-desk-lend >>> ul.pick button`))!.click();
    await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> [data-refusals]`, { visible: true });
    await check('lend: refused (category, overdue) with an override', { highContrast: true });
    await clickByName(page, t('lendingDesk.lend.toAcknowledge'));
    await waitForText(page, t('lendingDesk.check.unanswered', { checks: '' }).trim());
    await check('lend: checks not answered');
    await clickByName(page, t('lendingDesk.back'));

    await clickByName(page, t('lendingDesk.member.renewOf', { item: '手动轮椅', tag: 'DEV-0002' }));
    await page.waitForSelector(`${DESK} >>> kiosk-desk-renew >>> input[name="renew-due-on"]`, { visible: true });
    await check('renew');
    await clickByName(page, t('lendingDesk.back'));
    await clickByName(page, t('lendingDesk.member.lostOf', { item: '手动轮椅', tag: 'DEV-0002' }));
    await clickByName(page, t('lendingDesk.lost.confirm'));
    await waitForText(page, t('lendingDesk.lost.noteNeeded'));
    await check('lost: note missing', { dialog: true, highContrast: true });
    await pressKey(page, 'Escape');
    await clickByName(page, t('lendingDesk.member.returnOf', { item: '手动轮椅', tag: 'DEV-0002' }));
    await page.waitForSelector(`${DESK} >>> kiosk-desk-return >>> textarea`, { visible: true });
    await check('return: checks, condition, damage');
  });

  it('recording an assessment: from the member’s view (dates refused), and where the check asks for one', async () => {
    await inLending();
    await pickMemberIn(page, `${DESK} >>> kiosk-desk-identify`, '陈静');
    await waitForText(page, t('lendingDesk.member.heading', { name: '陈静' }));
    await clickByName(page, t('lendingDesk.member.assess'));
    const form = `${DESK} >>> kiosk-desk-member >>> kiosk-assessment-form`;
    await page.waitForSelector(`${form} >>> button[name="assess-entry"]`, { visible: true });
    await check('assessment form', { highContrast: true });
    await clickByName(page, '电动轮椅');
    await page.$eval(`${form} >>> input[name="valid-until"]`, (el) => {
      (el as HTMLInputElement).value = '2000-01-01';
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    });
    await clickByName(page, t('lendingDesk.assess.save'));
    await waitForText(page, t('lendingDesk.assess.badDates'));
    await check('assessment form: dates refused');
    await clickByName(page, t('lendingDesk.assess.close'));

    await clickByName(page, t('lendingDesk.member.lend'));
    const tag = await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> input[name="tag"]`, { visible: true });
    await tag!.type('DEV-0017');
    await tag!.press('Enter');
    await waitForText(page, t('lendingDesk.refusal.assessment_required'));
    await check('lend: an assessment is needed', { highContrast: true });
    await clickByName(page, t('lendingDesk.lend.assessFor', { entry: '耳背式助听器' }));
    await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> kiosk-assessment-form >>> button[aria-pressed="true"]`, { visible: true });
    await check('lend: the assessment form for the refused entry');
  });

  it('cleaning, the overdue call list, reservations with the waiting list and a cancel dialog', async () => {
    await inLending();
    await clickByName(page, t('lendingDesk.nav.cleaning'));
    await page.waitForSelector(`${DESK} >>> kiosk-desk-cleaning >>> ul.rows button`, { visible: true });
    await check('cleaning: waiting list');
    await (await page.$(`${DESK} >>> kiosk-desk-cleaning >>> ul.rows button`))!.click();
    await clickByName(page, t('lendingDesk.cleaning.available'));
    await page.waitForSelector(`${DESK} >>> kiosk-desk-cleaning >>> .error`, { visible: true });
    await check('cleaning: steps, one not done', { highContrast: true });

    await clickByName(page, t('lending.part.overdue'));
    await page.waitForSelector('kiosk-app >>> kiosk-lending-overdue >>> [data-overdue]', { visible: true });
    await check('overdue call list', { highContrast: true });

    await clickByName(page, t('lending.part.reservations'));
    await page.waitForSelector('kiosk-app >>> kiosk-lending-reservations >>> ul.entries button', { visible: true });
    await check('reservations, no entry chosen');
    await clickByName(page, '康复踏步器');
    await page.waitForSelector('kiosk-app >>> kiosk-reservation-form >>> select', { visible: true });
    await check('reservations: form and waiting list');
  });
});

describe('reservations: the cancel dialog', () => {
  it('passes axe with the reason missing', async () => {
    const walker = (await staff.call<{ entries: { id: string; name: string }[] }>('GET', `${LENDING}/catalogue`)).entries.find((e) => e.name === '助行器')!;
    await staff.call('POST', `${LENDING}/reservations`, { memberId: 'mem_demo_08', catalogueId: walker.id, from: centreDay(30, 'Etc/GMT-14'), to: centreDay(35, 'Etc/GMT-14') });
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page);
    await openLending(h, page);
    await clickByName(page, '预约');
    await clickByName(page, '取消 黄志强 的 助行器 预约');
    await clickByName(page, '确认取消');
    await waitForText(page, '请写原因');
    await checkStaffScreen(page, 'reservation cancel dialog', { dialog: true });
  });
});

/** Runs `check` with the kiosk's large-text mode on (kept on while it runs, as a member's profile would). */
async function withLargeText(tag: string, check: () => Promise<void>): Promise<void> {
  await page.evaluate((screen: string) => {
    const app = document.querySelector('kiosk-app')!;
    const keep = new MutationObserver(() => app.hasAttribute('large-text') || app.setAttribute('large-text', ''));
    keep.observe(app, { attributes: true, attributeFilter: ['large-text'] });
    (window as unknown as { __keepLargeText: MutationObserver }).__keepLargeText = keep;
    app.setAttribute('large-text', '');
    // as on arrival at the screen: it is scrolled into view whole
    const desk = app.shadowRoot!.querySelector('kiosk-staff-mode')!.shadowRoot!.querySelector('kiosk-staff-lending')!.shadowRoot!
      .querySelector('kiosk-lending-desk')!.shadowRoot!.querySelector(screen)!;
    requestAnimationFrame(() => desk.scrollIntoView({ block: 'start' }));
  }, tag);
  try {
    await settle(page);
    await check();
  } finally {
    await page.evaluate(() => {
      (window as unknown as { __keepLargeText: MutationObserver }).__keepLargeText.disconnect();
      document.querySelector('kiosk-app')!.removeAttribute('large-text');
    });
    await settle(page);
  }
}

/** A member-facing screen of the desk (`tag`) at the member floor. */
async function expectMemberFloor(tag: string, state: string, lang: Lang): Promise<void> {
  await settle(page);
  await expectNoAxeViolations(page, state);
  const report = within(await layoutReport(page), tag);
  expect.soft(report.interactive.length, `${state}: controls measured`).toBeGreaterThan(0);
  expect.soft(targetProblems(report, 'member'), `${state}: member target floors`).toEqual([]);
  expect.soft(report.interactive.filter((i) => i.primary).length, `${state}: a primary action`).toBeGreaterThan(0);
  expect.soft(smallTextProblems(report), `${state}: text ≥ 24 px`).toEqual([]);
  expect.soft(choiceProblems(report, lang), `${state}: a pictogram and few words per choice`).toEqual([]);
  expect.soft(reflowProblems(report), `${state}: clipped or overlapping text`).toEqual([]);
}

describe.each<Lang>(['zh-CN', 'en'])('the member’s acknowledgement and summary at the member floor (%s)', (lang) => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(lang, key, params);

  const memberFloor = (tag: string, state: string) => expectMemberFloor(tag, state, lang);

  it('shows and says what is lent and until when, offers finger or staff witness, then the summary; by keyboard alone', async () => {
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page, lang);
    await openLending(h, page, t('mode.lending'), t('staff.manage'));
    await pickMemberIn(page, `${DESK} >>> kiosk-desk-identify`, '黄志强');
    await clickByName(page, t('lendingDesk.member.lend'));
    const tag = await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> input[name="tag"]`, { visible: true });
    await tag!.type(lang === 'zh-CN' ? 'DEV-0015' : 'DEV-0023');
    await tag!.press('Enter');
    await waitForText(page, t('lendingDesk.lend.eligible'));
    await answerChecks(page, `${DESK} >>> kiosk-desk-lend`);
    const from = (await speechLog(page)).length;
    await clickByName(page, t('lendingDesk.lend.toAcknowledge'));
    const item = lang === 'zh-CN' ? '坐便椅' : '康复踏步器';
    await expectSpokenAndShown(page, { from, spoken: t('lendingDesk.ack.spoken', { item }).trim(), shown: [item, t('lendingDesk.ack.finger')], lang });
    await memberFloor('kiosk-desk-acknowledge', `acknowledgement (${lang})`);
    await checkHighContrast(page, `acknowledgement (${lang})`);
    await withLargeText('kiosk-desk-acknowledge', () => memberFloor('kiosk-desk-acknowledge', `acknowledgement, large text (${lang})`));
    // keyboard alone: the focus starts on the finger; the repeat button says it again; back to the staff witness
    expect((await focusedElement(page)).text).toContain(t('lendingDesk.ack.finger'));
    const before = (await speechLog(page)).length;
    await pressKey(page, 'Tab');
    await pressKey(page, 'Tab');
    expect((await focusedElement(page)).text).toContain(t('frame.repeat'));
    await pressKey(page, 'Enter');
    await page.waitForFunction((n: number) => ((window as unknown as { __kioskSpeechLog?: unknown[] }).__kioskSpeechLog ?? []).length > n, {}, before);
    await page.keyboard.down('Shift');
    await pressKey(page, 'Tab');
    await page.keyboard.up('Shift');
    await expectVisibleFocus(page, 'witness choice');
    expect((await focusedElement(page)).text).toContain(t('lendingDesk.ack.witness'));
    await pressKey(page, 'Enter');
    await memberFloor('kiosk-desk-acknowledge', `acknowledgement, who witnessed (${lang})`);
    expect((await focusedElement(page)).text).toContain(t('lendingDesk.ack.self'));
    const spokenFrom = (await speechLog(page)).length;
    await pressKey(page, 'Enter');

    await expectSpokenAndShown(page, { from: spokenFrom, spoken: t('lendingDesk.summary.item', { name: '黄志强', item }), shown: '0571-88886666', lang });
    await memberFloor('kiosk-desk-summary', `summary (${lang})`);
    await checkHighContrast(page, `summary (${lang})`);
    await withLargeText('kiosk-desk-summary', () => memberFloor('kiosk-desk-summary', `summary, large text (${lang})`));
    await page.setViewport({ width: 640, height: 400 });
    await settle(page);
    expect.soft(reflowProblems(within(await layoutReport(page), 'kiosk-desk-summary')), `summary at 200 % (${lang})`).toEqual([]);
    await page.setViewport(VIEWPORT_LANDSCAPE);
    expect((await focusedElement(page)).text).toContain(t('lendingDesk.summary.done'));
    await pressKey(page, 'Enter');
    await waitForText(page, t('lendingDesk.member.heading', { name: '黄志强' }));
  });
});

describe('keyboard alone at the desk', () => {
  /** The focused element's `name` attribute and text. */
  const focused = () => page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { name: el?.getAttribute('name') ?? '', text: (el?.textContent ?? '').trim(), tag: el?.tagName.toLowerCase() ?? '' };
  });

  it('finds the member, scans the tag, answers every check and lends with Tab, Space and Enter; the focus is always visible', async () => {
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page);
    await openLending(h, page);
    await page.focus(`${DESK} >>> kiosk-desk-identify >>> kiosk-member-picker >>> input[type=search]`);
    await page.keyboard.type('吴桂兰');
    await page.waitForSelector(`${DESK} >>> kiosk-desk-identify >>> kiosk-member-picker >>> ul button ::-p-text(吴桂兰)`, { visible: true });
    await pressKey(page, 'Tab');
    await expectVisibleFocus(page, 'member found');
    await pressKey(page, 'Enter');
    await waitForText(page, '吴桂兰 的借用');
    expect((await focused()).text).toBe('借出辅具');
    await pressKey(page, 'Enter');
    await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> input[name="tag"]`, { visible: true });
    expect((await focused()).name).toBe('tag');
    await page.keyboard.type('DEV-0020');
    await pressKey(page, 'Enter');
    await waitForText(page, '这种辅具只借给 视力残疾 的成员');
    expect((await focused()).name).toBe('override-reason');
    await page.keyboard.type('白内障术后，医生建议');
    for (let i = 0; i < 40; i++) {
      await pressKey(page, 'Tab');
      const f = await focused();
      if (f.name.startsWith('check-')) await pressKey(page, 'Space');
      if (f.tag === 'button' && f.text === '请成员确认') break;
    }
    await expectVisibleFocus(page, 'to the acknowledgement');
    await pressKey(page, 'Enter');
    await waitForText(page, '吴桂兰，请确认借用');
    await pressKey(page, 'Tab');
    expect((await focused()).text).toContain('工作人员见证');
    await pressKey(page, 'Enter');
    expect((await focused()).text).toContain('本人确认');
    await pressKey(page, 'Enter');
    await waitForText(page, '吴桂兰借了手持电子助视器');
    expect((await focused()).text).toContain('好的');
    await pressKey(page, 'Enter');
    await waitForText(page, '已借出 手持电子助视器 DEV-0020');
    const loan = (await staff.call<{ open: { tagCode: string; override: { reason: string } | null }[] }>('GET', `${LENDING}/members/mem_demo_10`)).open
      .find((l) => l.tagCode === 'DEV-0020');
    expect(loan?.override?.reason).toBe('白内障术后，医生建议');
  });
});

describe('the borrower’s own profile on their acknowledgement and summary', () => {
  const attributes = () => page.evaluate(() => ['large-text', 'high-contrast', 'easy-read'].filter((a) => document.querySelector('kiosk-app')!.hasAttribute(a)));

  async function toAcknowledge(name: string, tag: string): Promise<void> {
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page);
    await openLending(h, page);
    await pickMemberIn(page, `${DESK} >>> kiosk-desk-identify`, name);
    await waitForText(page, `${name} 的借用`);
    await clickByName(page, '借出辅具');
    const input = await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> input[name="tag"]`, { visible: true });
    await input!.type(tag);
    await input!.press('Enter');
    await waitForText(page, '可以借');
    await answerChecks(page, `${DESK} >>> kiosk-desk-lend`);
    expect(await attributes(), 'the staff view’s own profile while staff fill in the loan').toEqual([]);
    await clickByName(page, '请成员确认');
    await waitForText(page, `${name}，请确认借用`);
  }

  it('李秀英 (large text): her acknowledgement and summary in large text at the member floor, reflowing at 200 %; the staff view is back after', async () => {
    await toAcknowledge('李秀英', 'DEV-0021');
    expect(await attributes()).toEqual(['large-text']);
    await expectMemberFloor('kiosk-desk-acknowledge', 'acknowledgement, 李秀英’s large text', 'zh-CN');
    await page.setViewport({ width: 640, height: 400 });
    await settle(page);
    expect.soft(reflowProblems(within(await layoutReport(page), 'kiosk-desk-acknowledge')), 'acknowledgement at 200 %, large text').toEqual([]);
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await clickByName(page, '工作人员见证');
    await clickByName(page, '本人确认');
    await waitForText(page, '李秀英借了手持电子助视器');
    expect(await attributes()).toEqual(['large-text']);
    await expectMemberFloor('kiosk-desk-summary', 'summary, 李秀英’s large text', 'zh-CN');
    await clickByName(page, '好的');
    await waitForText(page, '已借出 手持电子助视器 DEV-0021');
    expect(await attributes()).toEqual([]);
  });

  it('王建国 (high contrast): his acknowledgement in high contrast passes axe and 7:1; going back to the loan form puts the staff view back', async () => {
    await toAcknowledge('王建国', 'DEV-0019');
    expect(await attributes()).toEqual(['high-contrast']);
    await settle(page);
    await expectNoAxeViolations(page, 'acknowledgement, 王建国’s high contrast');
    expect.soft(contrastProblems(await layoutReport(page)), 'text contrast ≥ 7:1, high contrast').toEqual([]);
    await pressKey(page, 'Escape');
    await page.waitForSelector(`${DESK} >>> kiosk-desk-lend >>> input[name="due-on"]`, { visible: true });
    expect(await attributes()).toEqual([]);
  });
});
