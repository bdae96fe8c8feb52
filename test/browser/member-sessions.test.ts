import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../kiosk-ui/src/i18n/catalogue.js';
import { lastSeq, memberId, printServerLogOnFailure, settle, waitForRecord } from './a11y/a11y-support.js';
import {
  clickByName,
  focusedElement,
  kioskText,
  midMorningZone,
  speechLog,
  startKiosk,
  waitForConnection,
  waitForScreen,
  waitForSpeech,
  waitForText,
  type KioskHarness,
} from './harness.js';
import { SessionsSetup, centreDate, pressCard, pressText, showCard, waitForStanding } from './member-sessions-support.js';

const zh = (key: MessageKey, params?: Record<string, string | number>): string => translate('zh-CN', key, params);

/** Members' own session screens against the real server and the built UI (each test has its own member). */
describe('member sessions at the kiosk', () => {
  let h: KioskHarness;
  let page: Page;
  let setup: SessionsSetup;

  beforeAll(async () => {
    // mid-morning at the centre whatever the hour: the test sessions (22:00–23:59) are later today
    h = await startKiosk({ centreTimeZone: midMorningZone() });
    setup = new SessionsSetup(h.server);
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(async () => {
    await page?.browserContext().close();
  });
  printServerLogOnFailure(() => h);

  async function checkIn(slot: number): Promise<void> {
    await h.touchFinger(slot);
    await waitForScreen(page, 'welcome');
  }

  /** Check in, open the session titled `title`, and choose `cancel` (held: nothing is sent yet) and undo it. */
  async function cancelAndUndo(slot: number, title: string, cancel: 'cancel' | 'leaveWaitlist'): Promise<void> {
    await checkIn(slot);
    await pressCard(page, title);
    await waitForScreen(page, 'sessions');
    await clickByName(page, zh(`memberSessions.${cancel}`));
    await waitForText(page, zh(cancel === 'cancel' ? 'memberSessions.resultWillCancel' : 'memberSessions.resultWillLeaveWaitlist'));
    await clickByName(page, zh('memberSessions.undo'));
    await waitForSpeech(page, zh('memberSessions.undone'));
  }

  it('lists today’s sessions after check-in, opens one, signs up, undoes, and signs up again', async () => {
    const s = await setup.create({ title: '手工编织课', kind: 'skills_training', room: '活动室一', capacity: 5 });
    const key = { sessionId: s.id, date: s.date };
    page = await h.openPage();
    await checkIn(7);
    // the greeting goes on with today's sessions, for a member who cannot see the screen
    const greeting = await waitForSpeech(page, '签到成功');
    expect(greeting.text).toContain(zh('memberSessions.todaySpoken', { count: '#' }).split('#')[0]!);
    await showCard(page, '手工编织课');
    expect(await kioskText(page)).toContain(zh('memberSessions.kind.skills_training'));

    await pressText(page, '手工编织课');
    await waitForScreen(page, 'sessions');
    await waitForText(page, zh('memberSessions.placesLeft', { count: 5 }));
    expect(await kioskText(page)).toContain('活动室一');
    const spoken = await waitForSpeech(page, '手工编织课');
    expect(spoken.text).toContain(zh('memberSessions.kind.skills_training'));

    await clickByName(page, zh('memberSessions.signUp'));
    await waitForText(page, zh('memberSessions.resultSignedUp'));
    await waitForSpeech(page, zh('memberSessions.resultSignedUp'));
    await waitForStanding(setup, key, 7, 'signed_up');

    await clickByName(page, zh('memberSessions.undo'));
    await waitForSpeech(page, zh('memberSessions.undone'));
    await waitForText(page, zh('memberSessions.placesLeft', { count: 5 }));
    await waitForStanding(setup, key, 7, null);

    await clickByName(page, zh('memberSessions.signUp'));
    await waitForText(page, zh('memberSessions.resultSignedUp'));
    await waitForStanding(setup, key, 7, 'signed_up');
    // the undo time runs out: back to today's list, the session now among the member's own
    await waitForText(page, zh('memberSessions.todayHeading'), 20_000);
    await waitForText(page, zh('memberSessions.signedUp'));
    await waitForSpeech(page, zh('memberSessions.todaySpoken', { count: 1 }).slice(0, 5));
    expect(await setup.standing(s.id, s.date, 7)).toBe('signed_up');
  });

  it('a full session says so and offers the waiting list', async () => {
    const s = await setup.create({ title: '康复操小组', kind: 'rehabilitation', capacity: 1, start: '22:30' });
    await setup.signUp(s.id, s.date, 10);
    page = await h.openPage();
    await checkIn(8);
    await showCard(page, '康复操小组');
    await waitForText(page, zh('memberSessions.full'));

    await pressText(page, '康复操小组');
    await waitForScreen(page, 'sessions');
    await waitForText(page, zh('memberSessions.fullOffer'));
    await waitForSpeech(page, zh('memberSessions.fullOffer'));
    expect(await kioskText(page)).not.toContain(zh('memberSessions.signUp') + ' ');

    await clickByName(page, zh('memberSessions.joinWaitlist'));
    await waitForText(page, zh('memberSessions.resultWaiting', { position: 1 }));
    await waitForStanding(setup, { sessionId: s.id, date: s.date }, 8, 'waiting');
    await clickByName(page, zh('memberSessions.ok'));
    await waitForText(page, zh('memberSessions.waiting', { position: 1 }));
  });

  it('this week shows one day at a time, with the next and previous day', async () => {
    const tomorrow = await centreDate(h.server, 1);
    await setup.create({ title: '合唱团练习', kind: 'culture_sports', date: tomorrow, start: '09:30', end: '11:00', repeat: 'weekly' });
    page = await h.openPage();
    await checkIn(11);
    await clickByName(page, zh('memberSessions.week'));
    await waitForScreen(page, 'sessions');
    await waitForSpeech(page, zh('memberSessions.week'));
    expect(await kioskText(page)).not.toContain('合唱团练习');

    await clickByName(page, zh('memberSessions.nextDay'));
    await showCard(page, '合唱团练习');
    await waitForSpeech(page, zh('memberSessions.weekSpoken', { day: '', count: 1 }).split('，')[0]!);
    await clickByName(page, zh('memberSessions.prevDay'));
    await page.waitForFunction(
      () => !document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-member-sessions')?.shadowRoot?.textContent?.includes('合唱团练习'),
    );
    // keypad: Escape goes one step back, to today's list
    await page.keyboard.press('Escape');
    await waitForText(page, zh('memberSessions.todayHeading'));
  });

  it('cancels a sign-up on "好的" (held until then, and said as not done yet), with the session back among the open ones', async () => {
    const s = await setup.create({ title: '面点制作', kind: 'assisted_employment', start: '23:00' });
    page = await h.openPage();
    await setup.signUp(s.id, s.date, 12);
    const seq = await lastSeq(h.baseUrl);
    await checkIn(12);
    await waitForText(page, zh('memberSessions.signedUp'));
    await pressCard(page, '面点制作');
    await waitForScreen(page, 'sessions');
    // for a session already theirs, "back" has the focus: a stray Enter never cancels
    await clickByName(page, zh('memberSessions.cancel'));
    await waitForText(page, zh('memberSessions.resultWillCancel'));
    await waitForSpeech(page, zh('memberSessions.resultWillCancel'));
    // the words never claim it is done before it is sent
    expect(await kioskText(page)).not.toContain(zh('memberSessions.resultCancelled'));
    await clickByName(page, zh('memberSessions.ok'));
    const cancelled = await waitForRecord(h.baseUrl, 'session.signup_cancelled', seq);
    expect(cancelled.data).toMatchObject({ sessionId: s.id, memberId: memberId(12), via: 'kiosk', wasWaiting: false });
    expect(await setup.standing(s.id, s.date, 12)).toBeNull();
    // once sent, the list says it is done
    await waitForText(page, zh('memberSessions.todayHeading'));
    await waitForText(page, zh('memberSessions.resultCancelled'));
    await waitForSpeech(page, zh('memberSessions.recorded', { result: zh('memberSessions.resultCancelled') }));
    expect(await kioskText(page)).not.toContain(zh('memberSessions.signedUp'));
    await showCard(page, '面点制作');
  });

  it('undoing a cancel keeps the place though someone waits; letting the time run out gives it to the first in line', async () => {
    const s = await setup.create({ title: '陶艺小组', kind: 'culture_sports', capacity: 1, start: '23:10' });
    const key = { sessionId: s.id, date: s.date };
    await setup.signUp(s.id, s.date, 4);
    await setup.signUp(s.id, s.date, 5, true);
    page = await h.openPage();
    const seq = await lastSeq(h.baseUrl);
    await cancelAndUndo(4, '陶艺小组', 'cancel');
    // the place is still theirs (not the waiting member's): the detail offers the cancel again
    await waitForText(page, zh('memberSessions.cancel'));
    expect(await setup.standing(s.id, s.date, 4)).toBe('signed_up');
    expect(await setup.standing(s.id, s.date, 5)).toBe('waiting');
    // a marker after the undo: any cancel the undo had sent would come before it in the event log
    await setup.signUp(s.id, s.date, 6, true);
    const marker = await lastSeq(h.baseUrl);

    await clickByName(page, zh('memberSessions.cancel'));
    await waitForText(page, zh('memberSessions.resultWillCancel'));
    // the seconds run out: the cancel is sent, and the first in line gets the place
    const cancelled = await waitForRecord(h.baseUrl, 'session.signup_cancelled', seq, 20_000);
    expect(cancelled.seq).toBeGreaterThan(marker);
    expect(cancelled.data).toMatchObject({ sessionId: s.id, memberId: memberId(4), via: 'kiosk' });
    await waitForStanding(setup, key, 5, 'signed_up');
    expect(await setup.standing(s.id, s.date, 4)).toBeNull();
    expect(await setup.standing(s.id, s.date, 6)).toBe('waiting');
    await waitForText(page, zh('memberSessions.todayHeading'), 20_000);
    await waitForText(page, zh('memberSessions.resultCancelled'));
  });

  it('"不排队了" then undo keeps the position; leaving the screen during the countdown sends the held cancel', async () => {
    const s = await setup.create({ title: '园艺活动', kind: 'other', capacity: 1, start: '23:20' });
    const key = { sessionId: s.id, date: s.date };
    await setup.signUp(s.id, s.date, 10);
    await setup.signUp(s.id, s.date, 9, true);
    await setup.signUp(s.id, s.date, 2, true);
    page = await h.openPage();
    await cancelAndUndo(9, '园艺活动', 'leaveWaitlist');
    // still first in line, not behind member 2
    await waitForText(page, zh('memberSessions.leaveWaitlist'));
    const waiting = (await setup.roster(s.id, s.date)).waiting;
    expect(waiting.map((l) => l.memberId)).toEqual([memberId(9), memberId(2)]);

    await clickByName(page, zh('memberSessions.leaveWaitlist'));
    await waitForText(page, zh('memberSessions.resultWillLeaveWaitlist'));
    // another member's finger takes the kiosk during the countdown: the member's choice is still sent
    await h.touchFinger(11);
    await page.waitForFunction(() => document.querySelector('kiosk-app')?.getAttribute('screen') !== 'sessions');
    await waitForStanding(setup, key, 9, null);
    expect((await setup.roster(s.id, s.date)).waiting.map((l) => l.memberId)).toEqual([memberId(2)]);
  });

  it('says what to do when the network is down, and asks for the finger again when the visit has expired', async () => {
    const s = await setup.create({ title: '书法兴趣班', kind: 'culture_sports', start: '22:15' });
    page = await h.openPage();
    await checkIn(1);
    await pressCard(page, '书法兴趣班');
    await waitForScreen(page, 'sessions');

    await h.stopServer();
    await clickByName(page, zh('memberSessions.signUp'));
    await waitForSpeech(page, zh('memberSessions.network'));
    await waitForText(page, zh('memberSessions.network'));

    // a restart forgets every visit: the member is asked to identify again, then the kiosk starts over
    await h.startServer();
    await waitForConnection(page, 20_000);
    await clickByName(page, zh('memberSessions.signUp'));
    await waitForSpeech(page, zh('memberSessions.expired'));
    await waitForText(page, zh('memberSessions.expired'));
    expect(await setup.standing(s.id, s.date, 1)).toBeNull();
    await waitForScreen(page, 'idle', 20_000);
    expect((await speechLog(page)).at(-1)?.text).toBe(zh('idle.prompt'));
  });

  it('a held cancel that cannot be sent (network down) leaves the session theirs, and says what to do', async () => {
    const s = await setup.create({ title: '木工制作', kind: 'assisted_employment', start: '23:30' });
    await setup.signUp(s.id, s.date, 5);
    page = await h.openPage();
    await checkIn(5);
    await pressCard(page, '木工制作');
    await waitForScreen(page, 'sessions');
    await clickByName(page, zh('memberSessions.cancel'));
    await waitForText(page, zh('memberSessions.resultWillCancel'));
    await h.stopServer();
    await clickByName(page, zh('memberSessions.ok'));
    // (member 5's profile has speech off: the banner carries it)
    await waitForText(page, zh('memberSessions.network'));
    // the session as it was, still theirs: the cancel is offered again, never "已取消报名"
    await waitForText(page, zh('memberSessions.cancel'));
    expect(await kioskText(page)).not.toContain(zh('memberSessions.resultCancelled'));
    await h.startServer();
    await waitForConnection(page, 20_000);
    expect(await setup.standing(s.id, s.date, 5)).toBe('signed_up');
  });

  it('a date cancelled by staff while the member looks at it: says so, and leaves only "back"', async () => {
    const s = await setup.create({ title: '插花体验', kind: 'other', start: '22:45' });
    page = await h.openPage();
    await checkIn(10);
    await pressCard(page, '插花体验');
    await waitForScreen(page, 'sessions');
    await setup.cancelDate(s.id, s.date);
    await clickByName(page, zh('memberSessions.signUp'));
    await waitForText(page, zh('memberSessions.nowCancelled'));
    await waitForSpeech(page, zh('memberSessions.nowCancelled'));
    await waitForText(page, zh('memberSessions.cancelled'));
    expect(await setup.standing(s.id, s.date, 10)).toBeNull();
    expect(await kioskText(page)).not.toContain(zh('memberSessions.signUp'));
    expect((await focusedElement(page)).text).toContain(zh('memberSessions.back'));
  });

  it('can be done with the keypad alone: arrows to a card, Enter to open, sign up and undo, Escape back', async () => {
    // from midnight: the first session of the day, before the demo timetable's
    const s = await setup.create({ title: '键盘也能报', kind: 'other', start: '00:00' });
    const key = { sessionId: s.id, date: s.date };
    page = await h.openPage();
    await checkIn(3);
    await waitForText(page, '键盘也能报');
    expect((await focusedElement(page)).text).toContain(zh('welcome.done'));
    await page.keyboard.press('ArrowDown');
    await settle(page);
    // the earliest session comes first, on the first page
    expect((await focusedElement(page)).text).toContain('键盘也能报');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'sessions');
    await waitForSpeech(page, '键盘也能报');
    expect((await focusedElement(page)).text).toContain(zh('memberSessions.signUp'));
    await page.keyboard.press('Enter');
    await waitForText(page, zh('memberSessions.resultSignedUp'));
    await waitForStanding(setup, key, 3, 'signed_up');
    expect((await focusedElement(page)).text).toContain(zh('memberSessions.undo'));
    await page.keyboard.press('Enter');
    await waitForText(page, zh('memberSessions.undone'));
    await waitForStanding(setup, key, 3, null);
    expect((await focusedElement(page)).text).toContain(zh('memberSessions.signUp'));
    await page.keyboard.press('Escape');
    await waitForText(page, zh('memberSessions.todayHeading'));
    await page.keyboard.press('Escape');
    await waitForScreen(page, 'idle');
  });
});

describe('member sessions and the idle timeout', () => {
  let h: KioskHarness;
  let page: Page;

  beforeAll(async () => {
    h = await startKiosk({ env: { KIOSK_IDLE_SEC: '3' }, centreTimeZone: midMorningZone() });
    page = await h.openPage();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('asks "more time?" on the sessions screen too, and gives the focus back to its main choice', async () => {
    await h.touchFinger(7);
    await waitForScreen(page, 'welcome');
    await clickByName(page, zh('memberSessions.week'));
    await waitForScreen(page, 'sessions');
    await waitForSpeech(page, zh('memberSessions.week'));
    await settle(page);
    const mainChoice = (await focusedElement(page)).text;
    expect(mainChoice).not.toBe('');
    await waitForText(page, zh('timeout.more'), 15_000);
    await waitForSpeech(page, zh('timeout.spoken'));
    await clickByName(page, zh('timeout.more'));
    await page.waitForFunction(() => !document.querySelector('kiosk-app')?.shadowRoot?.querySelector('kiosk-timeout-warning'));
    expect(await page.evaluate(() => document.querySelector('kiosk-app')?.getAttribute('screen'))).toBe('sessions');
    await settle(page);
    expect((await focusedElement(page)).text).toBe(mainChoice);
  });
});
