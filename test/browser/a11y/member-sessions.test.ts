/**
 * The member's session screens at the member floor (ACCESSIBILITY.md): axe with target-size, our own
 * target/text/choice/reflow measurements, every prompt spoken while it is shown, easy-read (fewer
 * words, bigger pictures), large text that reflows without clipping, in zh-CN and en.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import {
  VIEWPORT_LANDSCAPE,
  VIEWPORT_PORTRAIT,
  clickByName,
  kioskText,
  midMorningZone,
  speechLog,
  startKiosk,
  waitForConnection,
  waitForScreen,
  waitForText,
  type KioskHarness,
} from '../harness.js';
import { SessionsSetup, centreDate, pressCard, showCard } from '../member-sessions-support.js';
import {
  expectNoAxeViolations,
  expectSpokenAndShown,
  fingerTo,
  freshIdle,
  printServerLogOnFailure,
  settle,
} from './a11y-support.js';
import { choiceProblems, layoutReport, reflowProblems, smallTextProblems, targetProblems } from './layout-report.js';

let h: KioskHarness;
let page: Page;
let setup: SessionsSetup;

/** Today: four sessions besides the demo timetable's (more than one page), one of them full; tomorrow: a weekly one. */
const OPEN = '手工编织课';
const FULL = '康复操小组';
const UNLIMITED = '唱歌跳舞';
const FOURTH = '午间休息';
const TOMORROW = '合唱团练习';

