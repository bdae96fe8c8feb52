import type { Timers } from '../shared/timers.js';
import { GpiodGpio } from './gpiod/driver.js';
import type { OnoffModule } from './onoff/onoff-module.js';
import { OnoffGpio } from './onoff/driver.js';
import { DEFAULT_LINES, type GpioPort, type LineConfig, type LineName } from './port.js';
import { SimulatedGpio } from './simulator.js';

export type {
  GpioPort, GpioEvents, GpioHealth, Level, LineChange, LineChatter, LineConfig, LineName, EdgeKind,
} from './port.js';
export { DEFAULT_LINES, LINE_NAMES } from './port.js';
export { SimulatedGpio } from './simulator.js';
export { OnoffGpio } from './onoff/driver.js';
export { GpiodGpio } from './gpiod/driver.js';
export { DEFAULT_CHATTER_LIMIT } from './line-filter.js';

export const GPIO_DRIVERS = ['onoff', 'gpiod', 'sim'] as const;

export interface GpioConfig {
  driver: string;
  lines?: Partial<Record<LineName, LineConfig>>;
  /** onoff: where sysfs is mounted, for finding chips by label (default /sys). */
  sysfsRoot?: string;
  /** gpiod: the directory holding gpiomon, gpioget, gpioset and gpiodetect (default: the PATH). */
  toolsDir?: string;
  /** Raw edges per second above which a line counts as chattering (default 20; 0 turns it off). */
  chatterLimit?: number;
}

/** What the composition root, provisioning and tests may hand the drivers. */
export interface GpioDeps {
  log?: (line: string) => void;
  timers?: Timers;
  /** onoff only: how to load the onoff module (tests pass a fake). */
  loadOnoff?: () => Promise<OnoffModule>;
}

/** The configured lines: the defaults, replaced line by line by the configuration. */
export function configuredLines(config: Pick<GpioConfig, 'lines'>): Record<LineName, LineConfig> {
  return { ...DEFAULT_LINES, ...config.lines } as Record<LineName, LineConfig>;
}

/** Builds the configured GPIO driver. Nothing touches the hardware before start(). */
export function createGpio(config: GpioConfig, deps: GpioDeps = {}): GpioPort {
  const lines = configuredLines(config);
  const { chatterLimit } = config;
  switch (config.driver) {
    case 'sim':
      return new SimulatedGpio(lines, { chatterLimit, timers: deps.timers });
    case 'onoff':
      return new OnoffGpio({ lines, sysfsRoot: config.sysfsRoot, chatterLimit, ...deps });
    case 'gpiod':
      return new GpiodGpio({ lines, toolsDir: config.toolsDir, chatterLimit, log: deps.log, timers: deps.timers });
    default:
      throw new Error(`Unknown gpio driver '${config.driver}'; choose one of: ${GPIO_DRIVERS.join(', ')}`);
  }
}
