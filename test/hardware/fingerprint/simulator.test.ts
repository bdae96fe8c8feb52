import { beforeEach, describe, expect, it } from 'vitest';
import { SimulatedGpio } from '../../../hardware/gpio/index.js';
import { createFingerprint, DEFAULT_SENSOR_ID, gpioTouchLine, R30xReader, type FingerprintConfig, SimulatedFingerprint, type FingerprintHealth, type Identification } from '../../../hardware/fingerprint/index.js';

describe('SimulatedFingerprint', () => {
  let reader: SimulatedFingerprint;
  let identified: Identification[];
  beforeEach(async () => {
    reader = new SimulatedFingerprint({ sensorId: 'sim-test', enrolledSlots: [3, 1] });
    identified = [];
    reader.events.on('identified', (i) => identified.push(i));
    await reader.start();
  });

  it('finds an enrolled finger with its slot and a score', () => {
    reader.touch(3);
    expect(identified).toEqual([{ slot: 3, score: 180, at: expect.any(Number) }]);
  });

  it('reports an unenrolled finger as no match (slot null, score 0)', () => {
    reader.touch(7);
    expect(identified).toEqual([{ slot: null, score: 0, at: expect.any(Number) }]);
  });

  it('reports an unknown finger (null) as no match', () => {
    reader.touch(null);
    expect(identified).toMatchObject([{ slot: null, score: 0 }]);
  });

  it('throws when touched while stopped, like an unplugged reader, and reports nothing', async () => {
    await reader.stop();
    expect(() => reader.touch(1)).toThrow('Simulated fingerprint reader is not running');
    expect(identified).toEqual([]);
  });

  it('is healthy while running and absent when stopped, announcing ok on start', async () => {
    const health: FingerprintHealth[] = [];
    const fresh = new SimulatedFingerprint();
    fresh.events.on('health', (h) => health.push(h));
    expect(fresh.health()).toBe('absent');
    await fresh.start();
    expect(fresh.health()).toBe('ok');
    expect(health).toEqual(['ok']);
    await fresh.stop();
    expect(fresh.health()).toBe('absent');
  });

  it('lists enrolled slots in order, and enrolling or removing a slot changes what matches', async () => {
    expect(await reader.enrolledSlots()).toEqual([1, 3]);
    reader.store(5);
    await reader.deleteSlot(1);
    expect(await reader.enrolledSlots()).toEqual([3, 5]);
    reader.touch(5);
    reader.touch(1);
    expect(identified.map((i) => i.slot)).toEqual([5, null]);
  });

  it('refuses to enrol outside the sensor library', () => {
    const small = new SimulatedFingerprint({ capacity: 10 });
    expect(() => small.store(10)).toThrow('Slot 10 is outside the sensor library 0..9');
    expect(() => small.store(-1)).toThrow(RangeError);
    expect(() => small.store(1.5)).toThrow(RangeError);
  });

  it('defaults to sensor sim-0 with an R307-sized library of 1000', () => {
    const d = new SimulatedFingerprint();
    expect([d.driver, d.sensorId, d.capacity]).toEqual(['sim', 'sim-0', 1000]);
  });
});

describe('createFingerprint', () => {
  it('builds the simulator for driver sim', async () => {
    const reader = createFingerprint({ driver: 'sim', sensorId: 'sim-9' }, { simSlots: [2] });
    expect(reader).toBeInstanceOf(SimulatedFingerprint);
    expect(reader.sensorId).toBe('sim-9');
    await reader.start();
    expect(await reader.enrolledSlots()).toEqual([2]);
  });

  it('names the choices for an unknown driver', () => {
    expect(() => createFingerprint({ driver: 'bogus' } as unknown as FingerprintConfig))
      .toThrow("Unknown fingerprint driver 'bogus'; choose one of: hid, serial, sim");
  });

  it('builds an R30x reader for serial and HID without loading any native module, keyed by sensorId', () => {
    const serial = createFingerprint({ driver: 'serial', path: '/dev/ttyUSB0', sensorId: 'front-desk' });
    expect(serial).toBeInstanceOf(R30xReader);
    expect(serial.sensorId).toBe('front-desk');
    expect(serial.health()).toBe('absent');
    expect(createFingerprint({ driver: 'hid' }).sensorId).toBe(DEFAULT_SENSOR_ID);
  });
});

describe('gpioTouchLine', () => {
  it("calls back when the module's touch output (finger_touch, active low) goes active, not on release or other lines", async () => {
    const gpio = new SimulatedGpio();
    await gpio.start();
    let touches = 0;
    const off = gpioTouchLine(gpio).onTouch(() => { touches += 1; });
    gpio.setInput('finger_touch', 0); // finger on: the line is pulled low
    gpio.setInput('finger_touch', 1); // finger off
    gpio.setInput('call_button', 0);
    expect(touches).toBe(1);
    off();
    gpio.setInput('finger_touch', 0);
    expect(touches).toBe(1);
  });
});
