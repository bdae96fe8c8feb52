import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatusInfo } from '../../../edge-server/src/api-types.js';
import { listEventsAfter, pendingUpstream } from '../../../edge-server/src/db/events.repo.js';
import { markDelivered } from '../../../edge-server/src/db/event-delivery.repo.js';
import type { DeviceIdentity } from '../../../edge-server/src/sync/identity.js';
import { EventLog } from '../../../edge-server/src/events/event-log.js';
import { SyncService, type Sleep } from '../../../edge-server/src/sync/sync-service.js';
import { until } from '../../support/gpio/until.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { ReferenceUpstream } from '../../support/upstream/reference-upstream.js';
import { enrolTestDevice } from '../../support/upstream/sync-fixture.js';
import { errorOf, staffCookie } from '../helpers.js';

// Every loop waits until woken or stopped: the test says when a push happens.
const waitForWake: Sleep = (_ms, wake) => new Promise<void>((resolve) => wake.addEventListener('abort', () => resolve(), { once: true }));
const quiet = { info: () => {}, warn: () => {} };

/** Records `n` sensor.hourly events in the kiosk's log (the demo data itself leaves the log empty). */
function record(kiosk: TestKiosk, n: number): void {
  const log = new EventLog({ db: kiosk.db, clock: kiosk.clock, bus: kiosk.bus, timeZone: () => 'Asia/Shanghai' });
  log.write((append) => Array.from({ length: n }, (_, i) => append('sensor.hourly', { hour: i % 24, doorOpenings: 3, motionMinutes: 12, occupancyPeak: 5 })));
}

async function status(kiosk: TestKiosk, cookie: string): Promise<SyncStatusInfo> {
  const res = await kiosk.app.request('/api/staff/sync', { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as SyncStatusInfo;
}

function connected(s: SyncStatusInfo): Extract<SyncStatusInfo, { connected: true }> {
  if (!s.connected) throw new Error(`not connected: ${s.reason}`);
  return s;
}

describe('staff: sync status without an identity', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
    record(kiosk, 3);
  });
  afterEach(() => kiosk.stop());

  it('needs a signed-in staff member', async () => {
    const res = await kiosk.app.request('/api/staff/sync');
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('not_signed_in');
  });

  it('says plainly that the kiosk is not connected and counts what waits to be sent', async () => {
    const s = await status(kiosk, await staffCookie(kiosk));
    const pending = pendingUpstream(kiosk.db);
    expect(pending.count).toBeGreaterThan(0);
    expect(s).toEqual({
      connected: false, reason: 'not connected to a district platform',
      pending: pending.count, oldestPendingAt: pending.oldestOccurredAt, rejected: { total: 0, events: [] },
    });
  });
});

describe('staff: sync status with a district platform', () => {
  let upstream: ReferenceUpstream;
  let identity: DeviceIdentity;
  let kiosk: TestKiosk;
  let cookie: string;
  const services: SyncService[] = [];
  const makeSync = (db: TestKiosk['db'], bus: TestKiosk['bus']) => {
    const s = new SyncService({ db, bus, identity, softwareVersion: '0.1.0', sleep: waitForWake, random: () => 0.5, timeoutMs: 2000, log: quiet });
    services.push(s);
    return s;
  };
  let sync: SyncService;

  beforeEach(async () => {
    upstream = new ReferenceUpstream();
    await upstream.start();
    identity = enrolTestDevice(upstream, 60);
    kiosk = await createTestKiosk({ sync: ({ db, bus }) => makeSync(db, bus) });
    sync = services[0]!;
    record(kiosk, 60);
    cookie = await staffCookie(kiosk);
  });
  afterEach(async () => {
    await Promise.all(services.splice(0).map((s) => s.stop()));
    kiosk.stop();
    await upstream.stop();
  });

  it('shows the facility, the upstream and the backlog before the first push, never the secret', async () => {
    const res = await kiosk.app.request('/api/staff/sync', { headers: { cookie } });
    const text = await res.text();
    expect(text).not.toContain(identity.deviceSecret);
    const s = connected(JSON.parse(text) as SyncStatusInfo);
    const pending = pendingUpstream(kiosk.db).count;
    expect(s).toMatchObject({
      facility: { id: 'fac_test_01', name: '阳光街道残疾人之家' }, upstream: upstream.baseUrl.replace(/\/?$/, '/'),
      pending, push: { attemptAt: null, okAt: null }, pull: null, lastError: null, clockOffsetMs: 0,
      drain: { startPending: pending, pending },
    });
  });

  it('draws the drain progress from the backlog at its start to what is pending now', async () => {
    const start = connected(await status(kiosk, cookie)).pending;
    const first = listEventsAfter(kiosk.db, 0, 5);
    markDelivered(kiosk.db, first.map((e) => ({ seq: e.seq, status: 'acknowledged', reason: null })), Date.now());
    expect(connected(await status(kiosk, cookie)).drain).toEqual({ startPending: start, pending: start - 5 });
  });

  it('after a push: nothing pending, no drain, the success time, and rejected events newest first with their reasons', async () => {
    const events = listEventsAfter(kiosk.db, 0, 3);
    upstream.faults.rejectIds.set(events[0]!.id, 'schema_invalid');
    upstream.faults.rejectIds.set(events[2]!.id, 'facility_mismatch');
    sync.start();
    await until(() => pendingUpstream(kiosk.db).count === 0, 'the push');
    await until(() => connected(sync.status()).push.okAt !== null, 'the push to be recorded');
    const s = connected(await status(kiosk, cookie));
    expect(s.pending).toBe(0);
    expect(s.oldestPendingAt).toBeNull();
    expect(s.drain).toBeNull();
    expect(s.push.attemptAt).not.toBeNull();
    expect(s.rejected.total).toBe(2);
    expect(s.rejected.events.map((r) => [r.seq, r.type, r.reason])).toEqual([
      [events[2]!.seq, events[2]!.type, 'facility_mismatch'], [events[0]!.seq, events[0]!.type, 'schema_invalid'],
    ]);
  });

  it('keeps the last successful push across a restart', async () => {
    sync.start();
    await until(() => connected(sync.status()).push.okAt !== null, 'the push');
    const okAt = connected(sync.status()).push.okAt;
    await sync.stop();
    const again = makeSync(kiosk.db, kiosk.bus);
    expect(connected(again.status()).push).toEqual({ attemptAt: null, okAt });
  });

  it('leaves a slot the pull loop fills', () => {
    sync.recordPull(false);
    const failed = connected(sync.status()).pull;
    expect(failed?.attemptAt).not.toBeNull();
    expect(failed?.okAt).toBeNull();
    sync.recordPull(true);
    expect(connected(makeSync(kiosk.db, kiosk.bus).status()).pull).toEqual({ attemptAt: null, okAt: connected(sync.status()).pull?.okAt });
  });

  it('shows at most 50 rejected events and the total', async () => {
    const events = listEventsAfter(kiosk.db, 0, 60);
    expect(events.length).toBe(60);
    markDelivered(kiosk.db, events.map((e) => ({ seq: e.seq, status: 'rejected', reason: 'schema_invalid' })), Date.now());
    const s = connected(await status(kiosk, cookie));
    expect(s.rejected.total).toBe(60);
    expect(s.rejected.events).toHaveLength(50);
    expect(s.rejected.events[0]!.seq).toBe(events[59]!.seq);
  });
});
