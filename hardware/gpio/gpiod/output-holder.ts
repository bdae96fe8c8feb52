import type { ChildProcess } from 'node:child_process';
import type { Timers } from '../../shared/timers.js';
import type { Level } from '../port.js';
import type { ToolCommand } from './commands.js';
import { describeExit, type GpiodProcesses } from './processes.js';
import { LineSplitter } from './tool-output.js';

export interface OutputHolderOptions {
  processes: GpiodProcesses;
  /** The gpioset command holding the line at `value`. */
  command: (value: Level) => ToolCommand;
  /** The gpioset command setting the line to `value` and exiting. */
  setOnce: (value: Level) => ToolCommand;
  /**
   * How a started gpioset shows it holds the line: v2 prints "Setting line '24'..." (--banner) once the
   * line is requested and set; v1 prints nothing, so it counts once started, and a failure (a busy line)
   * shows as the early exit that follows.
   */
  confirmedBy: 'banner' | 'spawn';
  timers: Timers;
  /** How long a v2 gpioset may take to print its banner. */
  confirmTimeoutMs: number;
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
    const { processes, timers, confirmTimeoutMs } = this.options;
    const command = this.options.command(value);
    const child = processes.spawn(command);
    let stderr = '';
    child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    return new Promise((resolve) => {
      let phase: 'starting' | 'holding' | 'over' = 'starting';
      let timer: unknown = null;
      const confirm = () => {
        if (phase !== 'starting') return;
        phase = 'holding';
        if (timer !== null) timers.clearTimeout(timer);
        this.child = child;
        this.held = value;
        this.options.onDriven(value);
        resolve();
      };
      const fail = (error: Error) => {
        if (phase === 'over') return;
        const wasHolding = phase === 'holding';
        phase = 'over';
        if (timer !== null) timers.clearTimeout(timer);
        // Ended by us (replaced or released) is expected; otherwise the line is not (or no longer) held.
        if (wasHolding && this.child !== child) return;
        if (this.child === child) {
          this.child = null;
          this.held = null;
        }
        this.options.onFailed(value, error);
        resolve();
      };
      if (this.options.confirmedBy === 'spawn') {
        child.once('spawn', confirm);
      } else {
        new LineSplitter((line) => {
          if (/^Setting lines? '/.test(line)) confirm();
        }).attach(child);
        timer = timers.setTimeout(() => {
          timer = null;
          fail(new Error(`gpioset printed no banner within ${confirmTimeoutMs} ms`));
          void processes.terminate(child);
        }, confirmTimeoutMs);
      }
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (child.pid === undefined) fail(processes.startError(command, error));
      });
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        fail(new Error(`gpioset ${describeExit(code, signal, stderr)}`));
      });
    });
  }
}
