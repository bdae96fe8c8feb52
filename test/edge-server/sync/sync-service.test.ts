import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../edge-server/src/sync/backoff.js';
import { SyncService, type Sleep } from '../../../edge-server/src/sync/sync-service.js';
import { until } from '../../support/gpio/until.js';
import { createSyncFixture, type SyncFixture } from '../../support/upstream/sync-fixture.js';

const INTERVAL_MS = 60_000;

const untilWoken = (wake: AbortSignal) => new Promise<void>((resolve) => wake.addEventListener('abort', () => resolve(), { once: true }));

/**
 * Records every wait the push loop asks for; waits of the push interval stay pending until a wake
 * (or stop), every other push wait (backoff, Retry-After) returns at once, so no test waits on real
 * time. The heartbeat loop (tested in heartbeat.test.ts) waits until stopped.
 */
function recordingSleep(): { sleep: Sleep; delays: number[] } {
  const delays: number[] = [];
  const sleep: Sleep = (ms, wake, loop) => {
    if (loop !== 'push') return untilWoken(wake);
    delays.push(ms);
    if (ms !== INTERVAL_MS) return Promise.resolve();
    return untilWoken(wake);
  };
  return { sleep, delays };
}

let f: SyncFixture;
let service: SyncService | undefined;
const logged: string[] = [];
beforeEach(async () => {
  f = await createSyncFixture();
  logged.length = 0;
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
  await f.close();
});

function startService(sleep: Sleep, random = () => 0.5): SyncService {
  service = new SyncService({
    db: f.db, bus: f.bus, identity: f.identity, softwareVersion: '0.1.0', sleep, random, timeoutMs: 2000,
    log: { info: (l) => logged.push(l), warn: (l) => logged.push(l) },
  });
  service.start();
  return service;
}

describe('backoff', () => {
  it('draws a full-jitter delay below 2 s, 4 s, 8 s … for attempts 1, 2, 3 …', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0.999999))).toEqual([1999, 3999, 7999, 15999]);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });

  it('never waits longer than 5 minutes however many attempts failed', () => {
    expect(backoffDelay(9, () => 0.999999)).toBe(299_999);
    expect(backoffDelay(10_000, () => 0.999999)).toBe(299_999);
  });
});

describe('sync service', () => {
  it('backs off exponentially with jitter after failures, then resets and waits the enrolment interval', async () => {
    f.record(5);
    f.upstream.faults.fail500 = 3;
    const { sleep, delays } = recordingSleep();
    const s = startService(sleep);
    await until(() => delays.includes(INTERVAL_MS), 'the push interval');
    expect(delays).toEqual([1000, 2000, 4000, INTERVAL_MS]);
    expect(s.state()).toMatchObject({ failures: 0, lastError: null });
    expect(s.state().lastPushAt).not.toBeNull();
    f.expectAllStoredOnce();
  });

  it("waits the server's Retry-After after a 503 instead of its own backoff", async () => {
    f.record(2);
    f.upstream.faults.busy = { count: 2, retryAfterSec: 7 };
    const { sleep, delays } = recordingSleep();
    startService(sleep);
    await until(() => delays.includes(INTERVAL_MS), 'the push interval');
    expect(delays).toEqual([7000, 7000, INTERVAL_MS]);
    f.expectAllStoredOnce();
  });

  it('pushes at once when a critical alert is raised, without waiting for the interval', async () => {
    const { sleep, delays } = recordingSleep();
    startService(sleep);
    await until(() => delays.length === 1, 'the first wait');
    const [event] = f.log.write((append) => [append('alert.raised', { alertId: 'alr_1', kind: 'emergency_call', severity: 'critical' })]);
    await until(() => f.upstream.events.has(`${f.identity.deviceId}/${event!.id}`), 'the alert upstream');
    expect(delays.every((d) => d === INTERVAL_MS)).toBe(true);
    await f.deliveriesRecorded();
    f.expectAllStoredOnce();
  });

  it('cuts its own backoff short for a critical alert', async () => {
    f.upstream.faults.fail500 = 1;
    f.record(1);
    const delays: number[] = [];
    // the backoff wait stays pending: only the alert can end it
    const sleep: Sleep = (ms, wake, loop) => {
      if (loop === 'push') delays.push(ms);
      return untilWoken(wake);
    };
    startService(sleep);
    await until(() => delays.length === 1, 'the backoff wait');
    expect(delays[0]).toBe(1000);
    f.log.write((append) => append('alert.raised', { alertId: 'alr_2', kind: 'emergency_call', severity: 'critical' }));
    await until(() => f.upstream.storeCount === 2, 'both events upstream');
    await f.deliveriesRecorded();
    f.expectAllStoredOnce();
  });

  it('records that its clock was off: the offset from the clock_skew answer is in its state and the log', async () => {
    f.record(1);
    f.upstream.faults.clockOffsetMs = -3 * 3600_000;
    const { sleep, delays } = recordingSleep();
    const s = startService(sleep);
    await until(() => delays.includes(INTERVAL_MS), 'the push interval');
    expect(Math.abs(s.state().clockOffsetMs + 3 * 3600_000)).toBeLessThan(2000);
    expect(logged.some((l) => /clock is -1080[01] s off the district platform/.test(l))).toBe(true);
    f.expectAllStoredOnce();
  });

  it('never logs the device secret', async () => {
    f.record(1);
    f.upstream.faults.fail500 = 1;
    const { sleep, delays } = recordingSleep();
    startService(sleep);
    await until(() => delays.includes(INTERVAL_MS), 'the push interval');
    expect(logged.length).toBeGreaterThan(1);
    expect(logged.join('\n')).not.toContain(f.identity.deviceSecret);
  });

  it('stops while waiting, and a stopped service pushes nothing more', async () => {
    const { sleep, delays } = recordingSleep();
    const s = startService(sleep);
    await until(() => delays.length === 1, 'the first wait');
    await s.stop();
    service = undefined;
    f.record(1);
    s.pushNow();
    expect(f.upstream.requests.filter((r) => r.path === '/v1/events')).toEqual([]);
  });
});
