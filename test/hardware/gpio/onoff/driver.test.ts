import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OnoffGpio, type OnoffGpioOptions } from '../../../../hardware/gpio/onoff/driver.js';
import {
  DEFAULT_LINES, type GpioHealth, type LineChange, type LineChatter, type LineConfig, type LineName,
} from '../../../../hardware/gpio/port.js';
import { FakeOnoff } from '../../../support/gpio/fake-onoff.js';

// Pi 4 on kernel 6.6: pinctrl-bcm2711 at base 512.
const PI4 = resolve('test/fixtures/sysfs/pi4-kernel6.6');
const DOOR = 529;
const CALL = 534;
const MOTION = 539;
const LED = 536;
const BUZZER = 537;

async function startOnoff(options: Partial<OnoffGpioOptions> & { fake?: FakeOnoff } = {}) {
  const fake = options.fake ?? new FakeOnoff();
  fake.rest(CALL, 1); // pulled up: the button is not pressed
  fake.rest(DOOR, 0);
  const changes: LineChange[] = [];
  const chatter: LineChatter[] = [];
  const health: GpioHealth[] = [];
  const logs: string[] = [];
  const gpio = new OnoffGpio({
    lines: DEFAULT_LINES, sysfsRoot: PI4, loadOnoff: async () => fake.module, log: (line) => logs.push(line), ...options,
  });
  gpio.events.on('change', (c) => changes.push(c));
  gpio.events.on('chatter', (c) => chatter.push(c));
  gpio.events.on('health', (h) => health.push(h));
  await gpio.start();
  return { fake, gpio, changes, chatter, health, logs };
}

