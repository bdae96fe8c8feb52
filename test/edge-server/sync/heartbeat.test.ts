import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimCommand } from '../../../edge-server/src/db/sync-commands.repo.js';
import type { CommandContext } from '../../../edge-server/src/sync/commands.js';
import { Heartbeat } from '../../../edge-server/src/sync/heartbeat.js';
import { RequestSigner } from '../../../edge-server/src/sync/signer.js';
import { SyncService, type Sleep } from '../../../edge-server/src/sync/sync-service.js';
import { UpstreamClient, UpstreamError } from '../../../edge-server/src/sync/upstream-client.js';
import { until } from '../../support/gpio/until.js';
import { createSyncFixture, type SyncFixture } from '../../support/upstream/sync-fixture.js';

let f: SyncFixture;
let service: SyncService | undefined;
beforeEach(async () => {
  f = await createSyncFixture();
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
  await f.close();
});

/** A Heartbeat against the reference upstream, with commands that only count what they were asked. */
function heartbeat(): { beat: Heartbeat; calls: string[] } {
  const calls: string[] = [];
  const commands: CommandContext = {
    pushNow: () => calls.push('push_now'),
    setIntervals: (next) => { calls.push(`set_intervals ${JSON.stringify(next)}`); return { ...f.identity.intervals, ...next }; },
    diagnostics: () => ({ calls: calls.length }),
    resync: (stream) => { calls.push(`resync ${stream}`); return Promise.resolve({ pages: 0 }); },
  };
  const client = new UpstreamClient({ baseUrl: f.upstream.baseUrl, signer: new RequestSigner(f.identity.deviceId, f.identity.deviceSecret), timeoutMs: 2000 });
  return { beat: new Heartbeat({ db: f.db, client, commands, now: Date.now, body: () => ({ softwareVersion: '0.1.0' }) }), calls };
}

describe('heartbeat and commands', () => {
  it('runs a command once even when the platform serves it again because its result was lost', async () => {
    f.upstream.queueCommand(f.identity.deviceId, { id: 'cmd_1', type: 'push_now' });
    f.upstream.faults.failResults = 1;
    const { beat, calls } = heartbeat();
    await expect(beat.beat()).rejects.toBeInstanceOf(UpstreamError);
    expect(await beat.beat()).toEqual({ received: 1, ran: 0, reported: 1 });
    expect(await beat.beat()).toEqual({ received: 0, ran: 0, reported: 0 });
    expect(calls).toEqual(['push_now']);
    expect(f.upstream.commandResults.get('cmd_1')).toEqual({ ok: true, output: {} });
  });

  it('answers ok:false for an unknown type, a resync of a stream there is not, and set_intervals with bad args', async () => {
    for (const [id, type, args] of [['cmd_a', 'reboot_the_moon', undefined], ['cmd_b', 'resync', { stream: 'pets' }], ['cmd_c', 'set_intervals', { pushSec: 1 }]] as const) {
      f.upstream.queueCommand(f.identity.deviceId, { id, type, ...(args ? { args } : {}) });
    }
    const { beat, calls } = heartbeat();
    await beat.beat();
    expect(f.upstream.commandResults.get('cmd_a')).toEqual({ ok: false, output: { error: "unknown command type 'reboot_the_moon'" } });
    expect(f.upstream.commandResults.get('cmd_b')).toEqual({ ok: false, output: { error: 'resync takes a stream: members, staff, settings, items' } });
    expect(f.upstream.commandResults.get('cmd_c')).toEqual({ ok: false, output: { error: expect.stringMatching(/whole seconds 10–86400 \(pushSec\)/) } });
    expect(calls).toEqual([]);
  });

  it('reports a command a restart interrupted as failed and never runs it again', async () => {
    claimCommand(f.db, 'cmd_x', 'push_now', Date.now());
    f.upstream.queueCommand(f.identity.deviceId, { id: 'cmd_x', type: 'push_now' });
    const { beat, calls } = heartbeat();
    await beat.beat();
    expect(calls).toEqual([]);
    expect(f.upstream.commandResults.get('cmd_x')).toEqual({ ok: false, output: { error: 'interrupted by a restart; not run again' } });
  });
});

