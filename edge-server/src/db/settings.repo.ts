import type { Db } from './connection.js';
import { statements } from './statements.js';

const sql = statements({
  get: `SELECT value FROM settings WHERE key = ?`,
  set: `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
});

export function getSetting<T>(db: Db, key: string): T | undefined {
  const row = sql(db).get.get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  sql(db).set.run(key, JSON.stringify(value));
}
