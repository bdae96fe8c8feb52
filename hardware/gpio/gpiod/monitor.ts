import type { ChildProcess } from 'node:child_process';
import { delay, type Timers } from '../../shared/timers.js';
import type { Level } from '../port.js';
import { describeExit, type GpiodProcesses } from './processes.js';
import type { ToolCommand } from './commands.js';
import { LineSplitter, parseMonitorLine, type ToolsVersion } from './tool-output.js';

export interface ChipMonitorOptions {
  /** gpiochipN */
  chip: string;
  offsets: readonly number[];
  version: ToolsVersion;
  command: ToolCommand;
  processes: GpiodProcesses;
  timers: Timers;
  /** v2: how long gpiomon may take to print its banner before it counts as hung (default 5 s). */
  readyTimeoutMs: number;
  /** Restart backoff: first wait, doubling up to the cap. */
  restartMinMs: number;
  restartMaxMs: number;
  /** A run this long resets the backoff to its first wait. */
  stableMs: number;
  onEdge: (offset: number, level: Level) => void;
  /** Told when gpiomon starts delivering events, and when it stops (with why). */
  onUp: () => void;
  onDown: (why: string) => void;
  log: (line: string) => void;
}

export interface MonitorDiagnostics {
  chip: string;
  pid: number | null;
  /** how many times gpiomon was started */
  starts: number;
  /** edges delivered for our offsets */
  edges: number;
  /** output lines that were neither an event of ours nor the banner, since start() */
  garbageLines: number;
  up: boolean;
}

interface RunOutcome {
  readyAt: number | null;
  why: string;
}

/**
 * One gpiomon process watching all the input lines of one chip, kept running: a process that exits,
 * crashes or (v2) does not print its banner in time is ended and started again after a capped
 * exponential backoff, and `onDown`/`onUp` let the driver report 'degraded' meanwhile. One process per
 * chip rather than per line: the kiosk's inputs share one chip, one process is one thing to supervise,
 * and the kernel delivers their events in order. v1 prints no banner, so a v1 gpiomon counts as up
 * once started; one that hangs without exiting cannot be told from a quiet one.
 */
export class ChipMonitor {
  private running = false;
  private stopping = new AbortController();
  private supervisor: Promise<void> | null = null;
  private child: ChildProcess | null = null;
  private up = false;
  private starts = 0;
  private edges = 0;
  private garbageLines = 0;

  constructor(private readonly options: ChipMonitorOptions) {}

  /** Resolves when the first gpiomon is up or has failed (it keeps trying after). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = new AbortController();
    await new Promise<void>((attempted) => {
      this.supervisor = this.supervise(attempted);
    });
  }

  /** Ends gpiomon and the restarts; resolves once the process is gone and no timer is left. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopping.abort();
    if (this.child) await this.options.processes.terminate(this.child);
    await this.supervisor;
    this.supervisor = null;
  }

  diagnostics(): MonitorDiagnostics {
    return {
      chip: this.options.chip, pid: this.child?.pid ?? null, starts: this.starts, edges: this.edges,
      garbageLines: this.garbageLines, up: this.up,
    };
  }

  private async supervise(attempted: () => void): Promise<void> {
    const { restartMinMs, restartMaxMs, stableMs, timers } = this.options;
    let backoff = restartMinMs;
    while (this.running) {
      const outcome = await this.runOnce(attempted);
      attempted();
      if (!this.running) return;
      if (outcome.readyAt !== null && timers.now() - outcome.readyAt >= stableMs) backoff = restartMinMs;
      this.up = false;
      this.options.onDown(outcome.why);
      this.options.log(`gpiomon for ${this.options.chip} ${outcome.why}; starting it again in ${backoff} ms`);
      try {
        await delay(backoff, timers, this.stopping.signal);
      } catch {
        return; // stopped
      }
      backoff = Math.min(backoff * 2, restartMaxMs);
    }
  }

  private runOnce(attempted: () => void): Promise<RunOutcome> {
    const { processes, timers, version, readyTimeoutMs, command, chip } = this.options;
    return new Promise((resolve) => {
      const child = processes.spawn(command);
      this.child = child;
      this.starts += 1;
      let readyAt: number | null = null;
      let hung = false;
      let stderr = '';
      let garbageSaid = false;
      let readyTimer: unknown = null;
      const ready = () => {
        if (readyAt !== null || !this.running) return;
        readyAt = timers.now();
        if (readyTimer !== null) timers.clearTimeout(readyTimer);
        this.up = true;
        this.options.onUp();
        attempted();
      };
      const lines = new LineSplitter((text) => {
        if (!this.running) return;
        const line = parseMonitorLine(text);
        if (line.kind === 'banner') return ready();
        if (line.kind === 'blank') return;
        if (line.kind === 'edge' && this.options.offsets.includes(line.offset)) {
          ready(); // an event shows it is running, banner or not
          this.edges += 1;
          this.options.onEdge(line.offset, line.level);
          return;
        }
        this.garbageLines += 1;
        if (!garbageSaid) {
          garbageSaid = true;
          this.options.log(`gpiomon for ${chip} printed a line this driver does not understand (ignored and counted): ${JSON.stringify(text.slice(0, 120))}`);
        }
      });
      child.stdout?.on('data', (chunk: string) => lines.push(chunk));
      child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
      if (version === 1) {
        child.once('spawn', ready);
      } else {
        readyTimer = timers.setTimeout(() => {
          readyTimer = null;
          hung = true;
          void processes.terminate(child);
        }, readyTimeoutMs);
      }
      const finish = (why: string) => {
        if (readyTimer !== null) timers.clearTimeout(readyTimer);
        readyTimer = null;
        if (this.child === child) this.child = null;
        resolve({ readyAt, why });
      };
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (child.pid === undefined) finish(`could not be started: ${processes.startError(command, error).message}`);
      });
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        finish(hung
          ? `printed no banner within ${readyTimeoutMs} ms (hung) and was ended`
          : describeExit(code, signal, stderr));
      });
    });
  }
}
