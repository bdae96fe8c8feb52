import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Timers } from '../../shared/timers.js';
import type { ToolCommand } from './commands.js';

/** The gpiod tools are not installed (or not where toolsDir says). */
export class ToolMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolMissingError';
  }
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface GpiodProcessesOptions {
  /** Directory holding gpiomon, gpioget, gpioset and gpiodetect; default: found on PATH. */
  toolsDir?: string;
  timers: Timers;
  /** How long a short command (version, gpiodetect, gpioget) may take (default 5 s). */
  commandTimeoutMs?: number;
  /** How long a process may take to end after SIGTERM before SIGKILL (default 2 s). */
  killGraceMs?: number;
}

/**
 * Starts the gpiod tools and ends them. Every process is spawned without a shell, with its output
 * piped to us, and is ended by `terminate`, which waits for it to be gone: nothing is left running.
 */
export class GpiodProcesses {
  constructor(private readonly options: GpiodProcessesOptions) {}

  /** Where a tool is run from, for messages. */
  where(): string {
    return this.options.toolsDir ? `in ${this.options.toolsDir}` : 'on the PATH';
  }

  /** Starts a long-running tool; its 'error' event says when it could not be started at all. */
  spawn(command: ToolCommand): ChildProcess {
    const path = this.options.toolsDir ? join(this.options.toolsDir, command.tool) : command.tool;
    const child = spawn(path, command.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    return child;
  }

  /** Runs a short command to its end; rejects when it cannot start or takes too long. */
  run(command: ToolCommand): Promise<ToolResult> {
    return new Promise((resolve, reject) => {
      const child = this.spawn(command);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: string) => (stdout += chunk));
      child.stderr?.on('data', (chunk: string) => (stderr += chunk));
      const timeoutMs = this.options.commandTimeoutMs ?? 5000;
      const timer = this.options.timers.setTimeout(() => {
        void this.terminate(child);
        reject(new Error(`${commandText(command)} did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
      child.once('error', (error: NodeJS.ErrnoException) => {
        if (child.pid !== undefined) return; // a running process's late error: 'close' follows
        this.options.timers.clearTimeout(timer);
        reject(this.startError(command, error));
      });
      child.once('close', (code) => {
        this.options.timers.clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** The error for a tool that could not be started. */
  startError(command: ToolCommand, error: NodeJS.ErrnoException): Error {
    if (error.code === 'ENOENT') {
      return new ToolMissingError(`${command.tool} was not found ${this.where()}: install Debian's gpiod package (sudo apt install gpiod)`);
    }
    return new Error(`${command.tool} could not be started: ${error.message}`);
  }

  /** Ends a process: SIGTERM, then SIGKILL if it is still there after the grace period. Resolves once it is gone. */
  terminate(child: ChildProcess): Promise<void> {
    if (exited(child)) return Promise.resolve();
    return new Promise((resolve) => {
      const kill = this.options.timers.setTimeout(() => child.kill('SIGKILL'), this.options.killGraceMs ?? 2000);
      child.once('exit', () => {
        this.options.timers.clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}

/** True once the process has ended (or never started). */
export function exited(child: ChildProcess): boolean {
  return child.pid === undefined || child.exitCode !== null || child.signalCode !== null;
}

/** How a tool ended, for a log line. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const said = stderr.trim().split('\n').at(-1)?.trim();
  const how = signal ? `was ended by ${signal}` : `exited with code ${code}`;
  return said ? `${how} (${said})` : how;
}

export function commandText(command: ToolCommand): string {
  return [command.tool, ...command.args].join(' ');
}
