/**
 * What the alert browser tests share: pressing the simulated emergency button, the banner's state,
 * the console's cards, tidying alerts up through the staff API, and an alert raised while the server
 * is stopped (a no-show needs four weeks of history and the cutoff time; the rule itself is unit-tested).
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { AlertInfo, AlertKind } from '../../edge-server/src/api-types.js';
import { SystemClock } from '../../edge-server/src/clock.js';
import { openDatabase } from '../../edge-server/src/db/connection.js';
import { AlertService } from '../../edge-server/src/domain/alerts.js';
import { EventBus } from '../../edge-server/src/events/bus.js';
import { EventLog } from '../../edge-server/src/events/event-log.js';
import type { StaffApi } from './a11y/a11y-support.js';
import { delay, type KioskHarness } from './harness.js';

/** The emergency button pressed and let go (active low: 0 is pressed); the press raises `emergency_call`. */
export async function pressEmergency(h: KioskHarness): Promise<void> {
  await h.server.api('POST', '/api/sim/gpio/call_button', { value: 0 });
  await h.server.api('POST', '/api/sim/gpio/call_button', { value: 1 });
}

/** How `<kiosk-app>` shows the emergency: over the whole screen, as a strip over staff work, or not at all. */
export function bannerState(page: Page): Promise<'full' | 'strip' | null> {
  return page.evaluate(() => document.querySelector('kiosk-app')?.getAttribute('emergency') as 'full' | 'strip' | null);
}

export async function waitForBanner(page: Page, state: 'full' | 'strip' | null, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    (want: string | null) => (document.querySelector('kiosk-app')?.getAttribute('emergency') ?? null) === want,
    { timeout: timeoutMs },
    state,
  );
}

export interface ConsoleData {
  open: AlertInfo[];
  history: AlertInfo[];
}

export function alertConsole(staff: StaffApi): Promise<ConsoleData> {
  return staff.call<ConsoleData>('GET', '/api/staff/alerts');
}

/** Resolve every unresolved alert, so the next test starts with none. */
export async function resolveAll(staff: StaffApi): Promise<void> {
  for (const alert of (await alertConsole(staff)).open) {
    await staff.call('POST', `/api/staff/alerts/${alert.id}/resolve`, { note: 'browser test: tidied up' });
  }
}

/** Staff mode → the alert console (the nav button's name carries the count, so it is found by its view). */
export async function openAlertsView(page: Page): Promise<void> {
  const button = await page.waitForSelector('kiosk-app >>> kiosk-staff-mode >>> nav button[data-view="alerts"]', { visible: true });
  await button!.click();
  await button!.dispose();
  await page.waitForSelector('kiosk-app >>> kiosk-staff-alerts >>> h2', { visible: true });
}

/** The console card whose text contains `text` (its kind, a member's name…). */
export async function alertCard(page: Page, text: string, timeoutMs = 10_000) {
  const handle = await page.waitForFunction(
    (needle: string) => {
      const found: Element[] = [];
      const walk = (root: Document | ShadowRoot): void => {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          if (el.tagName === 'KIOSK-ALERT-CARD' && (el.shadowRoot?.textContent ?? '').includes(needle)) found.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return found[0] ?? null;
    },
    { timeout: timeoutMs },
    text,
  );
  return handle.asElement()!;
}

/** Press Acknowledge, Resolve or Record leave (`leave` needs the member's name) on the card containing `text`. */
export async function pressOnCard(page: Page, text: string, action: 'acknowledge' | 'resolve' | 'leave', member?: string): Promise<void> {
  const card = await alertCard(page, text);
  const selector = member ? `pierce/button[data-action="leave"][aria-label*="${member}"]` : `pierce/button[data-action="${action}"]`;
  const button = await card.waitForSelector(selector, { visible: true });
  await button!.click();
  await button!.dispose();
  await card.dispose();
}

/**
 * Raise an alert straight through the domain while the server is stopped, then start it again: what
 * a monitoring rule would have raised while the kiosk page was cut off from the server.
 */
export async function raiseWhileStopped(h: KioskHarness, kind: AlertKind, detail: Record<string, unknown>): Promise<string> {
  await h.stopServer();
  const db = openDatabase(join(h.server.dataDir, 'kiosk.db'));
  let id: string;
  try {
    const clock = new SystemClock();
    const bus = new EventBus();
    const timeZone = () => 'Asia/Shanghai';
    const log = new EventLog({ db, clock, bus, timeZone });
    id = new AlertService({ db, log, bus, clock, timeZone }).raise(kind, detail).id;
  } finally {
    db.close();
  }
  // the page notices the server is gone before it comes back (so it reconnects, and reads again)
  await delay(500);
  await h.startServer();
  return id;
}
