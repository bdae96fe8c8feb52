import { LINE_NAMES, type LineConfig, type LineName } from './port.js';

/** What line resolution needs to know of a chip, whichever interface listed it. */
export interface ChipLines {
  label: string;
  /** number of lines (sysfs `ngpio`, gpiodetect's "(58 lines)") */
  ngpio: number;
}

/** A configured line that names its chip (by label) and offset. */
export interface WiredLine {
  name: LineName;
  config: LineConfig;
  chip: string;
  offset: number;
}

/** A line that cannot be used as configured on this machine; the message says what to change. */
export class LineResolutionError extends Error {
  constructor(readonly line: LineName, message: string) {
    super(message);
    this.name = 'LineResolutionError';
  }
}

/**
 * The configured lines that name a chip label and an offset. A line with neither is not wired and is
 * left out; a line with only one of them is a configuration mistake, reported in `problems`.
 */
export function wiredLines(lines: Record<LineName, LineConfig>): { wired: WiredLine[]; problems: LineResolutionError[] } {
  const wired: WiredLine[] = [];
  const problems: LineResolutionError[] = [];
  for (const name of LINE_NAMES) {
    const config = lines[name];
    const { chip, offset } = config;
    if (chip === undefined && offset === undefined) continue;
    if (chip === undefined || offset === undefined) {
      problems.push(new LineResolutionError(name,
        `GPIO line '${name}' needs both a chip label and an offset (hardware.gpio.lines.${name}.chip and .offset); it has only the ${chip === undefined ? 'offset' : 'chip'}`));
      continue;
    }
    if (!Number.isInteger(offset) || offset < 0) {
      problems.push(new LineResolutionError(name, `GPIO line '${name}' has offset ${offset}; an offset is a whole number from 0`));
      continue;
    }
    wired.push({ name, config, chip, offset });
  }
  return { wired, problems };
}

/**
 * The chip a line is on, found by its label (numbers move between kernels: Pi 4 bases went from 0 to
 * 512 in 6.6, and Pi 5's RP1 from gpiochip4 to gpiochip0 in 6.6.45). Throws a LineResolutionError that
 * lists the labels present when none matches, or the chip's size when the offset is beyond it.
 */
export function findChip<C extends ChipLines>(chips: readonly C[], line: WiredLine, source: string): C {
  const chip = chips.find((c) => c.label === line.chip);
  if (!chip) {
    const labels = chips.map((c) => c.label);
    throw new LineResolutionError(line.name,
      `GPIO line '${line.name}' is configured on chip '${line.chip}', but ${source} shows no chip with that label ` +
        `(found: ${labels.length ? labels.join(', ') : 'no chips at all'}). Set hardware.gpio.lines.${line.name}.chip to the right one: ` +
        `a Pi 4 has pinctrl-bcm2711, a Pi 5 pinctrl-rp1, a Pi 3 or older pinctrl-bcm2835`);
  }
  if (line.offset >= chip.ngpio) {
    throw new LineResolutionError(line.name,
      `GPIO line '${line.name}' is configured at offset ${line.offset} on '${chip.label}', which has only ${chip.ngpio} lines (offsets 0 to ${chip.ngpio - 1})`);
  }
  return chip;
}
