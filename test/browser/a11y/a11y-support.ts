/**
 * What the a11y tests share beyond the browser harness: axe with the house rule set, speech helpers,
 * staff API calls that put the demo members into the state a screen needs (present for a while, or
 * not in yet), the event log, and page helpers. Measurements are in layout-report.ts, focus in focus.ts.
 *
 * Floors and how they are measured: /work/shared/ACCESSIBILITY.md.
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer-core';
import { afterEach, expect } from 'vitest';
import type { AttendanceLine, RecordMessage, TodayAttendance } from '../../../edge-server/src/api-types.js';
import {
  DEMO_STAFF,
  VIEWPORT_LANDSCAPE,
  currentScreen,
  delay,
  kioskText,
  speechLog,
  waitForConnection,
  waitForScreen,
  type KioskHarness,
  type ServerProcess,
  type SpeechLogEntry,
} from '../harness.js';
import { contrastProblems, layoutReport, reflowProblems, targetProblems } from './layout-report.js';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Screens a member can see (the frame with "call staff" and "repeat"); the others are staff screens. */
export const MEMBER_SCREENS = ['idle', 'card', 'welcome', 'goodbye', 'confirm', 'not-recognised', 'inactive'] as const;

/** Demo member names by fingerprint slot (edge-server/src/demo-data.ts). */
export const MEMBER_NAMES: Record<number, string> = {
  1: '张伟',
  2: '李秀英',
  3: '王建国',
  4: '刘小明',
  5: '陈静',
  6: '杨丽华',
  7: '赵磊',
  8: '黄志强',
  9: '周敏',
  10: '吴桂兰',
  11: '徐晓东',
  12: '孙丽娟',
};
export const INACTIVE_CARD = '100013';

export function memberId(slot: number): string {
  return `mem_demo_${String(slot).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------- axe

/**
 * axe on the whole page with `target-size` switched on (it is off by default). `options()` replaces
 * earlier options, so options first, then tags. One line per failing node: id, target, summary.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // @axe-core/puppeteer is typed against `puppeteer`; puppeteer-core's Page is the same class at runtime.
  const results = await new AxePuppeteer(page as never)
    .options({ rules: { 'target-size': { enabled: true } } })
    .withTags(AXE_TAGS)
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} [${v.impact ?? '?'}] ${v.help} — target ${JSON.stringify(n.target)} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`,
    ),
  );
}

/**
 * Soft assertions (the test goes on to the next state) that axe finds nothing on `state`, and that
 * all text has a contrast of at least 7:1.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const violations = await axeViolations(page);
  expect.soft(violations.length, `axe on ${state}: ${violations.length} violation(s)\n  ${violations.join('\n  ')}`).toBe(0);
  const contrast = contrastProblems(await layoutReport(page));
  expect.soft(contrast, `text contrast ≥ 7:1 on ${state}`).toEqual([]);
}

/** axe and contrast with the high-contrast theme on `<kiosk-app>` (as a member's profile would set it). */
export async function checkHighContrast(page: Page, where: string): Promise<void> {
  // kiosk-app reflects the profile in force on every render: keep the attribute on while axe looks
  await page.evaluate(() => {
    const app = document.querySelector('kiosk-app')!;
    const keep = new MutationObserver(() => app.hasAttribute('high-contrast') || app.setAttribute('high-contrast', ''));
    keep.observe(app, { attributes: true, attributeFilter: ['high-contrast'] });
    (window as unknown as { __keepHighContrast: MutationObserver }).__keepHighContrast = keep;
    app.setAttribute('high-contrast', '');
  });
  try {
    await settle(page);
    const violations = await axeViolations(page);
    expect.soft(violations, `axe on ${where}, high contrast`).toEqual([]);
    expect.soft(contrastProblems(await layoutReport(page)), `text contrast ≥ 7:1 on ${where}, high contrast`).toEqual([]);
  } finally {
    await page.evaluate(() => {
      (window as unknown as { __keepHighContrast: MutationObserver }).__keepHighContrast.disconnect();
      document.querySelector('kiosk-app')!.removeAttribute('high-contrast');
    });
  }
}

/**
 * A staff screen against the bar: axe always; outside a modal dialog (whose backdrop covers the page)
 * the staff target floors and reflow (no clipped or overlapping text); high contrast when asked.
 */
export async function checkStaffScreen(page: Page, where: string, opts: { dialog?: boolean; highContrast?: boolean } = {}): Promise<void> {
  await settle(page);
  await expectNoAxeViolations(page, where);
  if (!opts.dialog) {
    const report = await layoutReport(page);
    expect.soft(reflowProblems(report), `${where}: clipped or overlapping text`).toEqual([]);
    expect.soft(targetProblems(report, 'staff'), `${where}: staff target floors`).toEqual([]);
  }
  if (opts.highContrast) await checkHighContrast(page, where);
}

