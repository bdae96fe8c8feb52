import type { Page } from 'puppeteer-core';
import type { Item, MemberLending } from '../../edge-server/src/api-types.js';
import { clickByName, enterStaffMode, waitForText, type KioskHarness, type StaffApi } from './harness.js';

export const LENDING = '/api/staff/lending';
export const DESK = 'kiosk-app >>> kiosk-lending-desk';

/** The centre's date `days` from today in its time zone (Asia/Shanghai unless given). */
export function centreDay(days = 0, timeZone = 'Asia/Shanghai'): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Staff mode → 辅具借用 (the loan desk is its first part). */
export async function openLending(h: KioskHarness, page: Page, lendingLabel = '辅具借用', manageLabel = '进入管理'): Promise<void> {
  await enterStaffMode(h, page, manageLabel);
  await clickByName(page, lendingLabel);
  await page.waitForSelector(DESK, { visible: true });
}

/** At the desk's first step: find a member by name and open their lending. */
export async function deskMemberByName(page: Page, name: string): Promise<void> {
  await page.type(`${DESK} >>> kiosk-desk-identify >>> kiosk-member-picker >>> input[type=search]`, name);
  await clickByName(page, name);
  await waitForText(page, `${name} 的借用`);
}

/** Answers every check of the form shown (合格 for each, or as `answer` says). */
export async function answerChecks(page: Page, host: string, answer: (key: string) => boolean = () => true): Promise<string[]> {
  const rows = await page.$$(`${host} >>> li[data-check]`);
  const keys: string[] = [];
  for (const row of rows) {
    const key = (await row.evaluate((el) => el.getAttribute('data-check')))!;
    keys.push(key);
    const radios = await row.$$('input[type=radio]');
    await radios[answer(key) ? 0 : 1]!.click();
  }
  return keys;
}

/** A check-out through the API, staff-witnessed (set-up for return, overdue and renewal tests). */
export async function lendByApi(staff: StaffApi, memberId: string, tag: string, dueOn: string, override?: string): Promise<string> {
  const item = await staff.call<Item>('GET', `${LENDING}/items/by-tag/${tag}`);
  const entries = (await staff.call<{ entries: { id: string; checkoutChecklist: string[] }[] }>('GET', `${LENDING}/catalogue`)).entries;
  const checks = entries.find((e) => e.id === item.catalogueId)!.checkoutChecklist;
  const loan = await staff.call<{ id: string }>('POST', `${LENDING}/loans`, {
    memberId, itemId: item.id, dueOn, condition: item.condition,
    checklist: Object.fromEntries(checks.map((c) => [c, true])),
    acknowledgement: { method: 'staff_witnessed', by: 'self' },
    ...(override ? { override: { reason: override } } : {}),
  });
  return loan.id;
}

export function memberLending(staff: StaffApi, memberId: string): Promise<MemberLending> {
  return staff.call<MemberLending>('GET', `${LENDING}/members/${memberId}`);
}

/** In the member picker inside `host`: search for `name` and choose them (other pickers on the page left alone). */
export async function pickMemberIn(page: Page, host: string, name: string): Promise<void> {
  const picker = `${host} >>> kiosk-member-picker`;
  await page.type(`${picker} >>> input[type=search]`, name);
  const button = await page.waitForSelector(`${picker} >>> ul button ::-p-text(${name})`, { visible: true });
  await button!.click();
}
