/**
 * The emergency banner and the staff alert console against the bar: axe (target-size on) and 7:1 text
 * contrast in zh-CN and en and in high contrast; member floors on the banner (64 px targets, a 96 px
 * primary, 24 px text, a pictogram and ≤ 8 characters per choice) and staff floors on the console, at
 * 1280×800, 800×1280 and reflowing at 640×400 (200 % zoom); the banner spoken as it is shown, in the
 * page's language, and never moving or flashing (WCAG 2.3.1); and the whole path from the banner to an
 * acknowledged and resolved emergency by keyboard alone.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import {
  alertConsole,
  openAlertsView,
  pressEmergency,
  pressOnCard,
  raiseWhileStopped,
  resolveAll,
  waitForBanner,
} from '../alerts-support.js';
import {
  DEMO_STAFF,
  VIEWPORT_LANDSCAPE,
  VIEWPORT_PORTRAIT,
  clickByName,
  enterStaffMode,
  speechLog,
  startKiosk,
  typeStaffPin,
  waitForScreen,
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
  settle,
  VIEWPORT_ZOOM_200,
} from './a11y-support.js';
import { expectVisibleFocus, moveFocusTo } from './focus.js';
import {
  choiceProblems,
  layoutReport,
  reflowProblems,
  smallTextProblems,
  targetProblems,
} from './layout-report.js';

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

const LIU = { id: 'mem_demo_04', name: '刘小明', guardian: '刘建华 13812345678' } as const;

const CONFIGS = [
  { lang: 'zh-CN', viewport: VIEWPORT_LANDSCAPE, label: 'zh-CN, 1280×800' },
  { lang: 'en', viewport: VIEWPORT_LANDSCAPE, label: 'en, 1280×800' },
  { lang: 'zh-CN', viewport: VIEWPORT_PORTRAIT, label: 'zh-CN, 800×1280' },
  { lang: 'zh-CN', viewport: VIEWPORT_ZOOM_200, label: 'zh-CN, 200 % zoom' },
] as const;

describe.each(CONFIGS)('alerts ($label)', ({ lang, viewport, label }) => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(lang as Lang, key, params);
  const zoomed = viewport === VIEWPORT_ZOOM_200;

  /** axe and 7:1 everywhere; the floors of `kind` (at 200 % zoom only reflow: member screens may scroll there). */
  async function check(state: string, kind: 'member' | 'staff', opts: { dialog?: boolean; highContrast?: boolean } = {}): Promise<void> {
    await settle(page);
    const where = `${state} (${label})`;
    await expectNoAxeViolations(page, where);
    if (opts.dialog) return;
    const report = await layoutReport(page);
    expect.soft(reflowProblems(report), `${where}: clipped or overlapping text`).toEqual([]);
    if (!zoomed || kind === 'staff') expect.soft(targetProblems(report, kind), `${where}: target floors`).toEqual([]);
    if (kind === 'member' && !zoomed) {
      expect.soft(smallTextProblems(report), `${where}: body text ≥ 24 px`).toEqual([]);
      expect.soft(choiceProblems(report, lang as Lang), `${where}: each choice has a pictogram and few words`).toEqual([]);
      expect.soft(report.interactive.filter((i) => i.primary).length, `${where}: a primary action`).toBeGreaterThan(0);
    }
    if (opts.highContrast && lang === 'zh-CN' && viewport === VIEWPORT_LANDSCAPE) await checkHighContrast(page, where);
  }

  it('the emergency banner over the idle screen, its card number field, and the strip over the PIN and staff mode', async () => {
    await resolveAll(staff);
    await page.setViewport(viewport);
    await freshIdle(h, page, lang);
    const from = (await speechLog(page)).length;
    await pressEmergency(h);
    await waitForBanner(page, 'full');
    await expectSpokenAndShown(page, {
      from,
      spoken: t('emergency.spoken'),
      shown: [t('emergency.heading'), t('emergency.calm'), t('emergency.staffWhat')],
      lang: lang as Lang,
    });
    await expectVisibleFocus(page, 'the banner takes the focus');
    expect(await animationsIn(page, 'kiosk-emergency-banner'), 'the banner never moves or flashes').toEqual([]);
    await check('emergency banner', 'member', { highContrast: true });

    await clickByName(page, t('emergency.staffAck'));
    await waitForText(page, t('emergency.identify'));
    await check('emergency banner, card number field', 'member');

    await h.touchFinger(DEMO_STAFF.slot);
    await waitForScreen(page, 'pin');
    await waitForBanner(page, 'strip');
    await waitForText(page, t('emergency.stripPin'));
    await check('PIN under the emergency strip', 'staff', { highContrast: true });
    await typeStaffPin(page);
    await waitForText(page, t('emergency.stripStaff'));
    await page.waitForSelector('kiosk-app >>> kiosk-staff-alerts >>> kiosk-alert-card', { visible: true });
    await check('alert console under the emergency strip', 'staff');
    await clickByName(page, t('mode.signOut'));
    await waitForScreen(page, 'idle');
    await waitForBanner(page, 'full');
  });

  it('the console: open alerts of every kind, the history, and the acknowledge, resolve and leave dialogs with their errors', async () => {
    await resolveAll(staff);
    await page.setViewport(viewport);
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await raiseWhileStopped(h, 'no_show', { date, members: [{ memberId: LIU.id, name: LIU.name, guardianContact: LIU.guardian }] });
    await h.server.api('POST', '/api/help', { memberId: LIU.id });
    // an emergency acknowledged with a note, and one resolved (the history)
    await pressEmergency(h);
    const emergency = (await alertConsole(staff)).open.find((a) => a.kind === 'emergency_call')!;
    await staff.call('POST', `/api/staff/alerts/${emergency.id}/acknowledge`, { note: 'a11y: on the way' });
    await h.server.api('POST', '/api/help', { memberId: null });
    const help = (await alertConsole(staff)).open.find((a) => a.kind === 'help_requested' && !a.detail['memberId'])!;
    await staff.call('POST', `/api/staff/alerts/${help.id}/resolve`, { note: 'a11y: done' });
    // a chattering door line: a device fault
    for (let i = 0; i < 30; i++) await h.server.api('POST', '/api/sim/gpio/door', { value: i % 2 === 0 ? 1 : 0 });

    await freshIdle(h, page, lang);
    await enterStaffMode(h, page, t('staff.manage'));
    await waitForText(page, t('alerts.badge', { count: 4 }));
    await check('staff mode, alerts waiting', 'staff');
    await openAlertsView(page);
    await waitForText(page, t('detail.chatter', { line: t('line.door') }));
    await waitForText(page, t('detail.guardian', { contact: LIU.guardian }));
    await check('alert console', 'staff', { highContrast: true });

    await pressOnCard(page, t('detail.helpMember', { name: LIU.name }), 'acknowledge');
    await waitForText(page, t('alerts.ackExplain'));
    await check('acknowledge dialog', 'staff', { dialog: true });
    await clickByName(page, t('fp.cancel'));

    await pressOnCard(page, t('detail.helpMember', { name: LIU.name }), 'resolve');
    await clickByName(page, t('alerts.resolve'));
    await waitForText(page, t('alerts.needNote'));
    await check('resolve dialog, no note', 'staff', { dialog: true });
    await clickByName(page, t('fp.cancel'));

    await pressOnCard(page, t('alertKind.no_show'), 'leave', LIU.name);
    await clickByName(page, t('leave.confirm'));
    await waitForText(page, t('leave.needReason'));
    await check('leave dialog, no reason', 'staff', { dialog: true });
    await clickByName(page, t('leave.reason.other'));
    await waitForText(page, t('leave.otherText'));
    await check('leave dialog, other reason', 'staff', { dialog: true });
    await clickByName(page, t('fp.cancel'));
  });
});

