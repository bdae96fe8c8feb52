import type { ChildProcess } from 'node:child_process';
import type { Level } from '../port.js';
import type { ToolCommand } from './commands.js';
import { describeExit, type GpiodProcesses } from './processes.js';

export interface OutputHolderOptions {
  processes: GpiodProcesses;
  /** The gpioset command holding the line at `value`. */
  command: (value: Level) => ToolCommand;
  /** The gpioset command setting the line to `value` and exiting. */
  setOnce: (value: Level) => ToolCommand;
  onDriven: (value: Level) => void;
  onFailed: (value: Level, error: Error) => void;
}

/**
 * One output line, held by a gpioset process that stays running (v1 --mode=signal, v2's default): to
 * change the level the holder is ended (the line must be free before another process can request it)
 * and a new one started. Writes arriving meanwhile are coalesced: only the latest level is applied.
 * A gpioset that cannot start, or exits while it should be holding, is reported through `onFailed`;
 * the next write tries again.
 */
export class OutputHolder {
  private child: ChildProcess | null = null;
  private held: Level | null = null;
  private wanted: Level | null = null;
  private applying: Promise<void> | null = null;

  constructor(private readonly options: OutputHolderOptions) {}

  /** Asks for `value`; applied in the background (see settled()). */
  set(value: Level): void {
    this.wanted = value;
    this.applying ??= this.apply().finally(() => {
      this.applying = null;
    });
  }

  /** Resolves when every level asked for so far has been applied (or has failed). */
  async settled(): Promise<void> {
    while (this.applying) await this.applying;
  }

  /**
   * Ends the holder, releasing the line, and leaves it low if it was high: a gpioset that sets 0 and
   * exits by itself, waited for, so the buzzer is off before stop() returns (killing a freshly started
   * holder could end it before it had set anything).
   */
  async release(): Promise<void> {
    await this.settled();
    const { child, held } = this;
    this.child = null;
    this.held = null;
    if (child) await this.options.processes.terminate(child);
    if (held !== 1) return;
    const command = this.options.setOnce(0);
    try {
      const result = await this.options.processes.run(command);
      if (result.code !== 0) throw new Error(`gpioset ${describeExit(result.code, null, result.stderr)}`);
    } catch (error) {
      this.options.onFailed(0, error as Error);
    }
  }

  private async apply(): Promise<void> {
    while (this.wanted !== null) {
      const value = this.wanted;
      this.wanted = null;
      if (value === this.held && this.child) continue;
      const previous = this.child;
      this.child = null;
      this.held = null;
      if (previous) await this.options.processes.terminate(previous);
      await this.hold(value);
    }
  }

  private hold(value: Level): Promise<void> {
    const command = this.options.command(value);
    const child = this.options.processes.spawn(command);
    let stderr = '';
    child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    return new Promise((resolve) => {
      child.once('spawn', () => {
        this.child = child;
        this.held = value;
        this.options.onDriven(value);
        resolve();
      });
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (child.pid !== undefined) return;
        this.options.onFailed(value, this.options.processes.startError(command, error));
        resolve();
      });
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        // Ended by us (replaced or released): expected. Otherwise the line is no longer held.
        if (this.child !== child) return;
        this.child = null;
        this.held = null;
        this.options.onFailed(value, new Error(`gpioset ${describeExit(code, signal, stderr)}`));
      });
    });
  }
}
