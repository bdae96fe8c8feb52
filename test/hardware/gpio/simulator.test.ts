import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createGpio, DEFAULT_LINES, GpiodGpio, OnoffGpio, SimulatedGpio, type GpioHealth, type LineChange, type LineChatter, type LineConfig, type LineName,
} from '../../../hardware/gpio/index.js';

describe('SimulatedGpio', () => {
  let gpio: SimulatedGpio;
  let changes: LineChange[];
  beforeEach(async () => {
    gpio = new SimulatedGpio();
    changes = [];
    gpio.events.on('change', (c) => changes.push(c));
    await gpio.start();
  });

  it('starts inputs at their idle level: high for active-low lines (pull-up), low otherwise', () => {
    expect(gpio.read('call_button')).toBe(1);
    expect(gpio.read('finger_touch')).toBe(1);
    expect(gpio.read('door')).toBe(0);
    expect(gpio.read('led')).toBe(0);
  });

  it('reports both edges on a line that cares about both (door)', () => {
    gpio.setInput('door', 1);
    gpio.setInput('door', 0);
    expect(changes.map((c) => [c.line, c.value, c.active])).toEqual([['door', 1, true], ['door', 0, false]]);
  });

  it('reports only rising edges on a rising-edge line (motion)', () => {
    gpio.setInput('motion', 1);
    gpio.setInput('motion', 0);
    gpio.setInput('motion', 1);
    expect(changes.map((c) => c.value)).toEqual([1, 1]);
    expect(gpio.read('motion')).toBe(1);
  });

  it('reports a press of an active-low button (falling edge) as active, and ignores the release', () => {
    gpio.setInput('call_button', 0);
    gpio.setInput('call_button', 1);
    expect(changes).toEqual([{ line: 'call_button', value: 0, active: true, at: expect.any(Number) }]);
    expect(gpio.read('call_button')).toBe(1);
  });

  it('emits nothing when the level does not change', () => {
    gpio.setInput('door', 0);
    gpio.setInput('call_button', 1);
    expect(changes).toEqual([]);
  });

  it('tracks levels but emits nothing while stopped', async () => {
    await gpio.stop();
    gpio.setInput('door', 1);
    expect(gpio.read('door')).toBe(1);
    expect(changes).toEqual([]);
  });

  it('treats a line without a configured edge as both edges', async () => {
    const lines = { ...DEFAULT_LINES, door: { direction: 'in' } satisfies LineConfig } as Record<LineName, LineConfig>;
    const plain = new SimulatedGpio(lines);
    const seen: number[] = [];
    plain.events.on('change', (c) => seen.push(c.value));
    await plain.start();
    plain.setInput('door', 1);
    plain.setInput('door', 0);
    expect(seen).toEqual([1, 0]);
  });

  it('drives outputs', () => {
    gpio.write('led', 1);
    gpio.write('buzzer', 1);
    expect([gpio.read('led'), gpio.read('buzzer')]).toEqual([1, 1]);
    expect(changes).toEqual([]);
  });

  it('refuses to write to an input', () => {
    expect(() => gpio.write('door', 1)).toThrow("GPIO line 'door' is not an output");
    expect(gpio.read('door')).toBe(0);
  });

  it('refuses to drive an output as if it were an input', () => {
    expect(() => gpio.setInput('led', 1)).toThrow("GPIO line 'led' is not an input");
    expect(gpio.read('led')).toBe(0);
  });

  it('is healthy while running and absent when stopped', async () => {
    expect(gpio.health()).toBe('ok');
    await gpio.stop();
    expect(gpio.health()).toBe('absent');
  });
});

describe('SimulatedGpio chatter protection (the real drivers\' filter, without debounce)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds back a line flipped faster than the limit, says so once, and is degraded until it calms down', async () => {
    const gpio = new SimulatedGpio(DEFAULT_LINES, { chatterLimit: 4 });
    const changes: LineChange[] = [];
    const chatter: LineChatter[] = [];
    const health: GpioHealth[] = [];
    gpio.events.on('change', (c) => changes.push(c));
    gpio.events.on('chatter', (c) => chatter.push(c));
    gpio.events.on('health', (h) => health.push(h));
    await gpio.start();
    for (let i = 1; i <= 12; i += 1) {
      gpio.setInput('door', (i % 2) as 0 | 1);
      vi.advanceTimersByTime(20);
    }
    expect(changes).toHaveLength(4);
    expect(chatter).toEqual([{ line: 'door', edgesPerSecond: 5, at: expect.any(Number) }]);
    expect(gpio.health()).toBe('degraded');
    vi.advanceTimersByTime(1000); // seven more edges in the episode's first second: still chattering
    expect(gpio.health()).toBe('degraded');
    vi.advanceTimersByTime(1000);
    expect(gpio.health()).toBe('ok');
    expect(health).toEqual(['ok', 'degraded', 'ok']);
    expect(changes).toHaveLength(4); // it ended at 0, as last reported
    await gpio.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('createGpio', () => {
  it('builds the simulator with the default lines, overridden per line by config', () => {
    const gpio = createGpio({ driver: 'sim', lines: { door: { direction: 'in', edge: 'rising', activeLow: true } } });
    expect(gpio).toBeInstanceOf(SimulatedGpio);
    expect(gpio.lines().door).toEqual({ direction: 'in', edge: 'rising', activeLow: true });
    expect(gpio.lines().motion).toEqual(DEFAULT_LINES.motion);
    expect(gpio.read('door')).toBe(1);
  });

  it('builds the real drivers without touching the hardware, and passes the chatter limit on', async () => {
    expect(createGpio({ driver: 'onoff', sysfsRoot: '/nonexistent' })).toBeInstanceOf(OnoffGpio);
    expect(createGpio({ driver: 'gpiod', toolsDir: '/nonexistent' })).toBeInstanceOf(GpiodGpio);
    const sim = createGpio({ driver: 'sim', chatterLimit: 2 }) as SimulatedGpio;
    const chatter: LineChatter[] = [];
    sim.events.on('chatter', (c) => chatter.push(c));
    await sim.start();
    for (const level of [1, 0, 1] as const) sim.setInput('door', level);
    expect(chatter.map((c) => c.line)).toEqual(['door']);
    await sim.stop();
  });

  it('names the choices for an unknown driver', () => {
    expect(() => createGpio({ driver: 'bogus' })).toThrow("Unknown gpio driver 'bogus'; choose one of: onoff, gpiod, sim");
  });
});
