import type { Timers } from '../shared/timers.js';
import type { EdgeKind, Level } from './port.js';

/** More raw edges than this in one second make a line chatter (a loose wire, a failing sensor). */
export const DEFAULT_CHATTER_LIMIT = 20;

const WINDOW_MS = 1000;

export interface LineFilterOptions {
  /** Which settled transitions are reported. */
  edge: EdgeKind;
  activeLow: boolean;
  /** A new level counts once it has held this long (0: at once). */
  debounceMs: number;
  /** Raw edges per second above which the line is chattering (0: no chatter protection). */
  chatterLimit: number;
  /** The level the line is at when the filter starts. */
  initial: Level;
  timers: Timers;
}

/** What a filter reports; `at` is the filter's clock (timers.now()). */
export interface LineFilterOutput {
  change(value: Level, active: boolean, at: number): void;
  /** An episode began; nothing more is reported for the line until `calm`. */
  chatter(edgesPerSecond: number, at: number): void;
  calm(at: number): void;
}

/**
 * Turns the raw edges of one input line into reported changes: software debounce (the level must hold
 * `debounceMs`, as onoff's `debounceTimeout` does) and chatter protection. Drivers feed it every edge
 * they see, with the level the line went to; it holds no I/O, only the injected timers.
 *
 * Chatter: more than `chatterLimit` raw edges within a second starts an episode: `chatter` is reported
 * once and changes are held back. Each following second is counted; the first second with at most half
 * the limit ends the episode (`calm`), and the level the line settled at is reported if it differs
 * from the last one reported, after the usual debounce. So a storm of edges yields one chatter report
 * and at most one change, never a storm of changes.
 */
export class LineFilter {
  private stable: Level;
  private latest: Level;
  private settleTimer: unknown = null;
  private tickTimer: unknown = null;
  /** Times of the raw edges within the last second (outside an episode). */
  private recent: number[] = [];
  private episode = false;
  private edgesThisTick = 0;

  constructor(
    private readonly options: LineFilterOptions,
    private readonly output: LineFilterOutput,
  ) {
    this.stable = options.initial;
    this.latest = options.initial;
  }

  /** The settled level: the last one reported, or the initial level. */
  get level(): Level {
    return this.stable;
  }

  get chattering(): boolean {
    return this.episode;
  }

  /** One raw edge: the line went to `level` (a repeated level still counts towards chatter). */
  edge(level: Level): void {
    const now = this.options.timers.now();
    this.latest = level;
    if (this.countedAsChatter(now)) return;
    this.settleAfter(this.options.debounceMs);
  }

  /** Cancels the filter's timers; it reports nothing afterwards. */
  dispose(): void {
    this.clearSettle();
    if (this.tickTimer !== null) this.options.timers.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    this.episode = false;
  }

  private countedAsChatter(now: number): boolean {
    const { chatterLimit } = this.options;
    if (chatterLimit <= 0) return false;
    if (this.episode) {
      this.edgesThisTick += 1;
      return true;
    }
    this.recent.push(now);
    while (this.recent.length > 0 && this.recent[0]! <= now - WINDOW_MS) this.recent.shift();
    if (this.recent.length <= chatterLimit) return false;
    const edgesPerSecond = this.recent.length;
    this.recent = [];
    this.episode = true;
    this.edgesThisTick = 0;
    this.clearSettle();
    this.tickTimer = this.options.timers.setTimeout(() => this.tick(), WINDOW_MS);
    this.output.chatter(edgesPerSecond, now);
    return true;
  }

  private tick(): void {
    this.tickTimer = null;
    const quietEnough = this.edgesThisTick <= Math.floor(this.options.chatterLimit / 2);
    const wasQuiet = this.edgesThisTick === 0;
    this.edgesThisTick = 0;
    if (!quietEnough) {
      this.tickTimer = this.options.timers.setTimeout(() => this.tick(), WINDOW_MS);
      return;
    }
    this.episode = false;
    this.output.calm(this.options.timers.now());
    // A whole quiet second has already shown the level holds; otherwise debounce it as usual.
    this.settleAfter(wasQuiet ? 0 : this.options.debounceMs);
  }

  private settleAfter(ms: number): void {
    this.clearSettle();
    if (ms <= 0) {
      this.settle();
      return;
    }
    this.settleTimer = this.options.timers.setTimeout(() => {
      this.settleTimer = null;
      this.settle();
    }, ms);
  }

  private settle(): void {
    if (this.latest === this.stable) return;
    this.stable = this.latest;
    const rising = this.stable === 1;
    const { edge, activeLow } = this.options;
    if (edge === 'both' || (edge === 'rising') === rising) {
      this.output.change(this.stable, activeLow ? this.stable === 0 : this.stable === 1, this.options.timers.now());
    }
  }

  private clearSettle(): void {
    if (this.settleTimer !== null) this.options.timers.clearTimeout(this.settleTimer);
    this.settleTimer = null;
  }
}
