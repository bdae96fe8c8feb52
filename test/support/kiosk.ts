import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedFingerprint, type FingerprintPort } from '../../hardware/fingerprint/index.js';
import { SimulatedGpio } from '../../hardware/gpio/index.js';
import { createApp } from '../../edge-server/src/app.js';
import type { Clock, ClockInfo } from '../../edge-server/src/clock.js';
import { loadConfig, type AppConfig } from '../../edge-server/src/config.js';
import { openDatabase, type Db } from '../../edge-server/src/db/connection.js';
import { listEnrolments } from '../../edge-server/src/db/enrolments.repo.js';
import { seedDemoData } from '../../edge-server/src/demo-data.js';
import { EventBus } from '../../edge-server/src/events/bus.js';
import { EventLog } from '../../edge-server/src/events/event-log.js';
import { createServices, type KioskServices } from '../../edge-server/src/services.js';
import type { SyncService } from '../../edge-server/src/sync/sync-service.js';
import type { Hono } from 'hono';

/** A clock the test moves by hand. Starts at 2026-12-03 09:00 Asia/Shanghai. */
export class FakeClock implements Clock {
  constructor(public ms = Date.parse('2026-12-03T09:00:00+08:00'), public synced = true) {}
  now(): number {
    return this.ms;
  }
  info(): ClockInfo {
    return { synced: this.synced, bootId: 'test-boot', uptimeMs: 1000 };
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestKiosk<F extends FingerprintPort = SimulatedFingerprint> {
  app: Hono;
  db: Db;
  bus: EventBus;
  clock: FakeClock;
  config: AppConfig;
  services: KioskServices;
  fingerprint: F;
  gpio: SimulatedGpio;
  /** request helper: JSON body in, Response out */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): void;
}

/** An upward sync for the test kiosk (not started: the test drives it). */
export type MakeSync = (kiosk: { db: Db; bus: EventBus }) => SyncService;

/**
 * A whole kiosk in-process on simulated hardware with the demo data, a fake clock and a database in
 * a fresh temporary directory (a real file, so WAL and synchronous=FULL are exercised).
 */
export async function createTestKiosk(options: { demo?: boolean; env?: Record<string, string>; sync?: MakeSync } = {}): Promise<TestKiosk> {
  return buildTestKiosk((sensorId, slots) => new SimulatedFingerprint({ sensorId, enrolledSlots: slots }), options);
}

/**
 * The same kiosk with another reader (a real R30xReader over an emulated module): `makeReader` gets
 * the sensor id the demo data is keyed by and the slots it links. The /api/sim routes are absent.
 */
export async function createTestKioskWithReader<F extends FingerprintPort>(
  makeReader: (sensorId: string, linkedSlots: number[]) => F,
  options: { demo?: boolean; env?: Record<string, string>; sensorId?: string } = {},
): Promise<TestKiosk<F>> {
  return buildTestKiosk(makeReader, options);
}

async function buildTestKiosk<F extends FingerprintPort>(
  makeReader: (sensorId: string, linkedSlots: number[]) => F,
  options: { demo?: boolean; env?: Record<string, string>; sensorId?: string; sync?: MakeSync },
): Promise<TestKiosk<F>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-test-'));
  // UI_DIR: an empty folder, so static serving finds nothing and says nothing.
  const config = loadConfig({ DATA_DIR: dataDir, UI_DIR: dataDir, ...options.env });
  const db = openDatabase(config.dbFile);
  const clock = new FakeClock();
  const sensorId = options.sensorId ?? 'sim-0';
  if (options.demo ?? true) seedDemoData(db, sensorId, clock.now());
  const fingerprint = makeReader(sensorId, listEnrolments(db, sensorId).map((e) => e.slot));
  const gpio = new SimulatedGpio();
  await fingerprint.start();
  await gpio.start();
  const bus = new EventBus();
  const timeZone = () => config.centre.timezone;
  const log = new EventLog({ db, clock, bus, timeZone });
  const services = createServices({ db, log, bus, clock, timeZone }, { fingerprint, gpio }, { staffIdleSec: config.staff.sessionIdleSec });
  const detach = services.attachReader();
  const sim = fingerprint instanceof SimulatedFingerprint ? { fingerprint, gpio } : undefined;
  const sync = options.sync?.({ db, bus });
  const app = createApp({ config, db, bus, clock, services, sim, sync });
  return {
    app, db, bus, clock, config, services, fingerprint, gpio,
    post: (path, body, headers = {}) => Promise.resolve(app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })),
    stop() {
      detach();
      void fingerprint.stop();
      void gpio.stop();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
