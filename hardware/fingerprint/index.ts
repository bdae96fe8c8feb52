import { SimulatedFingerprint } from './simulator.js';
import type { FingerprintPort } from './port.js';

export type {
  FingerprintPort, FingerprintEvents, FingerprintHealth, Identification, ReaderInfo, EnrolRequest, EnrolOutcome,
  EnrolmentProgress, EnrolmentProblem,
} from './port.js';
export { ReaderUnavailableError } from './port.js';
export { SimulatedFingerprint } from './simulator.js';

export type FingerprintConfig =
  | { driver: 'sim'; sensorId?: string; capacity?: number; enrolledSlots?: number[] }
  | { driver: 'hid'; vendorId?: number; productId?: number; path?: string }
  | { driver: 'serial'; path: string; baudRate?: number };

export const FINGERPRINT_DRIVERS = ['hid', 'serial', 'sim'] as const;

/** Builds the configured fingerprint driver. Real drivers land with the fingerprint-reader issue. */
export function createFingerprint(config: { driver: string } & Record<string, unknown>): FingerprintPort {
  switch (config.driver) {
    case 'sim': {
      const c = config as Extract<FingerprintConfig, { driver: 'sim' }>;
      return new SimulatedFingerprint({ sensorId: c.sensorId, capacity: c.capacity, enrolledSlots: c.enrolledSlots });
    }
    case 'hid':
    case 'serial':
      throw new Error(`Fingerprint driver '${config.driver}' is not available in this version; choose 'sim' until the real reader driver is installed`);
    default:
      throw new Error(`Unknown fingerprint driver '${config.driver}'; choose one of: ${FINGERPRINT_DRIVERS.join(', ')}`);
  }
}
