import type { TypedEmitter } from '../../shared/typed-emitter.js';

export interface ByteTransportEvents {
  /** Bytes from the module, in arrival order, split wherever the OS/bridge split them. */
  data: Uint8Array;
  /** The link went away (unplugged, port error). `error` null when close() was asked for. */
  closed: { error: Error | null };
}

/**
 * A byte pipe to the fingerprint module: a serial port or a HID-to-UART bridge. The R30x driver
 * only sees bytes; framing of bridge reports is the transport's business.
 */
export interface ByteTransport {
  /** For logs and the technician: "serial /dev/ttyUSB0 57600", "hid cp2110 10c4:ea80 /dev/hidraw0". */
  readonly description: string;
  readonly events: TypedEmitter<ByteTransportEvents>;
  /** Opens (and configures) the link. Throws TransportAbsentError when the device is not there. */
  open(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  /** Idempotent; emits `closed` with error null if it was open. */
  close(): Promise<void>;
}

/** The device or port does not exist (not plugged in, wrong path, no permission is reported separately). */
export class TransportAbsentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportAbsentError';
  }
}
