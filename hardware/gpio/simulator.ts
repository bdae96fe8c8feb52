import { TypedEmitter } from '../shared/typed-emitter.js';
import {
  DEFAULT_LINES, type GpioEvents, type GpioHealth, type GpioPort, type Level, type LineConfig, type LineName,
} from './port.js';

/**
 * In-memory GPIO. Inputs start at their idle level (high for active-low lines, as with a pull-up);
 * `setInput` stands for the outside world changing a line's electrical level.
 */
export class SimulatedGpio implements GpioPort {
  readonly driver = 'sim';
  readonly events = new TypedEmitter<GpioEvents>();
  private readonly config: Record<LineName, LineConfig>;
  private readonly levels = new Map<LineName, Level>();
  private running = false;

  constructor(lines: Record<LineName, LineConfig> = DEFAULT_LINES) {
    this.config = lines;
    for (const [name, line] of Object.entries(lines) as [LineName, LineConfig][]) {
      this.levels.set(name, line.activeLow ? 1 : 0);
    }
  }

  async start(): Promise<void> {
    this.running = true;
    this.events.emit('health', 'ok');
  }

  async stop(): Promise<void> {
    this.running = false;
  }

  health(): GpioHealth {
    return this.running ? 'ok' : 'absent';
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
    if (!this.running) return;
    const rising = value === 1;
    const edge = config.edge ?? 'both';
    if (edge === 'both' || (edge === 'rising') === rising) {
      this.events.emit('change', { line, value, active: config.activeLow ? value === 0 : value === 1, at: Date.now() });
    }
  }
}
