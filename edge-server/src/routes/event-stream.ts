import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppDeps } from '../app.js';
import { lastEventSeq, listEventsAfter } from '../db/events.repo.js';
import type { EventRecord } from '../events/event-log.js';

const KEEP_ALIVE_MS = 15_000;
const MAX_REPLAY = 500;

function recordMessage(r: EventRecord): string {
  return JSON.stringify({ seq: r.seq, type: r.type, occurredAt: r.occurredAt, data: r.data });
}

/**
 * `GET /api/events`: server-sent events for the UI. Message ids are event-log sequence numbers, so a
 * reconnecting EventSource (Last-Event-ID) gets the records it missed; outcomes are live only.
 */
export function eventStreamRoutes(deps: AppDeps): Hono {
  const { bus, db } = deps;
  return new Hono().get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const queue: { event: string; data: string; id: string }[] = [];
      let wake: (() => void) | null = null;
      let lastSeq = lastEventSeq(db);
      const push = (event: string, data: string, id: string): void => {
        queue.push({ event, data, id });
        wake?.();
      };
      const resumeFrom = Number(c.req.header('Last-Event-ID'));
      if (Number.isInteger(resumeFrom) && resumeFrom >= 0 && resumeFrom < lastSeq) {
        for (const r of listEventsAfter(db, resumeFrom, MAX_REPLAY)) push('record', recordMessage(r), String(r.seq));
      }
      const unsubscribe = [
        bus.subscribe('record', (r) => {
          lastSeq = r.seq;
          push('record', recordMessage(r), String(r.seq));
        }),
        bus.subscribe('outcome', (o) => push('outcome', JSON.stringify(o), String(lastSeq))),
        bus.subscribe('hardware', (h) => push('hardware', JSON.stringify(h), String(lastSeq))),
      ];
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ seq: lastSeq }), id: String(lastSeq), retry: 2000 });
      try {
        while (!closed) {
          const next = queue.shift();
          if (next) {
            await stream.writeSSE(next);
            continue;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, KEEP_ALIVE_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
          if (!closed && queue.length === 0) await stream.write(': keep-alive\n\n');
        }
      } finally {
        for (const off of unsubscribe) off();
      }
    }),
  );
}
