import type { Db } from './connection.js';
import { statements } from './statements.js';

const sql = statements({
  insert: `INSERT OR IGNORE INTO sensor_deletions (sensor_id, slot, requested_at) VALUES (?, ?, ?)`,
  list: `SELECT slot FROM sensor_deletions WHERE sensor_id = ? ORDER BY slot`,
  remove: `DELETE FROM sensor_deletions WHERE sensor_id = ? AND slot = ?`,
});

/** Records that `slot` must be wiped on the sensor; kept until the sensor confirms. */
export function requestSensorDeletion(db: Db, sensorId: string, slot: number, at: number): void {
  sql(db).insert.run(sensorId, slot, at);
}

export function listPendingSensorDeletions(db: Db, sensorId: string): number[] {
  return (sql(db).list.all(sensorId) as { slot: number }[]).map((r) => r.slot);
}

export function confirmSensorDeletion(db: Db, sensorId: string, slot: number): void {
  sql(db).remove.run(sensorId, slot);
}
