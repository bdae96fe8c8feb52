/**
 * `npm run provision -- hardware gpio …`: shows which GPIO chips this Pi has and where the configured
 * lines land on them (chip label, offset, global number, character device, current level), and pulses
 * an output so a technician can see the LED light or hear the buzzer before the kiosk relies on them.
 */
import { parseArgs } from 'node:util';
import { systemTimers } from '../hardware/shared/timers.js';
import { findChip, wiredLines } from '../hardware/gpio/chips.js';
import { detectCommand } from '../hardware/gpio/gpiod/commands.js';
import { GpiodProcesses, ToolMissingError } from '../hardware/gpio/gpiod/processes.js';
import { parseGpiodetect } from '../hardware/gpio/gpiod/tool-output.js';
import { configuredLines, createGpio, LINE_NAMES, type GpioConfig, type GpioDeps, type GpioPort, type Level, type LineConfig, type LineName } from '../hardware/gpio/index.js';
import { listSysfsChips } from '../hardware/gpio/onoff/sysfs-chips.js';
import { RealGpio } from '../hardware/gpio/real-gpio.js';

export const GPIO_USAGE = `hardware gpio [--driver onoff|gpiod] [--sysfs-root /sys] [--tools-dir <dir>] [--json]
      lists the GPIO chips (from sysfs and gpiodetect) and the configured lines: chip, offset,
      global number, character device and, with a real driver, the inputs' current levels
  hardware gpio --pulse led|buzzer [--ms 500] [--driver onoff|gpiod]
      drives an output high for --ms milliseconds, then low, to check its wiring
      (stop the kiosk first: while it runs, it holds the lines)`;

/** A chip, as sysfs and/or gpiodetect know it. */
export interface ChipReport {
  label: string;
  ngpio: number;
  /** sysfs base (null when only gpiodetect saw it) */
  base: number | null;
  /** sysfs name, gpiochip<base> */
  sysfs: string | null;
  /** character device name, gpiochipN */
  chardev: string | null;
}

export interface LineReport {
  line: LineName;
  direction: 'in' | 'out';
  chip: string | null;
  offset: number | null;
  /** base + offset: the sysfs / onoff number */
  global: number | null;
  chardev: string | null;
  /** an input's level read now; null when not read */
  value: Level | null;
  /** why the line cannot be used as configured; null when it can (or is simply not wired) */
  problem: string | null;
  wired: boolean;
}

export interface GpioProvisionDeps extends GpioDeps {
  sysfsRoot?: string;
  toolsDir?: string;
  /** Waits during --pulse (tests pass one that does not). */
  sleep?: (ms: number) => Promise<void>;
}

/** The chips sysfs and gpiodetect report, matched by label; `notes` say what could not be looked at. */
export async function findChips(deps: Pick<GpioProvisionDeps, 'sysfsRoot' | 'toolsDir'> = {}): Promise<{ chips: ChipReport[]; notes: string[] }> {
  const notes: string[] = [];
  const sysfs = await listSysfsChips(deps.sysfsRoot);
  if (sysfs.length === 0) notes.push(`${deps.sysfsRoot ?? '/sys'}/class/gpio lists no chips (no sysfs GPIO in this kernel?)`);
  let detected: ReturnType<typeof parseGpiodetect> = [];
  try {
    const result = await new GpiodProcesses({ toolsDir: deps.toolsDir, timers: systemTimers }).run(detectCommand());
    detected = parseGpiodetect(result.stdout);
    if (result.code !== 0) notes.push(`gpiodetect failed: ${result.stderr.trim() || `exit code ${result.code}`}`);
  } catch (error) {
    notes.push(error instanceof ToolMissingError ? `${error.message}; chips are listed from sysfs only` : (error as Error).message);
  }
  const chips: ChipReport[] = sysfs.map((chip) => ({
    label: chip.label, ngpio: chip.ngpio, base: chip.base, sysfs: chip.name,
    chardev: chip.chardev ?? detected.find((d) => d.label === chip.label && d.ngpio === chip.ngpio)?.name ?? null,
  }));
  for (const chip of detected) {
    if (!chips.some((c) => c.chardev === chip.name || c.label === chip.label)) {
      chips.push({ label: chip.label, ngpio: chip.ngpio, base: null, sysfs: null, chardev: chip.name });
    }
  }
  return { chips, notes };
}

