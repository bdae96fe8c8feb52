import { readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
// bindings-interface's package.json has no "types" for import, so resolve its types as a require would.
import type { BindingInterface, PortInfo } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' };
import type { SerialPortStream } from '@serialport/stream';
import { TypedEmitter } from '../../shared/typed-emitter.js';
import { TransportAbsentError, type ByteTransport, type ByteTransportEvents } from './transport.js';

/*
 * serialport v13 reference (serialport.io docs "SerialPort", "Stream", "Binding-Mock", and
 * @serialport/stream's source):
 * - `new SerialPort({ path, baudRate, autoOpen: false })` is a SerialPortStream with the platform's
 *   binding; `new SerialPortStream({ binding, path, baudRate })` takes any binding (tests: MockBinding).
 * - A failed read or write that is not a cancellation (unplugged adapter) makes the stream close itself
 *   and emit 'close' with a DisconnectedError (`disconnected: true`); a failed write also emits 'error'.
 * - Opening a missing device fails with "Error: No such file or directory, cannot open /dev/…"; no access
 *   with "Error: Permission denied, cannot open /dev/…" (bindings-cpp serialport_unix.cpp, strerror).
 * - `SerialPort.list()` on Linux runs `udevadm info -e` and rejects when udev is not installed.
 */

export interface SerialTransportOptions {
  /** /dev/ttyUSB0, /dev/serial0, or better a stable /dev/serial/by-id/… link. */
  path: string;
  /** Default 57600, the R30x default. */
  baudRate?: number;
  /** A serialport binding; tests pass a mock (test/support/fingerprint/mock-serial.ts). Default: the platform's. */
  binding?: BindingInterface;
}

/** A ByteTransport over a serial port (USB-TTL adapter or the Pi's UART), 8N1 without flow control. */
export class SerialTransport implements ByteTransport {
  readonly events = new TypedEmitter<ByteTransportEvents>();
  private readonly baudRate: number;
  private port: SerialPortStream | null = null;
  private opening: Promise<void> | null = null;

  constructor(private readonly options: SerialTransportOptions) {
    this.baudRate = options.baudRate ?? 57600;
  }

  get description(): string {
    return `serial ${this.options.path} ${this.baudRate}`;
  }

  open(): Promise<void> {
    if (this.port) return Promise.resolve();
    this.opening ??= this.openOnce().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async openOnce(): Promise<void> {
    const settings = {
      path: this.options.path,
      baudRate: this.baudRate,
      dataBits: 8 as const,
      parity: 'none' as const,
      stopBits: 1 as const,
      rtscts: false,
      xon: false,
      xoff: false,
      autoOpen: false,
    };
    let port: SerialPortStream;
    if (this.options.binding) {
      const { SerialPortStream } = await importSerialModule(() => import('@serialport/stream'));
      port = new SerialPortStream({ ...settings, binding: this.options.binding });
    } else {
      const { SerialPort } = await importSerialModule(() => import('serialport'));
      port = new SerialPort(settings);
    }
    // Listen before opening: an 'error' without a listener would crash the process.
    port.on('error', (error: Error) => this.gone(port, error));
    port.on('close', (error: Error | null) => {
      if (error) this.gone(port, error);
      else this.gone(port, new Error(`${this.options.path} closed unexpectedly`));
    });
    await new Promise<void>((resolve, reject) => {
      port.open((error) => (error ? reject(openError(error, this.options.path)) : resolve()));
    });
    this.port = port;
    port.on('data', (chunk: Buffer) => this.events.emit('data', new Uint8Array(chunk)));
  }

  write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port) return Promise.reject(new Error(`${this.description} is not open`));
    // The stream queues writes in order, so packets never interleave. A failed write also closes the
    // port (the stream's disconnect handling), which reaches `closed` through the 'close' listener.
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (error) => (error ? reject(error) : resolve()));
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.port = null;
    await new Promise<void>((resolve) => {
      // A close error means the port is already unusable: nothing more to free.
      port.close(() => resolve());
    });
    this.events.emit('closed', { error: null });
  }

  private gone(port: SerialPortStream, error: Error): void {
    // Events from a port we closed ourselves, or already reported, are not news.
    if (this.port !== port) return;
    this.port = null;
    if (port.isOpen) port.close();
    this.events.emit('closed', { error });
  }
}

/** One candidate port for the technician command. */
export interface SerialPortListing {
  path: string;
  /** Where a /dev/serial/by-id link points, when listed from /dev. */
  target?: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

export interface ListSerialPortsOptions {
  /** Default: serialport's `SerialPort.list()`, loaded lazily. */
  list?: () => Promise<PortInfo[]>;
  /** Default '/dev'; tests point it at a temporary folder. */
  devRoot?: string;
}

/**
 * Serial ports a reader could be on. Asks serialport first; where that fails (no udev in a container,
 * serialport missing) it lists /dev: the stable /dev/serial/by-id links, USB adapters (ttyUSB*, ttyACM*)
 * and the Pi's UART (serial0, ttyAMA*).
 */
export async function listSerialPorts(options: ListSerialPortsOptions = {}): Promise<SerialPortListing[]> {
  try {
    const ports = options.list ? await options.list() : await listWithSerialport();
    return ports.map((p) => ({
      path: p.path,
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
    }));
  } catch {
    return listDevSerialPorts(options.devRoot ?? '/dev');
  }
}

async function listWithSerialport(): Promise<PortInfo[]> {
  const { SerialPort } = await importSerialModule(() => import('serialport'));
  return SerialPort.list();
}

const DEV_PORT_NAME = /^(ttyUSB\d+|ttyACM\d+|ttyAMA\d+|serial0)$/;

async function listDevSerialPorts(devRoot: string): Promise<SerialPortListing[]> {
  const listings: SerialPortListing[] = [];
  const byId = join(devRoot, 'serial', 'by-id');
  for (const name of (await namesIn(byId)).sort()) {
    const path = join(byId, name);
    const target = await realpath(path).catch(() => undefined);
    listings.push(target ? { path, target } : { path });
  }
  for (const name of (await namesIn(devRoot)).filter((n) => DEV_PORT_NAME.test(n)).sort()) {
    listings.push({ path: join(devRoot, name) });
  }
  return listings;
}

async function namesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

async function importSerialModule<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new Error(
      `The serial fingerprint transport needs the serialport package, which could not be loaded: ${asError(error).message}. ` +
        `Reinstall the kiosk's packages (npm ci).`,
    );
  }
}

function openError(error: Error, path: string): Error {
  const message = error.message;
  if (/No such file|ENOENT/i.test(message)) {
    return new TransportAbsentError(`No serial port at ${path} (${message}). Is the fingerprint reader's adapter plugged in?`);
  }
  if (/Permission denied|EACCES|EPERM/i.test(message)) {
    return new Error(
      `Permission denied opening ${path}. Add the kiosk user to the dialout group ("usermod -aG dialout <user>", ` +
        `then log in again), or install a udev rule such as SUBSYSTEM=="tty", ATTRS{idVendor}=="1a86", MODE="0660", GROUP="dialout" ` +
        `in /etc/udev/rules.d/ and replug the adapter.`,
    );
  }
  if (/lock/i.test(message)) {
    return new Error(`${path} is in use by another program (${message}); stop it (e.g. a serial console on the Pi's UART).`);
  }
  return new Error(`Could not open ${path}: ${message}`);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
