/**
 * `npx tsx bench/lending-items.bench.ts`: the lending inventory with 5 000 items (imported through the
 * CSV import, each with a chain of 4 states), timed through the services: the item search the staff list
 * pages through, one item by tag (the scanner path), the catalogue with its counts, a stocktake view and
 * the import itself. Numbers go into the issue note, never into tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedFingerprint } from '../hardware/fingerprint/index.js';
import { SimulatedGpio } from '../hardware/gpio/index.js';
import { SystemClock } from '../edge-server/src/clock.js';
import { openDatabase } from '../edge-server/src/db/connection.js';
import { seedDemoData } from '../edge-server/src/demo-data.js';
import { changeItemState } from '../edge-server/src/domain/lending/item-state.js';
import { EventBus } from '../edge-server/src/events/bus.js';
import { EventLog } from '../edge-server/src/events/event-log.js';
import { createServices } from '../edge-server/src/services.js';
import { percentile } from './support/stats.js';

const TZ = 'Asia/Shanghai';
const ITEMS = 5000;
const SAMPLES = 300;
const STAFF = 'stf_demo_01';
const ENTRIES = ['手动轮椅', '助行器', '腋下拐杖', '坐便椅', '耳背式助听器', '手持电子助视器', '康复踏步器'];

function time(name: string, fn: (i: number) => unknown, samples = SAMPLES): string {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, t) => a + t, 0) / times.length;
  return `| ${name} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 99).toFixed(2)} | ${mean.toFixed(2)} |`;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-lending-'));
try {
  const db = openDatabase(join(dir, 'kiosk.db'));
  const clock = new SystemClock();
  seedDemoData(db, 'sim-0', clock.now(), TZ);
  const bus = new EventBus();
  const timeZone = () => TZ;
  const log = new EventLog({ db, clock, bus, timeZone });
  const services = createServices({ db, log, bus, clock, timeZone },
    { fingerprint: new SimulatedFingerprint({ sensorId: 'sim-0' }), gpio: new SimulatedGpio() }, { staffIdleSec: 300 });

  const rows = Array.from({ length: ITEMS }, (_, i) =>
    `B-${String(i).padStart(5, '0')},SN${i},${ENTRIES[i % ENTRIES.length]},good,器材室 ${i % 40},2024-0${1 + (i % 9)}-15,`);
  const csv = new TextEncoder().encode(`tag_code,serial,catalogue,condition,location,acquired_on,next_service_on\n${rows.join('\n')}\n`);
  const t0 = performance.now();
  const dry = services.inventory.importCsv(STAFF, csv, true);
  const dryMs = performance.now() - t0;
  const t1 = performance.now();
  const real = services.inventory.importCsv(STAFF, csv, false);
  const importMs = performance.now() - t1;
  // three more links per item: out, back to cleaning, clean again
  const ids = db.prepare(`SELECT id FROM lending_items WHERE tag_code LIKE 'B-%'`).pluck().all() as string[];
  log.write((append) => {
    for (const itemId of ids) {
      for (const status of ['maintenance', 'cleaning', 'available'] as const) {
        changeItemState(db, append, { itemId, patch: { status }, reason: 'bench', staffId: STAFF, at: clock.now() });
      }
    }
  });
  const stocktake = services.stocktakes.start(STAFF);
  for (let i = 0; i < ITEMS; i += 2) services.stocktakes.scan(STAFF, stocktake.id, `B-${String(i).padStart(5, '0')}`);

  console.log(`# lending inventory benchmark (${new Date().toISOString()}, node ${process.version})`);
  console.log(`${ITEMS} items imported from a ${(csv.length / 1024).toFixed(0)} KiB CSV: dry run ${dryMs.toFixed(0)} ms (${dry.valid} valid), ` +
    `import ${importMs.toFixed(0)} ms (${real.created} created); 4 states per item; a stocktake with ${ITEMS / 2} scans`);
  console.log(`\n${SAMPLES} calls each through the services:`);
  console.log('| call | p50 ms | p99 ms | mean ms |');
  console.log('|---|---|---|---|');
  console.log(time('items, first page of 100', () => services.inventory.list({ limit: 100, offset: 0 })));
  console.log(time('items, page 40 of 100', () => services.inventory.list({ limit: 100, offset: 3900 })));
  console.log(time('items, q=B-012 (tag)', () => services.inventory.list({ q: 'B-012', limit: 100, offset: 0 })));
  console.log(time('items, q=助行器 + status', () => services.inventory.list({ q: '助行器', status: 'available', limit: 100, offset: 0 })));
  console.log(time('item by tag', (i) => services.inventory.itemByTag(`B-${String(i % ITEMS).padStart(5, '0')}`)));
  console.log(time('catalogue with counts', () => services.lendingCatalogue.list()));
  console.log(time('stocktake view (5 000 items)', () => services.stocktakes.get(stocktake.id), 30));
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
