import { systemTimers, type Timers } from '../shared/timers.js';
import { TypedEmitter } from '../shared/typed-emitter.js';
import { GpioHealthState } from './health.js';
import { idleLevel, InputLines } from './input-lines.js';
import { DEFAULT_CHATTER_LIMIT } from './line-filter.js';
import {
  DEFAULT_LINES, type GpioEvents, type GpioHealth, type GpioPort, type Level, type LineConfig, type LineName,
} from './port.js';

export interface SimulatedGpioOptions {
  /** Edges per second above which a line counts as chattering (default 20; 0: off). */
  chatterLimit?: number;
  timers?: Timers;
}

/**
 * In-memory GPIO. Inputs start at their idle level (high for active-low lines, as with a pull-up);
 * `setInput` stands for the outside world changing a line's electrical level. Changes pass through the
 * same filter as the real drivers' (without debounce: simulated contacts do not bounce), so a line
 * flipped too fast chatters here as it would on a Pi.
 */
export class SimulatedGpio implements GpioPort {
  readonly driver = 'sim';
  readonly events = new TypedEmitter<GpioEvents>();
  private readonly config: Record<LineName, LineConfig>;
  private readonly levels = new Map<LineName, Level>();
  private readonly state = new GpioHealthState(this.events);
  private readonly inputs: InputLines;
  private running = false;

  constructor(lines: Record<LineName, LineConfig> = DEFAULT_LINES, options: SimulatedGpioOptions = {}) {
    this.config = lines;
    for (const [name, line] of Object.entries(lines) as [LineName, LineConfig][]) {
      this.levels.set(name, idleLevel(line));
    }
    this.inputs = new InputLines({
      lines,
      events: this.events,
      health: this.state,
      timers: options.timers ?? systemTimers,
      chatterLimit: options.chatterLimit ?? DEFAULT_CHATTER_LIMIT,
      debounce: false,
    });
  }

  async start(): Promise<void> {
    this.running = true;
    const inputs = new Map<LineName, Level>();
    for (const [name, line] of Object.entries(this.config) as [LineName, LineConfig][]) {
      if (line.direction === 'in') inputs.set(name, this.read(name));
    }
    this.inputs.begin(inputs);
    this.state.set('ok');
  }

  async stop(): Promise<void> {
    this.running = false;
    this.inputs.end();
    this.state.set('absent');
  }

  health(): GpioHealth {
    return this.state.current;
  }

  lines(): Record<LineName, LineConfig> {
    return this.config;
  }

  read(line: LineName): Level {
    return this.levels.get(line) ?? 0;
  }

  write(line: LineName, value: Level): void {
    if (this.config[line]?.direction !== 'out') throw new Error(`GPIO line '${line}' is not an output`);
    this.levels.set(line, value);
  }

  /** Changes an input's electrical level; an unchanged level is not an edge and emits nothing. */
  setInput(line: LineName, value: Level): void {
    const config = this.config[line];
    if (config?.direction !== 'in') throw new Error(`GPIO line '${line}' is not an input`);
    if (this.levels.get(line) === value) return;
    this.levels.set(line, value);
    if (this.running) this.inputs.edge(line, value);
  }
}
