import type { GpioPort } from '../gpio/port.js';
import { DEFAULT_SENSOR_ID, FINGERPRINT_DRIVERS, type FingerprintConfig } from './config.js';
import type { FingerprintPort } from './port.js';
import { R30xReader } from './r30x/reader.js';
import type { TouchLine } from './r30x/watch.js';
import { SimulatedFingerprint } from './simulator.js';
import { transportFor } from './transport/create.js';

export type {
  FingerprintPort, FingerprintEvents, FingerprintHealth, Identification, ReaderInfo, EnrolRequest, EnrolOutcome,
  EnrolmentProgress, EnrolmentProblem,
} from './port.js';
export { ReaderUnavailableError } from './port.js';
export { SimulatedFingerprint } from './simulator.js';
export { R30xReader } from './r30x/reader.js';
export { R30xModule } from './r30x/module.js';
export { ModuleError, ModuleTimeoutError, ModuleDisconnectedError } from './r30x/errors.js';
export type { TouchLine } from './r30x/watch.js';
export { DEFAULT_SENSOR_ID, FINGERPRINT_DRIVERS, type FingerprintConfig } from './config.js';

/** The module's touch output wired to the GPIO line `finger_touch`: a touch is the line going active. */
export function gpioTouchLine(gpio: GpioPort): TouchLine {
  return {
    onTouch: (listener) => gpio.events.on('change', (change) => {
      if (change.line === 'finger_touch' && change.active) listener();
    }),
  };
}

/**
 * Builds the configured fingerprint driver. Real readers (serial, HID) are R30xReaders over a fresh
 * transport per connection attempt; their native modules load only when the reader first connects.
 * `simSlots` seeds the simulator's template table (the slots the database links to people).
 */
export function createFingerprint(config: FingerprintConfig, context: { gpio?: GpioPort; simSlots?: number[] } = {}): FingerprintPort {
  switch (config.driver) {
    case 'sim':
      return new SimulatedFingerprint({ sensorId: config.sensorId, capacity: config.capacity, enrolledSlots: context.simSlots });
    case 'serial':
    case 'hid':
      return new R30xReader({
        sensorId: config.sensorId ?? DEFAULT_SENSOR_ID,
        transport: () => transportFor(config),
        password: config.password,
        address: config.address,
        pollIntervalMs: config.pollIntervalMs,
        touchLine: config.touchLine && context.gpio ? gpioTouchLine(context.gpio) : undefined,
      });
    default: {
      const unknown: { driver: string } = config;
      throw new Error(`Unknown fingerprint driver '${unknown.driver}'; choose one of: ${FINGERPRINT_DRIVERS.join(', ')}`);
    }
  }
}
