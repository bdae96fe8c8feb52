/**
 * Browser-test harness: the real edge-server as a child process plus a headless system Chromium.
 *
 * Usage:
 *   const h = await startKiosk({ env: { KIOSK_IDLE_SEC: '3' } });
 *   const page = await h.openPage();           // kiosk UI at 1280×800, waits for <kiosk-app> to be ready
 *   await h.touchFinger(1);                    // POST /api/sim/fingerprint/touch
 *   await page.waitForSelector('::-p-text(早上好)');
 *   expect(await speechLog(page)).toContainEqual(expect.objectContaining({ lang: 'zh-CN' }));
 *   await h.stopServer(); await h.startServer(); // same port and data dir (reconnect test)
 *   await h.close();
 *
 * Deep selectors: puppeteer's `>>>` (`kiosk-app >>> button`), `::-p-aria(name)` and `::-p-text(text)`
 * pierce shadow roots, so tests never reach into `shadowRoot` by hand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import type { RecordMessage, TodayAttendance } from '../../edge-server/src/api-types.js';
import { writeIdentity, type DeviceIdentity } from '../../edge-server/src/sync/identity.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM_PATH = '/usr/bin/chromium';

const BUILT_SERVER = join(REPO_ROOT, 'build/edge-server/src/main.js');
/**
 * How the server is started: the compiled build (`npm run build`) when present, otherwise the TypeScript
 * source through tsx's loader — one node process either way, so stopping the child stops the server.
 */
export const SERVER_COMMAND: readonly string[] = existsSync(BUILT_SERVER)
  ? [process.execPath, BUILT_SERVER]
  : [process.execPath, '--import', 'tsx', join(REPO_ROOT, 'edge-server/src/main.ts')];

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const VIEWPORT_LANDSCAPE = { width: 1280, height: 800 } as const;
export const VIEWPORT_PORTRAIT = { width: 800, height: 1280 } as const;

/** One entry of the kiosk's speech log (`window.__kioskSpeechLog`). */
export interface SpeechLogEntry {
  text: string;
  lang: string;
  at: string;
}

export interface StartOptions {
  /** extra environment for the server, e.g. `{ KIOSK_IDLE_SEC: '3' }` */
  env?: Record<string, string>;
  /** launch Chromium too (default true); false for API-only tests */
  browser?: boolean;
  /** the centre's IANA time zone (written to the data dir's config.json); default Asia/Shanghai */
  centreTimeZone?: string;
  /** an upstream identity written to the data dir before the server starts (the upward sync then runs) */
  identity?: DeviceIdentity;
}

/**
 * A fixed-offset zone (IANA `Etc/GMT±N`) in which it is now between 10:00 and 10:59. A suite that needs
 * "a session later today" or "today has begun" runs the centre in it, so the suite passes whatever the
 * hour it runs at (in Asia/Shanghai such a suite would fail every evening).
 */
