/**
 * Shared by the staff sessions browser suites: the centre's dates, opening 活动安排 in staff mode,
 * filling the form's fields, and the sessions API as the demo staff.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { SessionOccurrence, SessionRoster, StaffWeek } from '../../edge-server/src/api-types.js';
import { addDays, mondayOf } from '../../kiosk-ui/src/staff/schedule/week-dates.js';
import type { StaffApi } from './a11y/a11y-support.js';
import { clickByName, enterStaffMode, midMorningZone, type KioskHarness } from './harness.js';

/** The suites run the centre where it is mid-morning now (sessions "later today" exist at any hour). */
export const CENTRE_TZ = midMorningZone();

/** Today in the centre's time zone. */
export function centreToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CENTRE_TZ }).format(new Date());
}

/** Next week's Monday: every date of a test series is still to come, whatever the hour. */
export function nextMonday(): string {
  return addDays(mondayOf(centreToday()), 7);
}

/** Sign the demo staff in at the kiosk and open the sessions view (the week planner). */
export async function openSchedule(h: KioskHarness, page: Page): Promise<void> {
  await enterStaffMode(h, page);
  await clickByName(page, '活动安排');
  await page.waitForSelector('kiosk-app >>> kiosk-schedule-week >>> ul.days', { visible: true });
}

/** A deep element of the sessions view, e.g. `kiosk-session-form >>> input[name=title]`. */
export async function deep(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForSelector(`kiosk-app >>> kiosk-staff-schedule >>> ${selector}`, { visible: true });
  if (!handle) throw new Error(`not found: ${selector}`);
  return handle;
}

/**
 * Set an input's value as typing would (an `input` event). Date and time fields take their value in
 * the ISO form whatever the browser's locale, which typing into them would not.
 */
export async function setValue(page: Page, selector: string, value: string): Promise<void> {
  const input = await deep(page, selector);
  await input.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }, value);
  await input.dispose();
}

export async function clickDeep(page: Page, selector: string): Promise<void> {
  const handle = await deep(page, selector);
  await handle.click();
  await handle.dispose();
}

/** The planner's button for one occurrence. */
export function occurrenceButton(sessionId: string, date: string): string {
  return `kiosk-schedule-week >>> button[data-session="${sessionId}"][data-date="${date}"]`;
}

export function week(staff: StaffApi, from: string): Promise<StaffWeek> {
  return staff.call<StaffWeek>('GET', `/api/staff/schedule/week?from=${from}`);
}

/** The occurrence of `sessionId` on `date` (its scheduled date), read through the week planner's API. */
export async function occurrence(staff: StaffApi, sessionId: string, date: string): Promise<SessionOccurrence | undefined> {
  const days = (await week(staff, mondayOf(date))).days;
  return days.flatMap((d) => d.sessions).find((s) => s.sessionId === sessionId && s.date === date);
}

export function roster(staff: StaffApi, sessionId: string, date: string): Promise<SessionRoster> {
  return staff.call<SessionRoster>('GET', `/api/staff/sessions/${sessionId}/dates/${date}`);
}