// ------------------------------------------------------------------------------------------- speech

/** Speech entries after the first `from` ones. */
export async function speechSince(page: Page, from: number): Promise<SpeechLogEntry[]> {
  return (await speechLog(page)).slice(from);
}

/**
 * Waits until an utterance containing `spoken` reaches the speech port after entry `from`, then
 * checks — at that moment — that the screen shows `shown` and the utterance's language is `lang`.
 */
export async function expectSpokenAndShown(
  page: Page,
  opts: { from: number; spoken: string; shown: string | string[]; lang: 'zh-CN' | 'en'; timeoutMs?: number },
): Promise<SpeechLogEntry> {
  await page
    .waitForFunction(
      (from: number, needle: string) =>
        ((window as unknown as { __kioskSpeechLog?: { text: string }[] }).__kioskSpeechLog ?? [])
          .slice(from)
          .some((e) => e.text.includes(needle)),
      { timeout: opts.timeoutMs ?? 10_000 },
      opts.from,
      opts.spoken,
    )
    .catch(async () => {
      const log = await speechSince(page, opts.from);
      throw new Error(`"${opts.spoken}" was never spoken; spoken since: ${JSON.stringify(log.map((e) => e.text))}`);
    });
  const shownText = await kioskText(page);
  const entry = (await speechSince(page, opts.from)).filter((e) => e.text.includes(opts.spoken)).at(-1)!;
  for (const s of Array.isArray(opts.shown) ? opts.shown : [opts.shown]) {
    expect(shownText, `"${entry.text}" was spoken but "${s}" is not shown`).toContain(s);
  }
  expect(entry.lang, `language of "${entry.text}"`).toBe(opts.lang);
  return entry;
}

// ------------------------------------------------------------------------------- server-side state

/** Staff API calls as the demo staff, for putting members into the state a screen needs. */
export class StaffApi {
  private cookie = '';

  constructor(private readonly server: ServerProcess) {}