/** Where each configured line lands on these chips. */
export function describeLines(lines: Record<LineName, LineConfig>, chips: ChipReport[]): LineReport[] {
  const { wired, problems } = wiredLines(lines);
  return LINE_NAMES.map((name) => {
    const config = lines[name];
    const base: LineReport = {
      line: name, direction: config.direction, chip: config.chip ?? null, offset: config.offset ?? null,
      global: null, chardev: null, value: null, problem: null, wired: false,
    };
    const problem = problems.find((p) => p.line === name);
    if (problem) return { ...base, problem: problem.message };
    const line = wired.find((l) => l.name === name);
    if (!line) return base;
    try {
      const chip = findChip(chips, line, 'this machine');
      return { ...base, wired: true, global: chip.base === null ? null : chip.base + line.offset, chardev: chip.chardev };
    } catch (error) {
      return { ...base, wired: true, problem: (error as Error).message };
    }
  });
}

/** The configuration with only `names` wired: opening the others (outputs especially) would change them. */
export function onlyLines(lines: Record<LineName, LineConfig>, names: readonly LineName[]): Record<LineName, LineConfig> {
  return Object.fromEntries(LINE_NAMES.map((name) => [name, names.includes(name) ? lines[name] : { direction: lines[name].direction }])) as Record<LineName, LineConfig>;
}

/** Reads the usable inputs' levels with the given driver; outputs are left alone. */
export async function readInputs(config: GpioConfig, reports: LineReport[], deps: GpioProvisionDeps, notes: string[]): Promise<void> {
  const inputs = reports.filter((r) => r.direction === 'in' && r.wired && !r.problem).map((r) => r.line);
  if (inputs.length === 0) return;
  const gpio = build(config, onlyLines(configuredLines(config), inputs), deps, notes);
  await gpio.start();
  try {
    if (gpio.health() === 'absent' || gpio.health() === 'error') return;
    for (const report of reports) if (inputs.includes(report.line)) report.value = gpio.read(report.line);
  } finally {
    await gpio.stop();
  }
}

export interface PulseResult {
  ok: boolean;
  line: LineName;
  ms: number;
  problems: string[];
}

/** Drives `line` high for `ms`, then low; `problems` say what went wrong. */
export async function pulse(config: GpioConfig, line: LineName, ms: number, deps: GpioProvisionDeps): Promise<PulseResult> {
  const notes: string[] = [];
  const gpio = build(config, onlyLines(configuredLines(config), [line]), deps, notes);
  await gpio.start();
  try {
    if (gpio.health() !== 'ok') return { ok: false, line, ms, problems: reasonsOf(gpio, notes) };
    gpio.write(line, 1);
    await flush(gpio);
    await (deps.sleep ?? ((wait) => new Promise<void>((resolve) => setTimeout(resolve, wait))))(ms);
    gpio.write(line, 0);
    await flush(gpio);
    const ok = gpio.health() === 'ok';
    return { ok, line, ms, problems: ok ? [] : reasonsOf(gpio, notes) };
  } finally {
    await gpio.stop();
  }
}

function build(config: GpioConfig, lines: Record<LineName, LineConfig>, deps: GpioProvisionDeps, notes: string[]): GpioPort {
  return createGpio({ ...config, lines, sysfsRoot: deps.sysfsRoot ?? config.sysfsRoot, toolsDir: deps.toolsDir ?? config.toolsDir }, {
    ...deps, log: (text) => notes.push(text),
  });
}

async function flush(gpio: GpioPort): Promise<void> {
  if (gpio instanceof RealGpio) await gpio.flush();
}

function reasonsOf(gpio: GpioPort, notes: string[]): string[] {
  const reasons = gpio instanceof RealGpio ? gpio.reasons() : [];
  return reasons.length ? reasons : notes;
}

export interface GpioCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: GpioCommandIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs the command; returns the exit code. Plain sentences, or one JSON object with --json. */
export async function gpioCommand(argv: string[], configured: GpioConfig, deps: GpioProvisionDeps = {}, io: GpioCommandIo = consoleIo): Promise<number> {
  let values: ReturnType<typeof parseGpioArgs>;
  try {
    values = parseGpioArgs(argv, configured);
  } catch (error) {
    io.err(`${(error as Error).message}\nusage: npm run provision -- ${GPIO_USAGE}`);
    return 2;
  }
  const config: GpioConfig = { ...configured, driver: values.driver };
  const all: GpioProvisionDeps = { ...deps, sysfsRoot: values.sysfsRoot ?? deps.sysfsRoot, toolsDir: values.toolsDir ?? deps.toolsDir };
  if (values.pulse) return pulseCommand(config, values.pulse, values.ms, all, values.json, io);
  return listCommand(config, all, values.json, io);
}

