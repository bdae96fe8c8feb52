import type { Db } from './connection.js';
import type { EventRecord } from '../events/event-log.js';
import { eventFromRow, type EventRow } from './events.repo.js';
import { statements } from './statements.js';

const sql = statements({
  undelivered: `SELECT e.seq, e.id, e.type, e.occurred_at AS occurredAt, e.clock, e.data FROM events e
                WHERE e.seq > ? AND NOT EXISTS (SELECT 1 FROM event_delivery d WHERE d.seq = e.seq)
                ORDER BY e.seq LIMIT ?`,
  mark: `INSERT INTO event_delivery (seq, status, reason, at) VALUES (@seq, @status, @reason, @at)
         ON CONFLICT (seq) DO NOTHING`,
  rejected: `SELECT e.seq, e.id, e.type, d.reason, d.at FROM event_delivery d JOIN events e ON e.seq = d.seq
             WHERE d.status = 'rejected' ORDER BY e.seq LIMIT ?`,
  recentRejected: `SELECT e.seq, e.id, e.type, d.reason, d.at FROM event_delivery d JOIN events e ON e.seq = d.seq
                   WHERE d.status = 'rejected' ORDER BY e.seq DESC LIMIT ?`,
  countRejected: `SELECT COUNT(*) AS n FROM event_delivery WHERE status = 'rejected'`,
});

/** What the district platform said about one event. */
export interface DeliveryMark { seq: number; status: 'acknowledged' | 'rejected'; reason: string | null }

/** An event the platform will never take, with its reason (for staff and technicians). */
export interface RejectedEvent { seq: number; id: string; type: string; reason: string | null; at: number }

/**
 * Events neither acknowledged nor rejected, in seq order, after `afterSeq` (the pusher's cursor:
 * everything at or below it is known to be delivered, so the scan does not walk the whole log).
 */
export function listUndeliveredEvents(db: Db, afterSeq: number, limit: number): EventRecord[] {
  return (sql(db).undelivered.all(afterSeq, limit) as EventRow[]).map(eventFromRow);
}

/**
 * Records one upstream answer in ONE transaction: a crash leaves either the whole answer applied or
 * none of it, and an event already marked keeps its first mark (the log is never rewritten).
 */
export function markDelivered(db: Db, marks: DeliveryMark[], atMs: number): void {
  const s = sql(db);
  db.transaction(() => {
    for (const m of marks) s.mark.run({ seq: m.seq, status: m.status, reason: m.reason, at: atMs });
  }).immediate();
}

/** Rejected events in seq order, with their reasons, at most `limit`. */
export function listRejectedEvents(db: Db, limit = 100): RejectedEvent[] {
  return sql(db).rejected.all(limit) as RejectedEvent[];
}

/** Rejected events newest first, at most `limit` (the staff sync screen). */
export function listRecentRejectedEvents(db: Db, limit: number): RejectedEvent[] {
  return sql(db).recentRejected.all(limit) as RejectedEvent[];
}

/** How many events the platform rejected (parked, never sent again). */
export function countRejectedEvents(db: Db): number {
  return (sql(db).countRejected.get() as { n: number }).n;
}
