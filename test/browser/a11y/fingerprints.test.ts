/**
 * The fingerprint screens of staff mode against the bar: axe (target-size on) and 7:1 text contrast on
 * every screen and state, in zh-CN and en, in high contrast; staff target floors and reflow at
 * 1280×800 and at 640×400 (the same page at 200 % zoom); what the member must hear is spoken and shown
 * in the page's language; and the whole flow by keyboard alone, focus on each new step's heading.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finger } from '../../../edge-server/src/api-types.js';
import { translate, type Lang, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import {
  LI_XIUYING,
  QIAN,
  ZHANG_WEI_SLOT,
  ZHENG,
  biometrics,
  clickText,
  enrolThroughApi,
  openMember,
  stopAnyEnrolment,
  withoutConsent,
} from '../fingerprint-support.js';
import {
  VIEWPORT_LANDSCAPE,
  clickByName,
  enterStaffMode,
  speechLog,
  startKiosk,
  waitForText,
  type KioskHarness,
} from '../harness.js';
import {
  StaffApi,
  checkHighContrast,
  expectNoAxeViolations,
  expectSpokenAndShown,
  freshIdle,
  printServerLogOnFailure,
  pressKey,
  setReaderPlugged,
  settle,
  STAFF_SCREEN_CONFIGS,
} from './a11y-support.js';
import { expectVisibleFocus, focusInfo, moveFocusTo } from './focus.js';
import { layoutReport, reflowProblems, targetProblems } from './layout-report.js';

let h: KioskHarness;
let page: Page;
let staff: StaffApi;

beforeAll(async () => {
  h = await startKiosk();
  page = await h.openPage();
  staff = new StaffApi(h.server);
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);


describe.each(STAFF_SCREEN_CONFIGS)('fingerprint screens ($label)', ({ lang, viewport, label }) => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(lang as Lang, key, params);
  const finger = (f: Finger): string => t(`finger.${f}`);

  /** axe and contrast; the staff target floors and reflow unless a dialog covers the page. */
  async function check(state: string, opts: { dialog?: boolean; highContrast?: boolean } = {}): Promise<void> {
    await settle(page);
    const where = `${state} (${label})`;
    await expectNoAxeViolations(page, where);
    if (!opts.dialog) {
      const report = await layoutReport(page);
      expect.soft(targetProblems(report, 'staff'), `${where}: target floors`).toEqual([]);
      expect.soft(reflowProblems(report), `${where}: clipped or overlapping text`).toEqual([]);
    }
    if (opts.highContrast && lang === 'zh-CN' && viewport === VIEWPORT_LANDSCAPE) await checkHighContrast(page, where);
  }

  async function onFingerprints(): Promise<void> {
    await stopAnyEnrolment(staff);
    await page.setViewport(viewport);
    await freshIdle(h, page, lang);
    await enterStaffMode(h, page, t('staff.manage'));
  }

  async function open(name: string): Promise<void> {
    await openMember(page, name, t('mode.fingerprints'), t('fp.statusHeading', { name }));
  }

  async function pressAndWait(slot: number | null, next: string, quality?: 'few_features'): Promise<void> {
    await h.touchFinger(slot, quality);
    await waitForText(page, next);
  }

  it('member choice, no consent, the consent explanation and its errors, the status, and its two dialogs', async () => {
    await withoutConsent(staff, QIAN.id);
    await onFingerprints();
    await clickByName(page, t('mode.fingerprints'));
    await page.waitForSelector('kiosk-app >>> kiosk-member-picker >>> ul button', { visible: true });
    await check('member choice');
    await open(QIAN.name);
    await waitForText(page, t('fp.noConsent', { name: QIAN.name }));
    await check('status, no consent');

    const from = (await speechLog(page)).length;
    await clickByName(page, t('fp.askConsent'));
    await expectSpokenAndShown(page, { from, spoken: t('consent.p2'), shown: [t('consent.p1', { name: QIAN.name }), t('consent.p6')], lang });
    await check('consent explanation', { highContrast: true });
    await clickByName(page, t('consent.confirm'));
    await waitForText(page, t('fp.needWho'));
    await check('consent, nobody chosen');
    await clickByName(page, t('consent.byGuardian'));
    await clickByName(page, t('consent.confirm'));
    await waitForText(page, t('fp.needGuardianName'));
    await check('consent, guardian without a name');
    const name = await page.waitForSelector(`::-p-aria(${JSON.stringify(t('fp.guardianName'))})`, { visible: true });
    await name!.type(ZHENG.guardian);
    await name!.dispose();
    await clickByName(page, t('consent.confirm'));
    await waitForText(page, t('consent.recorded'));
    await check('finger choice, right after consent');
    await clickByName(page, t('frame.back'));
    await waitForText(page, t('fp.consentByGuardian', { guardian: ZHENG.guardian }));
    await check('status, consent, no finger yet');

    await enrolThroughApi(h, staff, QIAN.id, 'right_thumb');
    await clickByName(page, t('fp.otherMember'));
    await open(QIAN.name);
    const remove = t('fp.removeLabel', { finger: finger('right_thumb') });
    await page.waitForSelector(`::-p-aria(${JSON.stringify(remove)})`, { visible: true });
    await check('status, one finger');
    await clickByName(page, remove);
    await waitForText(page, t('fp.removeExplain'));
    await check('remove dialog', { dialog: true, highContrast: true });
    await clickByName(page, t('fp.cancel'));
    await clickByName(page, t('fp.withdraw'));
    await waitForText(page, t('fp.withdrawExplain', { name: QIAN.name }));
    await clickByName(page, t('fp.withdrawConfirm'));
    await waitForText(page, t('fp.needWho'));
    await check('withdraw dialog, nobody chosen', { dialog: true });
    await clickByName(page, t('fp.withdrawByGuardian'));
    await page.waitForSelector(`::-p-aria(${JSON.stringify(t('fp.guardianName'))})`, { visible: true });
    await check('withdraw dialog, guardian', { dialog: true });
    await clickByName(page, t('fp.cancel'));
  });

  it('finger choice, every step of the presses with advice, the test press, success, a duplicate, a cancel', async () => {
    await withoutConsent(staff, ZHENG.id);
    await staff.call('POST', `/api/staff/members/${ZHENG.id}/consent`, { by: 'guardian', guardianName: ZHENG.guardian });
    await onFingerprints();
    await open(ZHENG.name);
    await clickByName(page, t('fp.enrol'));
    await waitForText(page, t('enrol.chooseFinger', { name: ZHENG.name }));
    await check('finger choice');

    let from = (await speechLog(page)).length;
    await clickText(page, finger('right_index'));
    await waitForText(page, t('enrol.counter', { press: 1, presses: 3 }));
    await expectSpokenAndShown(page, { from, spoken: t('enrol.place'), shown: t('enrol.place'), lang });
    await check('first press', { highContrast: true });
    await pressAndWait(null, t('enrol.counter', { press: 2, presses: 3 }));
    from = (await speechLog(page)).length;
    await pressAndWait(null, t('problem.few_features'), 'few_features');
    await expectSpokenAndShown(page, { from, spoken: t('problem.few_features'), shown: [t('problem.few_features'), t('enrol.again')], lang });
    await check('press again, with advice for a dry finger', { highContrast: true });
    await pressAndWait(null, t('enrol.counter', { press: 3, presses: 3 }));
    from = (await speechLog(page)).length;
    await pressAndWait(null, t('enrol.testExplain'));
    await expectSpokenAndShown(page, { from, spoken: t('enrol.testHeading'), shown: t('enrol.testHeading'), lang });
    await check('test press');
    await pressAndWait(null, t('enrol.testNoMatch'));
    await check('test press, not recognised');
    const slot = (await biometrics(staff, ZHENG.id)).fingers.find((f) => f.finger === 'right_index')!.slot;
    from = (await speechLog(page)).length;
    await pressAndWait(slot, t('enrol.success', { finger: finger('right_index') }));
    await expectSpokenAndShown(page, { from, spoken: t('enrol.successTested'), shown: t('enrol.successTested'), lang });
    await waitForText(page, t('enrol.offerSecond', { finger: finger('left_index') }));
    await check('enrolled, second finger suggested', { highContrast: true });

    await clickByName(page, t('enrol.second'));
    await waitForText(page, t('enrol.alreadyEnrolled'));
    await check('finger choice, one finger enrolled');
    await clickText(page, finger('left_index'));
    await waitForText(page, t('enrol.counter', { press: 1, presses: 3 }));
    await pressAndWait(ZHANG_WEI_SLOT, t('enrol.counter', { press: 2, presses: 3 }));
    await pressAndWait(ZHANG_WEI_SLOT, t('enrol.counter', { press: 3, presses: 3 }));
    await pressAndWait(ZHANG_WEI_SLOT, t('failure.duplicate', { name: '张伟' }));
    await check('duplicate finger', { highContrast: true });
    await clickByName(page, t('enrol.otherFinger'));
    await clickText(page, finger('left_middle'));
    await waitForText(page, t('enrol.counter', { press: 1, presses: 3 }));
    await clickByName(page, t('enrol.cancel'));
    await waitForText(page, t('enrol.cancelled'));
    await check('cancelled');
  });

  it('with the reader unplugged, and a deletion waiting for it', async () => {
    if ((await biometrics(staff, LI_XIUYING.id)).fingers.length === 0) await enrolThroughApi(h, staff, LI_XIUYING.id, 'right_index');
    await onFingerprints();
    await setReaderPlugged(h, false);
    try {
      await open(LI_XIUYING.name);
      await waitForText(page, t('fp.readerDown'));
      expect(await page.$(`::-p-aria(${JSON.stringify(t('fp.enrol'))})`), 'no enrolment while the reader is away').toBeNull();
      await check('status, reader unplugged');
      await clickByName(page, t('fp.removeLabel', { finger: finger('right_index') }));
      await clickByName(page, t('fp.remove'));
      await waitForText(page, t('fp.pendingDeletions', { count: 1 }));
      await check('status, a deletion waiting for the reader');
    } finally {
      await setReaderPlugged(h, true);
    }
  });
});

