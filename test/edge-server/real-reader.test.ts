import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EnrolmentState, KioskInfo, KioskOutcome } from '../../edge-server/src/api-types.js';
import { R30xReader } from '../../hardware/fingerprint/index.js';
import { HidTransport } from '../../hardware/fingerprint/transport/hid.js';
import { SerialTransport } from '../../hardware/fingerprint/transport/serial.js';
import type { ByteTransport } from '../../hardware/fingerprint/transport/transport.js';
import { FakeCp2110, FakeNodeHid } from '../support/fingerprint/fake-hid.js';
import { MockSerialLine } from '../support/fingerprint/mock-serial.js';
import { R30xEmulator } from '../support/fingerprint/r30x-emulator.js';
import { createTestKioskWithReader, type TestKiosk } from '../support/kiosk.js';
import { count, staffCookie, storedEvents } from './helpers.js';

// The whole kiosk (services, routes, event log) on the real R30x driver and a real transport, with a
// byte-level module emulator behind a fake CP2110 bridge or a mock serial line: what runs on a Pi,
// minus the kernel. Waiting uses vi.waitFor (the reader polls on real timers); nothing asserts speed.

interface Wiring {
  transport: () => ByteTransport;
  unplug(): void;
  replug(): void;
}

const PASSWORD = 0x5a5a1234;

function wire(kind: 'hid' | 'serial', module: R30xEmulator): Wiring {
  if (kind === 'hid') {
    const bridge = new FakeCp2110({ seed: 11 });
    bridge.attach(module);
    const hid = new FakeNodeHid(bridge);
    return { transport: () => new HidTransport({ bridge: 'cp2110', loadHid: async () => hid }), unplug: () => bridge.unplug(), replug: () => bridge.replug() };
  }
  const line = new MockSerialLine('/dev/ttyUSB0');
  line.attach(module);
  return { transport: () => new SerialTransport({ path: '/dev/ttyUSB0', binding: line.binding }), unplug: () => line.unplug(), replug: () => line.replug() };
}

const wait = { timeout: 15_000, interval: 10 };

/** Resolves once the reader has looked at the glass `polls` more times (it saw what is there now). */
async function readerLooked(module: R30xEmulator, polls = 2): Promise<void> {
  const seen = () => module.received.filter((name) => name === 'GenImg').length;
  const before = seen();
  await vi.waitFor(() => expect(seen()).toBeGreaterThanOrEqual(before + polls), wait);
}

