import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createFingerprint, DEFAULT_SENSOR_ID, SimulatedFingerprint } from '../../hardware/fingerprint/index.js';
import { createGpio, SimulatedGpio } from '../../hardware/gpio/index.js';
import { createApp } from './app.js';
import { assertTimeZone, SystemClock } from './clock.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { WalCheckpointer } from './db/checkpointer.js';
import { listEnrolments } from './db/enrolments.repo.js';
import { seedDemoData } from './demo-data.js';
import { EventBus } from './events/bus.js';
import { EventLog } from './events/event-log.js';
import { createServices } from './services.js';
import { IDENTITY_FILE, readIdentity, type DeviceIdentity } from './sync/identity.js';
import { SyncService } from './sync/sync-service.js';

/** A long-lived part of the kiosk; started in order, stopped in reverse. */
interface Lifecycle { name: string; stop(): Promise<void> | void }

const SIM_SENSOR_ID = 'sim-0';

/** Composition root: config → db → hardware → services → HTTP. */
async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  assertTimeZone(config.centre.timezone);
  const running: Lifecycle[] = [];

  const db = openDatabase(config.dbFile);
  running.push({ name: 'database', stop: () => { db.close(); } });
  const checkpointer = new WalCheckpointer(db);
  checkpointer.start();
  running.push({ name: 'WAL checkpoints', stop: () => checkpointer.stop() });

  const sensorId = config.hardware.fingerprint.sensorId ?? (config.hardware.fingerprint.driver === 'sim' ? SIM_SENSOR_ID : DEFAULT_SENSOR_ID);
  if (config.demoData && seedDemoData(db, sensorId, Date.now(), config.centre.timezone)) console.log('demo data: created a demo centre with 14 members and staff 王芳 (PIN 2468)');

  const gpio = createGpio(config.hardware.gpio);
  // The simulated sensor holds a template for every slot the database links to a person.
  const fingerprint = createFingerprint(
    config.hardware.fingerprint.driver === 'sim' ? { sensorId: SIM_SENSOR_ID, ...config.hardware.fingerprint } : config.hardware.fingerprint,
    { gpio, simSlots: listEnrolments(db, sensorId).map((e) => e.slot) },
  );

  const clock = new SystemClock();
  const bus = new EventBus();
  const timeZone = () => config.centre.timezone;
  const log = new EventLog({ db, clock, bus, timeZone });
  const services = createServices({ db, log, bus, clock, timeZone }, { fingerprint, gpio }, { staffIdleSec: config.staff.sessionIdleSec });
  running.push({ name: 'reader link', stop: services.attachReader() });

  for (const device of [fingerprint, gpio]) {
    try {
      await device.start();
      running.push({ name: `${device.driver} driver`, stop: () => device.stop() });
    } catch (err) {
      // One failing device must not keep the kiosk from serving the card and staff paths.
      console.error(`${device.driver} driver failed to start: ${(err as Error).message}; continuing without it`);
    }
  }

  running.push({ name: 'monitoring', stop: services.monitoring.start() });
  running.push({ name: 'lending overdue check', stop: services.lendingOverdue.start() });

  // Without an identity the kiosk runs exactly as before: everything is recorded and waits to be sent.
  let identity: DeviceIdentity | null = null;
  try {
    identity = readIdentity(config.dataDir);
  } catch (err) {
    // A damaged identity file must not keep members from checking in.
    console.error(`upward sync: ${(err as Error).message}; the kiosk runs without sync meanwhile and keeps every event for later`);
  }
  let sync: SyncService | undefined;
  if (identity) {
    sync = new SyncService({
      db, bus, identity, softwareVersion: config.version, dataDir: config.dataDir,
      clockSynced: () => clock.info().synced, hardware: () => services.hardwareHealth(),
    });
    const started = sync;
    started.start();
    running.push({ name: 'upward sync', stop: () => started.stop() });
  } else if (!existsSync(join(config.dataDir, IDENTITY_FILE))) {
    console.log('upward sync: not connected to a district platform (enrol with npm run provision -- enroll --upstream <url> --token <token>)');
  }

  const sim = fingerprint instanceof SimulatedFingerprint && gpio instanceof SimulatedGpio ? { fingerprint, gpio } : undefined;
  const app = createApp({ config, db, bus, clock, services, sim, sync });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const ms = Math.round(performance.now() - startedAt);
    console.log(`kiosk ready on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port} in ${ms} ms (${sim ? 'simulated hardware' : 'real hardware'}, data in ${config.dataDir})`);
  });
  running.push({
    name: 'http server',
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      // SSE streams never end by themselves.
      if ('closeAllConnections' in server) server.closeAllConnections();
    }),
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(0), 3000);
    force.unref();
    for (const part of running.reverse()) {
      try {
        await part.stop();
      } catch (err) {
        console.error(`stopping ${part.name} failed: ${(err as Error).message}`);
      }
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`kiosk failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