describe('OnoffGpio (sysfs, with a fake onoff module)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('exports every line by base + offset: inputs on both edges without onoff debounce or kernel inversion, outputs low', async () => {
    const { fake, gpio } = await startOnoff();
    expect(gpio.health()).toBe('ok');
    expect([...fake.lines.values()].filter((l) => l.exported).map((l) => [l.number, l.direction, l.edge, l.options]).sort()).toEqual([
      [529, 'in', 'both', { activeLow: false }],
      [534, 'in', 'both', { activeLow: false }],
      [535, 'in', 'both', { activeLow: false }],
      [536, 'low', 'none', { activeLow: false }],
      [537, 'low', 'none', { activeLow: false }],
      [539, 'in', 'both', { activeLow: false }],
    ]);
    await gpio.stop();
  });

  it('reports a door opening and closing after the debounce, with the logical state', async () => {
    const { fake, gpio, changes } = await startOnoff();
    fake.kernelEdge(DOOR, 1);
    vi.advanceTimersByTime(49);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    fake.kernelEdge(DOOR, 0);
    vi.advanceTimersByTime(50);
    expect(changes.map((c) => [c.line, c.value, c.active])).toEqual([['door', 1, true], ['door', 0, false]]);
    expect(gpio.read('door')).toBe(0);
    await gpio.stop();
  });

  it('reports a bouncing call button press once, as active (active-low, falling edge), and not its release', async () => {
    const { fake, gpio, changes } = await startOnoff();
    for (const level of [0, 1, 0, 1, 0] as const) {
      fake.kernelEdge(CALL, level);
      vi.advanceTimersByTime(3);
    }
    vi.advanceTimersByTime(30);
    fake.kernelEdge(CALL, 1);
    vi.advanceTimersByTime(30);
    expect(changes).toEqual([{ line: 'call_button', value: 0, active: true, at: expect.any(Number) }]);
    expect(gpio.read('call_button')).toBe(1);
    await gpio.stop();
  });

  it('reports only rising edges of the motion sensor', async () => {
    const { fake, gpio, changes } = await startOnoff();
    fake.kernelEdge(MOTION, 1);
    vi.advanceTimersByTime(60);
    fake.kernelEdge(MOTION, 0);
    vi.advanceTimersByTime(60);
    expect(changes.map((c) => [c.line, c.value])).toEqual([['motion', 1]]);
    await gpio.stop();
  });

  it('holds back a chattering line, says so once, is degraded meanwhile, and ok again when it calms down', async () => {
    const { fake, gpio, changes, chatter, health } = await startOnoff();
    for (let i = 1; i <= 100; i += 1) {
      fake.kernelEdge(DOOR, (i % 2) as 0 | 1);
      vi.advanceTimersByTime(10); // 100 edges a second
    }
    expect(chatter).toEqual([{ line: 'door', edgesPerSecond: 21, at: expect.any(Number) }]);
    expect(changes).toEqual([]);
    expect(gpio.health()).toBe('degraded');
    expect(gpio.reasons()).toEqual([expect.stringMatching(/'door' is chattering \(21 edges in a second\)/)]);
    vi.advanceTimersByTime(2000);
    expect(gpio.health()).toBe('ok');
    expect(health).toEqual(['ok', 'degraded', 'ok']);
    expect(changes).toEqual([]); // it ended closed, as it started
    await gpio.stop();
  });

  it('drives the LED and the buzzer', async () => {
    const { fake, gpio } = await startOnoff();
    gpio.write('led', 1);
    gpio.write('buzzer', 1);
    gpio.write('buzzer', 0);
    expect(fake.line(LED).writes).toEqual([1]);
    expect(fake.line(BUZZER).writes).toEqual([1, 0]);
    expect([gpio.read('led'), gpio.read('buzzer')]).toEqual([1, 0]);
    expect(() => gpio.write('door', 1)).toThrow("GPIO line 'door' is not an output");
    await gpio.stop();
  });

  it('reports a failed write without throwing, degraded until a write succeeds', async () => {
    const { fake, gpio, logs } = await startOnoff();
    fake.failingWrites.add(LED);
    setTimeout(() => gpio.write('led', 1), 10);
    setTimeout(() => gpio.write('led', 1), 20);
    expect(() => vi.advanceTimersByTime(30)).not.toThrow();
    expect(gpio.health()).toBe('degraded');
    expect(logs.filter((l) => l.includes("could not drive GPIO output 'led' to 1: EIO"))).toHaveLength(1);
    fake.failingWrites.delete(LED);
    gpio.write('led', 1);
    expect(gpio.health()).toBe('ok');
    await gpio.stop();
  });

  it('unexports every line on stop, turning a sounding buzzer off first, and leaves no timer', async () => {
    const { fake, gpio, changes, health } = await startOnoff();
    gpio.write('buzzer', 1);
    fake.kernelEdge(DOOR, 1); // a debounce in progress
    await gpio.stop();
    expect([...fake.lines.values()].filter((l) => l.exported)).toEqual([]);
    expect(fake.line(BUZZER).writes).toEqual([1, 0]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(changes).toEqual([]);
    expect(health.at(-1)).toBe('absent');
    expect(gpio.health()).toBe('absent');
  });

  it('is absent with a plain reason when sysfs GPIO is not accessible, and exports nothing', async () => {
    const fake = new FakeOnoff();
    fake.accessible = false;
    const { gpio, logs } = await startOnoff({ fake });
    expect(gpio.health()).toBe('absent');
    expect(gpio.reasons()).toEqual([expect.stringMatching(/^sysfs GPIO is not accessible: \/sys\/class\/gpio\/export cannot be opened.*gpio group.*gpiod driver/)]);
    expect(logs).toEqual([`gpio onoff: ${gpio.reasons()[0]}`]);
    expect([...fake.lines.values()].filter((l) => l.exported)).toEqual([]);
    await gpio.stop();
  });

  it('is in error when onoff cannot be loaded, saying what to do', async () => {
    const { gpio } = await startOnoff({ loadOnoff: () => Promise.reject(new Error('The sysfs GPIO driver needs the onoff package … npm ci')) });
    expect(gpio.health()).toBe('error');
    expect(gpio.reasons()[0]).toMatch(/npm ci/);
  });

  it('is in error, listing the labels found, when the configured chip is not on this Pi', async () => {
    const { gpio } = await startOnoff({ sysfsRoot: resolve('test/fixtures/sysfs/pi5-kernel6.6') });
    expect(gpio.health()).toBe('error');
    expect(gpio.reasons()[0]).toMatch(/no chip with that label \(found: gpio-brcmstb@107d508500, .*pinctrl-rp1\)/);
  });

  it('keeps the other lines working when one is busy, and is degraded saying which', async () => {
    const fake = new FakeOnoff();
    fake.busy.add(MOTION);
    const { gpio, changes } = await startOnoff({ fake });
    expect(gpio.health()).toBe('degraded');
    expect(gpio.reasons()).toEqual([expect.stringMatching(/^GPIO line 'motion' \(pinctrl-bcm2711 offset 27, global 539\) could not be opened through sysfs: EBUSY/)]);
    fake.kernelEdge(DOOR, 1);
    vi.advanceTimersByTime(50);
    expect(changes.map((c) => c.line)).toEqual(['door']);
    await gpio.stop();
  });

  it('skips lines that are not wired (no chip, no offset)', async () => {
    const lines = { ...DEFAULT_LINES, motion: { direction: 'in' }, buzzer: { direction: 'out' } } as Record<LineName, LineConfig>;
    const { fake, gpio, logs } = await startOnoff({ lines });
    expect(gpio.health()).toBe('ok');
    expect(fake.lines.has(MOTION)).toBe(false);
    gpio.write('buzzer', 1);
    expect(logs).toEqual(["gpio onoff: GPIO output 'buzzer' was not driven: the line could not be opened (see the GPIO health reasons)"]);
    await gpio.stop();
  });
});
