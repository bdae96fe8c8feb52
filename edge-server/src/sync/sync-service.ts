import { statfsSync } from 'node:fs';
import type { Db } from '../db/connection.js';
import type { SyncQueue, SyncStatusInfo } from '../api-types-sync.js';
import { countRejectedEvents, listRecentRejectedEvents, listRejectedEvents } from '../db/event-delivery.repo.js';
import { pendingUpstream } from '../db/events.repo.js';
import { LAST_PULL_OK_KEY, LAST_PUSH_OK_KEY, readSyncSetting, writeSyncSetting } from '../db/sync-commands.repo.js';
import type { EventBus } from '../events/bus.js';
import { Heartbeat } from './heartbeat.js';
import type { DeviceIdentity, SyncIntervals } from './identity.js';
import { Puller, type PullStream } from './pull.js';
import { Pusher } from './push.js';
import { realSleep, RetryLoop, type Sleep, type SyncLog } from './retry-loop.js';
import { RequestSigner } from './signer.js';
import { UpstreamClient, type FetchFn } from './upstream-client.js';

export type { Sleep, SyncLog } from './retry-loop.js';

export interface SyncServiceDeps {
  db: Db;
  bus: EventBus;
  identity: DeviceIdentity;
  softwareVersion: string;
  /** for the heartbeat's free disk space */
  dataDir?: string;
  clockSynced?: () => boolean;
  hardware?: () => Record<string, string>;
  now?: () => number;
  random?: () => number;
  sleep?: Sleep;
  fetch?: FetchFn;
  timeoutMs?: number;
  log?: SyncLog;
}

/** What the sync knows about itself (technician status, heartbeat, diagnostics). */
export interface SyncState {
  facility: DeviceIdentity['facility'];
  intervals: SyncIntervals;
  lastPushAt: number | null;
  lastPullAt: number | null;
  /** failed push attempts in a row (0 after a success) */
  failures: number;
  lastError: { code: string; message: string } | null;
  /** server time minus ours, learnt from a clock_skew answer: how far off this kiosk's clock was */
  clockOffsetMs: number;
}

const consoleLog: SyncLog = { info: (l) => console.log(l), warn: (l) => console.error(l) };
const INTERVALS_KEY = 'intervals';
const REJECTED_SHOWN = 50;

/** What waits to be sent and what the platform rejected (newest first, at most 50): with or without an identity. */
export function syncQueue(db: Db): SyncQueue {
  const pending = pendingUpstream(db);
  return {
    pending: pending.count,
    oldestPendingAt: pending.oldestOccurredAt,
    rejected: {
      total: countRejectedEvents(db),
      events: listRecentRejectedEvents(db, REJECTED_SHOWN).map((r) => ({ seq: r.seq, type: r.type, reason: r.reason, at: new Date(r.at).toISOString() })),
    },
  };
}

/** The base URL as a screen may show it: no user or password, even if someone enrolled with one. */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return '';
  }
}

/**
 * The upward sync: pushes the event log every `pushSec` and at once when a critical alert is raised,
 * sends a heartbeat every `heartbeatSec` and runs the commands it brings. Reads only the event log,
 * its delivery state and its own tables; never a domain table.
 */
