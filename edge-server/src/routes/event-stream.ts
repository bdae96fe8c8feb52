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
      // Every message's id is the highest record seq this client has been sent, so whatever it
      // last saw (hello, an outcome, a record), reconnecting with that id misses nothing.
      const queue: ({ event: 'record'; seq: number; data: string } | { event: 'outcome' | 'hardware' | 'enrolment' | 'alert' | 'lending' | 'reset'; data: string })[] = [];
      let wake: (() => void) | null = null;
      const push = (item: (typeof queue)[number]): void => {
        queue.push(item);
        wake?.();
      };
      const latest = lastEventSeq(db);
      const resumeFrom = Number(c.req.header('Last-Event-ID'));
      const missed = Number.isInteger(resumeFrom) && resumeFrom >= 0 && resumeFrom < latest;
      // Too far behind to replay: say so, and the client re-reads current state instead.
      const tooFar = missed && latest - resumeFrom > MAX_REPLAY;
      const replaying = missed && !tooFar;
      let sentSeq = replaying ? resumeFrom : latest;
      if (tooFar) push({ event: 'reset', data: JSON.stringify({ seq: latest, missed: latest - resumeFrom }) });
      if (replaying) {
        for (const r of listEventsAfter(db, resumeFrom, MAX_REPLAY)) push({ event: 'record', seq: r.seq, data: recordMessage(r) });
      }
      const unsubscribe = [
        bus.subscribe('record', (r) => push({ event: 'record', seq: r.seq, data: recordMessage(r) })),
        bus.subscribe('outcome', (o) => push({ event: 'outcome', data: JSON.stringify(o) })),
        bus.subscribe('hardware', (h) => push({ event: 'hardware', data: JSON.stringify(h) })),
        bus.subscribe('enrolment', (e) => push({ event: 'enrolment', data: JSON.stringify(e) })),
        bus.subscribe('alert', (a) => push({ event: 'alert', data: JSON.stringify(a) })),
        bus.subscribe('lending', (l) => push({ event: 'lending', data: JSON.stringify(l) })),
      ];
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ seq: latest }), id: String(sentSeq), retry: 2000 });
      try {
        while (!closed) {
          const next = queue.shift();
          if (next) {
            if (next.event === 'record') sentSeq = Math.max(sentSeq, next.seq);
            await stream.writeSSE({ event: next.event, data: next.data, id: String(sentSeq) });
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
