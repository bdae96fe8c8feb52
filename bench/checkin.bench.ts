/**
 * `npm run bench`: the check-in path from "reader reported slot" to "committed and published",
 * at 1 k and 1 M existing attendance rows, beside a bare better-sqlite3 insert of the same rows;
 * then the real server's cold start and RSS. Numbers go into the issue note, never into tests.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedFingerprint } from '../hardware/fingerprint/index.js';
import { SimulatedGpio } from '../hardware/gpio/index.js';
import { SystemClock, localDate, formatWithOffset } from '../edge-server/src/clock.js';
import { openDatabase, type Db } from '../edge-server/src/db/connection.js';
import { WalCheckpointer } from '../edge-server/src/db/checkpointer.js';
import { insertEnrolment } from '../edge-server/src/db/enrolments.repo.js';
import { insertMember } from '../edge-server/src/db/members.repo.js';
import { EventBus } from '../edge-server/src/events/bus.js';
import { EventLog } from '../edge-server/src/events/event-log.js';
import { createServices } from '../edge-server/src/services.js';
import { DEFAULT_PROFILE } from '../edge-server/src/api-types.js';
import { newRecordId } from '../edge-server/src/ids.js';
import { percentile } from './support/stats.js';

const TZ = 'Asia/Shanghai';
const MEMBERS = 999; // slots 1..999 of a 1000-slot sensor
const SAMPLES = 999; // one first-of-the-day check-in per member
const DAY_MS = 86_400_000;
/** The server checkpoints the WAL on a 30 s timer between check-ins; a rush of ~100 a minute puts one every ~50. */
const CHECKPOINT_EVERY = 50;

function summary(ms: number[]): { p50: number; p99: number; mean: number; perSec: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const total = ms.reduce((s, x) => s + x, 0);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: total / ms.length, perSec: ms.length / (total / 1000) };
}

const fmt = (n: number) => n.toFixed(3);

function seedMembers(db: Db, now: number): void {
  db.transaction(() => {
    for (let i = 1; i <= MEMBERS; i++) {
      const id = `mem_b_${i}`;
      insertMember(db, {
        id, name: `成员${i}`, gender: null, birthYear: null, disabilityCategory: '肢体', disabilityGrade: 2, status: 'active',
        guardianContact: null, cardNumber: `B${i}`, photoPath: null, profile: DEFAULT_PROFILE,
      }, now);
      insertEnrolment(db, { id: `enr_b_${i}`, sensorId: 'sim-0', slot: i, personKind: 'member', personId: id, finger: 'right_index' }, now);
    }
  })();
}

/** History: `rows` attendance rows (alternating in/out, one pair per member per day, on past days) and their events. */
function seedHistory(db: Db, rows: number, now: number): void {
  const insertAttendance = db.prepare(`INSERT INTO attendance (id, member_id, direction, occurred_at, local_date, method, staff_id, note, event_id)
    VALUES (?, ?, ?, ?, ?, 'fingerprint', NULL, NULL, ?)`);
  const insertEvent = db.prepare(`INSERT INTO events (seq, id, type, occurred_at, recorded_ms, clock, data) VALUES (NULL, ?, ?, ?, ?, ?, ?)`);
  const clock = JSON.stringify({ synced: true, bootId: 'bench', uptimeMs: 1 });
  const perDay = MEMBERS * 2;
  const days = Math.ceil(rows / perDay);
  const start = now - (days + 1) * DAY_MS;
  const batch = 50_000;
  for (let done = 0; done < rows; done += batch) {
    db.transaction(() => {
      for (let n = done; n < Math.min(rows, done + batch); n++) {
        const day = Math.floor(n / perDay);
        const member = Math.floor((n % perDay) / 2) + 1;
        const direction = n % 2 === 0 ? 'in' : 'out';
        const at = start + day * DAY_MS + (direction === 'in' ? 9 : 16) * 3_600_000 + member * 1000;
        const eventId = newRecordId(at);
        insertEvent.run(eventId, direction === 'in' ? 'attendance.checked_in' : 'attendance.checked_out', formatWithOffset(at, TZ), at, clock,
          JSON.stringify({ memberId: `mem_b_${member}`, method: 'fingerprint' }));
        insertAttendance.run(newRecordId(at), `mem_b_${member}`, direction, at, localDate(at, TZ), eventId);
      }
    })();
  }
}

/** Times SAMPLES check-ins through the real services: sensor event → domain → one transaction → bus. */
async function timeCheckInPath(db: Db): Promise<number[]> {
  const clock = new SystemClock();
  const bus = new EventBus();
  const timeZone = () => TZ;
  const log = new EventLog({ db, clock, bus, timeZone });
  const fingerprint = new SimulatedFingerprint({ sensorId: 'sim-0', enrolledSlots: Array.from({ length: MEMBERS }, (_, i) => i + 1) });
  const gpio = new SimulatedGpio();
  await fingerprint.start();
  const services = createServices({ db, log, bus, clock, timeZone }, { fingerprint, gpio }, { staffIdleSec: 300 });
  const detach = services.attachReader();
  let published = 0;
  bus.subscribe('outcome', (o) => {
    if (o.kind !== 'checked_in' || o.repeat) throw new Error(`bench expected a fresh check-in, got ${o.kind}`);
    published++;
  });
  const checkpointer = new WalCheckpointer(db);
  checkpointer.start();
  const times: number[] = [];
  for (let slot = 1; slot <= SAMPLES; slot++) {
    const t0 = performance.now();
    fingerprint.touch(slot); // synchronous: returns after commit and publish
    times.push(performance.now() - t0);
    if (slot % CHECKPOINT_EVERY === 0) checkpointer.checkpoint(); // the server's timer, outside the check-in
  }
  checkpointer.stop();
  detach();
  if (published !== SAMPLES) throw new Error(`only ${published} of ${SAMPLES} outcomes were published`);
  return times;
}

