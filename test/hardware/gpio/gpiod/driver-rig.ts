import { afterEach } from 'vitest';
import { GpiodGpio, type GpiodGpioOptions } from '../../../../hardware/gpio/gpiod/driver.js';
import { DEFAULT_LINES, type GpioHealth, type LineChange, type LineChatter } from '../../../../hardware/gpio/port.js';
import { FakeGpiodTools, PI4_CHIPS, type FakeScenario } from '../../../support/gpio/fake-gpiod.js';
import { ManualTimers } from '../../../support/gpio/manual-timers.js';

export { until } from '../../../support/gpio/until.js';

const started: { gpio: GpiodGpio; tools: FakeGpiodTools }[] = [];

/** Stops every driver a test started and removes its fake tools, even when the test failed. */
export function cleanUpDrivers(): void {
  afterEach(async () => {
    for (const { gpio, tools } of started.splice(0)) {
      await gpio.stop();
      tools.remove();
    }
  });
}

/**
 * A GpiodGpio over fake gpiod tools on a Pi 4 chip layout (call button and finger touch at rest, high),
 * its driver timers on a ManualTimers clock, with what it reported collected. `start` is not awaited:
 * a test of a hung first gpiomon has to move the clock before start() can resolve.
 */
export function gpiodRig(scenario: Partial<FakeScenario> = {}, options: Partial<GpiodGpioOptions> = {}) {
  const tools = new FakeGpiodTools({ version: 1, chips: PI4_CHIPS, values: { gpiochip0: { 22: 1, 23: 1 } }, ...scenario });
  const timers = new ManualTimers();
  const changes: LineChange[] = [];
  const chatter: LineChatter[] = [];
  const health: GpioHealth[] = [];
  const logs: string[] = [];
  const gpio = new GpiodGpio({ lines: DEFAULT_LINES, toolsDir: tools.dir, timers, log: (line) => logs.push(line), ...options });
  gpio.events.on('change', (c) => changes.push(c));
  gpio.events.on('chatter', (c) => chatter.push(c));
  gpio.events.on('health', (h) => health.push(h));
  started.push({ gpio, tools });
  const starting = gpio.start();
  return { tools, timers, gpio, changes, chatter, health, logs, starting };
}

/** The tool invocations as command lines, sorted (processes log themselves, in no fixed order). */
export function commandLines(tools: FakeGpiodTools): string[] {
  return tools.calls().map((c) => [c.tool, ...c.args].join(' ')).sort();
}
