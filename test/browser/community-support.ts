import type { Page } from 'puppeteer-core';
import type { SatisfactionMonth, VolunteerHours } from '../../edge-server/src/api-types.js';
import {
  backdateCheckIn, clickByName, staffApi, waitForScreen, type KioskHarness,
} from './harness.js';

/** The centre's current month as the server reads it (Asia/Shanghai in the demo). */
export function currentMonth(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
}

export async function volunteerHours(h: KioskHarness): Promise<VolunteerHours> {
  return (await staffApi(h.server)).call<VolunteerHours>('GET', `/api/staff/volunteers/hours?month=${currentMonth()}`);
}

export async function satisfaction(h: KioskHarness): Promise<SatisfactionMonth> {
  return (await staffApi(h.server)).call<SatisfactionMonth>('GET', `/api/staff/satisfaction?month=${currentMonth()}`);
}

/** Answers to the centre-as-a-whole question this month (what a member with no sessions is asked about). */
export async function centreAnswers(h: KioskHarness): Promise<number> {
  return (await satisfaction(h)).kinds.find((k) => k.about === null)?.answers ?? 0;
}

/**
 * A demo member (slot 1–4: never asked in the demo data) checks in, then out — past the repeat
 * window by a staff correction — and says 是 on "leaving?"; ends on the goodbye screen.
 */
export async function checkOutAtKiosk(h: KioskHarness, page: Page, slot: number, memberName: string, yesLabel = '是，离开'): Promise<void> {
  await h.touchFinger(slot);
  await waitForScreen(page, 'welcome');
  await backdateCheckIn(h.server, memberName);
  await h.touchFinger(slot);
  await waitForScreen(page, 'confirm');
  await clickByName(page, yesLabel);
  await waitForScreen(page, 'goodbye');
}

/**
 * Starts counting the page's keyboard events (the appliance has no keyboard: a touch-only flow must
 * need none). Read with `keyEventsSeen`.
 */
export async function countKeyEvents(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__keyEvents = 0;
    for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput']) window.addEventListener(type, () => { window.__keyEvents += 1; }, true);
  })()`);
}

export async function keyEventsSeen(page: Page): Promise<number> {
  return page.evaluate('window.__keyEvents') as Promise<number>;
}
