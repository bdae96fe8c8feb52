import type { FingerprintConfig } from '../config.js';
import { HidTransport } from './hid.js';
import { SerialTransport } from './serial.js';
import type { ByteTransport } from './transport.js';

export type RealReaderConfig = Exclude<FingerprintConfig, { driver: 'sim' }>;

/**
 * A fresh transport for the configured reader. The reader makes one per connection attempt, so a
 * replugged adapter (a new hidraw node, a reappearing tty) is found again.
 */
export function transportFor(config: RealReaderConfig): ByteTransport {
  if (config.driver === 'serial') return new SerialTransport({ path: config.path, baudRate: config.baudRate });
  return new HidTransport({
    bridge: config.bridge ?? 'cp2110',
    vendorId: config.vendorId,
    productId: config.productId,
    path: config.path,
    baudRate: config.baudRate,
  });
}
