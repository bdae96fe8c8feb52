import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Db } from '../db/connection.js';
import { listUndeliveredEvents, markDelivered, type DeliveryMark } from '../db/event-delivery.repo.js';
import type { EventRecord } from '../events/event-log.js';
import { UpstreamError, type PushResult } from './upstream-client.js';

const gzipAsync = promisify(gzip);

/** §3 limits of one batch. */
export const MAX_BATCH_EVENTS = 500;
export const MAX_BATCH_BYTES = 1024 * 1024;
const ENVELOPE_BYTES = '{"events":[]}'.length;

function gzipBatch(json: string[]): Promise<Buffer> {
  return gzipAsync(Buffer.from(`{"events":[${json.join(',')}]}`));
}

/** What one drain did. */
export interface DrainResult { batches: number; acknowledged: number; rejected: number }

/** The part of the upstream client the pusher needs. */
export interface EventSink { pushEvents(gzipped: Uint8Array): Promise<PushResult[]> }

interface Batch { events: EventRecord[]; json: string[]; body?: Promise<Buffer> }

/**
 * Sends the event log upstream in seq order (§3). Only events with no delivery row are sent, so
 * acknowledged and rejected ones are skipped and a rejected event never blocks the queue. A batch is
 * marked only from a 200 whose results match it one for one; anything else marks nothing and throws.
 */
export class Pusher {
  /** every event at or below this seq has a delivery row */
  private cursor = 0;
  /** lowered after a 413, so the next batches are not refused again */
  private maxEvents = MAX_BATCH_EVENTS;

  constructor(private readonly db: Db, private readonly sink: EventSink, private readonly now: () => number = Date.now) {}

  /**
   * Pushes until nothing is left; throws the UpstreamError that stopped it (what was marked stays marked).
   * Only one batch is ever on the wire (§3: a batch never skips an unacknowledged lower seq), but the next
   * one is read and gzipped while the current one waits for its answer: that overlap is most of the
   * difference between the drain and reading + gzipping alone.
   */
  async drain(): Promise<DrainResult> {
    const total: DrainResult = { batches: 0, acknowledged: 0, rejected: 0 };
    let batch = this.nextBatch(this.cursor);
    while (batch.events.length > 0) {
      const lastSeq = batch.events[batch.events.length - 1]!.seq;
      const limit = this.maxEvents;
      const sending = this.send(batch, total);
      let following: Batch | undefined;
      try {
        following = this.nextBatch(lastSeq);
      } finally {
        await sending;
      }
      this.cursor = lastSeq;
      // a 413 lowered the batch size: what was read ahead may be too large now
      batch = this.maxEvents === limit ? following : this.nextBatch(this.cursor);
    }
    return total;
  }

  /** The next batch after `afterSeq`, its gzip started at once (on the thread pool). */
  private nextBatch(afterSeq: number): Batch {
    const events: EventRecord[] = [];
    const json: string[] = [];
    let bytes = ENVELOPE_BYTES;
    for (const event of listUndeliveredEvents(this.db, afterSeq, this.maxEvents)) {
      const text = JSON.stringify(event);
      const size = Buffer.byteLength(text) + (json.length > 0 ? 1 : 0);
      // one event alone always goes, even if it is over the limit: the server's 413 decides then
      if (json.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
      events.push(event);
      json.push(text);
      bytes += size;
    }
    if (events.length === 0) return { events, json };
    const body = gzipBatch(json);
    body.catch(() => undefined); // awaited by send(); a batch read ahead and then dropped must not be an unhandled rejection
    return { events, json, body };
  }

  private async send(batch: Batch, total: DrainResult): Promise<void> {
    const body = await (batch.body ?? gzipBatch(batch.json));
    let results: PushResult[];
    try {
      results = await this.sink.pushEvents(body);
    } catch (err) {
      if (!(err instanceof UpstreamError) || err.code !== 'too_large') throw err;
      if (batch.events.length === 1) {
        // It can never fit: park it like a rejection, so the queue behind it moves on.
        this.mark([{ seq: batch.events[0]!.seq, status: 'rejected', reason: 'too_large' }], total);
        return;
      }
      const half = Math.ceil(batch.events.length / 2);
      this.maxEvents = Math.min(this.maxEvents, half);
      await this.send({ events: batch.events.slice(0, half), json: batch.json.slice(0, half) }, total);
      await this.send({ events: batch.events.slice(half), json: batch.json.slice(half) }, total);
      return;
    }
    this.mark(matchResults(batch.events, results), total);
  }

  private mark(marks: DeliveryMark[], total: DrainResult): void {
    markDelivered(this.db, marks, this.now());
    total.batches++;
    for (const m of marks) total[m.status]++;
  }
}

/** The marks for a batch, or an UpstreamError when the results do not list the batch's events in order. */
export function matchResults(events: EventRecord[], results: PushResult[]): DeliveryMark[] {
  if (results.length !== events.length) {
    throw new UpstreamError('bad_response', `the district platform answered ${results.length} results for ${events.length} events; nothing was marked and the batch will be sent again`, 200);
  }
  return events.map((event, i) => {
    const result = results[i]!;
    if (result.id !== event.id) {
      throw new UpstreamError('bad_response', `the district platform's result ${i + 1} names event ${result.id}, not ${event.id}; nothing was marked and the batch will be sent again`, 200);
    }
    return result.status === 'rejected'
      ? { seq: event.seq, status: 'rejected', reason: result.reason ?? 'no reason given' }
      : { seq: event.seq, status: 'acknowledged', reason: null };
  });
}
