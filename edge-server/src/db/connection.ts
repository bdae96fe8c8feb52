import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';

/** The handle every repository takes. Only `edge-server/src/db/` imports better-sqlite3 itself. */
export type Db = Database.Database;

/**
 * Opens (creating if needed) the kiosk database and brings its schema up to date.
 * WAL with synchronous=FULL: a record the UI confirmed to a person survives a power cut
 * (ARCHITECTURE.md "Data that must never … be lost").
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL checkpoints: SQLite's default (every 1000 pages, inside a commit) until the server's
  // WalCheckpointer takes them off the check-in path.
  migrate(db);
  return db;
}
