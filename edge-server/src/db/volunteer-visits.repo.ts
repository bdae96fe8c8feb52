import type { ActivityKind } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

export type ClosedBy = 'volunteer' | 'closing_time';

/** A volunteer visit with its sign-out, if any. */
export interface VisitRow {
  id: string;
  volunteerId: string;
  name: string;
  partnerId: string | null;
  organisation: string;
  partyMember: boolean;
  activity: ActivityKind;
  localDate: string;
  signedInAt: number;
  signedOutAt: number | null;
  minutes: number | null;
  closedBy: ClosedBy | null;
}

const SELECT = `SELECT v.id, v.volunteer_id AS volunteerId, v.name, v.partner_id AS partnerId, v.organisation, v.party_member AS partyMember,
                  v.activity, v.local_date AS localDate, v.signed_in_at AS signedInAt,
                  s.signed_out_at AS signedOutAt, s.minutes, s.closed_by AS closedBy
                FROM volunteer_visits v LEFT JOIN volunteer_signouts s ON s.visit_id = v.id`;

const sql = statements({
  insert: `INSERT INTO volunteer_visits (id, volunteer_id, name, partner_id, organisation, party_member, activity, local_date, signed_in_at)
           VALUES (@id, @volunteerId, @name, @partnerId, @organisation, @partyMember, @activity, @localDate, @signedInAt)`,
  signOut: `INSERT INTO volunteer_signouts (visit_id, signed_out_at, minutes, closed_by, event_id)
            VALUES (@visitId, @signedOutAt, @minutes, @closedBy, @eventId)`,
  byId: `${SELECT} WHERE v.id = ?`,
  open: `${SELECT} WHERE s.visit_id IS NULL ORDER BY v.signed_in_at`,
  between: `${SELECT} WHERE v.local_date BETWEEN ? AND ? ORDER BY v.signed_in_at DESC`,
  ofPartner: `${SELECT} WHERE v.partner_id = ? ORDER BY v.signed_in_at DESC LIMIT ?`,
});

function toVisit(row: VisitRow | undefined): VisitRow | undefined {
  return row && { ...row, partyMember: Boolean(row.partyMember) };
}

function toVisits(rows: unknown[]): VisitRow[] {
  return (rows as VisitRow[]).map((r) => toVisit(r)!);
}

export function insertVisit(db: Db, v: Omit<VisitRow, 'signedOutAt' | 'minutes' | 'closedBy'>): void {
  sql(db).insert.run({ ...v, partyMember: v.partyMember ? 1 : 0 });
}

export function insertSignOut(db: Db, s: { visitId: string; signedOutAt: number; minutes: number; closedBy: ClosedBy; eventId: string }): void {
  sql(db).signOut.run(s);
}

export function findVisit(db: Db, id: string): VisitRow | undefined {
  return toVisit(sql(db).byId.get(id) as VisitRow | undefined);
}

/** Visits without a sign-out, earliest first. */
export function listOpenVisits(db: Db): VisitRow[] {
  return toVisits(sql(db).open.all());
}

/** Visits whose local date lies in [from, to] (YYYY-MM-DD), latest first. */
export function listVisitsBetween(db: Db, from: string, to: string): VisitRow[] {
  return toVisits(sql(db).between.all(from, to));
}

export function listPartnerVisits(db: Db, partnerId: string, limit: number): VisitRow[] {
  return toVisits(sql(db).ofPartner.all(partnerId, limit));
}
