import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../edge-server/src/db/connection.js';
import { AUTOCHECKPOINT_PAGES, WalCheckpointer } from '../../../edge-server/src/db/checkpointer.js';

describe('WalCheckpointer', () => {
  let dir: string;
  let db: Db;
  afterEach(() => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function open(): string {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-ckpt-'));
    const file = join(dir, 'kiosk.db');
    db = openDatabase(file);
    return file;
  }

  function write(rows: number): void {
    const insert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, '"x"')`);
    for (let i = 0; i < rows; i++) insert.run(`k${i}-${Math.random()}`);
  }

  it('raises the in-commit autocheckpoint threshold so checkpoints happen between check-ins', () => {
    open();
    const checkpointer = new WalCheckpointer(db, 60_000);
    checkpointer.start();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTOCHECKPOINT_PAGES);
    checkpointer.stop();
  });

  it('copies committed WAL frames into the database when it runs', () => {
    open();
    const checkpointer = new WalCheckpointer(db, 60_000);
    checkpointer.start();
    write(50);
    expect(checkpointer.checkpoint()).toBeGreaterThan(0);
    checkpointer.stop();
  });

  it('truncates the WAL on stop, leaving a small file behind a clean shutdown', () => {
    const file = open();
    const checkpointer = new WalCheckpointer(db, 60_000);
    checkpointer.start();
    write(200);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    checkpointer.stop();
    expect(statSync(`${file}-wal`).size).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM settings').get()).toEqual({ n: 200 });
  });
});
