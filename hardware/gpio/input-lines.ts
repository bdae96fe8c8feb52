import type { Timers } from '../shared/timers.js';
import type { TypedEmitter } from '../shared/typed-emitter.js';
import type { GpioHealthState } from './health.js';
import { LineFilter } from './line-filter.js';
import type { GpioEvents, Level, LineConfig, LineName } from './port.js';

export interface InputLinesOptions {
  lines: Record<LineName, LineConfig>;
  events: TypedEmitter<GpioEvents>;
  health: GpioHealthState;
  timers: Timers;
  chatterLimit: number;
  /** false for the simulator, whose inputs do not bounce: changes are reported at once. */
  debounce: boolean;
}

/** The level an input rests at with nothing happening: high for active-low lines (pulled up). */
export function idleLevel(config: LineConfig): Level {
  return config.activeLow ? 1 : 0;
}

/**
 * The input lines of one running driver, each behind a LineFilter: raw edges in, `change` and
 * `chatter` events out, and the driver's health degraded while any line chatters.
 */
export class InputLines {
  private readonly filters = new Map<LineName, LineFilter>();

  constructor(private readonly options: InputLinesOptions) {}

  /** Starts filtering the given lines from their current levels. */
  begin(initial: Map<LineName, Level>): void {
    this.end();
    for (const [line, level] of initial) {
      const config = this.options.lines[line];
      const filter = new LineFilter({
        edge: config.edge ?? 'both',
        activeLow: config.activeLow ?? false,
        debounceMs: this.options.debounce ? config.debounceMs ?? 0 : 0,
        chatterLimit: this.options.chatterLimit,
        initial: level,
        timers: this.options.timers,
      }, {
        change: (value, active, at) => this.options.events.emit('change', { line, value, active, at }),
        chatter: (edgesPerSecond, at) => {
          this.options.health.degrade(`chatter:${line}`,
            `GPIO line '${line}' is chattering (${edgesPerSecond} edges in a second); its changes are held back until it calms down: check the wiring and the sensor`);
          this.options.events.emit('chatter', { line, edgesPerSecond, at });
        },
        calm: () => this.options.health.recover(`chatter:${line}`),
      });
      this.filters.set(line, filter);
    }
  }

  /** A raw edge on `line`; ignored for lines not being filtered. */
  edge(line: LineName, level: Level): void {
    this.filters.get(line)?.edge(level);
  }

  /** The settled level of a filtered line. */
  level(line: LineName): Level | undefined {
    return this.filters.get(line)?.level;
  }

  has(line: LineName): boolean {
    return this.filters.has(line);
  }

  /** Stops filtering; no timer is left behind and chatter problems are forgotten. */
  end(): void {
    for (const [line, filter] of this.filters) {
      filter.dispose();
      this.options.health.recover(`chatter:${line}`);
    }
    this.filters.clear();
  }
}
