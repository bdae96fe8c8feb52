import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChip, wiredLines } from '../../../../hardware/gpio/chips.js';
import { globalNumber, listSysfsChips } from '../../../../hardware/gpio/onoff/sysfs-chips.js';
import { DEFAULT_LINES, type LineConfig, type LineName } from '../../../../hardware/gpio/port.js';

const tree = (name: string) => resolve('test/fixtures/sysfs', name);
const lines = (overrides: Partial<Record<LineName, LineConfig>>) => ({ ...DEFAULT_LINES, ...overrides }) as Record<LineName, LineConfig>;

async function numbers(sysfs: string, config: Record<LineName, LineConfig>) {
  const chips = await listSysfsChips(tree(sysfs));
  return Object.fromEntries(wiredLines(config).wired.map((line) => [line.name, globalNumber(findChip(chips, line, 'sysfs'), line.offset)]));
}

describe('sysfs chip discovery', () => {
  it('finds a Pi 4 on kernel 6.6 at base 512, with its character device', async () => {
    expect(await listSysfsChips(tree('pi4-kernel6.6'))).toEqual([
      { name: 'gpiochip512', label: 'pinctrl-bcm2711', base: 512, ngpio: 58, chardev: 'gpiochip0' },
      { name: 'gpiochip570', label: 'raspberrypi-exp-gpio', base: 570, ngpio: 8, chardev: 'gpiochip1' },
    ]);
  });

  it('numbers the default lines of a Pi 4 from base 512: never the bare BCM numbers', async () => {
    expect(await numbers('pi4-kernel6.6', DEFAULT_LINES)).toEqual({
      door: 529, motion: 539, call_button: 534, finger_touch: 535, led: 536, buzzer: 537,
    });
  });

  it('finds the Pi 5 RP1 at base 571 among the brcmstb banks, whose shared device gives no single chardev', async () => {
    const chips = await listSysfsChips(tree('pi5-kernel6.6'));
    expect(chips.map((c) => [c.label, c.base, c.ngpio, c.chardev])).toEqual([
      ['gpio-brcmstb@107d508500', 512, 32, null],
      ['gpio-brcmstb@107d508520', 544, 4, null],
      ['gpio-brcmstb@107d517c00', 548, 17, null],
      ['gpio-brcmstb@107d517c20', 565, 6, null],
      ['pinctrl-rp1', 571, 54, 'gpiochip0'],
    ]);
    const onRp1 = lines({ door: { ...DEFAULT_LINES.door, chip: 'pinctrl-rp1' }, led: { ...DEFAULT_LINES.led, chip: 'pinctrl-rp1' } });
    const { wired } = wiredLines(onRp1);
    const door = wired.find((l) => l.name === 'door')!;
    expect(globalNumber(findChip(chips, door, 'sysfs'), door.offset)).toBe(588);
  });

  it('uses base 0 on an older kernel (Pi 3, pinctrl-bcm2835)', async () => {
    const bcm2835 = Object.fromEntries(Object.entries(DEFAULT_LINES).map(([name, line]) => [name, { ...line, chip: 'pinctrl-bcm2835' }]));
    expect(await numbers('pi3-kernel5.15', bcm2835 as Record<LineName, LineConfig>)).toEqual({
      door: 17, motion: 27, call_button: 22, finger_touch: 23, led: 24, buzzer: 25,
    });
  });

  it('finds nothing where sysfs has no GPIO class', async () => {
    await expect(listSysfsChips(tree('no-such-tree'))).resolves.toEqual([]);
  });
});

describe('line resolution by chip label', () => {
  it('names the labels it found when the configured one is missing (the Pi 4 default on a Pi 5)', async () => {
    const chips = await listSysfsChips(tree('pi5-kernel6.6'));
    const door = wiredLines(DEFAULT_LINES).wired[0]!;
    expect(() => findChip(chips, door, '/sys/class/gpio')).toThrow(
      "GPIO line 'door' is configured on chip 'pinctrl-bcm2711', but /sys/class/gpio shows no chip with that label " +
        '(found: gpio-brcmstb@107d508500, gpio-brcmstb@107d508520, gpio-brcmstb@107d517c00, gpio-brcmstb@107d517c20, pinctrl-rp1)',
    );
  });

  it('says how many lines the chip has when the offset is beyond it', async () => {
    const chips = await listSysfsChips(tree('pi4-kernel6.6'));
    const { wired } = wiredLines(lines({ door: { direction: 'in', chip: 'pinctrl-bcm2711', offset: 58 } }));
    expect(() => findChip(chips, wired[0]!, 'sysfs')).toThrow(/offset 58 on 'pinctrl-bcm2711', which has only 58 lines \(offsets 0 to 57\)/);
  });

  it('leaves out a line with neither chip nor offset, and reports one with only half of them', () => {
    const { wired, problems } = wiredLines(lines({
      door: { direction: 'in' },
      motion: { direction: 'in', offset: 27 },
      led: { direction: 'out', chip: 'pinctrl-bcm2711' },
      buzzer: { direction: 'out', chip: 'pinctrl-bcm2711', offset: -1 },
    }));
    expect(wired.map((l) => l.name)).toEqual(['call_button', 'finger_touch']);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      ['motion', expect.stringMatching(/needs both a chip label and an offset .* it has only the offset/)],
      ['led', expect.stringMatching(/it has only the chip/)],
      ['buzzer', expect.stringMatching(/offset -1/)],
    ]);
  });
});
