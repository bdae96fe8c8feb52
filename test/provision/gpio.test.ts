import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LINES, type LineConfig, type LineName } from '../../hardware/gpio/index.js';
import { describeLines, findChips, gpioCommand, type GpioProvisionDeps } from '../../provision/gpio.js';
import { FakeGpiodTools, PI4_CHIPS, type FakeScenario } from '../support/gpio/fake-gpiod.js';
import { FakeOnoff } from '../support/gpio/fake-onoff.js';
import { until } from '../support/gpio/until.js';

const PI4 = resolve('test/fixtures/sysfs/pi4-kernel6.6');
const PI5 = resolve('test/fixtures/sysfs/pi5-kernel6.6');
const NOWHERE = resolve('test/fixtures/sysfs/no-such-tree');
const PI5_CHIPS = [
  { name: 'gpiochip0', label: 'pinctrl-rp1', lines: 54 },
  { name: 'gpiochip10', label: 'gpio-brcmstb@107d508500', lines: 32 },
  { name: 'gpiochip11', label: 'gpio-brcmstb@107d508520', lines: 4 },
  { name: 'gpiochip12', label: 'gpio-brcmstb@107d517c00', lines: 17 },
  { name: 'gpiochip13', label: 'gpio-brcmstb@107d517c20', lines: 6 },
];

const fakes: FakeGpiodTools[] = [];
function tools(scenario: Partial<FakeScenario> = {}): FakeGpiodTools {
  const fake = new FakeGpiodTools({ version: 2, chips: PI4_CHIPS, values: { gpiochip0: { 22: 1, 23: 1 } }, ...scenario });
  fakes.push(fake);
  return fake;
}
afterEach(() => {
  for (const fake of fakes.splice(0)) fake.remove();
});