describe.each(['hid', 'serial'] as const)('the kiosk on a real R30x reader over %s', { timeout: 60_000 }, (kind) => {
  let kiosk: TestKiosk<R30xReader> | undefined;
  afterEach(async () => {
    await kiosk?.fingerprint.stop();
    kiosk?.stop();
  });

  async function start(): Promise<{ kiosk: TestKiosk<R30xReader>; module: R30xEmulator; wiring: Wiring }> {
    const module = new R30xEmulator({ capacity: 300, password: PASSWORD });
    const wiring = wire(kind, module);
    kiosk = await createTestKioskWithReader((sensorId, slots) => {
      // The module already holds the demo members' templates: slot n is finger "finger-n".
      for (const slot of slots) module.setTemplate(slot, `finger-${slot}`);
      return new R30xReader({ sensorId, transport: wiring.transport, password: PASSWORD, pollIntervalMs: 20, reconnectMinMs: 20, reconnectMaxMs: 200, log: () => undefined });
    }, { sensorId: 'reader-0' });
    await kiosk.fingerprint.start();
    await vi.waitFor(() => expect(kiosk!.fingerprint.health()).toBe('ok'), wait);
    return { kiosk, module, wiring };
  }

  it('a finger checks the member in, once per touch; an unknown finger is not recognised', async () => {
    const { kiosk: k, module } = await start();
    const outcomes: KioskOutcome[] = [];
    k.bus.subscribe('outcome', (o) => outcomes.push(o));
    module.placeFinger('finger-3');
    await vi.waitFor(() => expect(outcomes).toHaveLength(1), wait);
    expect(outcomes[0]).toMatchObject({ kind: 'checked_in', member: { name: '王建国' }, method: 'fingerprint' });
    module.liftFinger();
    await readerLooked(module);
    module.placeFinger('a-stranger');
    await vi.waitFor(() => expect(outcomes).toHaveLength(2), wait);
    expect(outcomes[1]).toMatchObject({ kind: 'not_recognised', method: 'fingerprint' });
    module.liftFinger();
    expect(count(k, 'attendance')).toBe(1);
    expect(storedEvents(k).map((e) => e.type)).toEqual(['attendance.checked_in']);
  });

  it('staff enrol a consenting member through the real driver; the test press matches; withdrawal deletes on the module', async () => {
    const { kiosk: k, module } = await start();
    const cookie = await staffCookie(k);
    expect((await k.post('/api/staff/members/mem_demo_15/consent', { by: 'self' }, { cookie })).status).toBe(201);
    const states: EnrolmentState[] = [];
    k.bus.subscribe('enrolment', (s) => states.push(s));
    const res = await k.post('/api/staff/enrolments', { memberId: 'mem_demo_15', finger: 'left_index', presses: 3 }, { cookie });
    expect(res.status).toBe(201);
    const last = () => states.at(-1);
    for (let press = 1; press <= 3; press++) {
      await vi.waitFor(() => expect(last()?.progress).toEqual({ step: 'place', press, presses: 3 }), wait);
      module.placeFinger('qian-left-index', press === 1 && kind === 'hid' ? 'few_features' : 'good');
      if (press === 1 && kind === 'hid') {
        await vi.waitFor(() => expect(last()?.progress).toMatchObject({ step: 'retry', problem: 'few_features' }), wait);
        module.liftFinger();
        await vi.waitFor(() => expect(last()?.progress).toEqual({ step: 'place', press: 1, presses: 3 }), wait);
        module.placeFinger('qian-left-index');
      }
      // The reader took the press when it moves on (lift, or storing/testing after the last press).
      await vi.waitFor(() => expect(last()?.progress).not.toEqual({ step: 'place', press, presses: 3 }), wait);
      module.liftFinger();
    }
    await vi.waitFor(() => expect(last()).toMatchObject({ status: 'testing', test: 'waiting' }), wait);
    const slot = [...module.templates].find(([, finger]) => finger === 'qian-left-index')![0];
    expect(slot).toBe(0); // the lowest slot free on the module and in the database
    await readerLooked(module); // the identification loop is back and saw the empty glass
    module.placeFinger('qian-left-index');
    await vi.waitFor(() => expect(last()).toMatchObject({ status: 'done', test: 'matched' }), wait);
    module.liftFinger();
    expect(count(k, 'attendance')).toBe(0); // the test press is not a check-in

    const withdraw = await k.post('/api/staff/members/mem_demo_02/consent/withdraw', { by: 'self' }, { cookie });
    expect(withdraw.status).toBe(200);
    expect(module.templates.has(2)).toBe(false);
    expect(storedEvents(k).map((e) => e.type)).toEqual([
      'consent.given', 'member.biometric_enrolled', 'member.biometric_removed', 'consent.withdrawn',
    ]);
  });

  it('unplugged: health goes absent and the kiosk says so; replugged: ok again without a restart, and a finger works', async () => {
    const { kiosk: k, module, wiring } = await start();
    const info = async () => ((await (await k.app.request('/api/kiosk')).json()) as KioskInfo).hardware.fingerprint;
    wiring.unplug();
    await vi.waitFor(async () => expect(await info()).toBe('absent'), wait);
    wiring.replug();
    await vi.waitFor(async () => expect(await info()).toBe('ok'), wait);
    const outcomes: KioskOutcome[] = [];
    k.bus.subscribe('outcome', (o) => outcomes.push(o));
    module.placeFinger('finger-5');
    await vi.waitFor(() => expect(outcomes[0]).toMatchObject({ kind: 'checked_in', member: { name: '陈静' } }), wait);
  });
});
