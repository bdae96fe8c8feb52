import { findChip, wiredLines, type WiredLine } from '../chips.js';
import type { Level, LineName } from '../port.js';
import { RealGpio, type RealGpioOptions } from '../real-gpio.js';
import { loadOnoff, type OnoffGpioHandle, type OnoffModule } from './onoff-module.js';
import { globalNumber, listSysfsChips } from './sysfs-chips.js';

export interface OnoffGpioOptions extends RealGpioOptions {
  /** Where sysfs is mounted, for finding chips by label (default /sys). onoff itself always uses /sys/class/gpio. */
  sysfsRoot?: string;
  /** How to load onoff; tests pass a fake. Default: a dynamic import. */
  loadOnoff?: () => Promise<OnoffModule>;
}

/**
 * GPIO over sysfs with onoff. Lines are found by chip label and offset (global number = the chip's
 * base + offset, read from sysfs at start). Inputs are watched on both edges with the kernel's
 * active_low off, so the driver sees every electrical edge and applies debounce, chatter protection,
 * the configured edge and activeLow itself, exactly as the gpiod driver and the simulator do.
 */
export class OnoffGpio extends RealGpio {
  readonly driver = 'onoff';
  private readonly handles = new Map<LineName, OnoffGpioHandle>();

  constructor(private readonly options: OnoffGpioOptions) {
    super(options, 'gpio onoff');
  }

  /** Exports and opens the configured lines; resolves whatever the outcome (see health() and reasons()). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let onoff: OnoffModule;
    try {
      onoff = await (this.options.loadOnoff ?? loadOnoff)();
    } catch (error) {
      this.fail('error', (error as Error).message);
      return;
    }
    if (!onoff.Gpio.accessible) {
      this.fail('absent', 'sysfs GPIO is not accessible: /sys/class/gpio/export cannot be opened for writing. ' +
        'The kernel may have no sysfs GPIO, or the kiosk user is not in the gpio group; fix that, or use the gpiod driver');
      return;
    }
    const { wired, problems } = wiredLines(this.config);
    const chips = await listSysfsChips(this.options.sysfsRoot);
    const initial = new Map<LineName, Level>();
    const failures = problems.map((p) => ({ line: p.line, message: p.message }));
    for (const line of wired) {
      try {
        const number = globalNumber(findChip(chips, line, `${this.options.sysfsRoot ?? '/sys'}/class/gpio`), line.offset);
        const level = this.open(onoff, line, number);
        if (level !== null) initial.set(line.name, level);
      } catch (error) {
        failures.push({ line: line.name, message: (error as Error).message });
      }
    }
    if (!this.running) return this.release(); // stopped while starting
    this.inputs.begin(initial);
    for (const failure of failures) this.log(failure.message);
    if (this.handles.size === 0) {
      this.fail('error', failures.length ? failures.map((f) => f.message).join('; ') : 'no GPIO lines are configured');
      return;
    }
    for (const failure of failures) this.state.degrade(`line:${failure.line}`, failure.message);
    this.state.set('ok');
  }

  /** Stops watching, drives the outputs low and unexports every line; leaves no timer behind. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.release();
    this.state.clearProblems();
    this.state.set('absent');
  }

  protected drive(line: LineName, value: Level): boolean {
    const handle = this.handles.get(line);
    if (!handle) return false;
    try {
      handle.writeSync(value);
      this.outputs.driven(line, value);
    } catch (error) {
      this.outputs.failed(line, value, error);
    }
    return true;
  }

  /** Outputs are written synchronously; nothing is ever pending. */
  async flush(): Promise<void> {}

  /** Opens one line; returns an input's current level, or null for an output. */
  private open(onoff: OnoffModule, line: WiredLine, number: number): Level | null {
    const where = `GPIO line '${line.name}' (${line.chip} offset ${line.offset}, global ${number})`;
    try {
      if (line.config.direction === 'out') {
        this.handles.set(line.name, new onoff.Gpio(number, 'low', 'none', { activeLow: false }));
        this.outputs.driven(line.name, 0);
        return null;
      }
      // Both edges, no onoff debounce, no kernel inversion: the shared filter needs every raw edge.
      const handle = new onoff.Gpio(number, 'in', 'both', { activeLow: false });
      try {
        const level = handle.readSync();
        handle.watch((error, value) => {
          if (error) this.state.degrade(`line:${line.name}`, `${where} could not be read: ${error.message}`);
          else this.inputs.edge(line.name, value);
        });
        this.handles.set(line.name, handle);
        return level;
      } catch (error) {
        handle.unexport();
        throw error;
      }
    } catch (error) {
      throw new Error(`${where} could not be opened through sysfs: ${(error as Error).message}; ` +
        'another program may be using it, or the kiosk user may lack permission (gpio group)');
    }
  }

  private release(): void {
    this.inputs.end();
    for (const [line, handle] of this.handles) {
      try {
        // A buzzer must not keep sounding after the kiosk stops.
        if (this.config[line].direction === 'out' && this.outputs.level(line) === 1) handle.writeSync(0);
        handle.unexport();
      } catch (error) {
        this.log(`could not release GPIO line '${line}': ${(error as Error).message}`);
      }
    }
    this.handles.clear();
    this.outputs.reset();
  }
}
