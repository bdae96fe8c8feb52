import type { AlertSeverity, AlertState } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface NewAlert {
  id: string;
  kind: string;
  severity: AlertSeverity;
  raisedAt: number;
  detail: Record<string, unknown>;
  eventId: string;
}

export interface AlertRow extends NewAlert {
  state: AlertState;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  /** notes of the acknowledgement and resolution, oldest first */
  notes: string[];
}

export interface AlertTransition {
  alertId: string;
  action: 'acknowledged' | 'resolved';
  staffId: string | null;
  note: string | null;
  at: number;
  eventId: string;
}

const VIEW = `SELECT a.id, a.kind, a.severity, a.raised_at AS raisedAt, a.detail, a.event_id AS eventId,
    ack.at AS acknowledgedAt, ack.staff_id AS acknowledgedBy, res.at AS resolvedAt, res.staff_id AS resolvedBy,
    ack.note AS ackNote, res.note AS resNote
  FROM alerts a
  LEFT JOIN alert_transitions ack ON ack.id = (SELECT MIN(id) FROM alert_transitions WHERE alert_id = a.id AND action = 'acknowledged')
  LEFT JOIN alert_transitions res ON res.id = (SELECT MIN(id) FROM alert_transitions WHERE alert_id = a.id AND action = 'resolved')`;

const sql = statements({
  insert: `INSERT INTO alerts (id, kind, severity, raised_at, detail, event_id)
           VALUES (@id, @kind, @severity, @raisedAt, @detail, @eventId)`,
  transition: `INSERT INTO alert_transitions (alert_id, action, staff_id, note, at, event_id)
                VALUES (@alertId, @action, @staffId, @note, @at, @eventId)`,
  byId: `${VIEW} WHERE a.id = ?`,
  unresolved: `${VIEW} WHERE res.id IS NULL ORDER BY a.raised_at DESC`,
  recent: `${VIEW} WHERE a.raised_at >= ? ORDER BY a.raised_at DESC LIMIT ?`,
});

type Row = Omit<AlertRow, 'state' | 'notes' | 'detail'> & { detail: string; ackNote: string | null; resNote: string | null };

function toAlert(row: Row | undefined): AlertRow | undefined {
  if (!row) return undefined;
  const { ackNote, resNote, detail, ...rest } = row;
  return {
    ...rest,
    detail: JSON.parse(detail) as Record<string, unknown>,
    state: rest.resolvedAt !== null ? 'resolved' : rest.acknowledgedAt !== null ? 'acknowledged' : 'open',
    notes: [ackNote, resNote].filter((n): n is string => n !== null && n !== ''),
  };
}

export function insertAlert(db: Db, alert: NewAlert): void {
  sql(db).insert.run({ ...alert, detail: JSON.stringify(alert.detail) });
}

export function insertAlertTransition(db: Db, transition: AlertTransition): void {
  sql(db).transition.run(transition);
}

export function findAlert(db: Db, id: string): AlertRow | undefined {
  return toAlert(sql(db).byId.get(id) as Row | undefined);
}

/** Open and acknowledged alerts, newest first. */
export function listUnresolvedAlerts(db: Db): AlertRow[] {
  return (sql(db).unresolved.all() as Row[]).map((r) => toAlert(r)!);
}

/** Alerts raised since `sinceMs`, any state, newest first. */
export function listRecentAlerts(db: Db, sinceMs: number, limit: number): AlertRow[] {
  return (sql(db).recent.all(sinceMs, limit) as Row[]).map((r) => toAlert(r)!);
}
