import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../edge-server/src/db/connection.js';
import { seedDemoData } from '../../../../edge-server/src/demo-data.js';
import { addEntry, addItem, checklistFor } from '../../../support/lending-fixtures.js';
import { FakeClock } from '../../../support/kiosk.js';
import { STAFF_ID, STAFF_PIN } from '../../helpers.js';
import type { ChildReply, ChildRequest } from './double-lending.child.js';

const ROUNDS = 50;
const CHILD = resolve(import.meta.dirname, 'double-lending.child.ts');

/** A staff screen in its own process; `next()` is its next reply. */
class Screen {
  private readonly replies: ChildReply[] = [];
  private waiting: ((reply: ChildReply) => void) | null = null;
  readonly child: ChildProcess;

  constructor(dbFile: string, dataDir: string) {
    this.child = fork(CHILD, [dbFile, dataDir, STAFF_ID, STAFF_PIN], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (reply: ChildReply) => {
      if (this.waiting) {
        const resolveNext = this.waiting;
        this.waiting = null;
        resolveNext(reply);
      } else this.replies.push(reply);
    });
  }

  next(): Promise<ChildReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolveNext) => { this.waiting = resolveNext; });
  }

  send(request: ChildRequest): void {
    this.child.send(request);
  }
}

describe('the same item lent from two staff screens at the same moment', () => {
  let dataDir: string;
  let db: Db;
  let screens: Screen[];
  const items: string[] = [];
  const results: { itemId: string; replies: ChildReply[] }[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-double-'));
    const dbFile = join(dataDir, 'kiosk.db');
    db = openDatabase(dbFile);
    seedDemoData(db, 'sim-0', new FakeClock().now());
    const entry = addEntry(db, { name: '手动轮椅' });
    for (let i = 0; i < ROUNDS; i++) items.push(addItem(db, entry, { tagCode: `RACE-${i}` }));
    screens = [new Screen(dbFile, dataDir), new Screen(dbFile, dataDir)];
    for (const screen of screens) expect(await screen.next()).toEqual({ kind: 'ready' });
    for (const itemId of items) {
      const at = Date.now() + 30;
      // Two different borrowers, one item, one instant.
      screens.forEach((screen, i) => screen.send({
        kind: 'go', at,
        body: {
          memberId: i === 0 ? 'mem_demo_01' : 'mem_demo_08', itemId, dueOn: '2026-12-20', condition: 'good',
          checklist: checklistFor('wheelchair'), acknowledgement: { method: 'staff_witnessed', by: 'self' },
        },
      }));
      results.push({ itemId, replies: await Promise.all(screens.map((s) => s.next())) });
    }
  }, 120_000);

  afterAll(() => {
    for (const screen of screens ?? []) screen.send({ kind: 'stop' });
    db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lends each item once: one 201, and one 409 item_not_available for the other screen', () => {
    expect(results).toHaveLength(ROUNDS);
    for (const { replies } of results) {
      const sorted = [...replies].sort((a, b) => (a.kind === 'done' && b.kind === 'done' ? a.status - b.status : 0));
      expect(sorted).toEqual([{ kind: 'done', status: 201, code: null }, { kind: 'done', status: 409, code: 'item_not_available' }]);
    }
  });

  it('stores exactly one loan and one loan.checked_out event per item', () => {
    const loans = db.prepare(`SELECT l.item_id AS itemId, COUNT(*) AS n FROM lending_loans l JOIN lending_items i ON i.id = l.item_id
      WHERE i.tag_code LIKE 'RACE-%' GROUP BY l.item_id`).all() as { itemId: string; n: number }[];
    expect(loans).toHaveLength(ROUNDS);
    expect(loans.every((l) => l.n === 1)).toBe(true);
    const events = db.prepare(`SELECT json_extract(data, '$.itemId') AS itemId, COUNT(*) AS n FROM events WHERE type = 'loan.checked_out' GROUP BY itemId`).all() as { itemId: string; n: number }[];
    expect(events.map((e) => e.itemId).sort()).toEqual([...items].sort());
    expect(events.every((e) => e.n === 1)).toBe(true);
  });

  it('keeps every state chain straight: registered, then on_loan by the one loan, no fork', () => {
    for (const itemId of items) {
      const chain = db.prepare('SELECT seq, status, loan_id AS loanId FROM lending_item_states WHERE item_id = ? ORDER BY seq').all(itemId) as { seq: number; status: string; loanId: string | null }[];
      const loan = db.prepare('SELECT id FROM lending_loans WHERE item_id = ?').get(itemId) as { id: string };
      expect(chain).toEqual([{ seq: 1, status: 'available', loanId: null }, { seq: 2, status: 'on_loan', loanId: loan.id }]);
    }
  });
});