export function midMorningZone(now = new Date()): string {
  let offset = 10 - now.getUTCHours(); // local = UTC + offset
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  // the Etc zones' signs are POSIX-style: Etc/GMT-8 is UTC+8
  return offset === 0 ? 'Etc/UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** The edge-server as a child process on a fixed port and data dir; can be stopped and started again. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    readonly port: number,
    readonly dataDir: string,
    readonly env: Record<string, string>,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The running server's process id (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Recent server stdout/stderr, for failure messages. */
  get log(): string {
    return this.output.slice(-8000);
  }

  async start(timeoutMs = 30_000): Promise<void> {
    if (this.child) throw new Error('server already running');
    const [command, ...args] = SERVER_COMMAND;
    const child = spawn(command!, args, {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        HOST: '127.0.0.1',
        NODE_ENV: 'test',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer): void => {
      this.output += chunk.toString();
      if (this.output.length > 64_000) this.output = this.output.slice(-32_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    let exited: number | null | undefined;
    child.once('exit', (code) => {
      exited = code;
      if (this.child === child) this.child = null;
    });

    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited !== undefined) {
        throw new Error(`edge-server exited with code ${exited} before /healthz answered:\n${this.log}`);
      }
      if (await this.healthy()) return;
      await delay(150);
    }
    await this.stop();
    throw new Error(`edge-server did not answer /healthz within ${timeoutMs} ms:\n${this.log}`);
  }

  async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      return res.ok;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }

  /** JSON request against the server; throws with the response body when the status is not 2xx. */
  async api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * Uncaught exceptions and console errors (CSP violations show up here) on a page from `openPage()`.
 * Expected network errors while a test has stopped the server show up too; filter those in the test.
 */
export function pageErrorsOf(page: Page): readonly string[] {
  return pageErrors.get(page) ?? [];
}

/** A started server (+ browser) for one test file. */
export class KioskHarness {
  constructor(
    readonly server: ServerProcess,
    readonly browser: Browser | null,
    private readonly profileDir: string | null,
  ) {}

  get baseUrl(): string {
    return this.server.baseUrl;
  }

  /**
   * A fresh page (own browser context: no cookies or service worker shared with other pages)
   * showing the kiosk UI, waited until the idle screen is up and the live stream is open.
   */
  async openPage(viewport: { width: number; height: number } = VIEWPORT_LANDSCAPE): Promise<Page> {
    if (!this.browser) throw new Error('harness started without a browser');
    const context = await this.browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport(viewport);
    const errors: string[] = [];
    pageErrors.set(page, errors);
    page.on('pageerror', (err) => {
      errors.push(String(err));
      console.error('[kiosk page error]', err);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(this.baseUrl + '/', { waitUntil: 'load' });
    await waitForScreen(page, 'idle');
    await waitForConnection(page);
    return page;
  }

  touchFinger(slot: number | null, quality?: FingerQuality): Promise<void> {
    return touchFinger(this.baseUrl, slot, quality);
  }

  startServer(): Promise<void> {
    return this.server.start();
  }

  stopServer(): Promise<void> {
    return this.server.stop();
  }

  /** Today's attendance as staff sees it (signs in as the demo staff through the API). */
  async todayAttendance(): Promise<TodayAttendance> {
    return todayAttendance(this.server);
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.server.stop();
    rmSync(this.server.dataDir, { recursive: true, force: true });
    if (this.profileDir) rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** Start the server on a free port with a fresh data dir, and (by default) a headless Chromium. */
export async function startKiosk(options: StartOptions = {}): Promise<KioskHarness> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-data-'));
  if (options.centreTimeZone) {
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ centre: { timezone: options.centreTimeZone } }));
  }
  if (options.identity) writeIdentity(dataDir, options.identity);
  const server = new ServerProcess(port, dataDir, options.env ?? {});
  await server.start();
  if (options.browser === false) return new KioskHarness(server, null, null);
  const profileDir = mkdtempSync(join(tmpdir(), 'kiosk-chromium-'));
  try {
    const browser = await launchChromium(profileDir);
    return new KioskHarness(server, browser, profileDir);
  } catch (err) {
    await server.stop();
    throw err;
  }
}

export function launchChromium(userDataDir: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`, '--lang=zh-CN'],
  });
}

/** How a simulated press goes during an enrolment: a good one, or what a wet, dry or moving finger gives. */
export type FingerQuality = 'good' | 'messy' | 'few_features' | 'capture_fails';

/**
 * Simulate a finger on the reader: an enrolled slot, an unenrolled one, or `null` (not recognised).
 * While an enrolment runs it is the next press instead (`null`: a finger the reader does not know yet).
 */
export async function touchFinger(baseUrl: string, slot: number | null, quality?: FingerQuality): Promise<void> {
  const res = await fetch(`${baseUrl}/api/sim/fingerprint/touch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(quality ? { slot, quality } : { slot }),
  });
  if (res.status !== 202) throw new Error(`touch finger ${slot} → ${res.status}: ${await res.text()}`);
}

/** Everything that reached the kiosk's speech port so far. */
export function speechLog(page: Page): Promise<SpeechLogEntry[]> {
  return page.evaluate(() => {
    const log = (window as unknown as { __kioskSpeechLog?: SpeechLogEntry[] }).__kioskSpeechLog;
    return (log ?? []).map((e) => ({ text: e.text, lang: e.lang, at: e.at }));
  });
}

/** Wait until something matching `predicate` has been spoken; returns the matching entry. */
export async function waitForSpeech(
  page: Page,
  includes: string,
  timeoutMs = 10_000,
): Promise<SpeechLogEntry> {
  await page.waitForFunction(
    (needle: string) =>
      ((window as unknown as { __kioskSpeechLog?: SpeechLogEntry[] }).__kioskSpeechLog ?? []).some((e) =>
        e.text.includes(needle),
      ),
    { timeout: timeoutMs },
    includes,
  );
  const log = await speechLog(page);
  return log.filter((e) => e.text.includes(includes)).at(-1)!;
}

/** The name of the screen `<kiosk-app>` shows (its `screen` attribute: idle, welcome, goodbye, …). */
export function currentScreen(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('kiosk-app')?.getAttribute('screen') ?? null);
}

export async function waitForScreen(page: Page, screen: string, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    (name: string) => document.querySelector('kiosk-app')?.getAttribute('screen') === name,
    { timeout: timeoutMs },
    screen,
  );
}

/**
 * Wait until the kiosk's live stream (/api/events) is open. A finger touched before that is never
 * seen by the page (the server does not replay outcomes), so `openPage()` waits for this.
 */
export async function waitForConnection(page: Page, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('kiosk-app')?.getAttribute('connection') === 'online',
    { timeout: timeoutMs },
  );
}

/** Wait for visible text anywhere in the page, shadow roots included. */
export async function waitForText(page: Page, text: string, timeoutMs = 10_000): Promise<ElementHandle<Node>> {
  const handle = await page.waitForSelector(`::-p-text(${cssEscapeText(text)})`, { timeout: timeoutMs, visible: true });
  if (!handle) throw new Error(`text not found: ${text}`);
  return handle;
}

