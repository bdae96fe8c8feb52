import type { Db } from './connection.js';
import { statements } from './statements.js';

const sql = statements({
  insert: `INSERT INTO sensor_edges (line, active, at) VALUES (?, ?, ?)`,
  between: `SELECT line, active, at FROM sensor_edges WHERE at >= ? AND at < ? ORDER BY at, id`,
  prune: `DELETE FROM sensor_edges WHERE at < ?`,
});

export interface SensorEdge {
  line: string;
  active: 0 | 1;
  at: number;
}

export function insertSensorEdge(db: Db, line: string, active: boolean, at: number): void {
  sql(db).insert.run(line, active ? 1 : 0, at);
}

export function listSensorEdges(db: Db, fromMs: number, toMs: number): SensorEdge[] {
  return sql(db).between.all(fromMs, toMs) as SensorEdge[];
}

/** Deletes raw edges older than `beforeMs`; returns how many went. */
export function pruneSensorEdges(db: Db, beforeMs: number): number {
  return sql(db).prune.run(beforeMs).changes;
}
