import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface StaffSession { staffId: string; createdAt: number; lastSeenAt: number }

const sql = statements({
  insert: `INSERT INTO staff_sessions (token_hash, staff_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)`,
  find: `SELECT staff_id AS staffId, created_at AS createdAt, last_seen_at AS lastSeenAt
         FROM staff_sessions WHERE token_hash = ? AND ended_at IS NULL`,
  touch: `UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?`,
  end: `UPDATE staff_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL`,
});

export function insertSession(db: Db, tokenHash: string, staffId: string, now: number): void {
  sql(db).insert.run(tokenHash, staffId, now, now);
}

export function findLiveSession(db: Db, tokenHash: string): StaffSession | undefined {
  return sql(db).find.get(tokenHash) as StaffSession | undefined;
}

export function touchSession(db: Db, tokenHash: string, now: number): void {
  sql(db).touch.run(now, tokenHash);
}

export function endSession(db: Db, tokenHash: string, now: number): boolean {
  return sql(db).end.run(now, tokenHash).changes > 0;
}
