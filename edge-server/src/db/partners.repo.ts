import type { PartnerKind } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

/** A partner organisation with its retirement (if any) and its number of volunteer visits. */
export interface PartnerRow {
  id: string;
  name: string;
  kind: PartnerKind;
  createdAt: number;
  retiredAt: number | null;
  visits: number;
}

const SELECT = `SELECT p.id, p.name, p.kind, p.created_at AS createdAt, r.at AS retiredAt,
                  (SELECT COUNT(*) FROM volunteer_visits v WHERE v.partner_id = p.id) AS visits
                FROM partner_orgs p LEFT JOIN partner_retirements r ON r.partner_id = p.id`;

const sql = statements({
  insert: `INSERT INTO partner_orgs (id, name, kind, staff_id, created_at) VALUES (@id, @name, @kind, @staffId, @createdAt)`,
  retire: `INSERT INTO partner_retirements (partner_id, staff_id, reason, at) VALUES (@partnerId, @staffId, @reason, @at)`,
  all: `${SELECT} ORDER BY r.at IS NOT NULL, p.name`,
  byId: `${SELECT} WHERE p.id = ?`,
  activeByName: `SELECT p.id FROM partner_orgs p LEFT JOIN partner_retirements r ON r.partner_id = p.id
                 WHERE r.partner_id IS NULL AND p.name = ?`,
});

export function insertPartner(db: Db, p: { id: string; name: string; kind: PartnerKind; staffId: string; createdAt: number }): void {
  sql(db).insert.run(p);
}

export function insertPartnerRetirement(db: Db, r: { partnerId: string; staffId: string; reason: string | null; at: number }): void {
  sql(db).retire.run(r);
}

/** Active partners first (by name), then retired ones. */
export function listPartners(db: Db): PartnerRow[] {
  return sql(db).all.all() as PartnerRow[];
}

export function findPartner(db: Db, id: string): PartnerRow | undefined {
  return sql(db).byId.get(id) as PartnerRow | undefined;
}

export function activePartnerNamed(db: Db, name: string): boolean {
  return sql(db).activeByName.get(name) !== undefined;
}
