import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../edge-server/src/db/connection.js';
import { loadMigrations, migrate } from '../../../edge-server/src/db/migrate.js';

const SOURCE_MIGRATIONS = fileURLToPath(new URL('../../../edge-server/src/db/migrations/', import.meta.url));

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

function tableNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migrations', () => {
  const open: Db[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
  });
  function track(db: Db): Db {
    open.push(db);
    return db;
  }

  it('brings a new database to user_version = the number of migration files', () => {
    const files = readdirSync(SOURCE_MIGRATIONS).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(0);
    const db = track(openDatabase(join(mkdtempSync(join(tmpdir(), 'kiosk-db-')), 'kiosk.db')));
    expect(db.pragma('user_version', { simple: true })).toBe(files.length);
    expect(loadMigrations()).toHaveLength(files.length);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['attendance', 'audit_log', 'events', 'members', 'staff']));
  });

  it('does nothing when an up-to-date database is opened again, keeping its data', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-db-')), 'kiosk.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    const version = first.pragma('user_version', { simple: true });
    first.close();
    const again = track(openDatabase(file));
    expect(again.pragma('user_version', { simple: true })).toBe(version);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: '1' });
    expect(migrate(again)).toBe(version);
  });

  it('applies only the migrations newer than user_version', () => {
    const db = track(new Database(':memory:'));
    const dir = migrationsDir({ '0001_one.sql': 'CREATE TABLE one (x INTEGER);' });
    expect(migrate(db, loadMigrations(dir))).toBe(1);
    writeFileSync(join(dir, '0002_two.sql'), 'CREATE TABLE two (y INTEGER);');
    expect(migrate(db, loadMigrations(dir))).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(tableNames(db)).toEqual(['one', 'two']);
  });

  it('refuses a migrations folder with a gap in its numbering', () => {
    const dir = migrationsDir({ '0001_one.sql': 'SELECT 1;', '0003_three.sql': 'SELECT 3;' });
    expect(() => loadMigrations(dir)).toThrow(/0003_three\.sql is out of sequence; expected 0002/);
  });

  it('refuses a migrations folder that does not start at 0001', () => {
    const dir = migrationsDir({ '0002_two.sql': 'SELECT 2;' });
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
  });

  it('refuses a database newer than the software with a clear message', () => {
    const db = track(new Database(':memory:'));
    db.pragma('user_version = 5');
    const dir = migrationsDir({ '0001_one.sql': 'CREATE TABLE one (x INTEGER);' });
    expect(() => migrate(db, loadMigrations(dir))).toThrow(
      'Database schema version 5 is newer than this software knows (1); install the newer version or restore a backup.',
    );
    expect(tableNames(db)).toEqual([]);
  });

  it('refuses to open a database file written by newer software', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-db-')), 'kiosk.db');
    const db = openDatabase(file);
    const latest = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${latest + 1}`);
    db.close();
    expect(() => track(openDatabase(file))).toThrow(/newer than this software knows/);
  });

  it('leaves the database at the last whole version when a migration fails', () => {
    const db = track(new Database(':memory:'));
    const dir = migrationsDir({
      '0001_one.sql': 'CREATE TABLE one (x INTEGER);',
      '0002_broken.sql': 'CREATE TABLE two (y INTEGER); THIS IS NOT SQL;',
    });
    expect(() => migrate(db, loadMigrations(dir))).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(db)).toEqual(['one']);
  });
});
