import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINES, type LineConfig, type LineName } from '../../../../hardware/gpio/port.js';
import { alive } from '../../../support/gpio/fake-gpiod.js';
import { cleanUpDrivers, commandLines, gpiodRig, until } from './driver-rig.js';

const v1Event = (edge: 'RISING' | 'FALLING', offset: number) => `event: ${edge === 'RISING' ? ' RISING' : 'FALLING'} EDGE offset: ${offset} timestamp: [    1234.567890123]`;
const v2Event = (edge: 'rising' | 'falling', offset: number) => `1234.567890123\t${edge}\tgpiochip0 ${offset} "GPIO${offset}"`;

describe('GpiodGpio over fake gpiod tools', { timeout: 60_000 }, () => {
  cleanUpDrivers();

  it('v1: finds the chip by label, reads the inputs, holds the outputs low, and watches all inputs with one line-buffered gpiomon', async () => {
    const { tools, gpio, starting } = gpiodRig({ version: 1 });
    await starting;
    expect(gpio.health()).toBe('ok');
    await until(() => tools.calls().length === 6, 'every tool to have started');
    expect(commandLines(tools)).toEqual([
      'gpiodetect',
      'gpioget gpiochip0 17 27 22 23',
      'gpiomon --version',
      'gpiomon -b gpiochip0 17 27 22 23',
      'gpioset --mode=signal gpiochip0 24=0',
      'gpioset --mode=signal gpiochip0 25=0',
    ]);
    expect([gpio.read('door'), gpio.read('call_button'), gpio.read('led')]).toEqual([0, 1, 0]);
    expect(gpio.diagnostics()).toMatchObject({ version: 1, monitors: [{ chip: 'gpiochip0', starts: 1, up: true }] });
  });

  it('v1: turns gpiomon events into debounced changes with the logical state', async () => {
    const { tools, timers, gpio, changes, starting } = gpiodRig({ version: 1 });
    await starting;
    tools.emit(v1Event('RISING', 17), v1Event('FALLING', 22));
    await until(() => gpio.diagnostics().monitors[0]!.edges === 2, 'two edges');
    expect(changes).toEqual([]);
    timers.advance(50);
    expect(changes.map((c) => [c.line, c.value, c.active])).toEqual([['call_button', 0, true], ['door', 1, true]]);
  });

  it('v2: -c chip with kernel debounce, up once the banner is printed, quoted gpioget levels, v2 events', async () => {
    const { tools, timers, gpio, changes, starting } = gpiodRig({ version: 2 });
    await starting;
    expect(gpio.health()).toBe('ok');
    await until(() => tools.calls().length === 6, 'every tool to have started');
    expect(commandLines(tools)).toEqual([
      'gpiodetect',
      'gpioget -c gpiochip0 17 27 22 23',
      'gpiomon --banner -c gpiochip0 --debounce-period 10ms 17 27 22 23',
      'gpiomon --version',
      'gpioset --banner -c gpiochip0 24=0',
      'gpioset --banner -c gpiochip0 25=0',
    ]);
    expect(gpio.read('finger_touch')).toBe(1);
    tools.emit(v2Event('falling', 23), v2Event('rising', 27));
    await until(() => gpio.diagnostics().monitors[0]!.edges === 2, 'two edges');
    timers.advance(50);
    expect(changes.map((c) => [c.line, c.value, c.active])).toEqual([['finger_touch', 0, true], ['motion', 1, true]]);
  });

  it('uses whichever character device carries the label (Pi 5 RP1 as gpiochip4 before kernel 6.6.45)', async () => {
    const onRp1 = Object.fromEntries(Object.entries(DEFAULT_LINES).map(([n, l]) => [n, { ...l, chip: 'pinctrl-rp1' }])) as Record<LineName, LineConfig>;
    const { tools, starting, gpio } = gpiodRig({
      version: 2, chips: [{ name: 'gpiochip0', label: 'gpio-brcmstb@107d508500', lines: 32 }, { name: 'gpiochip4', label: 'pinctrl-rp1', lines: 54 }],
    }, { lines: onRp1 });
    await starting;
    expect(gpio.health()).toBe('ok');
    expect(tools.monitorRuns().map((c) => c.args.join(' '))).toEqual(['--banner -c gpiochip4 --debounce-period 10ms 17 27 22 23']);
  });

  it('is in error, naming the labels found, when the configured chip is missing, and starts no line tool', async () => {
    const { tools, starting, gpio } = gpiodRig({ version: 2, chips: [{ name: 'gpiochip0', label: 'pinctrl-rp1', lines: 54 }] });
    await starting;
    expect(gpio.health()).toBe('error');
    expect(gpio.reasons()[0]).toMatch(/chip 'pinctrl-bcm2711', but gpiodetect shows no chip with that label \(found: pinctrl-rp1\)/);
    expect(commandLines(tools)).toEqual(['gpiodetect', 'gpiomon --version']);
  });

  it('is absent, saying what to install, when the tools are not there', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-gpiod-'));
    try {
      const { starting, gpio } = gpiodRig({}, { toolsDir: empty });
      await starting;
      expect(gpio.health()).toBe('absent');
      expect(gpio.reasons()).toEqual([`gpiomon was not found in ${empty}: install Debian's gpiod package (sudo apt install gpiod)`]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('ignores and counts lines it does not understand, saying so once', async () => {
    const { tools, timers, gpio, changes, logs, starting } = gpiodRig({ version: 2 });
    await starting;
    tools.emit('gpiomon: warning: something odd', '\u0007\u0000binary', v2Event('rising', 17), '1234.5\trising\tgpiochip0 40', '');
    await until(() => gpio.diagnostics().monitors[0]!.garbageLines === 3, 'three garbage lines');
    timers.advance(50);
    expect(changes.map((c) => c.line)).toEqual(['door']);
    expect(gpio.diagnostics().monitors[0]).toMatchObject({ edges: 1, garbageLines: 3 });
    expect(logs.filter((l) => l.includes('does not understand'))).toEqual([
      'gpio gpiod: gpiomon for gpiochip0 printed a line this driver does not understand (ignored and counted): "gpiomon: warning: something odd"',
    ]);
    expect(gpio.health()).toBe('ok');
  });

  it('restarts a crashing gpiomon with doubling, capped backoff, degraded meanwhile, and recovers', async () => {
    const crash = { behaviour: 'crash' as const, stderr: 'gpiomon: error waiting for events: Input/output error' };
    const { tools, timers, gpio, health, logs, starting } = gpiodRig(
      { version: 2, monitor: [crash, crash, crash, crash, { behaviour: 'run' }] },
      { restartMinMs: 500, restartMaxMs: 1500 },
    );
    await starting;
    const waits: number[] = [];
    const waiting = () => gpio.diagnostics().monitors[0]!.pid === null && timers.nextDelay() !== null;
    for (let run = 1; run <= 4; run += 1) {
      await until(waiting, `the restart after crash ${run}`);
      expect(gpio.health()).toBe('degraded');
      waits.push(timers.nextDelay()!);
      timers.advance(timers.nextDelay()!);
    }
    expect(waits).toEqual([500, 1000, 1500, 1500]);
    await until(() => gpio.health() === 'ok', 'recovery');
    expect(tools.monitorRuns()).toHaveLength(5);
    expect(health).toEqual(['ok', 'degraded', 'ok']);
    expect(logs).toContain('gpio gpiod: gpiomon for gpiochip0 exited with code 1 (gpiomon: error waiting for events: Input/output error); starting it again in 500 ms');
  });

  it('ends a v2 gpiomon that prints no banner (hung), restarts it, and is ok once the new one is up', async () => {
    const { tools, timers, gpio, starting } = gpiodRig({ version: 2, monitor: [{ behaviour: 'hang' }, { behaviour: 'run' }] }, { readyTimeoutMs: 5000 });
    // Only the gpiomon's banner timer left: the gpiosets have printed theirs.
    await until(() => tools.monitorRuns().length === 1 && timers.count === 1 && timers.nextDelay() === 5000, 'the hung gpiomon');
    const hung = tools.monitorRuns()[0]!.pid;
    timers.advance(5000);
    await starting;
    expect(gpio.health()).toBe('degraded');
    expect(gpio.reasons()).toEqual([expect.stringMatching(/gpiomon watching gpiochip0 printed no banner within 5000 ms \(hung\) and was ended/)]);
    expect(alive(hung)).toBe(false);
    await until(() => timers.nextDelay() === 500, 'the restart');
    timers.advance(500);
    await until(() => gpio.health() === 'ok', 'the second gpiomon');
    expect(tools.monitorRuns()).toHaveLength(2);
  });

  it('holds each output with a gpioset that stays running, replacing it to change the level', async () => {
    const { tools, gpio, starting } = gpiodRig({ version: 2 });
    await starting;
    gpio.write('led', 1);
    gpio.write('led', 0);
    gpio.write('led', 1);
    await gpio.flush();
    expect(gpio.read('led')).toBe(1);
    const led = () => tools.calls('gpioset').filter((c) => c.args.at(-1)?.startsWith('24='));
    await until(() => led().at(-1)?.args.at(-1) === '24=1', 'the new gpioset');
    expect(led().at(-1)!.args).toEqual(['--banner', '-c', 'gpiochip0', '24=1']);
    expect(led().filter((c) => alive(c.pid)).map((c) => c.args.at(-1))).toEqual(['24=1']);
    expect(() => gpio.write('door', 1)).toThrow("GPIO line 'door' is not an output");
  });

  it('reports a gpioset that cannot hold its line, without throwing', async () => {
    const { gpio, logs, starting } = gpiodRig({ version: 1, setFails: true });
    await starting;
    await until(() => gpio.health() === 'degraded', 'the failed gpioset');
    expect(() => gpio.write('led', 1)).not.toThrow();
    await gpio.flush();
    await until(() => gpio.reasons().some((r) => r.includes("could not drive GPIO output 'led' to 1")), 'the failed write');
    expect(logs).toContain("gpio gpiod: could not drive GPIO output 'led' to 1: gpioset exited with code 1 (gpioset: error setting the GPIO line values: Device or resource busy); check that no other program holds the line");
  });

  it('holds back a chattering line and says so once', async () => {
    const { tools, timers, gpio, changes, chatter, starting } = gpiodRig({ version: 1 });
    await starting;
    tools.emit(...Array.from({ length: 30 }, (_, i) => v1Event(i % 2 ? 'FALLING' : 'RISING', 17)));
    await until(() => gpio.diagnostics().monitors[0]!.edges === 30, 'the burst');
    timers.advance(100);
    expect(chatter).toEqual([{ line: 'door', edgesPerSecond: 21, at: expect.any(Number) }]);
    expect(changes).toEqual([]);
    expect(gpio.health()).toBe('degraded');
    timers.advance(1000);
    expect(gpio.health()).toBe('ok');
  });

  it('stop ends every gpiomon and gpioset (a sounding output driven low first) and leaves no timer', async () => {
    const { tools, timers, gpio, changes, starting } = gpiodRig({ version: 2 });
    await starting;
    gpio.write('buzzer', 1);
    await gpio.flush();
    const buzzer = () => tools.calls('gpioset').filter((c) => c.args.at(-1)?.startsWith('25='));
    await until(() => buzzer().some((c) => c.args.at(-1) === '25=1'), 'the buzzer on');
    tools.emit(v2Event('rising', 17));
    await until(() => gpio.diagnostics().monitors[0]!.edges === 1, 'the edge');
    expect(timers.count).toBe(1); // the door's debounce
    await gpio.stop();
    expect(tools.running()).toEqual([]);
    expect(timers.count).toBe(0);
    expect(buzzer().at(-1)!.args).toEqual(['-t0', '-c', 'gpiochip0', '25=0']); // set low, then exited
    timers.advance(1000);
    expect(changes).toEqual([]);
    expect(gpio.health()).toBe('absent');
  });

  it('kills a gpiomon that ignores SIGTERM once the grace period is over', async () => {
    const { tools, timers, gpio, starting } = gpiodRig({ version: 1, monitor: [{ behaviour: 'stubborn' }] }, { killGraceMs: 2000 });
    await starting;
    await until(() => tools.monitorRuns().length === 1, 'gpiomon');
    const stopping = gpio.stop();
    await until(() => timers.nextDelay() === 2000, 'the grace period');
    expect(alive(tools.monitorRuns()[0]!.pid)).toBe(true);
    timers.advance(2000);
    await stopping;
    expect(tools.running()).toEqual([]);
    expect(timers.count).toBe(0);
  });
});
