import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../edge-server/src/app.js';
import type { LineChange } from '../../../hardware/gpio/index.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { attendanceRows, errorOf } from '../helpers.js';

describe('/api/sim on simulated hardware', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  it('accepts a finger touch with 202 and checks the member in', async () => {
    const res = await kiosk.post('/api/sim/fingerprint/touch', { slot: 3 });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: true, enrolmentPress: false });
    expect(attendanceRows(kiosk)).toMatchObject([{ member_id: 'mem_demo_03', direction: 'in', method: 'fingerprint' }]);
  });

  it('accepts an unknown finger (slot null) and records nothing', async () => {
    expect((await kiosk.post('/api/sim/fingerprint/touch', { slot: null })).status).toBe(202);
    expect(attendanceRows(kiosk)).toHaveLength(0);
  });

  it('refuses a negative or fractional slot with 400', async () => {
    expect((await kiosk.post('/api/sim/fingerprint/touch', { slot: -1 })).status).toBe(400);
    expect((await kiosk.post('/api/sim/fingerprint/touch', { slot: 1.5 })).status).toBe(400);
    expect(attendanceRows(kiosk)).toHaveLength(0);
  });

  it('answers a touch on a stopped reader with 503, not an internal error', async () => {
    await kiosk.fingerprint.stop();
    const res = await kiosk.post('/api/sim/fingerprint/touch', { slot: 1 });
    expect(res.status).toBe(503);
    expect((await errorOf(res)).code).not.toBe('internal_error');
    expect(attendanceRows(kiosk)).toHaveLength(0);
  });

  it('drives an input line with 202 and the simulator reports the change', async () => {
    const changes: LineChange[] = [];
    kiosk.gpio.events.on('change', (c) => changes.push(c));
    const res = await kiosk.post('/api/sim/gpio/door', { value: 1 });
    expect(res.status).toBe(202);
    expect(kiosk.gpio.read('door')).toBe(1);
    expect(changes).toMatchObject([{ line: 'door', value: 1, active: true }]);
  });

  it('answers 404 unknown_line for a GPIO line that does not exist', async () => {
    const res = await kiosk.post('/api/sim/gpio/window', { value: 1 });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('unknown_line');
  });

  it('answers 409 not_an_input for an output line', async () => {
    const res = await kiosk.post('/api/sim/gpio/led', { value: 1 });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('not_an_input');
    expect(kiosk.gpio.read('led')).toBe(0);
  });

  it('answers 400 for a level other than 0 or 1', async () => {
    const res = await kiosk.post('/api/sim/gpio/door', { value: 2 });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('invalid_body');
    expect(kiosk.gpio.read('door')).toBe(0);
  });

  it('lists enrolled slots with the names of the people in them, and the GPIO lines', async () => {
    const res = await kiosk.app.request('/api/sim');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      fingerprint: { sensorId: string; enrolled: { slot: number; personId: string; kind: string; name: string | null }[] };
      gpio: Record<string, { direction: string; value: number; activeLow: boolean }>;
    };
    expect(body.fingerprint.sensorId).toBe('sim-0');
    expect(body.fingerprint.enrolled).toHaveLength(13);
    expect(body.fingerprint.enrolled[0]).toEqual({ slot: 1, personId: 'mem_demo_01', kind: 'member', name: '张伟' });
    expect(body.fingerprint.enrolled.at(-1)).toEqual({ slot: 100, personId: 'stf_demo_01', kind: 'staff', name: '王芳' });
    expect(body.gpio.call_button).toEqual({ direction: 'in', value: 1, activeLow: true });
    expect(body.gpio.led).toEqual({ direction: 'out', value: 0, activeLow: false });
  });
});

describe('/api/sim with real hardware configured', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  it('does not exist: every /api/sim route answers 404', async () => {
    const { config, db, bus, clock, services } = kiosk;
    const app = createApp({ config: { ...config, simulated: false }, db, bus, clock, services, sim: undefined });
    expect((await app.request('/api/sim')).status).toBe(404);
    const touch = await app.request('/api/sim/fingerprint/touch', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slot: 1 }),
    });
    expect(touch.status).toBe(404);
    expect((await errorOf(touch)).code).toBe('not_found');
    expect(attendanceRows(kiosk)).toHaveLength(0);
  });
});

describe('POST /api/sim/fingerprint/connection', () => {
  it('unplugs the simulated reader: health turns absent, the hardware SSE message goes out, touches get 503', async () => {
    const kiosk = await createTestKiosk();
    try {
      const seen: unknown[] = [];
      kiosk.bus.subscribe('hardware', (h) => seen.push(h));
      const res = await kiosk.post('/api/sim/fingerprint/connection', { connected: false });
      expect(res.status).toBe(202);
      expect(seen).toEqual([{ fingerprint: 'absent', gpio: 'ok' }]);
      expect(((await (await kiosk.app.request('/api/kiosk')).json()) as { hardware: unknown }).hardware).toEqual({ fingerprint: 'absent', gpio: 'ok' });
      expect((await kiosk.post('/api/sim/fingerprint/touch', { slot: 1 })).status).toBe(503);
      // the card path keeps working while the reader is out
      expect(((await (await kiosk.post('/api/identify/card', { cardNumber: '100001' })).json()) as { kind: string }).kind).toBe('checked_in');

      expect((await kiosk.post('/api/sim/fingerprint/connection', { connected: true })).status).toBe(202);
      expect(seen.at(-1)).toEqual({ fingerprint: 'ok', gpio: 'ok' });
      expect((await kiosk.post('/api/sim/fingerprint/touch', { slot: 2 })).status).toBe(202);
    } finally {
      kiosk.stop();
    }
  });

  it('refuses a body without a boolean connected', async () => {
    const kiosk = await createTestKiosk();
    try {
      const res = await kiosk.post('/api/sim/fingerprint/connection', { connected: 'no' });
      expect(res.status).toBe(400);
    } finally {
      kiosk.stop();
    }
  });
});
