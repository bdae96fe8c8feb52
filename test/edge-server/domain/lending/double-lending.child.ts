/**
 * One staff screen for double-lending.test.ts: a process of its own with its own connection to the
 * shared database file, its own services and HTTP app. On each `go` it waits for the agreed instant
 * and posts the check-out, then reports the status and error code.
 */
import { SimulatedFingerprint } from '../../../../hardware/fingerprint/index.js';
import { SimulatedGpio } from '../../../../hardware/gpio/index.js';
import { createApp } from '../../../../edge-server/src/app.js';
import { loadConfig } from '../../../../edge-server/src/config.js';
import { openDatabase } from '../../../../edge-server/src/db/connection.js';
import { EventBus } from '../../../../edge-server/src/events/bus.js';
import { EventLog } from '../../../../edge-server/src/events/event-log.js';
import { createServices } from '../../../../edge-server/src/services.js';
import { FakeClock } from '../../../support/kiosk.js';

export type ChildRequest = { kind: 'go'; at: number; body: Record<string, unknown> } | { kind: 'stop' };
export type ChildReply = { kind: 'ready' } | { kind: 'done'; status: number; code: string | null } | { kind: 'failed'; message: string };

const [dbFile, dataDir, staffId, pin] = process.argv.slice(2) as [string, string, string, string];
const send = (reply: ChildReply): void => void process.send!(reply);

async function main(): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDir, UI_DIR: dataDir });
  const db = openDatabase(dbFile);
  const clock = new FakeClock();
  const bus = new EventBus();
  const timeZone = () => config.centre.timezone;
  const log = new EventLog({ db, clock, bus, timeZone });
  const hardware = { fingerprint: new SimulatedFingerprint({ sensorId: 'sim-0', enrolledSlots: [] }), gpio: new SimulatedGpio() };
  const services = createServices({ db, log, bus, clock, timeZone }, hardware, { staffIdleSec: config.staff.sessionIdleSec });
  const app = createApp({ config, db, bus, clock, services });
  const { sessionToken } = await services.staffAuth.signIn(staffId, pin);
  process.on('message', (message: ChildRequest) => {
    if (message.kind === 'stop') {
      db.close();
      process.exit(0);
    }
    // Both screens spin until the same instant, so their requests really meet.
    while (Date.now() < message.at) { /* wait for the release */ }
    void Promise.resolve(app.request('/api/staff/lending/loans', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `jia_staff=${sessionToken}` },
      body: JSON.stringify(message.body),
    })).then(async (res) => {
      const body = (await res.json()) as { error?: { code: string } };
      send({ kind: 'done', status: res.status, code: body.error?.code ?? null });
    }, (err: unknown) => send({ kind: 'failed', message: String(err) }));
  });
  send({ kind: 'ready' });
}

main().catch((err: unknown) => {
  send({ kind: 'failed', message: String(err) });
  process.exit(1);
});