function parseGpioArgs(argv: string[], configured: GpioConfig) {
  const { values } = parseArgs({
    args: argv,
    options: {
      driver: { type: 'string' }, 'sysfs-root': { type: 'string' }, 'tools-dir': { type: 'string' },
      pulse: { type: 'string' }, ms: { type: 'string' }, json: { type: 'boolean' },
    },
    strict: true,
  });
  const driver = values.driver ?? configured.driver;
  if (!['onoff', 'gpiod', 'sim'].includes(driver)) throw new Error(`--driver is onoff or gpiod, not '${driver}'`);
  const lines = configuredLines(configured);
  let pulse: LineName | null = null;
  if (values.pulse !== undefined) {
    const outputs = LINE_NAMES.filter((n) => lines[n].direction === 'out');
    if (!outputs.includes(values.pulse as LineName)) throw new Error(`--pulse takes an output line: ${outputs.join(' or ')}`);
    if (driver === 'sim') throw new Error('config.json has the simulated GPIO driver; name the real one with --driver onoff or --driver gpiod');
    pulse = values.pulse as LineName;
  }
  const ms = values.ms === undefined ? 500 : Number(values.ms);
  if (!/^\d+$/.test(values.ms ?? '500') || ms < 1 || ms > 10_000) throw new Error('--ms is a whole number of milliseconds from 1 to 10000');
  return { driver, pulse, ms, json: values.json ?? false, sysfsRoot: values['sysfs-root'], toolsDir: values['tools-dir'] };
}

async function listCommand(config: GpioConfig, deps: GpioProvisionDeps, json: boolean, io: GpioCommandIo): Promise<number> {
  const { chips, notes } = await findChips(deps);
  if (chips.length === 0) {
    const sentence = `No GPIO chips found: ${notes.join('; ')}. Is this a Raspberry Pi, and may the kiosk user read /sys/class/gpio and /dev/gpiochip*?`;
    if (json) io.out(JSON.stringify({ ok: false, driver: config.driver, chips, lines: [], error: sentence }));
    else io.err(sentence);
    return 1;
  }
  const lines = describeLines(configuredLines(config), chips);
  if (config.driver === 'sim') notes.push('levels are not read: config.json has the simulated GPIO driver; pass --driver onoff or --driver gpiod');
  else await readInputs(config, lines, deps, notes);
  const ok = lines.every((l) => !l.problem);
  if (json) {
    io.out(JSON.stringify({ ok, driver: config.driver, chips, lines, notes }));
    return ok ? 0 : 1;
  }
  io.out('GPIO chips:');
  const width = Math.max(...chips.map((c) => c.label.length));
  for (const chip of chips) {
    const where = [chip.sysfs && `sysfs ${chip.sysfs} (base ${chip.base})`, chip.chardev && `/dev/${chip.chardev}`].filter(Boolean).join(', ');
    io.out(`  ${chip.label.padEnd(width)}  ${String(chip.ngpio).padStart(3)} lines  ${where}`);
  }
  io.out(`configured lines (driver ${config.driver}):`);
  for (const line of lines) io.out(`  ${describe(line)}`);
  for (const note of notes) io.out(`note: ${note}`);
  if (!ok) io.err('Some lines cannot be used as configured: fix hardware.gpio.lines in config.json (see above).');
  return ok ? 0 : 1;
}

function describe(line: LineReport): string {
  const head = `${line.line.padEnd(12)} ${line.direction === 'in' ? 'input ' : 'output'}`;
  if (!line.wired && !line.problem) return `${head} not wired (no chip and offset configured)`;
  const where = `${line.chip} offset ${line.offset}`;
  if (line.problem) return `${head} ${where}: ${line.problem}`;
  const numbers = [line.global !== null && `global ${line.global}`, line.chardev && line.chardev].filter(Boolean).join(', ');
  const value = line.direction === 'out' ? '' : line.value === null ? ', level not read' : `, level ${line.value}`;
  return `${head} ${where} (${numbers})${value}`;
}

async function pulseCommand(config: GpioConfig, line: LineName, ms: number, deps: GpioProvisionDeps, json: boolean, io: GpioCommandIo): Promise<number> {
  if (!json) io.out(`driving ${line} high for ${ms} ms…`);
  const result = await pulse(config, line, ms, deps);
  if (json) {
    io.out(JSON.stringify({ ...result, driver: config.driver }));
  } else if (result.ok) {
    io.out(`${line} was driven high for ${ms} ms and is low again: did it ${line === 'buzzer' ? 'sound' : 'light up'}? If not, check its wiring and the configured chip and offset.`);
  } else {
    io.err(`${line} could not be pulsed: ${result.problems.join('; ')}`);
  }
  return result.ok ? 0 : 1;
}
