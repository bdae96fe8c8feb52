/**
 * The staff sessions screens against the bar: axe (target-size on) in zh-CN and en and in high
 * contrast; staff target floors (≥ 44 px, 8 px apart) and no clipped or overlapping text at 1280×800,
 * 800×1280 and at 200 % zoom (640×400); every state: the week planner, a roster on the day (signed up,
 * on leave, waiting, walk-ins), the cancel and move dialogs with their errors, the session form empty,
 * with its errors and editing a series. And the whole work by keyboard alone, with a focus ring at
 * every step: planner → roster → marks saved; planner → form → every field → saved.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../../edge-server/src/api-types.js';
import { translate, type Lang, type MessageKey, type MessageParams } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { VIEWPORT_LANDSCAPE, VIEWPORT_PORTRAIT, clickByName, enterStaffMode, startKiosk, waitForText, type KioskHarness } from '../harness.js';
import { addDays } from '../../../kiosk-ui/src/staff/schedule/week-dates.js';
import {
  CENTRE_TZ,
  centreToday,
  clickDeep,
  deep,
  nextMonday,
  occurrenceButton,
  roster,
  setValue,
} from '../staff-schedule-support.js';
import {
  MEMBER_NAMES,
  StaffApi,
  checkStaffScreen,
  freshIdle,
  memberId,
  pressKey,
  printServerLogOnFailure,
  settle,
  VIEWPORT_ZOOM_200,
} from './a11y-support.js';
import { expectVisibleFocus, moveFocusTo } from './focus.js';

let h: KioskHarness;
let page: Page;
let staff: StaffApi;
const today = centreToday();
let sessionId = '';

beforeAll(async () => {
  h = await startKiosk({ centreTimeZone: CENTRE_TZ });
  page = await h.openPage();
  staff = new StaffApi(h.server);
  // a session tonight with every kind of roster line: checked in, on leave, waiting, a walk-in
  const created = await staff.call<SessionDetail>('POST', '/api/staff/sessions', {
    title: '晚间读书会', kind: 'culture_sports', room: '阅览室', leadStaffId: 'stf_demo_01', capacity: 2,
    date: today, start: '23:00', end: '23:59', repeat: 'none', until: null,
  });
  sessionId = created.id;
  const dates = `/api/staff/sessions/${sessionId}/dates/${today}`;
  for (const slot of [1, 2]) await staff.call('POST', `${dates}/signups`, { memberId: memberId(slot) });
  await staff.call('POST', `${dates}/signups`, { memberId: memberId(3), waitlist: true });
  for (const slot of [1, 7]) await staff.call('POST', '/api/staff/attendance', { memberId: memberId(slot), direction: 'in', reason: 'a11y test' });
  await staff.call('POST', '/api/staff/leave', { memberId: memberId(2), from: today, to: today, reason: '生病' });
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

const CONFIGS = [
  { lang: 'zh-CN', viewport: VIEWPORT_LANDSCAPE, label: 'zh-CN, 1280×800' },
  { lang: 'en', viewport: VIEWPORT_LANDSCAPE, label: 'en, 1280×800' },
  { lang: 'zh-CN', viewport: VIEWPORT_PORTRAIT, label: 'zh-CN, portrait 800×1280' },
  { lang: 'zh-CN', viewport: VIEWPORT_ZOOM_200, label: 'zh-CN, 200 % zoom (640×400)' },
] as const;

describe.each(CONFIGS)('staff sessions screens ($label)', ({ lang, viewport, label }) => {
  const t = (key: MessageKey, params?: MessageParams): string => translate(lang as Lang, key, params);

  const check = (state: string, opts: { dialog?: boolean } = {}): Promise<void> =>
    checkStaffScreen(page, `${state} (${label})`, { ...opts, highContrast: lang === 'zh-CN' && viewport === VIEWPORT_LANDSCAPE });

  it('the planner, a roster on the day and its dialogs', async () => {
    await page.setViewport(viewport);
    await freshIdle(h, page, lang);
    await enterStaffMode(h, page, t('staff.manage'));
    await clickByName(page, t('mode.schedule'));
    await deep(page, occurrenceButton(sessionId, today));
    await check('week planner');

    await clickDeep(page, occurrenceButton(sessionId, today));
    await deep(page, `kiosk-session-roster >>> li[data-member="${memberId(7)}"]`);
    await check('roster on the day');

    await (await deep(page, 'kiosk-session-roster >>> kiosk-member-picker >>> input[type=search]')).type(MEMBER_NAMES[5]!);
    await clickByName(page, MEMBER_NAMES[5]!);
    await waitForText(page, t('schedule.roster.chosen', { name: MEMBER_NAMES[5]! }));
    await check('roster, a member chosen to sign up');

    await clickByName(page, t('schedule.roster.save'));
    await waitForText(page, t('schedule.roster.nothingToSave'));
    await check('roster, nothing to save');

    await clickByName(page, t('schedule.roster.leaveFor', { name: MEMBER_NAMES[1]! }));
    await clickByName(page, t('leave.confirm'));
    await waitForText(page, t('leave.needReason'));
    await check('leave dialog from the roster, no reason', { dialog: true });
    await clickByName(page, t('fp.cancel'));

    await clickByName(page, t('schedule.change.cancelDate'));
    await clickByName(page, t('schedule.change.confirmCancel'));
    await waitForText(page, t('schedule.error.reasonRequired'));
    await check('cancel-date dialog, no reason', { dialog: true });
    await clickByName(page, t('fp.cancel'));

    await clickByName(page, t('schedule.change.moveDate'));
    await setValue(page, 'kiosk-session-roster >>> kiosk-session-change-dialog >>> input[name=moveEnd]', '22:00');
    await clickByName(page, t('schedule.change.confirmMove'));
    await waitForText(page, t('schedule.error.endBeforeStart'));
    await check('move dialog, end before start', { dialog: true });
    await clickByName(page, t('fp.cancel'));

    await clickByName(page, t('schedule.roster.back'));
    await clickByName(page, t('schedule.week.new'));
    await deep(page, 'kiosk-session-form >>> input[name=title]');
    await check('new session form');
    await clickByName(page, t('schedule.form.repeat.weekly'));
    await setValue(page, 'kiosk-session-form >>> input[name=capacity]', '0');
    await clickByName(page, t('schedule.form.save'));
    await waitForText(page, t('schedule.error.titleRequired'));
    await check('new session form with errors');

    await clickByName(page, t('schedule.form.back'));
    await clickDeep(page, occurrenceButton(sessionId, today));
    await clickByName(page, t('schedule.roster.editSeries'));
    await deep(page, 'kiosk-session-form >>> select[name=leadStaffId]');
    await check('editing a series');
    await setValue(page, 'kiosk-session-form >>> input[name=effectiveFrom]', addDays(today, -1));
    await clickByName(page, t('schedule.form.save'));
    await waitForText(page, t('schedule.error.effectiveFrom'));
    await check('editing a series, a past first date refused');
    await clickByName(page, t('schedule.form.cancelSeries'));
    await waitForText(page, t('schedule.change.cancelSeriesExplain'));
    await check('cancel-series dialog', { dialog: true });
    await clickByName(page, t('fp.cancel'));
    await clickByName(page, t('mode.signOut'));
  });
});

describe('staff sessions by keyboard alone', () => {
  const t = (key: MessageKey, params?: MessageParams): string => translate('zh-CN', key, params);
  const press = (key: Parameters<Page['keyboard']['press']>[0]): Promise<void> => pressKey(page, key);

  /** Tab until the focused element matches `selector` (in its own shadow root), the focus ring drawn at every step. */
  async function tabTo(selector: string, max = 30): Promise<void> {
    for (let i = 0; i < max; i++) {
      const found = await page.evaluate((sel: string) => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.matches(sel) ?? false;
      }, selector);
      if (found) return expectVisibleFocus(page, `focus on ${selector}`).then(() => undefined);
      await press('Tab');
      await expectVisibleFocus(page, `tabbing towards ${selector}`);
    }
    throw new Error(`${selector} never got focus within ${max} presses of Tab`);
  }

  it('opens a roster from the planner, marks a member present and saves; Escape goes back to the planner', async () => {
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page);
    await enterStaffMode(h, page);
    await moveFocusTo(page, t('mode.schedule'), 'Tab', 12);
    await press('Enter');
    await deep(page, occurrenceButton(sessionId, today));
    await tabTo(`button[data-session="${sessionId}"]`, 80);
    await press('Enter');
    await waitForText(page, t('schedule.roster.signedUp', { count: 2 }));
    await expectVisibleFocus(page, 'roster heading');
    // Tab reaches the first mark of the member; Space chooses it
    await tabTo(`input[name="mark-${memberId(1)}"]`);
    await press('Space');
    await moveFocusTo(page, t('schedule.roster.save'), 'Tab', 30);
    await press('Enter');
    await waitForText(page, t('schedule.roster.savedMarks', { count: 1 }));
    const line = (await roster(staff, sessionId, today)).signedUp.find((l) => l.memberId === memberId(1));
    expect(line?.mark).toBe('present');
    await press('Escape');
    await deep(page, occurrenceButton(sessionId, today));
    await expectVisibleFocus(page, 'planner heading after Escape');
  });

  it('creates a session from the planner: every field reached with Tab; problems focus the first field to fix; saved with Enter', async () => {
    await tabTo('button.primary', 12);
    await press('Enter');
    await deep(page, 'kiosk-session-form >>> input[name=title]');
    await tabTo('input[name=title]', 3);
    await page.keyboard.type('键盘建的活动');
    await tabTo('input[name=kind]', 2);
    // inside the radio group the arrows choose (native radio behaviour): the second kind
    await press('Space');
    await press('ArrowRight');
    await tabTo('input[name=room]', 2);
    await page.keyboard.type('康复室');
    await tabTo('input[name=capacity]', 3);
    await page.keyboard.type('5');
    await tabTo('input[name=start]', 8);
    await moveFocusTo(page, t('schedule.form.save'), 'Tab', 12);
    await press('Enter');
    // no times yet: the focus goes to the first field to fix
    await waitForText(page, t('schedule.form.fixFields'));
    const focused = await expectVisibleFocus(page, 'first field to fix');
    expect(focused.path).toContain('input');
    // date and time fields take their ISO value as a picker gives it (typing depends on the browser's locale)
    await setValue(page, 'kiosk-session-form >>> input[name=date]', nextMonday());
    await setValue(page, 'kiosk-session-form >>> input[name=start]', '10:00');
    await setValue(page, 'kiosk-session-form >>> input[name=end]', '11:00');
    await moveFocusTo(page, t('schedule.form.save'), 'Tab', 20);
    await press('Enter');
    await waitForText(page, t('schedule.form.saved', { title: '键盘建的活动' }));
    const created = (await staff.call<{ days: { sessions: { title: string; kind: string; room: string | null; capacity: number | null }[] }[] }>(
      'GET', `/api/staff/schedule/week?from=${nextMonday()}`,
    )).days.flatMap((d) => d.sessions).find((s) => s.title === '键盘建的活动');
    expect(created).toMatchObject({ kind: 'assisted_employment', room: '康复室', capacity: 5 });
  });
});
