import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../edge-server/src/db/connection.js';
import { countRejectedEvents, listRejectedEvents } from '../../../edge-server/src/db/event-delivery.repo.js';
import { pendingUpstream } from '../../../edge-server/src/db/events.repo.js';
import { EventBus } from '../../../edge-server/src/events/bus.js';
import { EventLog } from '../../../edge-server/src/events/event-log.js';
import { UpstreamError } from '../../../edge-server/src/sync/upstream-client.js';
import { FakeClock } from '../../support/kiosk.js';
import { createSyncFixture, type SyncFixture } from '../../support/upstream/sync-fixture.js';

let f: SyncFixture;
beforeEach(async () => {
  f = await createSyncFixture();
});
afterEach(async () => {
  await f.close();
});

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
}

describe('push: the ordinary path', () => {
  it('sends the whole log gzip-compressed in seq order, in batches of at most 500, and marks it acknowledged', async () => {
    f.record(1201);
    const { pusher } = f.pusher();
    expect(await pusher.drain()).toEqual({ batches: 3, acknowledged: 1201, rejected: 0 });
    expect(f.upstream.requests.map((r) => [r.status, r.events, r.gzip])).toEqual([[200, 500, true], [200, 500, true], [200, 201, true]]);
    f.expectAllStoredOnce();
  });

  it('sends nothing when nothing is pending, and only the new events after that', async () => {
    const { pusher } = f.pusher();
    expect(await pusher.drain()).toEqual({ batches: 0, acknowledged: 0, rejected: 0 });
    f.record(3);
    await pusher.drain();
    f.record(2);
    await pusher.drain();
    expect(f.upstream.requests.map((r) => r.events)).toEqual([3, 2]);
    f.expectAllStoredOnce();
  });

  it('sends the event exactly as recorded: id, seq, type, occurredAt, clock and data', async () => {
    const [event] = f.record(1);
    await f.pusher().pusher.drain();
    expect(f.upstream.events.get(`${f.identity.deviceId}/${event!.id}`)?.body).toEqual(event);
  });
});

describe('push: faults of the link and the server', () => {
  it('loses nothing while the server refuses connections, and delivers everything once it is back', async () => {
    f.record(20);
    await f.upstream.stop();
    const { pusher } = f.pusher();
    expect((await failure(pusher.drain())).code).toBe('unreachable');
    expect(pendingUpstream(f.db).count).toBe(20);
    await f.upstream.start();
    await pusher.drain();
    f.expectAllStoredOnce();
  });

  it('treats a connection reset mid-response as a failure and resends; the server answers duplicate', async () => {
    f.record(10);
    f.upstream.faults.resetMidResponse = 1;
    const { pusher } = f.pusher();
    const err = await failure(pusher.drain());
    expect([err.code, err.message]).toEqual(['unreachable', expect.stringMatching(/^the connection broke while the district platform answered/)]);
    expect(pendingUpstream(f.db).count).toBe(10);
    await pusher.drain();
    f.expectAllStoredOnce();
  });

  it('marks nothing on a 500 and delivers on the next attempt', async () => {
    f.record(5);
    f.upstream.faults.fail500 = 1;
    const { pusher } = f.pusher();
    const err = await failure(pusher.drain());
    expect([err.code, err.status]).toEqual(['server_error', 500]);
    expect(pendingUpstream(f.db).count).toBe(5);
    await pusher.drain();
    f.expectAllStoredOnce();
  });

  it('reports a 503 as busy with the Retry-After the server asked for', async () => {
    f.record(5);
    f.upstream.faults.busy = { count: 1, retryAfterSec: 7 };
    const err = await failure(f.pusher().pusher.drain());
    expect([err.code, err.retryAfterMs]).toEqual(['busy', 7000]);
    expect(pendingUpstream(f.db).count).toBe(5);
  });

  it('splits a batch the server finds too large (413) into halves until they fit, and keeps the smaller size', async () => {
    f.record(40);
    // about 200 bytes an event: ten fit, forty do not
    f.upstream.faults.maxBodyBytes = 2600;
    const { pusher } = f.pusher();
    await pusher.drain();
    f.expectAllStoredOnce();
    expect(f.upstream.requests.map((r) => r.status)).toEqual([413, 413, 200, 200, 413, 200, 200]);
    f.record(12);
    f.upstream.requests.length = 0;
    await pusher.drain();
    expect(f.upstream.requests.map((r) => [r.status, r.events])).toEqual([[200, 10], [200, 2]]);
    f.expectAllStoredOnce();
  });

  it('parks a single event that never fits as rejected (too_large) and sends the rest', async () => {
    f.log.write((append) => append('sensor.hourly', { note: 'x'.repeat(3000) }));
    f.record(3);
    f.upstream.faults.maxBodyBytes = 2600;
    await f.pusher().pusher.drain();
    expect(listRejectedEvents(f.db).map((r) => [r.seq, r.reason])).toEqual([[1, 'too_large']]);
    expect(f.upstream.storedSeqs(f.identity.deviceId)).toEqual([2, 3, 4]);
  });

  it('times out on a slow answer, marks nothing, and the resend is counted once', async () => {
    f.record(4);
    f.upstream.faults.delayMs = 1500;
    const { pusher } = f.pusher({ timeoutMs: 200 });
    expect((await failure(pusher.drain())).code).toBe('timeout');
    expect(pendingUpstream(f.db).count).toBe(4);
    f.upstream.faults.delayMs = 0;
    await pusher.drain();
    f.expectAllStoredOnce();
  });

  it('when the server stored the batch but the answer was lost, the resend comes back duplicate and nothing is counted twice', async () => {
    f.record(30);
    f.upstream.faults.dropAfterStore = 1;
    const { pusher } = f.pusher();
    expect((await failure(pusher.drain())).code).toBe('unreachable');
    expect(f.upstream.storeCount).toBe(30);
    expect(pendingUpstream(f.db).count).toBe(30);
    expect(await pusher.drain()).toEqual({ batches: 1, acknowledged: 30, rejected: 0 });
    f.expectAllStoredOnce();
  });

  it('learns the server time from a clock_skew answer, retries once, and keeps the offset', async () => {
    f.record(3);
    f.upstream.faults.clockOffsetMs = 2 * 3600_000;
    const { pusher, signer } = f.pusher();
    await pusher.drain();
    expect(f.upstream.requests.map((r) => r.status)).toEqual([401, 200]);
    expect(Math.abs(signer.offsetMs - 2 * 3600_000)).toBeLessThan(2000);
    f.expectAllStoredOnce();
  });
});