/** The same rows, each in its own durable transaction, with nothing around them. */
function timeBareInsert(file: string, now: number): number[] {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const checkpointer = new WalCheckpointer(db);
  checkpointer.start();
  const insertAttendance = db.prepare(`INSERT INTO attendance (id, member_id, direction, occurred_at, local_date, method, staff_id, note, event_id)
    VALUES (?, ?, 'in', ?, ?, 'fingerprint', NULL, NULL, ?)`);
  const insertEvent = db.prepare(`INSERT INTO events (seq, id, type, occurred_at, recorded_ms, clock, data) VALUES (NULL, ?, 'attendance.checked_in', ?, ?, '{}', '{}')`);
  const day = localDate(now + DAY_MS, TZ); // tomorrow: no clash with the service run
  const times: number[] = [];
  const tx = db.transaction((i: number) => {
    const at = Date.now();
    const eventId = newRecordId(at);
    insertEvent.run(eventId, '', at);
    insertAttendance.run(newRecordId(at), `mem_b_${i}`, at, day, eventId);
  });
  for (let i = 1; i <= SAMPLES; i++) {
    const t0 = performance.now();
    tx(i);
    times.push(performance.now() - t0);
    if (i % CHECKPOINT_EVERY === 0) checkpointer.checkpoint();
  }
  checkpointer.stop();
  db.close();
  return times;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Starts the built server on `dataDir`, returns cold-start time and RSS after start and after `touches` check-ins over HTTP. */
async function measureServer(dataDir: string, touches: number): Promise<{ readyMs: number; rssStart: number; rssAfter: number }> {
  const port = 18000 + Math.floor(Math.random() * 1000);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['build/edge-server/src/main.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1' }, stdio: 'ignore',
  });
  try {
    let readyMs = NaN;
    for (let i = 0; i < 400; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) {
          readyMs = performance.now() - t0;
          break;
        }
      } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 500));
    const rssStart = rssMb(child.pid!);
    for (let i = 0; i < touches; i++) {
      await fetch(`http://127.0.0.1:${port}/api/sim/fingerprint/touch`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slot: (i % MEMBERS) + 1 }),
      });
    }
    const res = await fetch(`http://127.0.0.1:${port}/api/staff/attendance/today`); // exercise a read (401 without a session is fine)
    await res.arrayBuffer();
    return { readyMs, rssStart, rssAfter: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
  }
}

async function scenario(rows: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  const file = join(dir, 'kiosk.db');
  const now = Date.now();
  const db = openDatabase(file);
  seedMembers(db, now);
  const s0 = performance.now();
  seedHistory(db, rows, now);
  const seedSec = (performance.now() - s0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const service = summary(await timeCheckInPath(db));
  db.close();
  const bare = summary(timeBareInsert(file, now));
  console.log(`\n## ${rows.toLocaleString('en')} existing attendance rows (seeded in ${seedSec.toFixed(1)} s), ${SAMPLES} check-ins`);
  console.log('| path | p50 ms | p99 ms | mean ms | per second |');
  console.log('|---|---|---|---|---|');
  console.log(`| check-in (slot → committed + published) | ${fmt(service.p50)} | ${fmt(service.p99)} | ${fmt(service.mean)} | ${service.perSec.toFixed(0)} |`);
  console.log(`| bare better-sqlite3 insert (event + row, own tx) | ${fmt(bare.p50)} | ${fmt(bare.p99)} | ${fmt(bare.mean)} | ${bare.perSec.toFixed(0)} |`);
  console.log(`cost ratio (mean check-in / mean bare insert): ${(service.mean / bare.mean).toFixed(2)}×`);
  if (rows >= 1_000_000) {
    const server = await measureServer(dir, 1000);
    console.log(`\nserver on the ${rows.toLocaleString('en')}-row database: cold start to /healthz ${server.readyMs.toFixed(0)} ms, ` +
      `RSS after start ${server.rssStart.toFixed(1)} MB, after 1000 check-ins over HTTP ${server.rssAfter.toFixed(1)} MB`);
  }
  rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  console.log(`# check-in benchmark (${new Date().toISOString()}, node ${process.version})`);
  console.log(`WAL: synchronous=FULL; checkpoints as in the server (PASSIVE, outside the timed path, every ${CHECKPOINT_EVERY} check-ins)`);
  const emptyDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-empty-'));
  const fresh = await measureServer(emptyDir, 0);
  console.log(`\nfresh server (demo data created on start): cold start to /healthz ${fresh.readyMs.toFixed(0)} ms, RSS after start ${fresh.rssStart.toFixed(1)} MB`);
  rmSync(emptyDir, { recursive: true, force: true });
  const sizes = process.argv.includes('--quick') ? [1_000, 100_000] : [1_000, 1_000_000];
  for (const rows of sizes) await scenario(rows);
}

await main();
