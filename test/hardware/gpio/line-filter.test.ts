import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemTimers } from '../../../hardware/shared/timers.js';
import { LineFilter, type LineFilterOptions } from '../../../hardware/gpio/line-filter.js';
import type { Level } from '../../../hardware/gpio/port.js';

function filter(options: Partial<LineFilterOptions> = {}) {
  const seen: string[] = [];
  const line = new LineFilter({
    edge: 'both', activeLow: false, debounceMs: 30, chatterLimit: 20, initial: 0, timers: systemTimers, ...options,
  }, {
    change: (value, active) => seen.push(`change ${value} ${active ? 'active' : 'inactive'}`),
    chatter: (edgesPerSecond) => seen.push(`chatter ${edgesPerSecond}`),
    calm: () => seen.push('calm'),
  });
  return { line, seen };
}

/** Raw edges `everyMs` apart, alternating from `first`. */
function bounce(line: LineFilter, count: number, everyMs: number, first: Level = 1): void {
  for (let i = 0; i < count; i += 1) {
    line.edge(((first + i) % 2) as Level);
    vi.advanceTimersByTime(everyMs);
  }
}

describe('LineFilter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a level once it has held for the debounce time', () => {
    const { line, seen } = filter();
    line.edge(1);
    vi.advanceTimersByTime(29);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['change 1 active']);
    expect(line.level).toBe(1);
  });

  it('swallows contact bounce: only the level the line settles at is reported', () => {
    const { line, seen } = filter();
    bounce(line, 5, 5); // 1 0 1 0 1, 5 ms apart
    vi.advanceTimersByTime(30);
    expect(seen).toEqual(['change 1 active']);
  });

  it('reports nothing when a bounce ends where it started', () => {
    const { line, seen } = filter();
    bounce(line, 4, 5); // 1 0 1 0
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([]);
    expect(line.level).toBe(0);
  });

  it('reports at once without debounce', () => {
    const { line, seen } = filter({ debounceMs: 0 });
    line.edge(1);
    line.edge(0);
    expect(seen).toEqual(['change 1 active', 'change 0 inactive']);
  });

  it('applies the edge setting to settled transitions and activeLow to the logical state', () => {
    const { line, seen } = filter({ edge: 'falling', activeLow: true, initial: 1, debounceMs: 0 });
    line.edge(0); // pressed
    line.edge(1); // released: a rising edge, not reported
    line.edge(0);
    expect(seen).toEqual(['change 0 active', 'change 0 active']);
  });

  it('reports a rising-edge line only when it goes high', () => {
    const { line, seen } = filter({ edge: 'rising', debounceMs: 0 });
    line.edge(1);
    line.edge(0);
    line.edge(1);
    expect(seen).toEqual(['change 1 active', 'change 1 active']);
  });

  it('allows the limit of edges in a second without calling it chatter', () => {
    const { line, seen } = filter({ debounceMs: 0, chatterLimit: 20 });
    bounce(line, 20, 10);
    expect(seen.filter((s) => s.startsWith('chatter'))).toEqual([]);
    expect(seen).toHaveLength(20);
    expect(line.chattering).toBe(false);
  });

  it('reports chatter once per episode and holds every change back while it lasts', () => {
    const { line, seen } = filter({ debounceMs: 0, chatterLimit: 20 });
    bounce(line, 21, 10);
    expect(seen.at(-1)).toBe('chatter 21');
    expect(line.chattering).toBe(true);
    const before = seen.length;
    bounce(line, 300, 10); // three more seconds of chatter
    expect(seen.length).toBe(before);
    expect(line.chattering).toBe(true);
  });

  it('counts only the edges of the last second: slow edges never add up to chatter', () => {
    const { line, seen } = filter({ debounceMs: 0, chatterLimit: 20 });
    bounce(line, 200, 60); // about 17 a second, for 12 s
    expect(seen.filter((s) => s.startsWith('chatter'))).toEqual([]);
    expect(seen).toHaveLength(200);
  });

  it('calms down after a second with at most half the limit, then reports where the line settled', () => {
    const { line, seen } = filter({ debounceMs: 30, chatterLimit: 20 });
    bounce(line, 25, 10, 1); // ends at 1 (the 25th edge)
    expect(seen).toEqual(['chatter 21']);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['chatter 21', 'calm', 'change 1 active']);
    expect(line.chattering).toBe(false);
  });

  it('stays in the episode while the line keeps bouncing above half the limit', () => {
    const { line, seen } = filter({ debounceMs: 30, chatterLimit: 20 });
    bounce(line, 21, 10);
    bounce(line, 30, 80, 0); // 12.5 a second for 2.4 s (above 10), ending at 1
    expect(seen).toEqual(['chatter 21']);
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual(['chatter 21', 'calm', 'change 1 active']);
  });

  it('reports nothing after calming down when the line is back where it was', () => {
    const { line, seen } = filter({ debounceMs: 0, chatterLimit: 4 });
    bounce(line, 6, 10); // 1 0 1 0 1 0: back at 0
    vi.advanceTimersByTime(3000);
    expect(seen).toEqual(['change 1 active', 'change 0 inactive', 'change 1 active', 'change 0 inactive', 'chatter 5', 'calm']);
  });

  it('starts a new episode when the line chatters again after calming down', () => {
    const { line, seen } = filter({ debounceMs: 0, chatterLimit: 4 });
    bounce(line, 6, 10);
    vi.advanceTimersByTime(2000);
    bounce(line, 6, 10);
    expect(seen.filter((s) => s.startsWith('chatter') || s === 'calm')).toEqual(['chatter 5', 'calm', 'chatter 5']);
  });

  it('has no chatter protection with a limit of 0', () => {
    const { line, seen } = filter({ debounceMs: 0, chatterLimit: 0 });
    bounce(line, 100, 1);
    expect(seen).toHaveLength(100);
  });

  it('leaves no timer behind when disposed, in a debounce or in an episode', () => {
    const { line, seen } = filter({ debounceMs: 30, chatterLimit: 4 });
    line.edge(1);
    line.dispose();
    expect(vi.getTimerCount()).toBe(0);
    const second = filter({ debounceMs: 30, chatterLimit: 4 });
    bounce(second.line, 6, 1);
    expect(vi.getTimerCount()).toBe(1);
    second.line.dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual([]);
  });
});
