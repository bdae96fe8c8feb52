import type { Db } from './connection.js';
import { statements } from './statements.js';
import { DEFAULT_PROFILE, type AccessibilityProfile } from '../api-types.js';

export interface Member {
  id: string;
  name: string;
  gender: string | null;
  birthYear: number | null;
  disabilityCategory: string | null;
  disabilityGrade: number | null;
  status: 'active' | 'inactive';
  guardianContact: string | null;
  cardNumber: string | null;
  photoPath: string | null;
  profile: AccessibilityProfile;
}

const COLUMNS = `id, name, gender, birth_year AS birthYear, disability_category AS disabilityCategory,
  disability_grade AS disabilityGrade, status, guardian_contact AS guardianContact, card_number AS cardNumber,
  photo_path AS photoPath, profile`;

const sql = statements({
  byId: `SELECT ${COLUMNS} FROM members WHERE id = ?`,
  byCard: `SELECT ${COLUMNS} FROM members WHERE card_number = ?`,
  search: `SELECT ${COLUMNS} FROM members WHERE status = 'active' AND (? = '' OR instr(name, ?) > 0 OR card_number = ?)
           ORDER BY name COLLATE BINARY LIMIT ?`,
  active: `SELECT ${COLUMNS} FROM members WHERE status = 'active' ORDER BY name`,
  count: `SELECT COUNT(*) AS n FROM members`,
  insert: `INSERT INTO members (id, name, gender, birth_year, disability_category, disability_grade, status,
             guardian_contact, card_number, photo_path, profile, created_at)
           VALUES (@id, @name, @gender, @birthYear, @disabilityCategory, @disabilityGrade, @status,
             @guardianContact, @cardNumber, @photoPath, @profile, @createdAt)`,
});

type MemberRow = Omit<Member, 'profile'> & { profile: string };

function toMember(row: MemberRow | undefined): Member | undefined {
  if (!row) return undefined;
  return { ...row, profile: { ...DEFAULT_PROFILE, ...(JSON.parse(row.profile) as Partial<AccessibilityProfile>) } };
}

export function findMemberById(db: Db, id: string): Member | undefined {
  return toMember(sql(db).byId.get(id) as MemberRow | undefined);
}

export function findMemberByCard(db: Db, cardNumber: string): Member | undefined {
  return toMember(sql(db).byCard.get(cardNumber) as MemberRow | undefined);
}

/** Active members whose name contains `text` (or whose card is `text`); all active members for ''. */
export function searchMembers(db: Db, text: string, limit = 50): Member[] {
  return (sql(db).search.all(text, text, text, limit) as MemberRow[]).map((r) => toMember(r)!);
}

export function listActiveMembers(db: Db): Member[] {
  return (sql(db).active.all() as MemberRow[]).map((r) => toMember(r)!);
}

export function countMembers(db: Db): number {
  return (sql(db).count.get() as { n: number }).n;
}

export function insertMember(db: Db, member: Member, createdAt: number): void {
  sql(db).insert.run({ ...member, profile: JSON.stringify(member.profile), createdAt });
}
