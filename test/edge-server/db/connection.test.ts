import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../edge-server/src/db/connection.js';

describe('openDatabase', () => {
  let db: Db;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-db-'));
    db = openDatabase(join(dir, 'nested', 'kiosk.db'));
  });
  afterEach(() => db.close());

  it('creates the folder the database lives in', () => {
    expect(db.name).toBe(join(dir, 'nested', 'kiosk.db'));
  });

  it('uses WAL with synchronous=FULL so a confirmed record survives a power cut', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('enforces foreign keys', () => {
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare(
      "INSERT INTO attendance (id, member_id, direction, occurred_at, local_date, method, event_id) VALUES ('a', 'mem_missing', 'in', 0, '2026-12-03', 'card', 'e')",
    ).run()).toThrow(/FOREIGN KEY/);
  });

  it('waits up to 5 s for a lock instead of failing at once', () => {
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('refuses attendance rows with a method the protocol does not know', () => {
    db.prepare("INSERT INTO members (id, name, created_at) VALUES ('m', 'x', 0)").run();
    expect(() => db.prepare(
      "INSERT INTO attendance (id, member_id, direction, occurred_at, local_date, method, event_id) VALUES ('a', 'm', 'in', 0, '2026-12-03', 'telepathy', 'e')",
    ).run()).toThrow(/CHECK/);
  });
});
