/**
 * What the member-sessions browser tests share: the centre's today, sessions created and filled through
 * the staff API (so each test has exactly the session it needs), and the roster to check what the
 * member's presses recorded.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { KioskInfo, LocalDate, SessionDetail, SessionInput, SessionRoster } from '../../edge-server/src/api-types.js';
import { StaffApi, memberId, settle } from './a11y/a11y-support.js';
import { kioskText, waitForText, type ServerProcess } from './harness.js';

/** The centre's calendar day now (`YYYY-MM-DD`), plus `days`. */
export async function centreDate(server: ServerProcess, days = 0): Promise<LocalDate> {
  const info = await server.api<KioskInfo>('GET', '/api/kiosk');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: info.centre.timezone }).format(new Date(info.serverTime));
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Staff calls plus the few session helpers the tests need. */
export class SessionsSetup {
  private readonly staff: StaffApi;

  constructor(readonly server: ServerProcess) {
    // signs in on first use and again when the staff session has idled out
    this.staff = new StaffApi(server);
  }

  /**
   * A session late today (22:00–23:59, so it has not ended while the test runs) unless `date`/`start`
   * say otherwise.
   */
  async create(input: Partial<SessionInput> & { title: string }): Promise<SessionDetail> {
    const body: SessionInput = {
      kind: 'skills_training',
      room: '活动室一',
      leadStaffId: null,
      capacity: 5,
      date: await centreDate(this.server),
      start: '22:00',
      end: '23:59',
      repeat: 'none',
      until: null,
      ...input,
    };
    return this.staff.call<SessionDetail>('POST', '/api/staff/sessions', body);
  }

  /** Sign a member up (or put them on the waiting list) the way staff would. */
  async signUp(sessionId: string, date: LocalDate, slot: number, waitlist = false): Promise<SessionRoster> {
    return this.staff.call('POST', `/api/staff/sessions/${sessionId}/dates/${date}/signups`, { memberId: memberId(slot), waitlist });
  }

  /** Staff cancel one date of a session. */
  async cancelDate(sessionId: string, date: LocalDate): Promise<void> {
    await this.staff.call('POST', `/api/staff/sessions/${sessionId}/dates/${date}/cancel`, { reason: 'browser test' });
  }

  roster(sessionId: string, date: LocalDate): Promise<SessionRoster> {
    return this.staff.call('GET', `/api/staff/sessions/${sessionId}/dates/${date}`);
  }

  /** Where the member stands on the roster: 'signed_up', 'waiting' or null. */
  async standing(sessionId: string, date: LocalDate, slot: number): Promise<'signed_up' | 'waiting' | null> {
    const roster = await this.roster(sessionId, date);
    if (roster.signedUp.some((l) => l.memberId === memberId(slot))) return 'signed_up';
    if (roster.waiting.some((l) => l.memberId === memberId(slot))) return 'waiting';
    return null;
  }
}

/** Press the activity card (or any control) showing `text`: the card's title is inside the button. */
export async function pressText(page: Page, text: string): Promise<void> {
  const handle = await waitForText(page, text);
  await (handle as ElementHandle<Element>).click();
  await handle.dispose();
}

/** Wait until the roster shows the member where `expected` says (the request and the page run apart). */
export async function waitForStanding(
  setup: SessionsSetup,
  session: { sessionId: string; date: LocalDate },
  slot: number,
  expected: 'signed_up' | 'waiting' | null,
): Promise<void> {
  let last: string | null = null;
  for (let i = 0; i < 50; i++) {
    last = await setup.standing(session.sessionId, session.date, slot);
    if (last === expected) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`member ${slot} on ${session.sessionId}/${session.date} is ${last}, expected ${expected}`);
}

/**
 * Turn the pages of the session list in front ("更多活动") until the card titled `title` shows. The demo
 * timetable has sessions of its own, so a test's session may be on a later page (one card a page with
 * large text).
 */
export async function showCard(page: Page, title: string, maxPages = 12): Promise<void> {
  await page.waitForSelector('kiosk-app >>> button.activity', { visible: true });
  for (let i = 0; i < maxPages; i++) {
    if ((await kioskText(page)).includes(title)) return;
    const more = await page.waitForSelector('kiosk-app >>> button[data-more]', { visible: true, timeout: 2000 }).catch(() => null);
    if (!more) break;
    await more.click();
    await more.dispose();
    await settle(page);
  }
  throw new Error(`no card "${title}" on any page; the screen shows: ${(await kioskText(page)).slice(0, 300)}`);
}

/** Find the card titled `title` (turning pages) and press it. */
export async function pressCard(page: Page, title: string): Promise<void> {
  await showCard(page, title);
  await pressText(page, title);
}
