import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface FakeChip {
  name: string;
  label: string;
  lines: number;
}

/** What one gpiomon start does: keep running (printing the feed), crash, hang, or ignore SIGTERM. */
export interface MonitorPlan {
  behaviour: 'run' | 'crash' | 'hang' | 'stubborn';
  /** lines printed to stdout first */
  print?: string[];
  stderr?: string;
  exitCode?: number;
}

export interface FakeScenario {
  version: 1 | 2;
  versionText?: string;
  chips: FakeChip[];
  /** what gpioget reads, per chip and offset (absent: 0) */
  values?: Record<string, Record<number, 0 | 1>>;
  /** one plan per gpiomon start, the last repeating */
  monitor?: MonitorPlan[];
  getFails?: boolean;
  setFails?: boolean;
}

export interface FakeCall {
  tool: string;
  args: string[];
  pid: number;
}

export const PI4_CHIPS: FakeChip[] = [
  { name: 'gpiochip0', label: 'pinctrl-bcm2711', lines: 58 },
  { name: 'gpiochip1', label: 'raspberrypi-exp-gpio', lines: 8 },
];

const SCRIPT = resolve('test/support/gpio/fake-gpiod-tool.mjs');

/**
 * A directory of fake gpiod executables (small sh wrappers exec'ing a node script, so each process's
 * pid is the one the driver spawned) to hand the driver as its toolsDir. Tests steer them through the
 * scenario and the feed, and check from the call log which processes ran and that none is left.
 */
export class FakeGpiodTools {
  readonly dir: string;

  constructor(scenario: FakeScenario) {
    this.dir = mkdtempSync(join(tmpdir(), 'fake-gpiod-'));
    this.scenario(scenario);
    for (const tool of ['gpiomon', 'gpioget', 'gpioset', 'gpiodetect']) {
      const path = join(this.dir, tool);
      writeFileSync(path, `#!/bin/sh\nexec "${process.execPath}" "${SCRIPT}" "${this.dir}" ${tool} "$@"\n`);
      chmodSync(path, 0o755);
    }
  }

  /** Replaces the scenario; processes started from now on follow it. */
  scenario(scenario: FakeScenario): void {
    writeFileSync(join(this.dir, 'scenario.json'), JSON.stringify(scenario));
  }

  /** Lines every running gpiomon prints next. */
  emit(...lines: string[]): void {
    appendFileSync(join(this.dir, 'feed.txt'), lines.map((l) => `${l}\n`).join(''));
  }

  calls(tool?: string): FakeCall[] {
    const file = join(this.dir, 'calls.jsonl');
    if (!existsSync(file)) return [];
    const calls = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as FakeCall);
    return tool ? calls.filter((c) => c.tool === tool) : calls;
  }

  /** The gpiomon starts (not `--version`). */
  monitorRuns(): FakeCall[] {
    return this.calls('gpiomon').filter((c) => !c.args.includes('--version'));
  }

  /**
   * The pids of processes started from this directory that are still running, found in /proc by their
   * command line (a process killed before its script logged the call is not in the call log).
   */
  running(): number[] {
    const pids: number[] = [];
    for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      try {
        const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (commandLine.includes(this.dir) && !readFileSync(`/proc/${entry}/stat`, 'utf8').includes(') Z ')) pids.push(Number(entry));
      } catch {
        // gone while we looked
      }
    }
    return pids;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
