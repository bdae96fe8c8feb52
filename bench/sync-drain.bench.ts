/**
 * `npx tsx bench/sync-drain.bench.ts` (also in `npm run bench`): drains 100 000 pending events to the
 * reference upstream on loopback (in a child process, so the RSS measured is the kiosk's alone) and, in
 * the same run, the ceiling: reading the same events from SQLite, encoding them as the batches would
 * be and gzipping them, with no network and no marking. A second, smaller backlog (a fifth) shows the
 * kiosk's peak RSS does not grow with the backlog. Numbers go into the issue note, never into tests.
 */
import { fork, type ChildProcess } from 'node:child_process';
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

const EVENTS = Number(process.env.SYNC_BENCH_EVENTS ?? 100_000);
const MB = 1024 * 1024;

interface UpstreamHandle { child: ChildProcess; baseUrl: string; deviceId: string; deviceSecret: string }

function ask<T>(child: ChildProcess, message: string, pick: (reply: Record<string, unknown>) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (reply: unknown) => {
      if (reply && typeof reply === 'object' && pick(reply as Record<string, unknown>)) {
        child.off('message', onMessage);
        resolve(reply as T);
      }
    };
    child.on('message', onMessage);
    if (message) child.send(message);
  });
}

async function startUpstream(): Promise<UpstreamHandle> {
  const child = fork(new URL('./support/upstream-process.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  const ready = await ask<{ baseUrl: string; deviceId: string; deviceSecret: string }>(child, '', (r) => r['ready'] === true);
  return { child, ...ready };
}

async function drainOnce(events: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-bench-'));
  const db = openDatabase(join(dir, 'kiosk.db'));
  const log = new EventLog({ db, clock: new SystemClock(), bus: new EventBus(), timeZone: () => 'Asia/Shanghai' });
  // a realistic mix of payload sizes: check-ins, sessions, sensors
  for (let done = 0; done < events; done += 5000) {
    log.write((append) => {
      for (let i = 0; i < Math.min(5000, events - done); i++) {
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
    const batch = listUndeliveredEvents(db, cursor, MAX_BATCH_EVENTS);
    if (batch.length === 0) break;
    ceilingBytes += gzipSync(Buffer.from(`{"events":[${batch.map((e) => JSON.stringify(e)).join(',')}]}`)).length;
    cursor = batch[batch.length - 1]!.seq;
  }
  const ceilingMs = performance.now() - t0;

  const upstream = await startUpstream();
  const pusher = new Pusher(db, new UpstreamClient({ baseUrl: upstream.baseUrl, signer: new RequestSigner(upstream.deviceId, upstream.deviceSecret) }));
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
  t0 = performance.now();
  const result = await pusher.drain();
  const drainMs = performance.now() - t0;
  clearInterval(sampler);
  const counts = await ask<{ storeCount: number; eventBytes: number }>(upstream.child, 'counts', (r) => 'storeCount' in r);
  upstream.child.send('stop');
  if (result.acknowledged !== events || counts.storeCount !== events) throw new Error(`drained ${result.acknowledged}, stored ${counts.storeCount} of ${events}`);

  console.log(`sync drain of ${events} events in ${result.batches} batches:`);
  console.log(`  drain    ${(drainMs / 1000).toFixed(2)} s, ${Math.round(events / (drainMs / 1000))} events/s, ${(counts.eventBytes / events).toFixed(1)} bytes on the wire per event (gzip body)`);
  console.log(`  ceiling  ${(ceilingMs / 1000).toFixed(2)} s, ${Math.round(events / (ceilingMs / 1000))} events/s (read + encode + gzip, ${(ceilingBytes / events).toFixed(1)} bytes per event)`);
  console.log(`  ratio    ${(drainMs / ceilingMs).toFixed(2)}x the ceiling (target ≤ 4x; the upstream runs in its own process)`);
  console.log(`  kiosk RSS ${(rssBefore / MB).toFixed(0)} MB before, peak ${(peakRss / MB).toFixed(0)} MB during the drain`);
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

await drainOnce(Math.round(EVENTS / 5));
await drainOnce(EVENTS);
