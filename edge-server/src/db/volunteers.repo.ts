import type { Db } from './connection.js';
import { statements } from './statements.js';

/** A registered volunteer with their retirement (if any) and what their visits say of them. */
export interface RosterRow {
  id: string;
  name: string;
  partnerId: string | null;
  organisation: string;
  /** the latest visit's answer, else the registration's */
  partyMember: boolean;
  phone: string | null;
  createdAt: number;
  retiredAt: number | null;
  /** when they last signed in, null if never */
  lastVisitAt: number | null;
}

const LAST_VISIT = `(SELECT MAX(v.signed_in_at) FROM volunteer_visits v WHERE v.volunteer_id = r.id)`;
const SELECT = `SELECT r.id, r.name, r.partner_id AS partnerId, r.organisation, r.phone, r.created_at AS createdAt,
                  t.at AS retiredAt, ${LAST_VISIT} AS lastVisitAt,
                  COALESCE((SELECT v.party_member FROM volunteer_visits v WHERE v.volunteer_id = r.id
                            ORDER BY v.signed_in_at DESC LIMIT 1), r.party_member) AS partyMember
                FROM volunteers r LEFT JOIN volunteer_retirements t ON t.volunteer_id = r.id`;
/** most recent first: the last visit, or the registration for someone who has not come yet */
const RECENT_FIRST = `ORDER BY COALESCE(${LAST_VISIT}, r.created_at) DESC, r.name`;

const sql = statements({
  insert: `INSERT INTO volunteers (id, name, partner_id, organisation, party_member, phone, staff_id, created_at)
           VALUES (@id, @name, @partnerId, @organisation, @partyMember, @phone, @staffId, @createdAt)`,
  retire: `INSERT INTO volunteer_retirements (volunteer_id, staff_id, reason, at) VALUES (@volunteerId, @staffId, @reason, @at)`,
  byId: `${SELECT} WHERE r.id = ?`,
  all: `${SELECT} ${RECENT_FIRST}`,
  activeOfPartner: `${SELECT} WHERE t.volunteer_id IS NULL AND r.partner_id = ? ${RECENT_FIRST}`,
  activeWithoutPartner: `${SELECT} WHERE t.volunteer_id IS NULL AND r.partner_id IS NULL ${RECENT_FIRST}`,
});

function toRoster(row: RosterRow): RosterRow {
  return { ...row, partyMember: Boolean(row.partyMember) };
}

export function insertVolunteer(db: Db, v: {
  id: string; name: string; partnerId: string | null; organisation: string; partyMember: boolean; phone: string | null;
  staffId: string; createdAt: number;
}): void {
  sql(db).insert.run({ ...v, partyMember: v.partyMember ? 1 : 0 });
}

export function insertVolunteerRetirement(db: Db, r: { volunteerId: string; staffId: string; reason: string | null; at: number }): void {
  sql(db).retire.run(r);
}

export function findVolunteer(db: Db, id: string): RosterRow | undefined {
  const row = sql(db).byId.get(id) as RosterRow | undefined;
  return row && toRoster(row);
}

/** Everyone ever registered, most recent first (retired ones too). */
export function listRoster(db: Db): RosterRow[] {
  return (sql(db).all.all() as RosterRow[]).map(toRoster);
}

/** Active volunteers of a partner (or, with null, those without one: 个人 and other organisations), most recent first. */
export function listActiveVolunteers(db: Db, partnerId: string | null): RosterRow[] {
  const rows = partnerId === null ? sql(db).activeWithoutPartner.all() : sql(db).activeOfPartner.all(partnerId);
  return (rows as RosterRow[]).map(toRoster);
}
