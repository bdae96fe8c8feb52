import { systemTimers, type Timers } from '../shared/timers.js';
import { TypedEmitter } from '../shared/typed-emitter.js';
import { GpioHealthState } from './health.js';
import { idleLevel, InputLines } from './input-lines.js';
import { DEFAULT_CHATTER_LIMIT } from './line-filter.js';
import { OutputReports } from './output-reports.js';
import type { GpioEvents, GpioHealth, GpioPort, Level, LineConfig, LineName } from './port.js';

/** What every real driver takes besides its own settings. */
export interface RealGpioOptions {
  lines: Record<LineName, LineConfig>;
  /** Raw edges per second above which a line counts as chattering (default 20; 0: off). */
  chatterLimit?: number;
  timers?: Timers;
  /** Where problems are explained (default console.warn). */
  log?: (line: string) => void;
}

/**
 * What the real drivers share: inputs behind the debounce and chatter filter, outputs whose failures are
 * reported rather than thrown, health with a sentence per problem. A driver opens its lines in start(),
 * feeds raw edges to `inputs.edge()` and drives outputs in `drive()`.
 */
export abstract class RealGpio implements GpioPort {
  abstract readonly driver: string;
  readonly events = new TypedEmitter<GpioEvents>();
  protected readonly config: Record<LineName, LineConfig>;
  protected readonly state = new GpioHealthState(this.events);
  protected readonly inputs: InputLines;
  protected readonly outputs: OutputReports;
  protected readonly timers: Timers;
  protected readonly log: (line: string) => void;
  protected running = false;

  constructor(options: RealGpioOptions, logPrefix: string) {
    this.config = options.lines;
    this.timers = options.timers ?? systemTimers;
    const log = options.log ?? ((line) => console.warn(line));
    this.log = (line) => log(`${logPrefix}: ${line}`);
    this.inputs = new InputLines({
      lines: options.lines,
      events: this.events,
      health: this.state,
      timers: this.timers,
      chatterLimit: options.chatterLimit ?? DEFAULT_CHATTER_LIMIT,
      debounce: true,
    });
    this.outputs = new OutputReports(this.state, this.log);
  }

  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;

  /** Resolves when every write so far has reached the hardware (or failed). */
  abstract flush(): Promise<void>;

  /** Starts driving `value` on an open output line; false when the line is not open. */
  protected abstract drive(line: LineName, value: Level): boolean;

  health(): GpioHealth {
    return this.state.current;
  }

  /** Why health is not 'ok', one sentence each. */
  reasons(): string[] {
    return this.state.reasons();
  }

  lines(): Record<LineName, LineConfig> {
    return this.config;
  }

  /** Inputs: the settled (debounced) level; outputs: the level last driven. */
  read(line: LineName): Level {
    const config = this.config[line];
    if (config.direction === 'out') return this.outputs.level(line);
    return this.inputs.level(line) ?? idleLevel(config);
  }

  /** Drives an output; a failure is logged and makes health 'degraded', it is never thrown. */
  write(line: LineName, value: Level): void {
    if (this.config[line]?.direction !== 'out') throw new Error(`GPIO line '${line}' is not an output`);
    if (this.drive(line, value)) return;
    this.outputs.notDriven(line, this.running ? 'the line could not be opened (see the GPIO health reasons)' : 'the GPIO driver is not running');
  }

  /** Explains why the driver cannot work at all and sets its health. */
  protected fail(health: GpioHealth, reason: string): void {
    this.log(reason);
    this.state.set(health, reason);
  }
}
