import type { Db } from './connection.js';
import { statements } from './statements.js';

const sql = statements({
  cursor: `SELECT cursor FROM sync_cursors WHERE stream = ?`,
  setCursor: `INSERT INTO sync_cursors (stream, cursor, pulled_at) VALUES (?, ?, ?)
              ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, pulled_at = excluded.pulled_at`,
  clearCursor: `DELETE FROM sync_cursors WHERE stream = ?`,
  version: `SELECT version FROM sync_records WHERE stream = ? AND id = ?`,
  setVersion: `INSERT INTO sync_records (stream, id, version) VALUES (?, ?, ?)
               ON CONFLICT (stream, id) DO UPDATE SET version = excluded.version`,
  forget: `DELETE FROM sync_records WHERE stream = ? AND id = ?`,
  ids: `SELECT id FROM sync_records WHERE stream = ?`,
  forgetStream: `DELETE FROM sync_records WHERE stream = ?`,
  memberExists: `SELECT 1 FROM members WHERE id = ?`,
  insertMember: `INSERT INTO members (id, name, gender, birth_year, disability_category, disability_grade, status,
                   guardian_contact, created_at)
                 VALUES (@id, @name, @gender, @birthYear, @disabilityCategory, @disabilityGrade, @status,
                   @guardianContact, @createdAt)`,
  // registry fields only: card number, photo, accessibility profile (and fingerprints, consents in their own tables) stay the kiosk's
  updateMember: `UPDATE members SET name = @name, gender = @gender, birth_year = @birthYear,
                   disability_category = @disabilityCategory, disability_grade = @disabilityGrade, status = @status,
                   guardian_contact = @guardianContact
                 WHERE id = @id`,
  deactivateMember: `UPDATE members SET status = 'inactive' WHERE id = ?`,
  staffExists: `SELECT 1 FROM staff WHERE id = ?`,
  insertStaff: `INSERT INTO staff (id, name, role, status, created_at) VALUES (@id, @name, @role, @status, @createdAt)`,
  // name, role, status only: the PIN hash and the card stay the kiosk's
  updateStaff: `UPDATE staff SET name = @name, role = @role, status = @status WHERE id = @id`,
  deactivateStaff: `UPDATE staff SET status = 'inactive' WHERE id = ?`,
});

/** The platform's registry fields of a member (§4 `members`). */
export interface MemberRegistry {
  id: string;
  name: string;
  gender: string | null;
  birthYear: number | null;
  disabilityCategory: string | null;
  disabilityGrade: number | null;
  status: 'active' | 'inactive';
  guardianContact: string | null;
}

/** The platform's fields of a staff member (§4 `staff`: no secrets). */
export interface StaffRegistry { id: string; name: string; role: string; status: 'active' | 'inactive' }

/** The stream's stored cursor, or null to pull from the beginning. */
export function readPullCursor(db: Db, stream: string): string | null {
  const row = sql(db).cursor.get(stream) as { cursor: string } | undefined;
  return row ? row.cursor : null;
}

export function writePullCursor(db: Db, stream: string, cursor: string, atMs: number): void {
  sql(db).setCursor.run(stream, cursor, atMs);
}

export function clearPullCursor(db: Db, stream: string): void {
  sql(db).clearCursor.run(stream);
}

/** The version of a record last applied from the platform, or null. */
export function appliedVersion(db: Db, stream: string, id: string): number | null {
  const row = sql(db).version.get(stream, id) as { version: number } | undefined;
  return row ? row.version : null;
}

export function recordAppliedVersion(db: Db, stream: string, id: string, version: number): void {
  sql(db).setVersion.run(stream, id, version);
}

export function forgetAppliedRecord(db: Db, stream: string, id: string): void {
  sql(db).forget.run(stream, id);
}

/** Ids of the records that came from the platform on a stream. */
export function listAppliedIds(db: Db, stream: string): string[] {
  return (sql(db).ids.all(stream) as { id: string }[]).map((r) => r.id);
}

export function forgetAppliedStream(db: Db, stream: string): void {
  sql(db).forgetStream.run(stream);
}

/** Inserts or updates a member's registry fields, leaving every kiosk-owned column as it is. */
export function upsertMemberRegistry(db: Db, member: MemberRegistry, atMs: number): void {
  if (sql(db).memberExists.get(member.id)) sql(db).updateMember.run(member);
  else sql(db).insertMember.run({ ...member, createdAt: atMs });
}

export function deactivateMember(db: Db, id: string): void {
  sql(db).deactivateMember.run(id);
}

/** Inserts or updates a staff member's name, role and status; the PIN hash and card stay as they are. */
export function upsertStaffRegistry(db: Db, staff: StaffRegistry, atMs: number): void {
  if (sql(db).staffExists.get(staff.id)) sql(db).updateStaff.run(staff);
  else sql(db).insertStaff.run({ ...staff, createdAt: atMs });
}

export function deactivateStaff(db: Db, id: string): void {
  sql(db).deactivateStaff.run(id);
}
