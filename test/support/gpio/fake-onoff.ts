import type {
  OnoffDirection, OnoffEdge, OnoffGpioHandle, OnoffModule, OnoffOptions,
} from '../../../hardware/gpio/onoff/onoff-module.js';
import type { Level } from '../../../hardware/gpio/port.js';

/** One line as the fake kernel sees it. */
export interface FakeSysfsLine {
  number: number;
  direction: OnoffDirection;
  edge: OnoffEdge | undefined;
  options: OnoffOptions | undefined;
  level: Level;
  exported: boolean;
  watchers: ((error: Error | null | undefined, value: Level) => void)[];
  writes: Level[];
}

/**
 * A stand-in for the onoff module, shaped as onoff 6 behaves (README "Class Gpio"): the constructor
 * exports a global number (EBUSY when it is taken), 'low' makes an output at 0, a watched input with
 * edge 'both' calls back after every edge with the level read then; `unexport()` stops the callbacks.
 * No sysfs file is touched. `kernelEdge` stands for the outside world: it sets an input's level and
 * delivers the interrupt.
 */
export class FakeOnoff {
  /** What `Gpio.accessible` answers. */
  accessible = true;
  /** Global numbers another program already holds: exporting them fails with EBUSY. */
  readonly busy = new Set<number>();
  /** Global numbers whose writes fail with EIO. */
  readonly failingWrites = new Set<number>();
  /** Every line ever exported, by global number. */
  readonly lines = new Map<number, FakeSysfsLine>();
  readonly module: OnoffModule;

  constructor() {
    const fake = this;
    class Gpio implements OnoffGpioHandle {
      static get accessible(): boolean {
        return fake.accessible;
      }

      private readonly line: FakeSysfsLine;

      constructor(number: number, direction: OnoffDirection, edge?: OnoffEdge, options?: OnoffOptions) {
        if (fake.busy.has(number)) throw new Error(`EBUSY: resource busy or locked, write '/sys/class/gpio/export'`);
        const previous = fake.lines.get(number);
        this.line = {
          number, direction, edge, options, exported: true, watchers: [], writes: [],
          level: direction === 'high' ? 1 : direction === 'in' ? previous?.level ?? 0 : 0,
        };
        fake.lines.set(number, this.line);
      }

      readSync(): Level {
        return this.line.level;
      }

      writeSync(value: Level): void {
        if (fake.failingWrites.has(this.line.number)) throw new Error(`EIO: i/o error, write`);
        this.line.writes.push(value);
        this.line.level = value;
      }

      watch(callback: (error: Error | null | undefined, value: Level) => void): void {
        this.line.watchers.push(callback);
      }

      unwatchAll(): void {
        this.line.watchers = [];
      }

      unexport(): void {
        this.line.watchers = [];
        this.line.exported = false;
      }
    }
    this.module = { Gpio };
  }

  /** Sets an input's level before the driver opens it (the line at rest). */
  rest(number: number, level: Level): void {
    this.lines.set(number, {
      number, direction: 'in', edge: undefined, options: undefined, level, exported: false, watchers: [], writes: [],
    });
  }

  /** The outside world moves an input to `level`: an interrupt, as onoff reports it (edge 'both'). */
  kernelEdge(number: number, level: Level): void {
    const line = this.lines.get(number);
    if (!line?.exported) throw new Error(`GPIO ${number} is not exported`);
    line.level = level;
    for (const watcher of line.watchers.slice()) watcher(null, level);
  }

  /** The line with that global number (it must have been exported once). */
  line(number: number): FakeSysfsLine {
    const line = this.lines.get(number);
    if (!line) throw new Error(`GPIO ${number} was never exported`);
    return line;
  }
}