/** Click (press and release) the control whose accessible name is `name`, shadow roots included. */
export async function clickByName(page: Page, name: string, timeoutMs = 10_000): Promise<void> {
  const handle = await page.waitForSelector(`::-p-aria(${cssEscapeText(name)})`, { timeout: timeoutMs, visible: true });
  if (!handle) throw new Error(`control not found: ${name}`);
  await handle.click();
  await handle.dispose();
}

/** Visible text of the whole kiosk, shadow roots included (for "does not contain" assertions). */
export function kioskText(page: Page): Promise<string> {
  // A string, not a function: transpilers may wrap named inner functions in helpers the page lacks.
  return page.evaluate(`(() => {
    const parts = [];
    const walk = (root) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent || '');
        else if (node instanceof Element) {
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    walk(document.body);
    return parts.join(' ').replace(/\\s+/g, ' ');
  })()`) as Promise<string>;
}

/** The deepest focused element's tag and accessible text, for keyboard-only tests. */
export function focusedElement(page: Page): Promise<{ tag: string; text: string; label: string | null }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      label: el?.getAttribute('aria-label') ?? null,
    };
  });
}

export const DEMO_STAFF = { slot: 100, card: '900001', pin: '2468', name: '王芳' } as const;

/**
 * Sign the demo staff in at the kiosk: finger, "manage" (`manageLabel`, the button's words in the
 * page's language), the PIN typed, and wait for staff mode.
 */
export async function enterStaffMode(h: KioskHarness, page: Page, manageLabel = '进入管理'): Promise<void> {
  await h.touchFinger(DEMO_STAFF.slot);
  await waitForScreen(page, 'staff-choice');
  await clickByName(page, manageLabel);
  await waitForScreen(page, 'pin');
  await typeStaffPin(page);
}

/** On the PIN screen: type the demo staff's PIN, press Enter, and wait for staff mode. */
export async function typeStaffPin(page: Page): Promise<void> {
  const pin = await page.waitForSelector('kiosk-app >>> kiosk-pin-pad >>> input', { visible: true });
  await pin!.type(DEMO_STAFF.pin);
  await pin!.press('Enter');
  await pin!.dispose();
  await waitForScreen(page, 'staff-mode');
}

/** Demo member card number for a fingerprint slot: slot 1 → "100001". */
export function demoCard(slot: number): string {
  return `1000${String(slot).padStart(2, '0')}`;
}

/** The staff API as the demo staff, signed in through the API (card → ident token → PIN). */
export interface StaffApi {
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function staffApi(server: ServerProcess): Promise<StaffApi> {
  const ident = await server.api<{ kind: string; identToken?: string }>('POST', '/api/identify/card', {
    cardNumber: DEMO_STAFF.card,
  });
  if (ident.kind !== 'staff_identified' || !ident.identToken) throw new Error(`staff card gave ${ident.kind}`);
  const res = await fetch(`${server.baseUrl}/api/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identToken: ident.identToken, pin: DEMO_STAFF.pin }),
  });
  if (!res.ok) throw new Error(`staff session → ${res.status}: ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { call: (method, path, body) => server.api(method, path, body, { cookie }) };
}

/** Today's attendance as staff sees it. */
export async function todayAttendance(server: ServerProcess): Promise<TodayAttendance> {
  return (await staffApi(server)).call<TodayAttendance>('GET', '/api/staff/attendance/today');
}

/**
 * Move a member's check-in today `minutes` back (a staff correction), so that the next identification
 * is past the 60-second repeat window and asks "leaving?" instead of repeating the welcome.
 */
export async function backdateCheckIn(server: ServerProcess, memberName: string, minutes = 3): Promise<void> {
  const staff = await staffApi(server);
  const today = await staff.call<TodayAttendance>('GET', '/api/staff/attendance/today');
  const line = today.present.find((l) => l.name === memberName);
  if (!line) throw new Error(`${memberName} is not present today`);
  const to = new Date(Date.parse(line.checkedInAt) - minutes * 60_000).toISOString();
  await staff.call('POST', '/api/staff/attendance/corrections', {
    attendanceId: line.checkInId,
    field: 'occurredAt',
    to,
    reason: 'browser test: past the repeat window',
  });
}

/** Records seen on the server's SSE stream since `watchRecords()` was called. */
export interface RecordWatch {
  readonly records: RecordMessage[];
  /** resolves once the stream is open (so nothing after this is missed) */
  ready: Promise<void>;
  close(): void;
}

/** Listen to `record` events on /api/events from the test process (Node has no EventSource). */
export function watchRecords(baseUrl: string): RecordWatch {
  const controller = new AbortController();
  const records: RecordMessage[] = [];
  let opened: () => void = () => undefined;
  const ready = new Promise<void>((done) => (opened = done));
  void (async () => {
    try {
      const res = await fetch(`${baseUrl}/api/events`, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
      opened();
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = message.split('\n');
          const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (event === 'record' && data) records.push(JSON.parse(data) as RecordMessage);
        }
      }
    } catch {
      // aborted by close(), or the server went away
    }
  })();
  return { records, ready, close: () => controller.abort() };
}

export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** P-selector arguments are CSS strings: quote them so parentheses and commas in the text are safe. */
function cssEscapeText(text: string): string {
  return JSON.stringify(text);
}
