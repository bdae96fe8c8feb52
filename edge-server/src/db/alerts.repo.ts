import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface NewAlert {
  id: string;
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  raisedAt: number;
  detail: Record<string, unknown>;
  eventId: string;
}

const sql = statements({
  insert: `INSERT INTO alerts (id, kind, severity, raised_at, detail, event_id)
           VALUES (@id, @kind, @severity, @raisedAt, @detail, @eventId)`,
});

export function insertAlert(db: Db, alert: NewAlert): void {
  sql(db).insert.run({ ...alert, detail: JSON.stringify(alert.detail) });
}
