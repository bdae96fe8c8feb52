import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface AuditEntry {
  at: number;
  actorKind: 'staff' | 'technician' | 'system' | 'kiosk';
  actorId: string | null;
  action: string;
  target: string | null;
  /** never secrets: no PINs, tokens, device secrets */
  detail: Record<string, unknown>;
}

const sql = statements({
  insert: `INSERT INTO audit_log (at, actor_kind, actor_id, action, target, detail)
           VALUES (@at, @actorKind, @actorId, @action, @target, @detail)`,
  recent: `SELECT at, actor_kind AS actorKind, actor_id AS actorId, action, target, detail
           FROM audit_log ORDER BY id DESC LIMIT ?`,
});

/** Writes one line of the audit trail; call it inside the transaction that makes the change. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  sql(db).insert.run({ ...entry, detail: JSON.stringify(entry.detail) });
}

export function listRecentAudit(db: Db, limit: number): AuditEntry[] {
  return (sql(db).recent.all(limit) as (Omit<AuditEntry, 'detail'> & { detail: string })[])
    .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
