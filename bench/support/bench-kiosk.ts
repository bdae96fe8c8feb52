import type { Hono } from 'hono';
import { SimulatedFingerprint } from '../../hardware/fingerprint/index.js';
import { SimulatedGpio } from '../../hardware/gpio/index.js';
import { createApp } from '../../edge-server/src/app.js';
import type { Clock } from '../../edge-server/src/clock.js';
import type { AppConfig } from '../../edge-server/src/config.js';
import type { Db } from '../../edge-server/src/db/connection.js';
import { EventBus } from '../../edge-server/src/events/bus.js';
import { EventLog } from '../../edge-server/src/events/event-log.js';
import { STAFF_COOKIE } from '../../edge-server/src/routes/staff.js';
import { createServices, type KioskServices } from '../../edge-server/src/services.js';

/**
 * The HTTP app over a seeded bench database, as the server builds it, with simulated hardware and the
 * bench's staff member (`stf_b`, PIN 2468) signed in. The database is checkpointed and optimised first,
 * so the timings start from a settled file.
 */
export async function benchKiosk(config: AppConfig, db: Db, clock: Clock, timeZone: string): Promise<{ app: Hono; services: KioskServices; cookie: string }> {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('optimize');
  const bus = new EventBus();
  const zone = () => timeZone;
  const fingerprint = new SimulatedFingerprint({ sensorId: 'sim-0', enrolledSlots: [] });
  const services = createServices({ db, log: new EventLog({ db, clock, bus, timeZone: zone }), bus, clock, timeZone: zone },
    { fingerprint, gpio: new SimulatedGpio() }, { staffIdleSec: 3600 });
  const app = createApp({ config, db, bus, clock, services });
  const { sessionToken } = await services.staffAuth.signIn('stf_b', '2468');
  return { app, services, cookie: `${STAFF_COOKIE}=${sessionToken}` };
}
