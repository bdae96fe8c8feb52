import type { Db } from '../db/connection.js';
import type { EventBus } from '../events/bus.js';
import { backoffDelay } from './backoff.js';
import type { DeviceIdentity } from './identity.js';
import { Pusher } from './push.js';
import { RequestSigner } from './signer.js';
import { UpstreamClient, UpstreamError, type FetchFn } from './upstream-client.js';

/** Waits `ms`, or less when `wake` aborts. Tests pass one that records the delays. */
export type Sleep = (ms: number, wake: AbortSignal) => Promise<void>;

export interface SyncLog { info(line: string): void; warn(line: string): void }

export interface SyncServiceDeps {
  db: Db;
  bus: EventBus;
  identity: DeviceIdentity;
  now?: () => number;
  random?: () => number;
  sleep?: Sleep;
  fetch?: FetchFn;
  timeoutMs?: number;
  log?: SyncLog;
}

/** What the sync knows about itself (technician status, heartbeat later). */
export interface SyncState {
  facility: DeviceIdentity['facility'];
  lastPushAt: number | null;
  /** failed attempts in a row (0 after a success) */
  failures: number;
  lastError: { code: string; message: string } | null;
  /** server time minus ours, learnt from a clock_skew answer: how far off this kiosk's clock was */
  clockOffsetMs: number;
}

const realSleep: Sleep = (ms, wake) => new Promise((resolve) => {
  if (wake.aborted) return resolve();
  const timer = setTimeout(done, ms);
  timer.unref();
  function done() {
    clearTimeout(timer);
    wake.removeEventListener('abort', done);
    resolve();
  }
  wake.addEventListener('abort', done, { once: true });
});

const consoleLog: SyncLog = { info: (l) => console.log(l), warn: (l) => console.error(l) };

/**
 * Pushes the event log to the district platform every `pushSec`, backing off (full jitter, 2 s to
 * 5 min) after failures, honouring Retry-After, and at once when a critical alert is raised.
 * Reads only the event log and its delivery state; never a domain table.
 */
export class SyncService {
  private readonly pusher: Pusher;
  private readonly signer: RequestSigner;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly log: SyncLog;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake = new AbortController();
  /** a push was asked for while one was running: run again without waiting */
  private triggered = false;
  /** while honouring the server's Retry-After, an alert does not cut the wait short */
  private wakeable = true;
  private unsubscribe: (() => void) | undefined;
  private readonly status: Omit<SyncState, 'clockOffsetMs' | 'facility'> = { lastPushAt: null, failures: 0, lastError: null };

  constructor(private readonly deps: SyncServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? realSleep;
    this.log = deps.log ?? consoleLog;
    this.signer = new RequestSigner(deps.identity.deviceId, deps.identity.deviceSecret, this.now);
    const client = new UpstreamClient({
      baseUrl: deps.identity.upstream, signer: this.signer, fetch: deps.fetch, timeoutMs: deps.timeoutMs,
      onClockOffset: (offsetMs) => this.log.warn(`sync: this kiosk's clock is ${(offsetMs / 1000).toFixed(0)} s off the district platform's; signing with the platform's time from now on (check the network time service)`),
    });
    this.pusher = new Pusher(deps.db, client, this.now);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.deps.bus.subscribe('record', (record) => {
      if (record.type === 'alert.raised' && record.data.severity === 'critical') this.pushNow();
    });
    this.log.info(`sync: pushing events to ${this.deps.identity.facility.name} every ${this.deps.identity.intervals.pushSec} s`);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake.abort();
    await this.loop;
  }

  /** Asks for a push now (an emergency, a technician); waits out a Retry-After first. */
  pushNow(): void {
    this.triggered = true;
    if (this.wakeable) this.wake.abort();
  }

  state(): SyncState {
    return { facility: this.deps.identity.facility, ...this.status, clockOffsetMs: this.signer.offsetMs };
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.triggered = false;
      let delay = this.deps.identity.intervals.pushSec * 1000;
      this.wakeable = true;
      try {
        const result = await this.pusher.drain();
        this.status.failures = 0;
        this.status.lastError = null;
        this.status.lastPushAt = this.now();
        if (result.rejected > 0) this.log.warn(`sync: the district platform rejected ${result.rejected} events; they are parked with their reasons (provision status lists them)`);
      } catch (err) {
        this.status.failures++;
        const e = err instanceof UpstreamError ? err : new UpstreamError('server_error', (err as Error).message);
        this.status.lastError = { code: e.code, message: e.message };
        if (e.code === 'busy' && e.retryAfterMs !== undefined) {
          delay = e.retryAfterMs;
          this.wakeable = false;
        } else {
          delay = backoffDelay(this.status.failures, this.deps.random);
        }
        this.log.warn(`sync: push failed: ${e.message}; nothing is lost, trying again in ${Math.round(delay / 1000)} s`);
      }
      if (!this.running) break;
      if (this.triggered && this.wakeable) continue;
      this.wake = new AbortController();
      await this.sleep(delay, this.wake.signal);
    }
  }
}
