import type { ItemCondition, ItemStatus } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

/** One link of an item's append-only state chain (see 0007_lending.sql). */
export interface ItemStateRow {
  id: string;
  itemId: string;
  seq: number;
  status: ItemStatus;
  condition: ItemCondition;
  location: string | null;
  nextServiceOn: string | null;
  reason: string;
  loanId: string | null;
  staffId: string | null;
  recordedAt: number;
  eventId: string | null;
}

const COLUMNS = `id, item_id AS itemId, seq, status, condition, location, next_service_on AS nextServiceOn, reason,
  loan_id AS loanId, staff_id AS staffId, recorded_at AS recordedAt, event_id AS eventId`;

const sql = statements({
  insert: `INSERT INTO lending_item_states (id, item_id, seq, status, condition, location, next_service_on, reason, loan_id, staff_id, recorded_at, event_id)
    VALUES (@id, @itemId, @seq, @status, @condition, @location, @nextServiceOn, @reason, @loanId, @staffId, @recordedAt, @eventId)`,
  latest: `SELECT ${COLUMNS} FROM lending_item_states WHERE item_id = ? ORDER BY seq DESC LIMIT 1`,
  chain: `SELECT ${COLUMNS} FROM lending_item_states WHERE item_id = ? ORDER BY seq DESC`,
  // SQLite takes the bare columns from the row that holds MAX(seq).
  allLatest: `SELECT id, item_id AS itemId, MAX(seq) AS seq, status, condition, location, next_service_on AS nextServiceOn, reason,
    loan_id AS loanId, staff_id AS staffId, recorded_at AS recordedAt, event_id AS eventId
    FROM lending_item_states GROUP BY item_id`,
});

/** The item's state in force (the highest seq), or undefined for an item without one. */
export function currentItemState(db: Db, itemId: string): ItemStateRow | undefined {
  return sql(db).latest.get(itemId) as ItemStateRow | undefined;
}

/** Every item's state in force, keyed by item id. */
export function currentItemStates(db: Db): Map<string, ItemStateRow> {
  const rows = sql(db).allLatest.all() as ItemStateRow[];
  return new Map(rows.map((r) => [r.itemId, r]));
}

/** The whole chain of one item, newest first. */
export function itemStateChain(db: Db, itemId: string): ItemStateRow[] {
  return sql(db).chain.all(itemId) as ItemStateRow[];
}

/**
 * Appends the state that follows `previous` (seq + 1; 1 for a new item). Call it inside the write
 * transaction that read `previous`: if anybody else appended in between, UNIQUE (item_id, seq) makes
 * this insert fail instead of forking the chain, which is what keeps one item from being lent twice.
 */
export function appendItemState(db: Db, previous: ItemStateRow | undefined, next: Omit<ItemStateRow, 'seq'>): ItemStateRow {
  const row: ItemStateRow = { ...next, seq: (previous?.seq ?? 0) + 1 };
  sql(db).insert.run(row);
  return row;
}