describe('the emergency banner is spoken in English', () => {
  it('says the banner and, when staff acknowledge from elsewhere, that staff have received the call', async () => {
    const t = (key: MessageKey): string => translate('en', key);
    await resolveAll(staff);
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page, 'en');
    let from = (await speechLog(page)).length;
    await pressEmergency(h);
    await expectSpokenAndShown(page, { from, spoken: t('emergency.spoken'), shown: t('emergency.heading'), lang: 'en' });
    from = (await speechLog(page)).length;
    await clickByName(page, t('frame.repeat'));
    await expectSpokenAndShown(page, { from, spoken: t('emergency.spoken'), shown: t('emergency.calm'), lang: 'en' });
    from = (await speechLog(page)).length;
    const emergency = (await alertConsole(staff)).open.find((a) => a.kind === 'emergency_call')!;
    await staff.call('POST', `/api/staff/alerts/${emergency.id}/acknowledge`, {});
    await expectSpokenAndShown(page, { from, spoken: t('emergency.cleared'), shown: t('emergency.cleared'), lang: 'en' });
    await waitForBanner(page, null);
  });
});

describe('emergency by keyboard alone', () => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate('zh-CN', key, params);

  const press = (key: Parameters<Page['keyboard']['press']>[0]): Promise<void> => pressKey(page, key);

  it('from the banner: staff card number, PIN, acknowledge, then resolve with a note after being told it is needed', async () => {
    await resolveAll(staff);
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page);
    await pressEmergency(h);
    await waitForBanner(page, 'full');
    await settle(page);
    await expectVisibleFocus(page, 'banner');
    await press('Escape');
    await press('Backspace');
    expect(await page.evaluate(() => document.querySelector('kiosk-app')?.getAttribute('emergency'))).toBe('full');

    await moveFocusTo(page, t('emergency.staffAck'), 'ArrowDown');
    await press('Enter');
    await waitForText(page, t('emergency.identify'));
    await expectVisibleFocus(page, 'card number field');
    // Escape closes the field (the banner stays); Enter on the button opens it again
    await press('Escape');
    await moveFocusTo(page, t('emergency.staffAck'), 'ArrowDown');
    await press('Enter');
    await page.keyboard.type(DEMO_STAFF.card);
    await press('Enter');
    await waitForScreen(page, 'pin');
    await page.keyboard.type(DEMO_STAFF.pin);
    await press('Enter');
    await waitForScreen(page, 'staff-mode');
    await page.waitForFunction(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.tagName === 'H2';
    });
    await expectVisibleFocus(page, 'console heading');

    await moveFocusTo(page, '确认收到：紧急呼叫', 'ArrowDown', 20);
    await press('Enter');
    await waitForText(page, t('alerts.ackExplainEmergency'));
    await moveFocusTo(page, t('alerts.acknowledge'), 'ArrowRight', 4);
    await press('Enter');
    await waitForText(page, t('alerts.acknowledged', { kind: t('alertKind.emergency_call') }));
    await waitForBanner(page, null);

    await moveFocusTo(page, '处理完毕：紧急呼叫', 'ArrowDown', 20);
    await press('Enter');
    await waitForText(page, t('alerts.resolveExplain'));
    await expectVisibleFocus(page, 'note field');
    await moveFocusTo(page, t('alerts.resolve'), 'Tab', 4);
    await press('Enter');
    await waitForText(page, t('alerts.needNote'));
    await expectVisibleFocus(page, 'note field after the error');
    await page.keyboard.type('键盘测试：已经处理');
    await moveFocusTo(page, t('alerts.resolve'), 'Tab', 4);
    await press('Enter');
    await waitForText(page, t('alerts.resolved', { kind: t('alertKind.emergency_call') }));
    const resolved = (await alertConsole(staff)).history.find((a) => a.kind === 'emergency_call' && a.notes.includes('键盘测试：已经处理'));
    expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: DEMO_STAFF.name });
  });
});

/** Running CSS animations and transitions in `host`'s shadow tree (the banner must hold still). */
function animationsIn(page: Page, host: string): Promise<string[]> {
  return page.evaluate((tag: string) => {
    const app = document.querySelector('kiosk-app')!;
    const banner = app.shadowRoot!.querySelector(tag);
    if (!banner?.shadowRoot) return ['no banner'];
    const found: string[] = [];
    for (const el of [banner, ...Array.from(banner.shadowRoot.querySelectorAll('*'))]) {
      const cs = getComputedStyle(el);
      if (cs.animationName !== 'none') found.push(`${el.tagName} animation ${cs.animationName}`);
      if (cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0)) found.push(`${el.tagName} transition ${cs.transitionDuration}`);
    }
    for (const a of banner.getAnimations({ subtree: true })) found.push(`running ${a.id || a.constructor.name}`);
    return found;
  }, host);
}
