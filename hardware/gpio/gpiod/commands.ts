import type { Level } from '../port.js';
import type { ToolsVersion } from './tool-output.js';

/*
 * The command lines of Debian's `gpiod` tools per major version (man pages of gpiod 1.6.3 and 2.1,
 * manpages.ubuntu.com / manpages.debian.org; libgpiod tools/*.c):
 * - v1 takes the chip as the first argument: `gpiomon [-b] <chip> <offset>...` (-b: line-buffered
 *   stdout, without which events would sit in a pipe buffer; no -r/-f: both edges), `gpioget <chip>
 *   <offset>...`, `gpioset --mode=signal <chip> <offset>=<v>` (set, then hold until SIGTERM; the
 *   default mode 'exit' releases the line at once and the man page calls its state afterwards undefined).
 * - v2 takes `-c <chip>` and offsets: `gpiomon --banner -c <chip> [--debounce-period 10ms] <offset>...`
 *   (edges both by default; the banner says the lines were requested; v2 flushes stdout after each batch
 *   of events), `gpioget -c <chip> <offset>...`, `gpioset --banner -c <chip> <offset>=<v>` which holds
 *   the line until killed ("To guarantee the requested value, by default gpioset does not exit"). We keep that gpioset process and kill it to change or release the line, rather than
 *   `-z/--daemonize`, which would leave a detached process we could no longer find or stop.
 * - Neither version accepts a chip label (v2: "number, name, or path"), so the driver resolves the
 *   label to gpiochipN with gpiodetect first.
 */

export type ToolName = 'gpiomon' | 'gpioget' | 'gpioset' | 'gpiodetect';

export interface ToolCommand {
  tool: ToolName;
  args: string[];
}

/** Kernel debounce asked of v2 gpiomon, on top of the software debounce; at most this much. */
export const KERNEL_DEBOUNCE_CAP_MS = 10;

export function versionCommand(): ToolCommand {
  return { tool: 'gpiomon', args: ['--version'] };
}

export function detectCommand(): ToolCommand {
  return { tool: 'gpiodetect', args: [] };
}

export function getCommand(version: ToolsVersion, chip: string, offsets: readonly number[]): ToolCommand {
  const lines = offsets.map(String);
  return { tool: 'gpioget', args: version === 1 ? [chip, ...lines] : ['-c', chip, ...lines] };
}

/**
 * One gpiomon for all the input lines of a chip, on both edges: the software filter decides which
 * edges are reported. `debounceMs` is the smallest debounce of those lines (v2 only; v1 has none).
 */
export function monitorCommand(version: ToolsVersion, chip: string, offsets: readonly number[], debounceMs: number): ToolCommand {
  const lines = offsets.map(String);
  if (version === 1) return { tool: 'gpiomon', args: ['-b', chip, ...lines] };
  const kernelDebounce = Math.min(debounceMs, KERNEL_DEBOUNCE_CAP_MS);
  const debounce = kernelDebounce > 0 ? ['--debounce-period', `${kernelDebounce}ms`] : [];
  return { tool: 'gpiomon', args: ['--banner', '-c', chip, ...debounce, ...lines] };
}

/**
 * A gpioset that sets one output and exits: used to leave an output low when the driver stops (v1's
 * default mode 'exit'; v2 `-t0`, a toggle sequence ending in 0, "then gpioset exits").
 */
export function setOnceCommand(version: ToolsVersion, chip: string, offset: number, value: Level): ToolCommand {
  const assignment = `${offset}=${value}`;
  return { tool: 'gpioset', args: version === 1 ? [chip, assignment] : ['-t0', '-c', chip, assignment] };
}

/**
 * A gpioset that drives one output and keeps holding it until it is sent SIGTERM; v2 says when it holds
 * the line ("Setting line '24'...", --banner).
 */
export function holdCommand(version: ToolsVersion, chip: string, offset: number, value: Level): ToolCommand {
  const assignment = `${offset}=${value}`;
  return { tool: 'gpioset', args: version === 1 ? ['--mode=signal', chip, assignment] : ['--banner', '-c', chip, assignment] };
}