  private async signIn(): Promise<void> {
    const ident = await this.server.api<{ kind: string; identToken?: string }>('POST', '/api/identify/card', {
      cardNumber: DEMO_STAFF.card,
    });
    if (ident.kind !== 'staff_identified' || !ident.identToken) throw new Error(`staff card gave ${ident.kind}`);
    const res = await fetch(`${this.server.baseUrl}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identToken: ident.identToken, pin: DEMO_STAFF.pin }),
    });
    if (!res.ok) throw new Error(`staff session → ${res.status}: ${await res.text()}`);
    this.cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (!this.cookie) await this.signIn();
    try {
      return await this.server.api<T>(method, path, body, { cookie: this.cookie });
    } catch (err) {
      // the session may have idled out (or the server restarted): sign in once more
      if (!String(err).includes('→ 401')) throw err;
      await this.signIn();
      return this.server.api<T>(method, path, body, { cookie: this.cookie });
    }
  }

  today(): Promise<TodayAttendance> {
    return this.call('GET', '/api/staff/attendance/today');
  }

  async line(slot: number): Promise<AttendanceLine | undefined> {
    const today = await this.today();
    return [...today.present, ...today.left].find((l) => l.memberId === memberId(slot));
  }

  /** Void every record of today, so each member's next finger is a fresh check-in. */
  async resetAttendance(): Promise<void> {
    for (let round = 0; round < 20; round++) {
      const today = await this.today();
      const lines = [...today.present, ...today.left];
      if (lines.length === 0) return;
      for (const l of lines) {
        if (l.checkOutId) await this.correct(l.checkOutId, 'voided', 'true');
        await this.correct(l.checkInId, 'voided', 'true');
      }
    }
    throw new Error('attendance did not clear after 20 rounds of voiding');
  }

  /** Check the member in (staff-assisted) if needed and move the check-in 2 minutes back, so the next finger asks "leaving?". */
  async makePresentForAWhile(slot: number): Promise<void> {
    let line = await this.line(slot);
    if (!line || line.checkedOutAt) {
      await this.call('POST', '/api/staff/attendance', { memberId: memberId(slot), direction: 'in', reason: 'a11y test' });
      line = await this.line(slot);
    }
    const earlier = new Date(Date.parse(line!.checkedInAt) - 120_000).toISOString();
    await this.correct(line!.checkInId, 'occurredAt', earlier);
  }

  private correct(attendanceId: string, field: 'voided' | 'occurredAt', to: string): Promise<unknown> {
    return this.call('POST', '/api/staff/attendance/corrections', { attendanceId, field, to, reason: 'a11y test setup' });
  }
}

/**
 * The records of the event log after `afterSeq`, read from `GET /api/events` (Last-Event-ID replays
 * them), until one of `type` arrives or `timeoutMs` passes.
 */
export async function waitForRecord(baseUrl: string, type: string, afterSeq = 0, timeoutMs = 5000): Promise<RecordMessage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const seen: string[] = [];
  try {
    const res = await fetch(`${baseUrl}/api/events`, { headers: { 'Last-Event-ID': String(afterSeq) }, signal: controller.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.replace(/^data: ?/, ''))
          .join('\n');
        if (event !== 'record' || !data) continue;
        const record = JSON.parse(data) as RecordMessage;
        seen.push(record.type);
        if (record.type === type && record.seq > afterSeq) return record;
      }
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  throw new Error(`no '${type}' record after seq ${afterSeq} within ${timeoutMs} ms; records seen: ${seen.join(', ') || 'none'}`);
}

/** The newest event-log sequence number (the stream's `hello`). */
export async function lastSeq(baseUrl: string): Promise<number> {
  const controller = new AbortController();
  try {
    const res = await fetch(`${baseUrl}/api/events`, { signal: controller.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream closed before hello');
      buffer += value;
      const m = /event: ?hello\ndata: ?(\{.*\})/.exec(buffer);
      if (m) return (JSON.parse(m[1]!) as { seq: number }).seq;
    }
  } finally {
    controller.abort();
  }
}

// ------------------------------------------------------------------------------------------ the page

/** Back to a fresh idle screen (a reload), optionally switched to English by its own button. */
export async function freshIdle(h: KioskHarness, page: Page, lang: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await page.goto(h.baseUrl + '/', { waitUntil: 'load' });
  // keyboard focus (and so :focus) belongs to the page that is in front
  await page.bringToFront();
  await waitForScreen(page, 'idle');
  // a finger touched before the live stream is open is never seen by the page
  await waitForConnection(page);
  // the centre's default language arrives with /api/kiosk; wait for it before switching
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  if (lang === 'en') await switchLanguage(page, 'en');
}

/** Press the language button (by mouse) and wait for `<html lang>`. */
export async function switchLanguage(page: Page, to: 'zh-CN' | 'en'): Promise<void> {
  const button = await page.waitForSelector('kiosk-app >>> header button.lang', { visible: true });
  await button!.click();
  await button!.dispose();
  await page.waitForFunction((lang: string) => document.documentElement.lang === lang, {}, to);
}

/** Unplug (or plug back) the simulated fingerprint reader. */
export async function setReaderPlugged(h: KioskHarness, connected: boolean): Promise<void> {
  await h.server.api('POST', '/api/sim/fingerprint/connection', { connected });
}

/** Touch a finger and wait for the screen it leads to. */
export async function fingerTo(h: KioskHarness, page: Page, slot: number | null, screen: string): Promise<void> {
  await h.touchFinger(slot);
  await waitForScreen(page, screen).catch(async () => {
    throw new Error(`finger ${slot} should lead to '${screen}' but the screen is '${await currentScreen(page)}'`);
  });
  // the screen is drawn; let its element finish rendering and take focus
  await settle(page);
}

/** 640×400 CSS px is what a 1280×800 screen shows at 200 % zoom. */
export const VIEWPORT_ZOOM_200 = { width: 640, height: 400 } as const;

/** How staff screens are checked: both languages at 1280×800, and zh-CN at 200 % zoom. */
export const STAFF_SCREEN_CONFIGS = [
  { lang: 'zh-CN', viewport: VIEWPORT_LANDSCAPE, label: 'zh-CN, 1280×800' },
  { lang: 'en', viewport: VIEWPORT_LANDSCAPE, label: 'en, 1280×800' },
  { lang: 'zh-CN', viewport: VIEWPORT_ZOOM_200, label: 'zh-CN, 200 % zoom' },
] as const;

/** Press a key and let the page settle (the focus moves, Lit renders). */
export async function pressKey(page: Page, key: Parameters<Page['keyboard']['press']>[0]): Promise<void> {
  await page.keyboard.press(key);
  await settle(page);
}

/** Wait until Lit has rendered everything pending and the focus has moved (two animation frames). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await delay(50);
}

/** After a failing test, print the end of the server's log (a crash or a 500 explains many timeouts). */
export function printServerLogOnFailure(harness: () => KioskHarness | undefined): void {
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') {
      const h = harness();
      if (h) console.error(`[server log, last 3000 chars]\n${h.server.log.slice(-3000)}`);
    }
  });
}