describe('fingerprint screens by keyboard alone', () => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate('zh-CN', key, params);

  const press = (key: Parameters<Page['keyboard']['press']>[0]): Promise<void> => pressKey(page, key);

  /** The focus is on the heading `text` (each new step puts it there), with its ring drawn. */
  async function expectHeadingFocused(text: string): Promise<void> {
    await waitForText(page, text);
    await page.waitForFunction(
      (needle: string) => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.tagName === 'H2' && (el.textContent ?? '').includes(needle);
      },
      { timeout: 10_000 },
      text,
    );
    await expectVisibleFocus(page, `heading "${text}"`);
  }

  /** Move (Tab, or arrows) to the form field whose label says `text`. */
  async function moveToField(text: string, key: 'Tab' | 'ArrowLeft' = 'Tab'): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const label = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '').trim() : null;
      });
      if (label?.includes(text)) return void (await expectVisibleFocus(page, `field "${text}"`));
      await press(key);
    }
    throw new Error(`no field labelled "${text}" reached with ${key}; focus is on ${(await focusInfo(page))?.path}`);
  }

  /** From staff mode: the fingerprint screens, the search, 钱志刚's status — keys only. */
  async function openQianByKeys(): Promise<void> {
    await moveFocusTo(page, t('mode.fingerprints'), 'ArrowRight');
    await press('Enter');
    await expectHeadingFocused(t('fp.pickHeading'));
    await press('Tab');
    await page.keyboard.type(QIAN.name);
    await page.waitForSelector('kiosk-app >>> kiosk-member-picker >>> ul > li:only-child', { visible: true });
    await moveFocusTo(page, QIAN.name, 'Tab');
    await press('Enter');
    await expectHeadingFocused(t('fp.statusHeading', { name: QIAN.name }));
  }

  async function pressFinger(counter: number | null, slot: number | null = null): Promise<void> {
    await h.touchFinger(slot);
    if (counter) await waitForText(page, t('enrol.counter', { press: counter, presses: 3 }));
  }

  beforeAll(async () => {
    await stopAnyEnrolment(staff);
    await withoutConsent(staff, QIAN.id);
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page);
    await enterStaffMode(h, page);
  });

  it('consents, enrols, skips the test, removes the finger and withdraws consent with keys only', async () => {
    await openQianByKeys();

    await moveFocusTo(page, t('fp.askConsent'), 'ArrowDown');
    await press('Enter');
    await expectHeadingFocused(t('consent.heading', { name: QIAN.name }));
    await moveToField(t('consent.bySelf'));
    await press('Space');
    // on a radio button the arrows choose among the radio buttons; Tab leaves the group
    await moveFocusTo(page, t('consent.confirm'), 'Tab');
    await press('Enter');
    await expectHeadingFocused(t('enrol.chooseFinger', { name: QIAN.name }));

    await moveFocusTo(page, t('finger.right_index'), 'ArrowDown');
    await press('Enter');
    await expectHeadingFocused(t('enrol.heading', { finger: t('finger.right_index') }));
    await pressFinger(2);
    await pressFinger(3);
    await pressFinger(null);
    await expectHeadingFocused(t('enrol.testTitle', { finger: t('finger.right_index') }));
    // Escape in the test step skips the test; the finger stays enrolled
    await press('Escape');
    await expectHeadingFocused(t('enrol.success', { finger: t('finger.right_index') }));
    await moveFocusTo(page, t('enrol.finish'), 'ArrowDown');
    await press('Enter');
    await expectHeadingFocused(t('fp.statusHeading', { name: QIAN.name }));

    const remove = t('fp.removeLabel', { finger: t('finger.right_index') });
    await moveFocusTo(page, remove, 'ArrowDown');
    await press('Enter');
    // the dialog starts on Cancel; Escape closes it and nothing is removed
    expect((await expectVisibleFocus(page, 'remove dialog')).text).toContain(t('fp.cancel'));
    await press('Escape');
    expect(await page.$('kiosk-app >>> dialog[open]')).toBeNull();
    await waitForText(page, t('fp.statusHeading', { name: QIAN.name }));
    expect((await biometrics(staff, QIAN.id)).fingers).toHaveLength(1);
    await moveFocusTo(page, remove, 'ArrowDown');
    await press('Enter');
    // arrows stay inside the dialog
    await moveFocusTo(page, t('fp.remove'), 'ArrowRight', 3);
    await press('Enter');
    await waitForText(page, t('fp.removed', { finger: t('finger.right_index') }));
    await expectHeadingFocused(t('fp.statusHeading', { name: QIAN.name }));

    await moveFocusTo(page, t('fp.withdraw'), 'ArrowDown');
    await press('Enter');
    // focus starts on Cancel: back to the choice (on a radio button the arrows choose, as usual)
    await moveToField(t('fp.withdrawBySelf'), 'ArrowLeft');
    await press('Space');
    await moveFocusTo(page, t('fp.withdrawConfirm'), 'Tab');
    await press('Enter');
    await waitForText(page, t('fp.withdrawn', { name: QIAN.name }));
    await expectHeadingFocused(t('fp.statusHeading', { name: QIAN.name }));
    expect((await biometrics(staff, QIAN.id)).consent).toBeNull();

    // Escape goes back a step at a time: member choice, then today's list
    await press('Escape');
    await expectHeadingFocused(t('fp.pickHeading'));
    await press('Escape');
    await waitForText(page, t('mode.present'));
  });

  it('cancels the presses with Escape: nothing is stored', async () => {
    await staff.call('POST', `/api/staff/members/${QIAN.id}/consent`, { by: 'self' });
    await openQianByKeys();
    await moveFocusTo(page, t('fp.enrol'), 'ArrowDown');
    await press('Enter');
    await moveFocusTo(page, t('finger.left_index'), 'ArrowDown');
    await press('Enter');
    await pressFinger(2);
    await press('Escape');
    await expectHeadingFocused(t('enrol.cancelled'));
    expect((await biometrics(staff, QIAN.id)).fingers).toEqual([]);
  });
});