export class SyncService {
  private readonly signer: RequestSigner;
  private readonly now: () => number;
  private readonly log: SyncLog;
  private readonly push: RetryLoop;
  private readonly beat: RetryLoop;
  private readonly pull: RetryLoop;
  private readonly puller: Puller;
  private intervals: SyncIntervals;
  private lastPushAt: number | null = null;
  private lastPushAttemptAt: number | null = null;
  /** the pull loop (sync/pull.ts) calls recordPull(); null until it has run once */
  private lastPull: { attemptAt: number; okAt: string | null } | null = null;
  /** pending when the current backlog drain began; null while nothing waits */
  private drainStart: number | null = null;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: SyncServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.log = deps.log ?? consoleLog;
    this.intervals = { ...deps.identity.intervals, ...(readSyncSetting(deps.db, INTERVALS_KEY) as Partial<SyncIntervals> | null) };
    this.signer = new RequestSigner(deps.identity.deviceId, deps.identity.deviceSecret, this.now);
    const client = new UpstreamClient({
      baseUrl: deps.identity.upstream, signer: this.signer, fetch: deps.fetch, timeoutMs: deps.timeoutMs,
      onClockOffset: (offsetMs) => this.log.warn(`sync: this kiosk's clock is ${(offsetMs / 1000).toFixed(0)} s off the district platform's; signing with the platform's time from now on (check the network time service)`),
    });
    const pusher = new Pusher(deps.db, client, this.now);
    this.puller = new Puller(deps.db, client, this.log, this.now, () => deps.bus.publish('settings', { source: 'platform' }));
    const heartbeat = new Heartbeat({
      db: deps.db, client, now: this.now, body: () => this.heartbeatBody(),
      commands: {
        pushNow: () => this.pushNow(), setIntervals: (next) => this.setIntervals(next), diagnostics: () => this.diagnostics(),
        resync: (stream) => this.resync(stream),
      },
    });
    const sleep = deps.sleep ?? realSleep;
    this.push = new RetryLoop({
      name: 'push', sleep, random: deps.random, log: this.log, intervalMs: () => this.intervals.pushSec * 1000,
      work: async () => {
        this.lastPushAttemptAt = this.now();
        const result = await pusher.drain();
        this.lastPushAt = this.now();
        writeSyncSetting(deps.db, LAST_PUSH_OK_KEY, new Date(this.lastPushAt).toISOString());
        if (result.rejected > 0) this.log.warn(`sync: the district platform rejected ${result.rejected} events; they are parked with their reasons (provision status counts them)`);
      },
    });
    this.pull = new RetryLoop({
      name: 'pull', sleep, random: deps.random, log: this.log, intervalMs: () => this.intervals.pullSec * 1000,
      work: async () => {
        try {
          await this.puller.pullAll();
        } catch (err) {
          this.recordPull(false);
          throw err;
        }
        this.recordPull(true);
      },
    });
    this.beat = new RetryLoop({
      name: 'heartbeat', sleep, random: deps.random, log: this.log, intervalMs: () => this.intervals.heartbeatSec * 1000,
      work: async () => {
        const { ran } = await heartbeat.beat();
        if (ran > 0) this.log.info(`sync: ran ${ran} commands from the district platform`);
      },
    });
  }

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.deps.bus.subscribe('record', (record) => {
      if (record.type === 'alert.raised' && record.data.severity === 'critical') this.pushNow();
    });
    this.log.info(`sync: pushing events to ${this.deps.identity.facility.name} every ${this.intervals.pushSec} s`);
    this.push.start();
    this.pull.start();
    this.beat.start();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await Promise.all([this.push.stop(), this.pull.stop(), this.beat.stop()]);
  }

  /** Asks for a push now (an emergency, a push_now command); waits out a Retry-After first. */
  pushNow(): void {
    this.push.trigger();
  }

  state(): SyncState {
    return {
      facility: this.deps.identity.facility, intervals: { ...this.intervals }, lastPushAt: this.lastPushAt, lastPullAt: this.lastPull?.okAt ? Date.parse(this.lastPull.okAt) : null,
      failures: this.push.failures, lastError: this.push.lastError, clockOffsetMs: this.signer.offsetMs,
    };
  }

  /** resync: the stream from the beginning; the counts go back to the platform. */
  private async resync(stream: PullStream): Promise<Record<string, unknown>> {
    const counts = await this.puller.resync(stream);
    this.recordPull(true);
    return { stream, ...counts };
  }

  /** For the pull loop: one pull attempt ended (`ok` when the platform answered and it was applied). */
  recordPull(ok: boolean): void {
    const at = this.now();
    const okAt = ok ? new Date(at).toISOString() : (this.lastPull?.okAt ?? this.storedIso(LAST_PULL_OK_KEY));
    if (ok) writeSyncSetting(this.deps.db, LAST_PULL_OK_KEY, okAt);
    this.lastPull = { attemptAt: at, okAt };
  }

  /**
   * The staff and technician status (GET /api/staff/sync): queue, last attempts, rejected events
   * newest first, and the drain progress, which this call also tracks (a backlog's start is the most
   * pending seen since the queue was last empty). Never the device secret.
   */
  status(): SyncStatusInfo {
    const { db, identity } = this.deps;
    const queue = syncQueue(db);
    if (queue.pending === 0) this.drainStart = null;
    else if (this.drainStart === null || queue.pending > this.drainStart) this.drainStart = queue.pending;
    const pullOk = this.lastPull?.okAt ?? this.storedIso(LAST_PULL_OK_KEY);
    return {
      connected: true,
      facility: { id: identity.facility.id, name: identity.facility.name },
      upstream: withoutCredentials(identity.upstream),
      ...queue,
      push: { attemptAt: this.iso(this.lastPushAttemptAt), okAt: this.lastPushAt !== null ? this.iso(this.lastPushAt) : this.storedIso(LAST_PUSH_OK_KEY) },
      pull: this.lastPull || pullOk ? { attemptAt: this.iso(this.lastPull?.attemptAt ?? null), okAt: pullOk } : null,
      lastError: this.push.lastError,
      clockOffsetMs: this.signer.offsetMs,
      drain: this.drainStart === null ? null : { startPending: this.drainStart, pending: queue.pending },
    };
  }

  private storedIso(key: string): string | null {
    const v = readSyncSetting(this.deps.db, key);
    return typeof v === 'string' ? v : null;
  }

  private setIntervals(next: Partial<SyncIntervals>): SyncIntervals {
    this.intervals = { ...this.intervals, ...next };
    writeSyncSetting(this.deps.db, INTERVALS_KEY, this.intervals);
    return { ...this.intervals };
  }

  private iso(ms: number | null): string | null {
    return ms === null ? null : new Date(ms).toISOString();
  }

  /** §5 heartbeat body. */
  private heartbeatBody(): Record<string, unknown> {
    const pending = pendingUpstream(this.deps.db);
    let freeBytes: number | null = null;
    try {
      if (this.deps.dataDir) {
        const fs = statfsSync(this.deps.dataDir);
        freeBytes = fs.bavail * fs.bsize;
      }
    } catch {
      // no number is better than a wrong one
    }
    return {
      softwareVersion: this.deps.softwareVersion,
      uptimeSec: Math.round(process.uptime()),
      queue: { pending: pending.count, oldestPendingAt: pending.oldestOccurredAt, rejected: countRejectedEvents(this.deps.db) },
      lastPushAt: this.iso(this.lastPushAt),
      clock: { synced: this.deps.clockSynced?.() ?? false, offsetMs: this.signer.offsetMs },
      hardware: this.deps.hardware?.() ?? {},
      disk: { freeBytes },
    };
  }

  /** collect_diagnostics: the state and the first rejected events (ids, types, reasons; no personal data, no secret). */
  private diagnostics(): Record<string, unknown> {
    const { facility: _facility, ...state } = this.state();
    return { ...this.heartbeatBody(), sync: { ...state, heartbeatFailures: this.beat.failures, heartbeatError: this.beat.lastError }, rejected: listRejectedEvents(this.deps.db, 20) };
  }
}
