import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface StocktakeRow { id: string; staffId: string; startedAt: number }

/** A stocktake with its end, when finished. */
export interface StocktakeView extends StocktakeRow {
  finishedAt: number | null;
  /** item ids found missing when it was finished */
  missing: string[] | null;
}

export interface StocktakeScanRow { id: string; stocktakeId: string; itemId: string; scannedAt: number }

export interface StocktakeEndRow {
  id: string; stocktakeId: string; missing: string[]; staffId: string; recordedAt: number; eventId: string | null;
}

const sql = statements({
  insert: `INSERT INTO lending_stocktakes (id, staff_id, started_at) VALUES (@id, @staffId, @startedAt)`,
  byId: `SELECT t.id, t.staff_id AS staffId, t.started_at AS startedAt, e.recorded_at AS finishedAt, e.missing
    FROM lending_stocktakes t LEFT JOIN lending_stocktake_ends e ON e.stocktake_id = t.id WHERE t.id = ?`,
  recent: `SELECT t.id, t.staff_id AS staffId, t.started_at AS startedAt, e.recorded_at AS finishedAt, e.missing
    FROM lending_stocktakes t LEFT JOIN lending_stocktake_ends e ON e.stocktake_id = t.id ORDER BY t.started_at DESC LIMIT ?`,
  insertScan: `INSERT INTO lending_stocktake_scans (id, stocktake_id, item_id, scanned_at) VALUES (@id, @stocktakeId, @itemId, @scannedAt)`,
  scanOf: `SELECT id, stocktake_id AS stocktakeId, item_id AS itemId, scanned_at AS scannedAt FROM lending_stocktake_scans
    WHERE stocktake_id = ? AND item_id = ?`,
  scans: `SELECT id, stocktake_id AS stocktakeId, item_id AS itemId, scanned_at AS scannedAt FROM lending_stocktake_scans
    WHERE stocktake_id = ? ORDER BY scanned_at, rowid`,
  insertEnd: `INSERT INTO lending_stocktake_ends (id, stocktake_id, missing_count, missing, staff_id, recorded_at, event_id)
    VALUES (@id, @stocktakeId, @missingCount, @missing, @staffId, @recordedAt, @eventId)`,
});

function toView(r: Omit<StocktakeView, 'missing'> & { missing: string | null }): StocktakeView {
  return { ...r, missing: r.missing === null ? null : JSON.parse(r.missing) as string[] };
}

export function insertStocktake(db: Db, row: StocktakeRow): void {
  sql(db).insert.run(row);
}

export function findStocktake(db: Db, id: string): StocktakeView | undefined {
  const row = sql(db).byId.get(id) as (Omit<StocktakeView, 'missing'> & { missing: string | null }) | undefined;
  return row && toView(row);
}

/** The latest stocktakes, newest first. */
export function listRecentStocktakes(db: Db, limit: number): StocktakeView[] {
  return (sql(db).recent.all(limit) as (Omit<StocktakeView, 'missing'> & { missing: string | null })[]).map(toView);
}

export function insertStocktakeScan(db: Db, row: StocktakeScanRow): void {
  sql(db).insertScan.run(row);
}

export function findStocktakeScan(db: Db, stocktakeId: string, itemId: string): StocktakeScanRow | undefined {
  return sql(db).scanOf.get(stocktakeId, itemId) as StocktakeScanRow | undefined;
}

/** The scans of one stocktake in the order they were made. */
export function listStocktakeScans(db: Db, stocktakeId: string): StocktakeScanRow[] {
  return sql(db).scans.all(stocktakeId) as StocktakeScanRow[];
}

/** Finishes a stocktake once (UNIQUE stocktake_id). */
export function insertStocktakeEnd(db: Db, row: StocktakeEndRow): void {
  sql(db).insertEnd.run({ ...row, missingCount: row.missing.length, missing: JSON.stringify(row.missing) });
}
