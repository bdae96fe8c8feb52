import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakeOnoff } from '../../../support/gpio/fake-onoff.js';

// The kiosk must start on machines without onoff's native part: the sysfs driver loads onoff only when
// it starts, and through the real dynamic import (mocked here, so no sysfs file is written).
const loaded = vi.hoisted(() => ({ onoff: 0 }));
const fake = vi.hoisted(() => ({ onoff: null as FakeOnoff | null }));

vi.mock('onoff', () => {
  loaded.onoff += 1;
  return { Gpio: fake.onoff!.module.Gpio };
});

describe('loading onoff', () => {
  it('does not load onoff when the GPIO modules are imported or the driver is built', async () => {
    const { createGpio } = await import('../../../../hardware/gpio/index.js');
    createGpio({ driver: 'onoff' });
    expect(loaded.onoff).toBe(0);
  });

  it('loads onoff when the sysfs driver starts, and unexports what it exported on stop', async () => {
    fake.onoff = new FakeOnoff();
    const { createGpio } = await import('../../../../hardware/gpio/index.js');
    const gpio = createGpio({ driver: 'onoff', sysfsRoot: resolve('test/fixtures/sysfs/pi4-kernel6.6') }, { log: () => undefined });
    await gpio.start();
    expect(loaded.onoff).toBe(1);
    expect(gpio.health()).toBe('ok');
    expect([...fake.onoff.lines.keys()].sort()).toEqual([529, 534, 535, 536, 537, 539]);
    await gpio.stop();
    expect([...fake.onoff.lines.values()].some((l) => l.exported)).toBe(false);
  });
});