beforeAll(async () => {
  // long enough that no "more time?" warning comes while axe looks at a screen
  // mid-morning at the centre whatever the hour: the test sessions (22:00–23:59) are later today
  h = await startKiosk({ env: { KIOSK_IDLE_SEC: '60' }, centreTimeZone: midMorningZone() });
  setup = new SessionsSetup(h.server);
  await setup.create({ title: OPEN, kind: 'skills_training', capacity: 5 });
  const full = await setup.create({ title: FULL, kind: 'rehabilitation', capacity: 1, start: '22:30', room: '康复室' });
  await setup.signUp(full.id, full.date, 10);
  await setup.create({ title: UNLIMITED, kind: 'culture_sports', capacity: null, start: '23:00', room: null });
  await setup.create({ title: FOURTH, kind: 'day_care', capacity: null, start: '23:10', room: '休息室' });
  const tomorrow = await centreDate(h.server, 1);
  await setup.create({ title: TOMORROW, kind: 'other', date: tomorrow, start: '09:30', end: '11:00', repeat: 'weekly' });
  page = await h.openPage();
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

/** axe and the member floors (targets, 24 px text, pictogram + few words, no clipping) on the screen in front. */
async function checkScreen(state: string, lang: Lang): Promise<void> {
  await settle(page);
  await expectNoAxeViolations(page, state);
  const report = await layoutReport(page);
  const where = `${state} (${report.viewport.width}×${report.viewport.height})`;
  expect.soft(targetProblems(report, 'member'), `${where}: target floors`).toEqual([]);
  expect.soft(report.interactive.filter((i) => i.primary).length, `${where}: a primary action`).toBeGreaterThan(0);
  expect.soft(smallTextProblems(report), `${where}: body text ≥ 24 px`).toEqual([]);
  expect.soft(choiceProblems(report, lang), `${where}: each choice has a pictogram and few words`).toEqual([]);
  expect.soft(reflowProblems(report), `${where}: clipped or overlapping text`).toEqual([]);
}

const logLength = async (): Promise<number> => (await speechLog(page)).length;

describe.each<Lang>(['zh-CN', 'en'])('member session screens (%s)', (lang) => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(lang, key, params);

  beforeEach(async () => {
    await page.setViewport(VIEWPORT_LANDSCAPE);
    await freshIdle(h, page, lang);
  });

  it('the welcome screen lists today’s sessions a page at a time, each card with its kind’s pictogram and word', async () => {
    await fingerTo(h, page, 1, 'welcome');
    await page.waitForSelector('kiosk-app >>> button.activity', { visible: true });
    await checkScreen(`welcome with sessions (${lang})`, lang);
    const from = await logLength();
    const more = await page.waitForSelector('kiosk-app >>> button[data-more]', { visible: true });
    await more!.click();
    await more!.dispose();
    const before = (key: MessageKey): string => t(key, { page: 2, pages: '#' }).split('#')[0]!.trim();
    await expectSpokenAndShown(page, { from, spoken: before('memberSessions.pageSpoken'), shown: before('memberSessions.more'), lang });
    await checkScreen(`welcome, second page (${lang})`, lang);
    await showCard(page, OPEN);
    expect(await kioskText(page)).toContain(t('memberSessions.kind.skills_training'));
  });

  it('a session’s detail says what, when, where and who, and is spoken; a full one offers the waiting list', async () => {
    await fingerTo(h, page, 1, 'welcome');
    let from = await logLength();
    await pressCard(page, OPEN);
    await waitForScreen(page, 'sessions');
    await expectSpokenAndShown(page, { from, spoken: OPEN, shown: [OPEN, t('memberSessions.placesLeft', { count: 5 })], lang });
    await checkScreen(`session detail (${lang})`, lang);

    await clickByName(page, t('memberSessions.back'));
    await waitForText(page, t('memberSessions.todayHeading'));
    await checkScreen(`today's list (${lang})`, lang);
    await showCard(page, FULL);
    from = await logLength();
    await pressCard(page, FULL);
    await expectSpokenAndShown(page, { from, spoken: t('memberSessions.fullOffer'), shown: [t('memberSessions.full'), t('memberSessions.fullOffer')], lang });
    await checkScreen(`full session with the waiting-list offer (${lang})`, lang);
  });

  it('after a sign-up: the result and its undo countdown are spoken and shown; undo says so', async () => {
    await fingerTo(h, page, 7, 'welcome');
    await pressCard(page, UNLIMITED);
    await waitForScreen(page, 'sessions');
    let from = await logLength();
    await clickByName(page, t('memberSessions.signUp'));
    await expectSpokenAndShown(page, { from, spoken: t('memberSessions.resultSignedUp'), shown: [t('memberSessions.resultSignedUp'), t('memberSessions.undo')], lang });
    await checkScreen(`signed up, with undo (${lang})`, lang);
    from = await logLength();
    await clickByName(page, t('memberSessions.undo'));
    await expectSpokenAndShown(page, { from, spoken: t('memberSessions.undone'), shown: t('memberSessions.undone'), lang });
    await checkScreen(`after undo (${lang})`, lang);
  });

  it('a cancel is said as not done yet while held, and as done once sent', async () => {
    await fingerTo(h, page, 7, 'welcome');
    await pressCard(page, UNLIMITED);
    await waitForScreen(page, 'sessions');
    await clickByName(page, t('memberSessions.signUp'));
    await waitForText(page, t('memberSessions.resultSignedUp'));
    await clickByName(page, t('memberSessions.ok'));
    await waitForText(page, t('memberSessions.todayHeading'));
    await pressCard(page, UNLIMITED);
    let from = await logLength();
    await clickByName(page, t('memberSessions.cancel'));
    const willCancel = t('memberSessions.resultWillCancel');
    await expectSpokenAndShown(page, { from, spoken: willCancel, shown: [willCancel, t('memberSessions.undo')], lang });
    await checkScreen(`cancel held, with undo (${lang})`, lang);
    from = await logLength();
    await clickByName(page, t('memberSessions.ok'));
    const cancelled = t('memberSessions.resultCancelled');
    await expectSpokenAndShown(page, { from, spoken: t('memberSessions.recorded', { result: cancelled }), shown: [cancelled, t('memberSessions.todayHeading')], lang });
    await checkScreen(`today's list after a cancel (${lang})`, lang);
  });

  it('this week, one day at a time, is spoken and keeps its choices in view', async () => {
    await fingerTo(h, page, 8, 'welcome');
    let from = await logLength();
    await clickByName(page, t('memberSessions.week'));
    await waitForScreen(page, 'sessions');
    await expectSpokenAndShown(page, { from, spoken: t('memberSessions.week'), shown: t('memberSessions.nextDay'), lang });
    await checkScreen(`this week, today (${lang})`, lang);
    from = await logLength();
    await clickByName(page, t('memberSessions.nextDay'));
    await showCard(page, TOMORROW);
    // the day's name as the page writes it (the browser's date words) is what must be spoken
    const day = await page.$eval('kiosk-app >>> kiosk-member-sessions >>> h1.day .date', (el) => el.textContent ?? '');
    expect(day).not.toBe('');
    const count = t('memberSessions.weekSpoken', { day, count: '#' }).split('#')[0]!;
    const heard = await expectSpokenAndShown(page, { from, spoken: count, shown: [day, TOMORROW], lang });
    // the cards on the page are read out too: a member who cannot see the screen hears the choices
    const firstTitle = await page.$eval('kiosk-app >>> kiosk-member-sessions >>> button.activity .title', (el) => el.textContent ?? '');
    expect(heard.text).toContain(firstTitle);
    await checkScreen(`this week, tomorrow (${lang})`, lang);
  });
});

describe('profiles on the session screens', () => {
  beforeEach(async () => {
    await freshIdle(h, page);
  });

  it('easy-read: fewer words and bigger pictures on the cards and in the detail', async () => {
    const tileSize = (): Promise<number> =>
      page.evaluate(() => {
        const find = (root: ParentNode): Element | null => {
          for (const el of Array.from(root.querySelectorAll('*'))) {
            if (el.matches('.tile svg')) return el;
            const inner = el.shadowRoot ? find(el.shadowRoot) : null;
            if (inner) return inner;
          }
          return null;
        };
        return find(document)?.getBoundingClientRect().width ?? 0;
      });
    await fingerTo(h, page, 11, 'welcome');
    await showCard(page, OPEN);
    const plainTile = await tileSize();
    expect(await kioskText(page)).toContain(translate('zh-CN', 'memberSessions.kind.skills_training'));

    await freshIdle(h, page);
    await fingerTo(h, page, 4, 'welcome'); // 刘小明: easy-read
    await showCard(page, OPEN);
    const easyTile = await tileSize();
    expect(easyTile, 'easy-read pictogram is bigger').toBeGreaterThan(plainTile * 1.5);
    expect(await kioskText(page), 'easy-read cards leave out the kind word and room').not.toContain('活动室一');
    await checkScreen('welcome, easy-read', 'zh-CN');
    await pressCard(page, FULL);
    await waitForScreen(page, 'sessions');
    const text = await kioskText(page);
    expect(text).not.toContain(translate('zh-CN', 'memberSessions.fullOffer'));
    expect(text).not.toContain(translate('zh-CN', 'memberSessions.lead'));
    expect(text).toContain(translate('zh-CN', 'memberSessions.full'));
    await checkScreen('full session, easy-read', 'zh-CN');
  });

  describe.each([
    ['1280×800', VIEWPORT_LANDSCAPE],
    ['800×1280', VIEWPORT_PORTRAIT],
  ] as const)('large text at %s', (_label, viewport) => {
    it('reflows every session screen without clipping, targets at the floors (slots 2 and 6)', async () => {
      await page.setViewport(viewport);
      for (const slot of [2, 6]) {
        await freshIdle(h, page);
        await fingerTo(h, page, slot, 'welcome');
        await page.waitForSelector('kiosk-app >>> button.activity', { visible: true });
        await checkScreen(`welcome, large text, slot ${slot}`, 'zh-CN');
        await pressCard(page, OPEN);
        await waitForScreen(page, 'sessions');
        await checkScreen(`detail, large text, slot ${slot}`, 'zh-CN');
        await clickByName(page, translate('zh-CN', 'memberSessions.back'));
        await waitForText(page, translate('zh-CN', 'memberSessions.todayHeading'));
        await checkScreen(`today, large text, slot ${slot}`, 'zh-CN');
        await clickByName(page, translate('zh-CN', 'memberSessions.week'));
        await waitForText(page, translate('zh-CN', 'memberSessions.nextDay'));
        await checkScreen(`this week, large text, slot ${slot}`, 'zh-CN');
      }
      await page.setViewport(VIEWPORT_LANDSCAPE);
    });
  });

  it('an expired visit is spoken and shown, then the kiosk starts over', async () => {
    await fingerTo(h, page, 12, 'welcome');
    await pressCard(page, OPEN);
    await waitForScreen(page, 'sessions');
    await h.stopServer();
    await h.startServer();
    await waitForConnection(page, 20_000);
    const from = await logLength();
    await clickByName(page, translate('zh-CN', 'memberSessions.signUp'));
    await expectSpokenAndShown(page, { from, spoken: translate('zh-CN', 'memberSessions.expired'), shown: translate('zh-CN', 'memberSessions.expired'), lang: 'zh-CN' });
    await checkScreen('visit expired', 'zh-CN');
    await waitForScreen(page, 'idle', 20_000);
  });
});
