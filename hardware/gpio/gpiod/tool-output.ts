import type { ChipLines } from '../chips.js';
import type { Level } from '../port.js';

/*
 * What Debian's `gpiod` tools print, in both major versions (libgpiod's tools/ sources and test suites
 * tools/gpio-tools-test.bats for v1 and tools/gpio-tools-test.bash for v2; the gpiomon/gpioget/gpioset
 * man pages of gpiod 1.6.3 and 2.1):
 * - `gpiomon --version`: "gpiomon (libgpiod) v1.6.3", "gpiomon v1.6.3", "gpiomon (libgpiod) v2.1.3";
 *   since libgpiod 2.2 the tools carry their own version ("gpiomon v2.3.2 (libgpiod v2.2.1)").
 * - `gpiodetect` (both): "gpiochip0 [pinctrl-bcm2711] (58 lines)".
 * - `gpioget`: v1 "1 0 1"; v2 `"17"=active "27"=inactive` (quoted by default, unquoted with --unquoted,
 *   "1 0" with --numeric). Without --active-low, active means high.
 * - `gpiomon`, default format: v1 "event:  RISING EDGE offset: 17 timestamp: [    1234.567890123]";
 *   v2 with --chip "1234.567890123\trising\tgpiochip0 17", plus ` "GPIO17"` for a named line, and with
 *   --banner first "Monitoring line '17'..." or "Monitoring lines '17', '22' and '23'...".
 * Anything else is not ours to guess at: the parsers say so and the caller counts it.
 */

export type ToolsVersion = 1 | 2;

/** The major version of the tools, from `gpiomon --version`; null when the text shows none. */
export function parseToolsVersion(output: string): ToolsVersion | null {
  const match = /\bv(\d+)\.\d+/.exec(output.split('\n')[0] ?? '');
  if (!match) return null;
  const major = Number(match[1]);
  if (major === 1) return 1;
  // v2's command lines have held since 2.0; a later major is read the v2 way.
  return major >= 2 ? 2 : null;
}

/** A chip as gpiodetect lists it: the character device name and its label. */
export interface DetectedChip extends ChipLines {
  /** gpiochipN, the name the tools take with -c (v2) or as the chip argument (v1) */
  name: string;
}

/** The chips in gpiodetect's output; lines it cannot read are skipped. */
export function parseGpiodetect(output: string): DetectedChip[] {
  const chips: DetectedChip[] = [];
  for (const line of output.split('\n')) {
    const match = /^(\S+)\s+\[(.*)\]\s+\((\d+) lines?\)\s*$/.exec(line.trim());
    if (match) chips.push({ name: match[1]!, label: match[2]!, ngpio: Number(match[3]) });
  }
  return chips;
}

/** The levels gpioget printed, in the order asked; null unless there is exactly one per line. */
export function parseGpioget(output: string, count: number): Level[] | null {
  const tokens = output.trim().split(/\s+/).filter(Boolean);
  const levels: Level[] = [];
  for (const token of tokens) {
    if (token === '0' || token === '1') {
      levels.push(token === '1' ? 1 : 0);
      continue;
    }
    const named = /^(?:"[^"]*"|[^="]+)=(active|inactive)$/.exec(token);
    if (!named) return null;
    levels.push(named[1] === 'active' ? 1 : 0);
  }
  return levels.length === count ? levels : null;
}

export type MonitorLine =
  | { kind: 'edge'; offset: number; level: Level }
  | { kind: 'banner' }
  | { kind: 'blank' }
  | { kind: 'garbage' };

const V1_EVENT = /^event:\s+(RISING|FALLING)\s+EDGE\s+offset:\s+(\d+)\s+timestamp:/;
const V2_EVENT = /^\S+\s+(rising|falling)\s+\S+\s+(\d+)(?:\s+.*)?$/;
const V2_BANNER = /^Monitoring lines? '/;

/** One line of gpiomon's default output, of either version. */
export function parseMonitorLine(text: string): MonitorLine {
  const line = text.trim();
  if (line === '') return { kind: 'blank' };
  if (V2_BANNER.test(line)) return { kind: 'banner' };
  const event = V1_EVENT.exec(line) ?? V2_EVENT.exec(line);
  if (!event) return { kind: 'garbage' };
  return { kind: 'edge', offset: Number(event[2]), level: event[1]!.toLowerCase() === 'rising' ? 1 : 0 };
}

/**
 * Splits a process's output into lines as chunks arrive. A run without a newline longer than
 * `maxLine` characters is dropped as one garbage line rather than kept growing.
 */
export class LineSplitter {
  private partial = '';

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLine = 4096,
  ) {}

  /** Splits a child process's stdout (read as UTF-8). */
  attach(child: { stdout: NodeJS.ReadableStream | null }): this {
    child.stdout?.on('data', (chunk: string) => this.push(chunk));
    return this;
  }

  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const part of parts) this.onLine(part.replace(/\r$/, ''));
    if (this.partial.length > this.maxLine) {
      this.onLine(this.partial.slice(0, this.maxLine));
      this.partial = '';
    }
  }
}
