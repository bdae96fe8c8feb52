import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface Staff {
  id: string;
  name: string;
  role: string;
  status: 'active' | 'inactive';
  cardNumber: string | null;
}

const COLUMNS = `id, name, role, status, card_number AS cardNumber`;

const sql = statements({
  byId: `SELECT ${COLUMNS} FROM staff WHERE id = ?`,
  byCard: `SELECT ${COLUMNS} FROM staff WHERE card_number = ?`,
  active: `SELECT ${COLUMNS} FROM staff WHERE status = 'active' ORDER BY name`,
  pinHash: `SELECT pin_hash AS pinHash FROM staff WHERE id = ?`,
  insert: `INSERT INTO staff (id, name, role, status, card_number, pin_hash, created_at)
           VALUES (@id, @name, @role, @status, @cardNumber, @pinHash, @createdAt)`,
  failures: `SELECT failures, locked_until AS lockedUntil FROM staff_pin_failures WHERE staff_id = ?`,
  setFailures: `INSERT INTO staff_pin_failures (staff_id, failures, locked_until) VALUES (?, ?, ?)
                ON CONFLICT (staff_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
  clearFailures: `DELETE FROM staff_pin_failures WHERE staff_id = ?`,
});

export function findStaffById(db: Db, id: string): Staff | undefined {
  return sql(db).byId.get(id) as Staff | undefined;
}

export function findStaffByCard(db: Db, cardNumber: string): Staff | undefined {
  return sql(db).byCard.get(cardNumber) as Staff | undefined;
}

/** Active staff by name (the lead picker of the session planner). */
export function listActiveStaff(db: Db): Staff[] {
  return sql(db).active.all() as Staff[];
}

export function getStaffPinHash(db: Db, id: string): string | null {
  return (sql(db).pinHash.get(id) as { pinHash: string | null } | undefined)?.pinHash ?? null;
}

export function insertStaff(db: Db, staff: Staff & { pinHash: string | null }, createdAt: number): void {
  sql(db).insert.run({ ...staff, createdAt });
}

export interface PinFailures { failures: number; lockedUntil: number | null }

export function getPinFailures(db: Db, staffId: string): PinFailures {
  return (sql(db).failures.get(staffId) as PinFailures | undefined) ?? { failures: 0, lockedUntil: null };
}

export function setPinFailures(db: Db, staffId: string, state: PinFailures): void {
  sql(db).setFailures.run(staffId, state.failures, state.lockedUntil);
}

export function clearPinFailures(db: Db, staffId: string): void {
  sql(db).clearFailures.run(staffId);
}
