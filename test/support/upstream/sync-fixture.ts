import { openDatabase, type Db } from '../../../edge-server/src/db/connection.js';
import { lastEventSeq, pendingUpstream } from '../../../edge-server/src/db/events.repo.js';
import { EventBus } from '../../../edge-server/src/events/bus.js';
import { EventLog, type EventRecord } from '../../../edge-server/src/events/event-log.js';
import type { DeviceIdentity } from '../../../edge-server/src/sync/identity.js';
import { Pusher } from '../../../edge-server/src/sync/push.js';
import { RequestSigner } from '../../../edge-server/src/sync/signer.js';
import { UpstreamClient } from '../../../edge-server/src/sync/upstream-client.js';
import { until } from '../gpio/until.js';
import { FakeClock } from '../kiosk.js';
import { ReferenceUpstream } from './reference-upstream.js';

/** A kiosk's event log in memory, enrolled with a running reference upstream. */
export interface SyncFixture {
  upstream: ReferenceUpstream;
  db: Db;
  bus: EventBus;
  log: EventLog;
  identity: DeviceIdentity;
  /** a pusher with its own signer and client (timeout 2 s unless given) */
  pusher(options?: { timeoutMs?: number; db?: Db }): { pusher: Pusher; signer: RequestSigner };
  /** records `n` sensor.hourly events; returns them */
  record(n: number): EventRecord[];
  /** every event in the log is stored upstream exactly once, seqs 1…last, nothing pending */
  expectAllStoredOnce(): void;
  /**
   * Waits until the kiosk has recorded every delivery: the upstream stores a batch before its answer
   * reaches the kiosk, so "upstream has it" is not yet "marked here" (a race, not a bug).
   */
  deliveriesRecorded(): Promise<void>;
  close(): Promise<void>;
}

/** A new device at a running reference upstream, enrolled with 阳光街道残疾人之家 (push every `pushSec`). */
export function enrolTestDevice(upstream: ReferenceUpstream, pushSec = 60): DeviceIdentity {
  const { deviceId, deviceSecret } = upstream.addDevice();
  return {
    upstream: upstream.baseUrl, deviceId, deviceSecret, enrolledAt: '2026-12-03T01:00:00.000Z',
    facility: { id: 'fac_test_01', name: '阳光街道残疾人之家', timezone: 'Asia/Shanghai' },
    intervals: { pushSec, pullSec: 900, heartbeatSec: 300 },
  };
}

export async function createSyncFixture(): Promise<SyncFixture> {
  const upstream = new ReferenceUpstream();
  await upstream.start();
  const identity = enrolTestDevice(upstream);
  const { deviceId, deviceSecret } = identity;
  const db = openDatabase(':memory:');
  const bus = new EventBus();
  const clock = new FakeClock();
  const log = new EventLog({ db, clock, bus, timeZone: () => 'Asia/Shanghai' });
  let hour = 0;
  return {
    upstream, db, bus, log, identity,
    pusher(options = {}) {
      const signer = new RequestSigner(deviceId, deviceSecret);
      const client = new UpstreamClient({ baseUrl: upstream.baseUrl, signer, timeoutMs: options.timeoutMs ?? 2000 });
      return { pusher: new Pusher(options.db ?? db, client), signer };
    },
    record(n) {
      return log.write((append) => Array.from({ length: n }, () => append('sensor.hourly', { hour: hour++ % 24, doorOpenings: 3, motionMinutes: 12, occupancyPeak: 5 })));
    },
    expectAllStoredOnce() {
      const last = lastEventSeq(db);
      const seqs = upstream.storedSeqs(deviceId);
      if (seqs.length !== last || seqs.some((s, i) => s !== i + 1)) throw new Error(`upstream holds seqs ${seqs.join(',')} of 1…${last}`);
      if (upstream.storeCount !== last) throw new Error(`upstream stored ${upstream.storeCount} times for ${last} events`);
      const pending = pendingUpstream(db).count;
      if (pending !== 0) throw new Error(`${pending} events still pending`);
    },
    deliveriesRecorded() {
      return until(() => pendingUpstream(db).count === 0, 'every delivery recorded by the kiosk');
    },
    async close() {
      await upstream.stop();
      db.close();
    },
  };
}
