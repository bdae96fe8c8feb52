import type { Db } from './connection.js';
import { statements } from './statements.js';

/** One maintenance or service record of an item (append-only). */
export interface MaintenanceRow {
  id: string;
  itemId: string;
  doneOn: string;
  description: string;
  costCents: number;
  nextServiceOn: string | null;
  staffId: string;
  recordedAt: number;
  eventId: string | null;
}

const COLUMNS = `id, item_id AS itemId, done_on AS doneOn, description, cost_cents AS costCents, next_service_on AS nextServiceOn,
  staff_id AS staffId, recorded_at AS recordedAt, event_id AS eventId`;

const sql = statements({
  insert: `INSERT INTO lending_maintenance (id, item_id, done_on, description, cost_cents, next_service_on, staff_id, recorded_at, event_id)
    VALUES (@id, @itemId, @doneOn, @description, @costCents, @nextServiceOn, @staffId, @recordedAt, @eventId)`,
  byId: `SELECT ${COLUMNS} FROM lending_maintenance WHERE id = ?`,
  ofItem: `SELECT ${COLUMNS} FROM lending_maintenance WHERE item_id = ? ORDER BY done_on DESC, recorded_at DESC`,
});

export function insertMaintenance(db: Db, row: MaintenanceRow): void {
  sql(db).insert.run(row);
}

export function findMaintenance(db: Db, id: string): MaintenanceRow | undefined {
  return sql(db).byId.get(id) as MaintenanceRow | undefined;
}

/** An item's maintenance records, newest first. */
export function listMaintenanceOfItem(db: Db, itemId: string): MaintenanceRow[] {
  return sql(db).ofItem.all(itemId) as MaintenanceRow[];
}
