/**
 * The assisted employment and rehabilitation views of staff mode against the bar: axe (target-size
 * on) and 7:1 text contrast in every view and state, in zh-CN and en and in high contrast; staff
 * target floors (≥ 44 px, 8 px apart) and reflow at 1280×800 and at 640×400 (200 % zoom); a form
 * filled and saved by keyboard alone with a visible focus.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { VIEWPORT_LANDSCAPE, clickByName, enterStaffMode, startKiosk, waitForText, type KioskHarness } from '../harness.js';
import { checkHighContrast, expectNoAxeViolations, freshIdle, pressKey, printServerLogOnFailure, settle, STAFF_SCREEN_CONFIGS } from './a11y-support.js';
import { expectVisibleFocus } from './focus.js';
import { layoutReport, reflowProblems, targetProblems } from './layout-report.js';

let h: KioskHarness;
let page: Page;

beforeAll(async () => {
  h = await startKiosk();
  page = await h.openPage();
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

describe.each(STAFF_SCREEN_CONFIGS)('employment and rehab views ($label)', ({ lang, viewport, label }) => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(lang as Lang, key, params);

  async function check(state: string, highContrast = false): Promise<void> {
    await settle(page);
    const where = `${state} (${label})`;
    await expectNoAxeViolations(page, where);
    const report = await layoutReport(page);
    expect.soft(targetProblems(report, 'staff'), `${where}: target floors`).toEqual([]);
    expect.soft(reflowProblems(report), `${where}: clipped or overlapping text`).toEqual([]);
    if (highContrast && lang === 'zh-CN' && viewport === VIEWPORT_LANDSCAPE) await checkHighContrast(page, where);
  }

  async function inStaffMode(view: MessageKey): Promise<void> {
    await page.setViewport(viewport);
    await freshIdle(h, page, lang);
    await enterStaffMode(h, page, t('staff.manage'));
    await clickByName(page, t(view));
  }

  async function pickMember(host: string, name: string, buttonName = name): Promise<void> {
    await page.type(`kiosk-app >>> ${host} >>> kiosk-member-picker >>> input[type=search]`, name);
    await clickByName(page, buttonName);
  }

  it('log work: empty, member and task chosen with the pay shown, no rate on the day', async () => {
    await inStaffMode('mode.employment');
    await page.waitForSelector('kiosk-app >>> kiosk-member-picker >>> ul button', { visible: true });
    await check('log work, empty', true);
    await pickMember('kiosk-employment-log', '张伟');
    await clickByName(page, `手工串珠 · ${t('employment.rule.perPiece', { yuan: '0.15' })}`);
    await page.type('kiosk-app >>> kiosk-employment-log >>> [name="minutes"]', '30');
    await waitForText(page, t('employment.log.willPay', { yuan: '0.00' }));
    await check('log work, pay shown');
    await page.$eval('kiosk-app >>> kiosk-employment-log >>> [name="date"]', (el) => {
      (el as HTMLInputElement).value = '2000-01-01';
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    });
    await waitForText(page, t('employment.error.no_pay_rule'));
    await check('log work, no rate that day');
  });

  it("the day's logs, voiding one, tasks and rates, the pay sheet", async () => {
    await inStaffMode('mode.employment');
    await clickByName(page, t('employment.part.day'));
    await page.waitForSelector('kiosk-app >>> kiosk-employment-day >>> ul.rows', { visible: true });
    await check("day's logs");
    const voids = await page.$$('kiosk-app >>> kiosk-employment-day >>> ul.rows button');
    await voids[0]!.click();
    await page.waitForSelector('kiosk-app >>> kiosk-employment-day >>> [name="void-reason"]', { visible: true });
    await clickByName(page, t('employment.day.confirmVoid'));
    await waitForText(page, t('employment.day.needReason'));
    await check("day's logs, void reason missing", true);

    await clickByName(page, t('employment.part.tasks'));
    await page.waitForSelector('kiosk-app >>> kiosk-employment-tasks >>> ul.rows', { visible: true });
    await check('tasks and rates');
    await clickByName(page, t('employment.tasks.newRule', { task: '包装' }));
    await clickByName(page, t('employment.tasks.ruleSave'));
    await waitForText(page, t('employment.tasks.badRate'));
    await check('tasks, new rate form with an error');

    await clickByName(page, t('employment.part.sheet'));
    await page.waitForSelector('kiosk-app >>> kiosk-employment-sheet >>> table', { visible: true });
    await check('pay sheet', true);
  });

  it('rehabilitation: member choice, the demo plan with notes and progress, the plan editor', async () => {
    await inStaffMode('mode.rehab');
    await page.waitForSelector('kiosk-app >>> kiosk-member-picker >>> ul button', { visible: true });
    await check('rehab member choice');
    await pickMember('kiosk-staff-rehab', '刘小明', `刘小明 ${t('employment.rehab.hasPlan', { version: 1 })}`);
    await page.waitForSelector('kiosk-app >>> kiosk-rehab-progress >>> table', { visible: true });
    await check('rehab plan, notes and progress', true);
    await clickByName(page, t('employment.rehab.review'));
    await page.waitForSelector('kiosk-app >>> kiosk-rehab-plan-editor >>> [name="goal-text"]', { visible: true });
    await check('rehab plan editor');
  });
});

describe('keyboard alone', () => {
  it('fills in and saves a rehabilitation note with Tab, arrows and Enter; the focus is always visible', async () => {
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page);
    await enterStaffMode(h, page);
    await clickByName(page, '康复计划');
    await page.type('kiosk-app >>> kiosk-staff-rehab >>> kiosk-member-picker >>> input[type=search]', '刘小明');
    await clickByName(page, '刘小明 计划第 1 版');
    const note = await page.waitForSelector('kiosk-app >>> kiosk-rehab-note-form >>> [name="note"]', { visible: true });
    await note!.focus();
    await page.keyboard.type('用键盘写的记录。');
    await expectVisibleFocus(page, 'note field');
    await pressKey(page, 'Tab'); // the first goal's rating 1
    await pressKey(page, 'ArrowRight'); // rating 2
    await pressKey(page, 'ArrowRight'); // rating 3
    await expectVisibleFocus(page, 'rating');
    // on to the save button
    for (let i = 0; i < 10; i++) {
      const name = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.textContent?.trim() ?? '';
      });
      if (name === '保存记录') break;
      await pressKey(page, 'Tab');
    }
    await expectVisibleFocus(page, 'save button');
    await pressKey(page, 'Enter');
    await waitForText(page, '已保存 刘小明 的康复记录');
    await waitForText(page, '用键盘写的记录。');
  });
});
