import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChipLines } from '../chips.js';

/*
 * The sysfs GPIO chips, as /sys/class/gpio/gpiochip<base>/{label,base,ngpio} list them. Since kernel 6.6
 * the bases are dynamic and start at 512 (Pi 4: gpiochip512 "pinctrl-bcm2711"; Pi 5: gpiochip571
 * "pinctrl-rp1"); older kernels gave the SoC's chip base 0 ("pinctrl-bcm2835", "pinctrl-bcm2711"). A
 * line's global number, the one onoff exports, is base + offset. (Kernel Documentation/ABI/obsolete/
 * sysfs-gpio; the bases are those reported for Raspberry Pi OS kernels, see /work/shared/HARDWARE.md.)
 */

/** One chip under <sysfsRoot>/class/gpio. */
export interface SysfsChip extends ChipLines {
  /** the sysfs name, gpiochip<base> */
  name: string;
  base: number;
  /**
   * The character device of the same chip (gpiochipN in /dev), from the gpio bus device under the
   * chip's parent; null when the parent holds several (Pi 5's brcmstb banks share one device).
   */
  chardev: string | null;
}

const CHIP = /^gpiochip\d+$/;

/** Lists the chips; an empty list when sysfs has no GPIO class (no CONFIG_GPIO_SYSFS, or not Linux). */
export async function listSysfsChips(sysfsRoot = '/sys'): Promise<SysfsChip[]> {
  const dir = join(sysfsRoot, 'class', 'gpio');
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const chips: SysfsChip[] = [];
  for (const name of entries.filter((e) => CHIP.test(e))) {
    const chip = await readChip(join(dir, name), name);
    if (chip) chips.push(chip);
  }
  return chips.sort((a, b) => a.base - b.base);
}

async function readChip(path: string, name: string): Promise<SysfsChip | null> {
  try {
    const [label, base, ngpio] = await Promise.all(['label', 'base', 'ngpio'].map((f) => readFile(join(path, f), 'utf8')));
    const chip = { name, label: label!.trim(), base: Number(base!.trim()), ngpio: Number(ngpio!.trim()) };
    if (!Number.isInteger(chip.base) || !Number.isInteger(chip.ngpio)) return null;
    return { ...chip, chardev: await chardevOf(path) };
  } catch {
    return null; // a chip going away while we look, or an unreadable entry: not one we can use
  }
}

async function chardevOf(path: string): Promise<string | null> {
  try {
    const devices = (await readdir(join(path, 'device'))).filter((e) => CHIP.test(e));
    return devices.length === 1 ? devices[0]! : null;
  } catch {
    return null;
  }
}

/** The number sysfs and onoff know the line by. */
export function globalNumber(chip: SysfsChip, offset: number): number {
  return chip.base + offset;
}
