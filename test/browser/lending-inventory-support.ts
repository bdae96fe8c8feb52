/** Set-up shared by the lending inventory browser suites: entries and items made through the staff API. */
import type { Page } from 'puppeteer-core';
import type { CatalogueEntry, CatalogueInput, Item, ItemInput } from '../../edge-server/src/api-types.js';
import type { StaffApi } from './harness.js';

const LENDING = '/api/staff/lending';

export function centreToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** A catalogue entry with the category's default checklists. */
export function addEntry(staff: StaffApi, name: string, input: Partial<CatalogueInput> = {}): Promise<CatalogueEntry> {
  return staff.call<CatalogueEntry>('POST', `${LENDING}/catalogue`, {
    name, category: 'wheelchair', eligibleDisability: [], eligibleGrades: [], assessmentRequired: false,
    loanDays: 30, bufferDays: 1, serviceLifeYears: 5, ...input,
  });
}

export function registerItem(staff: StaffApi, catalogueId: string, tagCode: string, more: Partial<ItemInput> = {}): Promise<Item> {
  return staff.call<Item>('POST', `${LENDING}/items`, { tagCode, catalogueId, condition: 'good', location: '一号库房', ...more });
}

export function itemByTag(staff: StaffApi, tagCode: string): Promise<Item> {
  return staff.call<Item>('GET', `${LENDING}/items/by-tag/${encodeURIComponent(tagCode)}`);
}

export async function entries(staff: StaffApi): Promise<CatalogueEntry[]> {
  return (await staff.call<{ entries: CatalogueEntry[] }>('GET', `${LENDING}/catalogue`)).entries;
}

/** The element inside the kiosk (shadow roots pierced), waited for. */
export async function deep(page: Page, selector: string) {
  const handle = await page.waitForSelector(`kiosk-app >>> ${selector}`, { visible: true });
  if (!handle) throw new Error(`not found: ${selector}`);
  return handle;
}

/** Tick or choose the radio/checkbox whose `label.choice` reads `text`, inside `host`. */
export async function choose(page: Page, host: string, text: string): Promise<void> {
  await page.waitForSelector(`kiosk-app >>> ${host} >>> label.choice`, { visible: true });
  const labels = await page.$$(`kiosk-app >>> ${host} >>> label.choice`);
  for (const label of labels) {
    const words = await label.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
    if (words === text) {
      await label.click();
      return;
    }
  }
  throw new Error(`no choice reads '${text}' in ${host}`);
}

/** The words of each `label.choice` inside `host`. */
export async function choices(page: Page, host: string, name: string): Promise<string[]> {
  await page.waitForSelector(`kiosk-app >>> ${host} >>> input[name="${name}"]`, { visible: true });
  const labels = await page.$$(`kiosk-app >>> ${host} >>> label.choice:has(input[name="${name}"])`);
  return Promise.all(labels.map((l) => l.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())));
}

/** Replace a field's text (select all, then type). */
export async function retype(page: Page, selector: string, text: string): Promise<void> {
  const field = await deep(page, selector);
  await field.click({ count: 3 });
  await field.press('Backspace');
  if (text) await field.type(text);
}

/** Sets a date field (Chromium's date input takes keys per part; the value is set as a form would). */
export async function setDate(page: Page, selector: string, day: string): Promise<void> {
  const field = await deep(page, selector);
  await field.evaluate((el, value) => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }, day);
}