describe('sync service: heartbeat', () => {
  const untilWoken: Sleep = (_ms, wake) => new Promise((resolve) => wake.addEventListener('abort', () => resolve(), { once: true }));

  function start(sleep: Sleep = untilWoken): SyncService {
    service = new SyncService({ db: f.db, bus: f.bus, identity: f.identity, softwareVersion: '0.1.0', dataDir: '/', clockSynced: () => true, hardware: () => ({ fingerprint: 'ok', gpio: 'ok' }), sleep, timeoutMs: 2000, log: { info: () => {}, warn: () => {} } });
    service.start();
    return service;
  }

  it('sends the §5 body: version, queue, clock, hardware, disk', async () => {
    f.record(3);
    start();
    await until(() => f.upstream.heartbeats.length > 0, 'a heartbeat');
    expect(f.upstream.heartbeats[0]).toMatchObject({
      softwareVersion: '0.1.0', uptimeSec: expect.any(Number), queue: { pending: expect.any(Number), rejected: 0 },
      clock: { synced: true, offsetMs: 0 }, hardware: { fingerprint: 'ok', gpio: 'ok' }, disk: { freeBytes: expect.any(Number) },
    });
  });

  it('set_intervals changes the push interval, and a restarted service keeps it', async () => {
    f.upstream.queueCommand(f.identity.deviceId, { id: 'cmd_i', type: 'set_intervals', args: { pushSec: 120 } });
    const s = start();
    await until(() => f.upstream.commandResults.has('cmd_i'), 'the command result');
    expect(f.upstream.commandResults.get('cmd_i')).toEqual({ ok: true, output: { intervals: { pushSec: 120, pullSec: 900, heartbeatSec: 300 } } });
    expect(s.state().intervals.pushSec).toBe(120);
    await s.stop();
    service = undefined;
    const delays: number[] = [];
    start((ms, wake, loop) => { if (loop === 'push') delays.push(ms); return untilWoken(ms, wake, loop); });
    await until(() => delays.length > 0, 'the first push wait');
    expect(delays).toEqual([120_000]);
  });

  it('push_now from the platform pushes at once; collect_diagnostics reports the queue and rejections without the secret', async () => {
    const pushWaits: number[] = [];
    const beatWaits: (() => void)[] = [];
    // the heartbeat's wait ends when the test says so: the platform's next heartbeat, without real time
    start((ms, wake, loop) => {
      if (loop === 'push') {
        pushWaits.push(ms);
        return untilWoken(ms, wake, loop);
      }
      if (loop === 'pull') return untilWoken(ms, wake, loop);
      return new Promise((resolve) => {
        beatWaits.push(resolve);
        wake.addEventListener('abort', () => resolve(), { once: true });
      });
    });
    await until(() => pushWaits.length === 1 && beatWaits.length === 1, 'both loops waiting');
    const [event] = f.record(1);
    f.upstream.faults.rejectIds.set(event!.id, 'unknown_member');
    f.upstream.queueCommand(f.identity.deviceId, { id: 'cmd_p', type: 'push_now' });
    beatWaits[0]!();
    await until(() => pushWaits.length === 2 && beatWaits.length === 2, 'the push and the next heartbeat wait');
    expect(f.upstream.requests.filter((r) => r.path === '/v1/events').map((r) => r.events)).toEqual([1]);
    expect(f.upstream.commandResults.get('cmd_p')).toEqual({ ok: true, output: {} });
    f.upstream.queueCommand(f.identity.deviceId, { id: 'cmd_d', type: 'collect_diagnostics' });
    beatWaits[1]!();
    await until(() => f.upstream.commandResults.has('cmd_d'), 'the diagnostics');
    const diagnostics = f.upstream.commandResults.get('cmd_d')!;
    expect(diagnostics.ok).toBe(true);
    expect(diagnostics.output).toMatchObject({ queue: { pending: 0, rejected: 1 }, rejected: [{ seq: 1, reason: 'unknown_member' }] });
    expect(JSON.stringify(diagnostics.output)).not.toContain(f.identity.deviceSecret);
  });
});
