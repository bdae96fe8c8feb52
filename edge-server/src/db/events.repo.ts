import type { Db } from './connection.js';
import type { EventRecord } from '../events/event-log.js';
import { statements } from './statements.js';

const sql = statements({
  insert: `INSERT INTO events (seq, id, type, occurred_at, recorded_ms, clock, data)
           VALUES (NULL, @id, @type, @occurredAt, @recordedMs, @clock, @data) RETURNING seq`,
  after: `SELECT seq, id, type, occurred_at AS occurredAt, clock, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?`,
  lastSeq: `SELECT COALESCE(MAX(seq), 0) AS seq FROM events`,
  pending: `WITH p AS (SELECT e.seq FROM events e LEFT JOIN event_delivery d ON d.seq = e.seq WHERE d.seq IS NULL)
            SELECT (SELECT COUNT(*) FROM p) AS n, (SELECT occurred_at FROM events WHERE seq = (SELECT MIN(seq) FROM p)) AS oldest`,
});

/** An `events` row as selected with the aliases of `after` (event-delivery.repo.ts selects the same). */
export interface EventRow { seq: number; id: string; type: string; occurredAt: string; clock: string; data: string }

/** A selected row in the shape pushed upstream. */
export function eventFromRow(r: EventRow): EventRecord {
  return {
    seq: r.seq, id: r.id, type: r.type as EventRecord['type'], occurredAt: r.occurredAt,
    clock: JSON.parse(r.clock) as EventRecord['clock'], data: JSON.parse(r.data) as Record<string, unknown>,
  };
}

/** Appends one event; `seq` comes from the rowid inside the caller's transaction. */
export function insertEvent(db: Db, record: Omit<EventRecord, 'seq'>, recordedMs: number): number {
  const row = sql(db).insert.get({
    id: record.id, type: record.type, occurredAt: record.occurredAt, recordedMs,
    clock: JSON.stringify(record.clock), data: JSON.stringify(record.data),
  }) as { seq: number };
  return row.seq;
}

/** Events with seq greater than `seq`, in order (SSE replay, sync). */
export function listEventsAfter(db: Db, seq: number, limit: number): EventRecord[] {
  return (sql(db).after.all(seq, limit) as EventRow[]).map(eventFromRow);
}

export function lastEventSeq(db: Db): number {
  return (sql(db).lastSeq.get() as { seq: number }).seq;
}

/** Events not yet acknowledged or rejected upstream. */
export function pendingUpstream(db: Db): { count: number; oldestOccurredAt: string | null } {
  const row = sql(db).pending.get() as { n: number; oldest: string | null };
  return { count: row.n, oldestOccurredAt: row.oldest };
}
