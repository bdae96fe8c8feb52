import { SimulatedGpio } from './simulator.js';
import { DEFAULT_LINES, type GpioPort, type LineConfig, type LineName } from './port.js';

export type { GpioPort, GpioEvents, GpioHealth, Level, LineChange, LineChatter, LineConfig, LineName, EdgeKind } from './port.js';
export { DEFAULT_LINES, LINE_NAMES } from './port.js';
export { SimulatedGpio } from './simulator.js';

export const GPIO_DRIVERS = ['onoff', 'gpiod', 'sim'] as const;

export interface GpioConfig {
  driver: string;
  lines?: Partial<Record<LineName, LineConfig>>;
}

/** Builds the configured GPIO driver. Real drivers land with the GPIO monitoring issue. */
export function createGpio(config: GpioConfig): GpioPort {
  const lines = { ...DEFAULT_LINES, ...config.lines } as Record<LineName, LineConfig>;
  switch (config.driver) {
    case 'sim':
      return new SimulatedGpio(lines);
    case 'onoff':
    case 'gpiod':
      throw new Error(`GPIO driver '${config.driver}' is not available in this version; choose 'sim' until the real GPIO driver is installed`);
    default:
      throw new Error(`Unknown gpio driver '${config.driver}'; choose one of: ${GPIO_DRIVERS.join(', ')}`);
  }
}
