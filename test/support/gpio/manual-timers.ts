import type { Timers } from '../../../hardware/shared/timers.js';

/**
 * Timers whose time moves only when the test says so, leaving the real timers alone: the gpiod driver's
 * tests wait on real child processes (with vi.waitFor, on real time) while its backoff, hang detection
 * and debounce run on this clock.
 */
export class ManualTimers implements Timers {
  private clock = Date.UTC(2025, 2, 1, 8, 0, 0);
  private sequence = 0;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    this.sequence += 1;
    this.pending.set(this.sequence, { at: this.clock + Math.max(0, ms), callback });
    return this.sequence;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  now(): number {
    return this.clock;
  }

  /** How many timers are waiting. */
  get count(): number {
    return this.pending.size;
  }

  /** Milliseconds until the next timer falls due, or null when none waits. */
  nextDelay(): number | null {
    const next = this.next();
    return next ? next[1].at - this.clock : null;
  }

  /** Moves time forward by `ms`, firing in order every timer that falls due (including ones they set). */
  advance(ms: number): void {
    const target = this.clock + ms;
    for (let next = this.next(); next && next[1].at <= target; next = this.next()) {
      this.pending.delete(next[0]);
      this.clock = next[1].at;
      next[1].callback();
    }
    this.clock = target;
  }

  private next(): [number, { at: number; callback: () => void }] | undefined {
    let earliest: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of this.pending) {
      if (!earliest || entry[1].at < earliest[1].at) earliest = entry;
    }
    return earliest;
  }
}
