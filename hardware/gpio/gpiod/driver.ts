import { findChip, wiredLines, type WiredLine } from '../chips.js';
import { idleLevel } from '../input-lines.js';
import type { Level, LineName } from '../port.js';
import { RealGpio, type RealGpioOptions } from '../real-gpio.js';
import { detectCommand, getCommand, holdCommand, monitorCommand, setOnceCommand, versionCommand } from './commands.js';
import { ChipMonitor, type MonitorDiagnostics } from './monitor.js';
import { OutputHolder } from './output-holder.js';
import { GpiodProcesses, ToolMissingError, commandText } from './processes.js';
import { parseGpiodetect, parseGpioget, parseToolsVersion, type DetectedChip, type ToolsVersion } from './tool-output.js';

export interface GpiodGpioOptions extends RealGpioOptions {
  /** Directory holding gpiomon, gpioget, gpioset and gpiodetect (default: found on the PATH). */
  toolsDir?: string;
  /** gpiomon restart backoff (defaults 500 ms doubling to 30 s); a run of `stableMs` (60 s) resets it. */
  restartMinMs?: number;
  restartMaxMs?: number;
  stableMs?: number;
  /** How long v2 gpiomon may take to print its banner before it counts as hung (default 5 s). */
  readyTimeoutMs?: number;
  /** How long a short command may take (default 5 s), and a process to end after SIGTERM (2 s). */
  commandTimeoutMs?: number;
  killGraceMs?: number;
}

/** What the driver found and how its monitors are doing. */
export interface GpiodDiagnostics {
  version: ToolsVersion | null;
  chips: DetectedChip[];
  monitors: MonitorDiagnostics[];
}

interface ResolvedLine extends WiredLine {
  chardev: string;
}

/**
 * GPIO through the libgpiod command-line tools (Debian's `gpiod` package, v1 or v2, told apart with
 * `gpiomon --version`). Chips are found by label with gpiodetect; inputs are read once with gpioget and
 * then watched by one supervised gpiomon per chip; each output is held by its own gpioset. Edges go
 * through the same debounce and chatter filter as the sysfs driver's.
 */
export class GpiodGpio extends RealGpio {
  readonly driver = 'gpiod';
  private readonly processes: GpiodProcesses;
  private readonly holders = new Map<LineName, OutputHolder>();
  private monitors: ChipMonitor[] = [];
  private version: ToolsVersion | null = null;
  private chips: DetectedChip[] = [];

  constructor(private readonly options: GpiodGpioOptions) {
    super(options, 'gpio gpiod');
    this.processes = new GpiodProcesses({
      toolsDir: options.toolsDir, timers: this.timers, commandTimeoutMs: options.commandTimeoutMs, killGraceMs: options.killGraceMs,
    });
  }

  /** Resolves once each chip's first gpiomon is up or has failed; keeps restarting them after. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.open();
    } catch (error) {
      this.fail(error instanceof ToolMissingError ? 'absent' : 'error', (error as Error).message);
    }
  }

  /** Ends every gpiomon and gpioset (outputs driven low first); no process or timer is left. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.release();
    this.state.clearProblems();
    this.state.set('absent');
  }

  diagnostics(): GpiodDiagnostics {
    return { version: this.version, chips: this.chips, monitors: this.monitors.map((m) => m.diagnostics()) };
  }

  /** Outputs change in the background: flush() waits for them. */
  protected drive(line: LineName, value: Level): boolean {
    const holder = this.holders.get(line);
    holder?.set(value);
    return holder !== undefined;
  }

