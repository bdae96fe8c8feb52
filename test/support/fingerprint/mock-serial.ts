import { createRequire } from 'node:module';
import type { MockBindingInterface, MockPortBinding } from '@serialport/binding-mock' with { 'resolution-mode': 'require' };
import type {
  BindingInterface,
  BindingPortInterface,
  OpenOptions,
  PortInfo,
} from '@serialport/bindings-interface' with { 'resolution-mode': 'require' };
import type { ByteDevice } from './byte-device.js';

// binding-mock's package.json gives types only to require(), so load it the way its types describe.
const { MockBinding } = createRequire(import.meta.url)('@serialport/binding-mock') as {
  MockBinding: MockBindingInterface;
};

/*
 * A serial line for the serial transport's tests, built on @serialport/binding-mock (serialport.io
 * "Binding-Mock": `MockBinding.createPort(path)` registers a port, `port.emitData(bytes)` makes bytes
 * arrive for the host, `port.lastWrite` / `recording` show what the host wrote). Around it:
 * - host writes go to the device's `receive`, and the device's transmissions arrive via `emitData`;
 * - opening an absent port fails the way the real binding does ("Error: No such file or directory,
 *   cannot open …"), not with MockBinding's own "Port does not exist" text, so the transport's error
 *   mapping is tested against the real wording; likewise "Permission denied";
 * - unplug fails the pending read with an I/O error, as bindings-cpp's poller does when a USB adapter
 *   goes away, which makes SerialPortStream close and emit 'close' with a DisconnectedError.
 */

export class MockSerialLine {
  /** The binding to pass to SerialTransport: `new SerialTransport({ path, binding: line.binding })`. */
  readonly binding: BindingInterface;
  /** Everything the host wrote, in order. */
  readonly written: number[] = [];
  /** When true, opening fails with "Permission denied" (no dialout group membership). */
  permissionDenied = false;
  /** The options of the latest successful open (to check 8N1, no flow control, baud). */
  lastOpenOptions: OpenOptions | null = null;
  private present = true;
  private port: LinePort | null = null;
  private device: ByteDevice | null = null;
  private detachDevice: (() => void) | null = null;

  constructor(readonly path = '/dev/ttyUSB0') {
    this.binding = {
      open: (options: OpenOptions) => this.open(options),
      list: async (): Promise<PortInfo[]> => (this.present ? MockBinding.list() : []),
    };
  }

  get plugged(): boolean {
    return this.present;
  }

  get isOpen(): boolean {
    return this.port !== null && this.port.isOpen;
  }

  /** Connects `device` to the far end of the line. */
  attach(device: ByteDevice): void {
    this.detachDevice?.();
    this.device = device;
    // Bytes sent while no port is open are lost, as on a real line.
    this.detachDevice = device.onTransmit((bytes) => this.port?.fromDevice(bytes));
  }

  /** Pulls the adapter: the open port's read fails with EIO and the path stops existing. */
  unplug(): void {
    this.present = false;
    this.port?.fail(new Error('EIO: i/o error, read'));
  }

  replug(): void {
    this.present = true;
  }

  hostWrote(bytes: Buffer): void {
    this.written.push(...bytes);
    this.device?.receive(Uint8Array.from(bytes));
  }

  private async open(options: OpenOptions): Promise<BindingPortInterface> {
    if (options.path !== this.path || !this.present) {
      throw new Error(`Error: No such file or directory, cannot open ${options.path}`);
    }
    if (this.permissionDenied) throw new Error(`Error: Permission denied, cannot open ${options.path}`);
    MockBinding.createPort(this.path);
    const inner = await MockBinding.open(options);
    this.lastOpenOptions = options;
    this.port = new LinePort(inner, this);
    return this.port;
  }
}

/** MockBinding's port with the line's device on the far end and a way to fail like an unplug. */
class LinePort implements BindingPortInterface {
  private failure: Error | null = null;
  private rejectRead: ((error: Error) => void) | null = null;

  constructor(
    private readonly inner: MockPortBinding,
    private readonly line: MockSerialLine,
  ) {}

  get isOpen(): boolean {
    return this.inner.isOpen;
  }

  get openOptions(): Required<OpenOptions> {
    return this.inner.openOptions;
  }

  fromDevice(bytes: Uint8Array): void {
    if (this.inner.isOpen && !this.failure) this.inner.emitData(Buffer.from(bytes));
  }

  fail(error: Error): void {
    this.failure = error;
    this.rejectRead?.(error);
    this.rejectRead = null;
  }

  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.rejectRead = reject;
      this.inner.read(buffer, offset, length).then(resolve, reject);
    });
  }

  async write(buffer: Buffer): Promise<void> {
    if (this.failure) throw new Error('EIO: i/o error, write');
    await this.inner.write(buffer);
    this.line.hostWrote(buffer);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  update(options: { baudRate: number }): Promise<void> {
    return this.inner.update(options);
  }

  set(options: Parameters<MockPortBinding['set']>[0]): Promise<void> {
    return this.inner.set(options);
  }

  get(): ReturnType<MockPortBinding['get']> {
    return this.inner.get();
  }

  getBaudRate(): Promise<{ baudRate: number }> {
    return this.inner.getBaudRate();
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }

  drain(): Promise<void> {
    return this.inner.drain();
  }
}
