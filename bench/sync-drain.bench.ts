/**
 * `npx tsx bench/sync-drain.bench.ts` (also in `npm run bench`): drains 100 000 pending events to the
 * reference upstream on loopback (in this process, so its gunzip and parsing are counted too) and, in
 * the same run, the ceiling: reading the same events from SQLite, encoding them as the batches would
 * be and gzipping them, with no network and no marking. Numbers go into the issue note, never into tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../edge-server/src/db/connection.js';
import { listUndeliveredEvents } from '../edge-server/src/db/event-delivery.repo.js';
import { EventBus } from '../edge-server/src/events/bus.js';
import { EventLog } from '../edge-server/src/events/event-log.js';
import { SystemClock } from '../edge-server/src/clock.js';
import { Pusher, MAX_BATCH_EVENTS } from '../edge-server/src/sync/push.js';
import { RequestSigner } from '../edge-server/src/sync/signer.js';
import { UpstreamClient } from '../edge-server/src/sync/upstream-client.js';
import { ReferenceUpstream } from '../test/support/upstream/reference-upstream.js';

const EVENTS = Number(process.env.SYNC_BENCH_EVENTS ?? 100_000);
const MB = 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'sync-bench-'));
const db = openDatabase(join(dir, 'kiosk.db'));
const log = new EventLog({ db, clock: new SystemClock(), bus: new EventBus(), timeZone: () => 'Asia/Shanghai' });
// a realistic mix of payload sizes: check-ins, sessions, sensors
for (let done = 0; done < EVENTS; done += 5000) {
  log.write((append) => {
    for (let i = 0; i < 5000; i++) {
      const n = done + i;
      if (n % 3 === 0) append('attendance.checked_in', { memberId: `mem_${n % 500}`, method: 'fingerprint', staffId: null });
      else if (n % 3 === 1) append('session.attended', { sessionId: `ses_${n % 60}`, memberId: `mem_${n % 500}`, status: 'present', staffId: 'stf_01' });
      else append('sensor.hourly', { hour: n % 24, doorOpenings: n % 17, motionMinutes: n % 60, occupancyPeak: n % 20 });
    }
  });
}

// The ceiling: read, encode, gzip; no network, nothing marked.
let t0 = performance.now();
let cursor = 0;
let ceilingBytes = 0;
for (;;) {
  const events = listUndeliveredEvents(db, cursor, MAX_BATCH_EVENTS);
  if (events.length === 0) break;
  ceilingBytes += gzipSync(Buffer.from(`{"events":[${events.map((e) => JSON.stringify(e)).join(',')}]}`)).length;
  cursor = events[events.length - 1]!.seq;
}
const ceilingMs = performance.now() - t0;

const upstream = new ReferenceUpstream();
await upstream.start();
const { deviceId, deviceSecret } = upstream.addDevice();
const pusher = new Pusher(db, new UpstreamClient({ baseUrl: upstream.baseUrl, signer: new RequestSigner(deviceId, deviceSecret) }));
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
const rssBefore = process.memoryUsage().rss;
t0 = performance.now();
const result = await pusher.drain();
const drainMs = performance.now() - t0;
clearInterval(sampler);
await upstream.stop();
if (result.acknowledged !== EVENTS || upstream.storeCount !== EVENTS) throw new Error(`drained ${result.acknowledged}, stored ${upstream.storeCount} of ${EVENTS}`);

console.log(`sync drain of ${EVENTS} events in ${result.batches} batches:`);
console.log(`  drain    ${(drainMs / 1000).toFixed(2)} s, ${Math.round(EVENTS / (drainMs / 1000))} events/s, ${(upstream.eventBytes / EVENTS).toFixed(1)} bytes on the wire per event (gzip body)`);
console.log(`  ceiling  ${(ceilingMs / 1000).toFixed(2)} s, ${Math.round(EVENTS / (ceilingMs / 1000))} events/s (read + encode + gzip, ${(ceilingBytes / EVENTS).toFixed(1)} bytes per event)`);
console.log(`  ratio    ${(drainMs / ceilingMs).toFixed(2)}x the ceiling (target ≤ 4x; the upstream runs in this process)`);
console.log(`  RSS      ${(rssBefore / MB).toFixed(0)} MB before, peak ${(peakRss / MB).toFixed(0)} MB during the drain (upstream's in-memory store included)`);
db.close();
rmSync(dir, { recursive: true, force: true });