describe('push: rejected events', () => {
  it('parks rejected events with their reasons, acknowledges the rest, and never sends them again', async () => {
    const events = f.record(6);
    f.upstream.faults.rejectIds.set(events[1]!.id, 'unknown_member');
    f.upstream.faults.rejectIds.set(events[4]!.id, 'malformed_data');
    const { pusher } = f.pusher();
    expect(await pusher.drain()).toEqual({ batches: 1, acknowledged: 4, rejected: 2 });
    expect(listRejectedEvents(f.db).map((r) => [r.seq, r.id, r.reason])).toEqual([[2, events[1]!.id, 'unknown_member'], [5, events[4]!.id, 'malformed_data']]);
    expect(countRejectedEvents(f.db)).toBe(2);
    f.record(2);
    await pusher.drain();
    expect(f.upstream.requests.map((r) => r.events)).toEqual([6, 2]);
    expect(f.upstream.storedSeqs(f.identity.deviceId)).toEqual([1, 3, 4, 6, 7, 8]);
    expect(pendingUpstream(f.db).count).toBe(0);
  });

  it('parks as seq_conflict the events of a reinstalled kiosk whose seqs the platform already holds with other ids', async () => {
    f.record(3);
    await f.pusher().pusher.drain();
    const fresh = openDatabase(':memory:');
    const log = new EventLog({ db: fresh, clock: new FakeClock(), bus: new EventBus(), timeZone: () => 'Asia/Shanghai' });
    log.write((append) => [append('sensor.hourly', { hour: 1 }), append('sensor.hourly', { hour: 2 }), append('sensor.hourly', { hour: 3 }), append('sensor.hourly', { hour: 4 })]);
    expect(await f.pusher({ db: fresh }).pusher.drain()).toEqual({ batches: 1, acknowledged: 1, rejected: 3 });
    expect(listRejectedEvents(fresh).map((r) => r.reason)).toEqual(['seq_conflict', 'seq_conflict', 'seq_conflict']);
    fresh.close();
  });
});

describe('push: answers that make no sense', () => {
  for (const kind of ['malformed_json', 'wrong_count', 'wrong_ids', 'wrong_shape'] as const) {
    it(`marks nothing on a 200 with ${kind.replace('_', ' ')}, and the resend is counted once`, async () => {
      f.record(8);
      f.upstream.faults.nonsense = { count: 1, kind };
      const { pusher } = f.pusher();
      expect((await failure(pusher.drain())).code).toBe('bad_response');
      expect(pendingUpstream(f.db).count).toBe(8);
      await pusher.drain();
      f.expectAllStoredOnce();
    });
  }
});
