import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../edge-server/src/db/connection.js';
import { pendingUpstream } from '../../../edge-server/src/db/events.repo.js';
import { EventBus } from '../../../edge-server/src/events/bus.js';
import { EventLog } from '../../../edge-server/src/events/event-log.js';
import { writeIdentity } from '../../../edge-server/src/sync/identity.js';
import { FakeClock } from '../../support/kiosk.js';
import { seededRandom } from '../../support/fingerprint/random.js';
import { until } from '../../support/gpio/until.js';
import { createSyncFixture, type SyncFixture } from '../../support/upstream/sync-fixture.js';

let f: SyncFixture;
beforeEach(async () => {
  f = await createSyncFixture();
});
afterEach(async () => {
  await f.close();
});

describe('push: a long outage', () => {
  it('drains a week of a busy centre recorded offline (21 000 events) once the link is back, each stored once', async () => {
    // 3 000 events a day: 60 members' check-ins and outs, sessions, sensors, loans
    for (let day = 0; day < 7; day++) f.record(3000);
    await f.upstream.stop();
    const { pusher } = f.pusher();
    for (let attempt = 0; attempt < 3; attempt++) await expect(pusher.drain()).rejects.toMatchObject({ code: 'unreachable' });
    await f.upstream.start();
    expect(await pusher.drain()).toMatchObject({ acknowledged: 21_000, rejected: 0 });
    f.expectAllStoredOnce();
  });
});

describe('push: crash safety (built server code; npm run build:server)', () => {
  it('loses and doubles nothing when the pushing process is SIGKILLed at random points, many times', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
    try {
      const dbFile = join(dir, 'kiosk.db');
      const db = openDatabase(dbFile);
      const log = new EventLog({ db, clock: new FakeClock(), bus: new EventBus(), timeZone: () => 'Asia/Shanghai' });
      for (let i = 0; i < 8; i++) log.write((append) => { for (let n = 0; n < 500; n++) append('sensor.hourly', { hour: n % 24, doorOpenings: n }); });
      writeIdentity(dir, { ...f.identity });
      // slow answers widen the window in which a kill lands between "stored upstream" and "marked here"
      f.upstream.faults.delayMs = 20;
      const random = seededRandom(7);
      const env = { ...process.env, DATA_DIR: dir, DB_FILE: dbFile };
      const script = resolve('test/support/upstream/push-child.mjs');
      for (let round = 0; round < 12; round++) {
        const before = f.upstream.requests.length;
        const child = spawn(process.execPath, [script], { env, stdio: 'ignore' });
        const exited = new Promise((r) => child.once('exit', r));
        // kill once a request of this round reached the server, a random moment later
        await Promise.race([until(() => f.upstream.requests.length > before, 'a request'), exited]);
        await new Promise((r) => setTimeout(r, Math.floor(random() * 40)));
        child.kill('SIGKILL');
        await exited;
      }
      const { stdout } = await promisify(execFile)(process.execPath, [script], { env });
      expect(stdout).toContain('drained');
      expect(pendingUpstream(db).count).toBe(0);
      const seqs = f.upstream.storedSeqs(f.identity.deviceId);
      expect(seqs).toHaveLength(4000);
      expect(seqs.every((s, i) => s === i + 1)).toBe(true);
      expect(f.upstream.storeCount).toBe(4000);
      // (kills do land between "stored upstream" and "marked here": runs saw 1 500–2 500 resends answered
      // duplicate; not asserted, since where a kill lands depends on the machine's load)
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
