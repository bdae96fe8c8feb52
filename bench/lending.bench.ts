/**
 * `npm run bench` (or `npx tsx bench/lending.bench.ts`): the loan desk through the HTTP app
 * (`app.request`) on a centre with 5 000 items and 50 000 past loans (each returned and cleaned, so
 * every item has a state chain of ~30 links). Each round: identify the member with a card capture,
 * scan an item by tag, ask eligibility, check it out, take it back and clean it. Numbers go into the
 * issue note, never into tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROFILE, type DeviceCategory, type IdentifyCapture, type Item, type Loan } from '../edge-server/src/api-types.js';
import { localDate, SystemClock } from '../edge-server/src/clock.js';
import { loadConfig } from '../edge-server/src/config.js';
import { openDatabase, type Db } from '../edge-server/src/db/connection.js';
import { insertCatalogueEntry, insertCatalogueVersion } from '../edge-server/src/db/lending-catalogue.repo.js';
import { insertCleaning } from '../edge-server/src/db/lending-desk.repo.js';
import { appendItemState, type ItemStateRow } from '../edge-server/src/db/lending-item-states.repo.js';
import { insertItem } from '../edge-server/src/db/lending-items.repo.js';
import { insertClosure, insertLoan } from '../edge-server/src/db/lending-loans.repo.js';
import { insertMember } from '../edge-server/src/db/members.repo.js';
import { insertStaff } from '../edge-server/src/db/staff.repo.js';
import { DEFAULT_CHECKS, DEFAULT_CLEANING } from '../edge-server/src/domain/lending/checklists.js';
import { hashPin } from '../edge-server/src/domain/pin.js';
import { addDays } from '../edge-server/src/domain/sessions/dates.js';
import { benchKiosk } from './support/bench-kiosk.js';
import { percentile } from './support/stats.js';

const TZ = 'Asia/Shanghai';
const MEMBERS = 500;
const ITEMS = 5000;
const PAST_LOANS = 50_000;
const ROUNDS = 1000;
const DAY = 86_400_000;
const CATEGORIES: DeviceCategory[] = ['wheelchair', 'walker', 'crutches', 'commode', 'hearing_aid', 'magnifier', 'rehab_equipment', 'other'];
const SEED = 'bench-seed';

const checks = (category: DeviceCategory) => Object.fromEntries(DEFAULT_CHECKS[category].map((k) => [k, true]));
const steps = (category: DeviceCategory) => Object.fromEntries(DEFAULT_CLEANING[category].map((k) => [k, true]));
const categoryOf = (i: number): DeviceCategory => CATEGORIES[i % CATEGORIES.length]!;
const tagOf = (i: number) => `BEN-${String(i).padStart(5, '0')}`;

/** Members with cards, one staff member, one entry per category, the items and their past loans (oldest first per item). */
function seed(db: Db, now: number): void {
  db.transaction(() => {
    insertStaff(db, { id: 'stf_b', name: '王芳', role: '助残员', status: 'active', cardNumber: null, pinHash: hashPin('2468') }, now);
    for (let i = 1; i <= MEMBERS; i++) {
      insertMember(db, {
        id: `mem_b_${i}`, name: `成员${i}`, gender: null, birthYear: null, disabilityCategory: '肢体', disabilityGrade: 2, status: 'active',
        guardianContact: null, cardNumber: String(500000 + i), photoPath: null, profile: DEFAULT_PROFILE,
      }, now);
    }
    CATEGORIES.forEach((category, c) => {
      const id = `cat_b_${c}`;
      insertCatalogueEntry(db, id, now);
      insertCatalogueVersion(db, {
        id: `${id}_v1`, catalogueId: id, version: 1, name: `辅具${c}`, category, photoPath: null, eligibleDisability: [], eligibleGrades: [],
        assessmentRequired: false, loanDays: 30, bufferDays: 1, serviceLifeYears: 8, checkoutChecklist: [...DEFAULT_CHECKS[category]],
        cleaningChecklist: [...DEFAULT_CLEANING[category]], retired: false, staffId: 'stf_b', recordedAt: now, eventId: SEED,
      });
    });
    const loansPerItem = PAST_LOANS / ITEMS;
    let loanNo = 0;
    for (let i = 0; i < ITEMS; i++) {
      const itemId = `itm_b_${i}`;
      const category = categoryOf(i);
      insertItem(db, { id: itemId, tagCode: tagOf(i), serial: null, catalogueId: `cat_b_${i % CATEGORIES.length}`, acquiredOn: '2023-01-01', staffId: 'stf_b', createdAt: now - 800 * DAY, eventId: SEED });
      let state: ItemStateRow = appendItemState(db, undefined, {
        id: `${itemId}_s0`, itemId, status: 'available', condition: 'good', location: null, nextServiceOn: null, reason: 'registered',
        loanId: null, staffId: 'stf_b', recordedAt: now - 800 * DAY, eventId: SEED,
      });
      const step = (status: ItemStateRow['status'], reason: string, loanId: string, at: number) => {
        state = appendItemState(db, state, { ...state, id: `${loanId}_${status}`, status, reason, loanId, recordedAt: at });
      };
      for (let k = 0; k < loansPerItem; k++) {
        const loanId = `loan_b_${loanNo}`;
        const outAt = now - (760 - k * 70) * DAY;
        const dueOn = addDays(localDate(outAt, TZ), 30);
        insertLoan(db, {
          id: loanId, itemId, memberId: `mem_b_${(loanNo % MEMBERS) + 1}`, staffId: 'stf_b', checkedOutAt: outAt, dueOn, conditionOut: 'good',
          checklistOut: JSON.stringify(checks(category)), ackMethod: 'card', ackBy: 'self', guardianName: null, overrideCodes: '[]',
          overrideReason: null, reservationId: null, eventId: SEED,
        });
        step('on_loan', 'checked_out', loanId, outAt);
        const backAt = outAt + (25 + (loanNo % 10)) * DAY;
        insertClosure(db, {
          id: `${loanId}_c`, loanId, outcome: 'returned', condition: 'good', checklist: JSON.stringify(checks(category)), damageNotes: null,
          lateDays: Math.max(0, (loanNo % 10) - 5), staffId: 'stf_b', recordedAt: backAt, eventId: SEED,
        });
        step('cleaning', 'returned', loanId, backAt);
        insertCleaning(db, { id: `${loanId}_k`, itemId, loanId, checklist: JSON.stringify(steps(category)), outcome: 'available', note: null, staffId: 'stf_b', recordedAt: backAt + 3_600_000, eventId: SEED });
        step('available', 'cleaned', loanId, backAt + 3_600_000);
        loanNo++;
      }
    }
  })();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-lending-'));
  try {
    const config = loadConfig({ DATA_DIR: dir, UI_DIR: dir });
    const db = openDatabase(config.dbFile);
    const clock = new SystemClock();
    const t0 = performance.now();
    seed(db, clock.now());
    const seedSec = (performance.now() - t0) / 1000;
    const { app, services, cookie } = await benchKiosk(config, db, clock, TZ);
    const get = (path: string) => app.request(`/api/staff/lending${path}`, { headers: { cookie } });
    const post = (path: string, body: unknown) => app.request(`/api/staff/lending${path}`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const dueOn = addDays(localDate(clock.now(), TZ), 14);
    const timings: Record<string, number[]> = { identify: [], scan: [], eligibility: [], checkout: [], 'return + cleaning': [], round: [] };
    const timed = async <T>(label: string, run: () => Response | Promise<Response>, expected: number): Promise<T> => {
      const t = performance.now();
      const res = await run();
      const body = (await res.json()) as T;
      timings[label]!.push(performance.now() - t);
      if (res.status !== expected) throw new Error(`${label}: HTTP ${res.status} ${JSON.stringify(body)}`);
      return body;
    };
    const round = async (i: number): Promise<void> => {
      const start = performance.now();
      const memberNo = (i % MEMBERS) + 1;
      const capture = await timed<IdentifyCapture>('identify', async () => {
        const started = (await (await post('/identify', { purpose: 'member' })).json()) as IdentifyCapture;
        return post(`/identify/${started.id}/card`, { cardNumber: String(500000 + memberNo) });
      }, 200);
      const memberId = capture.member!.id;
      const itemNo = (i * 7) % ITEMS; // a different item each round, spread over the entries
      const item = await timed<Item>('scan', () => get(`/items/by-tag/${tagOf(itemNo)}`), 200);
      await timed('eligibility', () => get(`/eligibility?memberId=${memberId}&itemId=${item.id}`), 200);
      const category = categoryOf(itemNo);
      const loan = await timed<Loan>('checkout', () => post('/loans', {
        memberId, itemId: item.id, dueOn, condition: 'good', checklist: checks(category), acknowledgement: { method: 'staff_witnessed', by: 'self' },
      }), 201);
      await timed('return + cleaning', async () => {
        await (await post(`/loans/${loan.id}/return`, { condition: 'good', checklist: checks(category) })).arrayBuffer();
        return post(`/items/${item.id}/cleaning`, { checklist: steps(category), outcome: 'available' });
      }, 200);
      timings.round!.push(performance.now() - start);
    };
    if (process.argv.includes('--profile')) {
      const { overdueLoansOfMember } = await import('../edge-server/src/db/lending-loans.repo.js');
      const { deskItemsOfEntry, assessmentsOfMember } = await import('../edge-server/src/db/lending-desk.repo.js');
      const { activeReservationsOfEntry } = await import('../edge-server/src/db/lending-reservations.repo.js');
      const today = localDate(clock.now(), TZ);
      for (const [name, fn] of [
        ['deskItemsOfEntry', () => deskItemsOfEntry(db, 'cat_b_0')],
        ['overdueLoansOfMember', () => overdueLoansOfMember(db, 'mem_b_1', today)],
        ['assessmentsOfMember', () => assessmentsOfMember(db, 'mem_b_1')],
        ['activeReservationsOfEntry', () => activeReservationsOfEntry(db, 'cat_b_0')],
        ['eligibility', () => services.loans.eligibility('mem_b_1', { itemId: 'itm_b_0' })],
        ['byTag', () => services.inventory.itemByTag('BEN-00000')],
      ] as const) {
        const t = performance.now();
        for (let i = 0; i < 50; i++) fn();
        console.log(name, ((performance.now() - t) / 50).toFixed(3), 'ms');
      }
      return;
    }
    for (let i = 0; i < 50; i++) await round(ROUNDS + i); // warm-up: prepared statements, JIT
    for (const list of Object.values(timings)) list.length = 0;
    for (let i = 0; i < ROUNDS; i++) await round(i);

    console.log(`# lending benchmark (${new Date().toISOString()}, node ${process.version})`);
    console.log(`${ITEMS.toLocaleString('en')} items in ${CATEGORIES.length} entries, ${PAST_LOANS.toLocaleString('en')} past loans (returned and cleaned), ` +
      `${MEMBERS} members (seeded in ${seedSec.toFixed(1)} s)`);
    console.log(`\n${ROUNDS} rounds through app.request (routing, auth, JSON, durable writes):`);
    console.log('| step | p50 ms | p99 ms | mean ms |');
    console.log('|---|---|---|---|');
    for (const [label, list] of Object.entries(timings)) {
      const sorted = [...list].sort((a, b) => a - b);
      const mean = list.reduce((s, x) => s + x, 0) / list.length;
      console.log(`| ${label} | ${percentile(sorted, 50).toFixed(2)} | ${percentile(sorted, 99).toFixed(2)} | ${mean.toFixed(2)} |`);
    }
    services.lendingCaptures.stop();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