  /** Resolves when every write so far has reached gpioset (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.holders.values()].map((h) => h.settled()));
  }

  private async open(): Promise<void> {
    const version = parseToolsVersion((await this.processes.run(versionCommand())).stdout);
    if (version === null) throw new Error(`could not tell the libgpiod tools' version from \`gpiomon --version\` ${this.processes.where()}`);
    this.version = version;
    const detect = await this.processes.run(detectCommand());
    this.chips = parseGpiodetect(detect.stdout);
    if (this.chips.length === 0) {
      throw new ToolMissingError('gpiodetect found no GPIO chips: check that /dev/gpiochip* exist and that the kiosk user may open them (gpio group)');
    }
    const { wired, problems } = wiredLines(this.config);
    const resolved: ResolvedLine[] = [];
    const failures = problems.map((p) => p.message);
    for (const line of wired) {
      try {
        resolved.push({ ...line, chardev: findChip(this.chips, line, 'gpiodetect').name });
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
    for (const failure of failures) this.log(failure);
    if (resolved.length === 0) throw new Error(failures.length ? failures.join('; ') : 'no GPIO lines are configured');
    for (const failure of failures) this.state.degrade(`config:${failure}`, failure);

    const inputs = resolved.filter((l) => l.config.direction === 'in');
    const levels = await this.initialLevels(version, inputs);
    if (!this.running) return; // stopped while starting: start nothing more
    this.inputs.begin(levels);
    for (const line of resolved.filter((l) => l.config.direction === 'out')) this.holdOutput(version, line);
    this.monitors = [...new Set(inputs.map((l) => l.chardev))].map((chip) => this.monitor(version, chip, inputs.filter((l) => l.chardev === chip)));
    this.state.set('ok');
    await Promise.all(this.monitors.map((m) => m.start()));
    await this.flush();
  }

  /** Reads the inputs before gpiomon takes them (a requested line is busy for gpioget). */
  private async initialLevels(version: ToolsVersion, inputs: ResolvedLine[]): Promise<Map<LineName, Level>> {
    const levels = new Map<LineName, Level>();
    for (const chip of new Set(inputs.map((l) => l.chardev))) {
      const lines = inputs.filter((l) => l.chardev === chip);
      const command = getCommand(version, chip, lines.map((l) => l.offset));
      const result = await this.processes.run(command);
      const values = result.code === 0 ? parseGpioget(result.stdout, lines.length) : null;
      if (!values) this.log(`${commandText(command)} gave no levels (${result.stderr.trim() || result.stdout.trim() || `exit code ${result.code}`}); assuming the lines are at rest`);
      lines.forEach((line, i) => levels.set(line.name, values?.[i] ?? idleLevel(line.config)));
    }
    return levels;
  }

  private holdOutput(version: ToolsVersion, line: ResolvedLine): void {
    const holder = new OutputHolder({
      processes: this.processes,
      command: (value) => holdCommand(version, line.chardev, line.offset, value),
      setOnce: (value) => setOnceCommand(version, line.chardev, line.offset, value),
      confirmedBy: version === 1 ? 'spawn' : 'banner',
      timers: this.timers,
      confirmTimeoutMs: this.options.readyTimeoutMs ?? 5000,
      onDriven: (value) => this.outputs.driven(line.name, value),
      onFailed: (value, error) => this.outputs.failed(line.name, value, error),
    });
    this.holders.set(line.name, holder);
    holder.set(0);
  }

  private monitor(version: ToolsVersion, chip: string, lines: ResolvedLine[]): ChipMonitor {
    const byOffset = new Map(lines.map((l) => [l.offset, l.name]));
    const debounceMs = Math.min(...lines.map((l) => l.config.debounceMs ?? 0));
    return new ChipMonitor({
      chip,
      offsets: lines.map((l) => l.offset),
      version,
      command: monitorCommand(version, chip, lines.map((l) => l.offset), debounceMs),
      processes: this.processes,
      timers: this.timers,
      readyTimeoutMs: this.options.readyTimeoutMs ?? 5000,
      restartMinMs: this.options.restartMinMs ?? 500,
      restartMaxMs: this.options.restartMaxMs ?? 30_000,
      stableMs: this.options.stableMs ?? 60_000,
      onEdge: (offset, level) => {
        const name = byOffset.get(offset);
        if (name) this.inputs.edge(name, level);
      },
      onUp: () => this.state.recover(`monitor:${chip}`),
      onDown: (why) => this.state.degrade(`monitor:${chip}`,
        `the gpiomon watching ${chip} ${why}; it is being restarted, and its input lines are not seen meanwhile`),
      log: this.log,
    });
  }

  private async release(): Promise<void> {
    const monitors = this.monitors;
    this.monitors = [];
    await Promise.all([
      ...monitors.map((m) => m.stop()),
      ...[...this.holders.values()].map((h) => h.release()),
    ]);
    this.holders.clear();
    this.inputs.end();
    this.outputs.reset();
  }
}