/** Runs the command function, collecting what it printed. */
async function command(argv: string[], deps: GpioProvisionDeps, driver = 'sim') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await gpioCommand(argv, { driver }, { sleep: () => Promise.resolve(), ...deps }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('provision hardware gpio: chips', () => {
  it('lists the Pi 4 chips from sysfs with their character devices, matching gpiodetect', async () => {
    const fake = tools();
    expect(await findChips({ sysfsRoot: PI4, toolsDir: fake.dir })).toEqual({
      chips: [
        { label: 'pinctrl-bcm2711', ngpio: 58, base: 512, sysfs: 'gpiochip512', chardev: 'gpiochip0' },
        { label: 'raspberrypi-exp-gpio', ngpio: 8, base: 570, sysfs: 'gpiochip570', chardev: 'gpiochip1' },
      ],
      notes: [],
    });
  });

  it('takes the character device from gpiodetect where sysfs cannot tell (Pi 5 brcmstb banks)', async () => {
    const { chips } = await findChips({ sysfsRoot: PI5, toolsDir: tools({ chips: PI5_CHIPS }).dir });
    expect(chips.map((c) => [c.label, c.base, c.chardev])).toEqual([
      ['gpio-brcmstb@107d508500', 512, 'gpiochip10'],
      ['gpio-brcmstb@107d508520', 544, 'gpiochip11'],
      ['gpio-brcmstb@107d517c00', 548, 'gpiochip12'],
      ['gpio-brcmstb@107d517c20', 565, 'gpiochip13'],
      ['pinctrl-rp1', 571, 'gpiochip0'],
    ]);
  });

  it('lists gpiodetect chips alone when the kernel has no sysfs GPIO, and sysfs alone without the tools', async () => {
    const chardevOnly = await findChips({ sysfsRoot: NOWHERE, toolsDir: tools().dir });
    expect(chardevOnly.chips.map((c) => [c.label, c.base, c.chardev])).toEqual([['pinctrl-bcm2711', null, 'gpiochip0'], ['raspberrypi-exp-gpio', null, 'gpiochip1']]);
    expect(chardevOnly.notes).toEqual([`${NOWHERE}/class/gpio lists no chips (no sysfs GPIO in this kernel?)`]);
    const sysfsOnly = await findChips({ sysfsRoot: PI4, toolsDir: NOWHERE });
    expect(sysfsOnly.chips.map((c) => c.chardev)).toEqual(['gpiochip0', 'gpiochip1']);
    expect(sysfsOnly.notes).toEqual([`gpiodetect was not found in ${NOWHERE}: install Debian's gpiod package (sudo apt install gpiod); chips are listed from sysfs only`]);
  });

  it('resolves each configured line to its global number and character device, or says why it cannot', async () => {
    const { chips } = await findChips({ sysfsRoot: PI4, toolsDir: NOWHERE });
    const lines = { ...DEFAULT_LINES, motion: { direction: 'in' }, buzzer: { direction: 'out', chip: 'pinctrl-rp1', offset: 25 } } as Record<LineName, LineConfig>;
    expect(describeLines(lines, chips).map((l) => [l.line, l.global, l.chardev, l.wired, l.problem])).toEqual([
      ['door', 529, 'gpiochip0', true, null],
      ['motion', null, null, false, null],
      ['call_button', 534, 'gpiochip0', true, null],
      ['finger_touch', 535, 'gpiochip0', true, null],
      ['led', 536, 'gpiochip0', true, null],
      ['buzzer', null, null, true, expect.stringMatching(/chip 'pinctrl-rp1', but this machine shows no chip with that label \(found: pinctrl-bcm2711, raspberrypi-exp-gpio\)/)],
    ]);
  });
});

describe('provision hardware gpio: the command', { timeout: 60_000 }, () => {
  it('lists chips and lines with the inputs\' levels read through onoff, leaving the outputs alone', async () => {
    const onoff = new FakeOnoff();
    onoff.rest(534, 1);
    const result = await command(['--driver', 'onoff'], { sysfsRoot: PI4, toolsDir: NOWHERE, loadOnoff: async () => onoff.module });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\n {2}pinctrl-bcm2711 +58 lines {2}sysfs gpiochip512 \(base 512\), \/dev\/gpiochip0\n/);
    expect(result.out).toContain('door         input  pinctrl-bcm2711 offset 17 (global 529, gpiochip0), level 0');
    expect(result.out).toContain('call_button  input  pinctrl-bcm2711 offset 22 (global 534, gpiochip0), level 1');
    expect(result.out).toContain('led          output pinctrl-bcm2711 offset 24 (global 536, gpiochip0)\n');
    expect([...onoff.lines.keys()].filter((n) => onoff.line(n).direction !== 'in')).toEqual([]);
    expect([...onoff.lines.values()].some((l) => l.exported)).toBe(false);
  });

  it('answers one JSON object with --json, reading the inputs with the gpiod tools', async () => {
    const fake = tools({ version: 1 });
    const result = await command(['--json', '--driver', 'gpiod'], { sysfsRoot: PI4, toolsDir: fake.dir });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({ ok: true, driver: 'gpiod', chips: [{ label: 'pinctrl-bcm2711' }, { label: 'raspberrypi-exp-gpio' }] });
    expect(report.lines.map((l: { line: string; global: number; value: number | null }) => [l.line, l.global, l.value])).toEqual([
      ['door', 529, 0], ['motion', 539, 0], ['call_button', 534, 1], ['finger_touch', 535, 1], ['led', 536, null], ['buzzer', 537, null],
    ]);
    expect(fake.calls('gpioset')).toEqual([]);
    expect(fake.running()).toEqual([]);
  });

  it('says the levels are not read with the simulated driver, and exits 1 with a sentence when a line is on a missing chip', async () => {
    const sim = await command([], { sysfsRoot: PI4, toolsDir: NOWHERE });
    expect(sim.code).toBe(0);
    expect(sim.out).toContain('note: levels are not read: config.json has the simulated GPIO driver; pass --driver onoff or --driver gpiod');
    const pi5 = await command([], { sysfsRoot: PI5, toolsDir: NOWHERE });
    expect(pi5.code).toBe(1);
    expect(pi5.err).toBe('Some lines cannot be used as configured: fix hardware.gpio.lines in config.json (see above).');
    expect(pi5.out).toMatch(/door {9}input {2}pinctrl-bcm2711 offset 17: .*found: .*pinctrl-rp1/);
  });

  it('exits 1 with a plain sentence when no chip is found at all', async () => {
    const result = await command(['--json'], { sysfsRoot: NOWHERE, toolsDir: NOWHERE });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ ok: false, chips: [], error: expect.stringMatching(/^No GPIO chips found: /) });
  });

  it('pulses the LED through onoff: high, then low, opening nothing else', async () => {
    const onoff = new FakeOnoff();
    const result = await command(['--pulse', 'led', '--ms', '200', '--driver', 'onoff'], { sysfsRoot: PI4, loadOnoff: async () => onoff.module });
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('led was driven high for 200 ms and is low again: did it light up?') });
    expect([...onoff.lines.keys()]).toEqual([536]);
    expect(onoff.line(536).writes).toEqual([1, 0]);
  });

  it('pulses the buzzer through the gpiod tools, and reports a line it cannot drive', async () => {
    const fake = tools({ version: 2 });
    // The technician's wait: until the gpioset driving the buzzer high is running.
    const sleep = () => until(() => fake.calls('gpioset').some((c) => c.args.at(-1) === '25=1'));
    const ok = await command(['--pulse', 'buzzer', '--driver', 'gpiod', '--json'], { toolsDir: fake.dir, sleep });
    expect(JSON.parse(ok.out)).toEqual({ ok: true, line: 'buzzer', ms: 500, problems: [], driver: 'gpiod' });
    expect(fake.calls('gpioset').map((c) => c.args.at(-1))).toContain('25=1');
    expect(fake.running()).toEqual([]);
    const busy = tools({ version: 2, setFails: true });
    const failed = await command(['--pulse', 'buzzer', '--driver', 'gpiod'], { toolsDir: busy.dir });
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^buzzer could not be pulsed: could not drive GPIO output 'buzzer'.*Device or resource busy/);
  });

  it('refuses flags that cannot work, with usage (exit 2)', async () => {
    for (const argv of [['--pulse', 'door'], ['--driver', 'wiringpi'], ['--pulse', 'led'], ['--pulse', 'led', '--driver', 'onoff', '--ms', '0'], ['--bogus']]) {
      const result = await command(argv, { sysfsRoot: PI4 });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(/usage: npm run provision -- hardware gpio/);
    }
  });
});

describe('provision hardware gpio: the built CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-provision-gpio-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 1 with a plain sentence, no stack trace, when there are no GPIO chips', async () => {
    const result = await promisify(execFile)(process.execPath, [
      resolve('build/provision/cli.js'), 'hardware', 'gpio', '--sysfs-root', NOWHERE, '--tools-dir', NOWHERE,
    ], { env: { ...process.env, DATA_DIR: dataDir } }).then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^No GPIO chips found: .*no-such-tree\/class\/gpio lists no chips.*gpiodetect was not found/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
