import { TypedEmitter } from '../../shared/typed-emitter.js';
import {
  CP2110_PRODUCT_ID,
  CP2110_VENDOR_ID,
  cp2110DataReports,
  cp2110OpenFeatureReports,
  cp2110UnwrapReport,
} from './cp2110.js';
import {
  FT260_CHIP_VERSION_LENGTH,
  FT260_FEATURE_CHIP_VERSION,
  FT260_KEEP_AWAKE_MS,
  FT260_PRODUCT_ID,
  FT260_UART_INTERFACE,
  FT260_VENDOR_ID,
  ft260DataReports,
  ft260OpenFeatureReports,
  ft260UnwrapReport,
} from './ft260.js';
import { TransportAbsentError, type ByteTransport, type ByteTransportEvents } from './transport.js';

/*
 * node-hid v3 reference (its README, "Async API Usage" / "Complete Async API", and nodehid.d.ts):
 * - `devicesAsync()` enumerates; `HIDAsync.open(path)` opens; both return promises. The sync calls can
 *   stall the event loop while the OS enumerates, so this file uses only the async ones.
 * - A device is an EventEmitter: input reports arrive as 'data' only while a 'data' listener exists;
 *   a failed read (device unplugged) arrives as 'error'.
 * - `write()` / `sendFeatureReport()` take the report id as the first byte and the exact report length.
 * - `setDriverType('hidraw' | 'libusb')` picks the Linux backend and only counts before the native
 *   binding is first loaded (the first devicesAsync/open): it is process-wide.
 * Reports read include the report id as byte 0 because both bridges use numbered reports.
 */

export type HidBridgeKind = 'cp2110' | 'ft260';
export type HidDriverType = 'hidraw' | 'libusb';

/** One entry of node-hid's enumeration (the fields this code reads). */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  serialNumber?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  interface: number;
}

/** An open node-hid `HIDAsync` device (the methods this code calls). */
export interface HidDeviceHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  write(report: number[] | Buffer): Promise<number>;
  sendFeatureReport(report: number[] | Buffer): Promise<number>;
  getFeatureReport(reportId: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** The slice of the node-hid module this transport uses; tests pass a fake (test/support/fingerprint/fake-hid.ts). */
export interface NodeHidLike {
  devicesAsync(): Promise<HidDeviceInfo[]>;
  HIDAsync: { open(path: string): Promise<HidDeviceHandle> };
  setDriverType(type: HidDriverType): void;
}

export interface HidTransportOptions {
  bridge: HidBridgeKind;
  /** Defaults per bridge: CP2110 10C4:EA80, FT260 0403:6030. */
  vendorId?: number;
  productId?: number;
  /** A hidraw path (or the OS's HID path); when given it wins over vendorId/productId. */
  path?: string;
  /** UART speed between the bridge and the module. Default 57600 (the R30x default). */
  baudRate?: number;
  /** Linux backend. Default 'hidraw' on Linux (no libusb, works with uhid for tests); not set elsewhere. */
  driverType?: HidDriverType;
  /** How to load node-hid; tests pass a fake. Default: a dynamic import, so machines without it still start. */
  loadHid?: () => Promise<NodeHidLike>;
}

/** What the technician command shows for each bridge found. */
export interface HidBridgeInfo {
  bridge: HidBridgeKind;
  path: string;
  vendorId: number;
  productId: number;
  product: string | undefined;
  serialNumber: string | undefined;
  interface: number;
}

interface BridgeSpec {
  label: string;
  vendorId: number;
  productId: number;
  openFeatureReports(baudRate: number): Uint8Array[];
  dataReports(bytes: Uint8Array): Uint8Array[];
  unwrap(report: Uint8Array): Uint8Array | null;
  /** Of the HID interfaces with the bridge's ids, the ones that carry the UART. */
  uartInterfaces(devices: HidDeviceInfo[]): HidDeviceInfo[];
  /** Something to do every `everyMs` while open so the chip keeps listening (FT260 power saving). */
  keepAwake?: { everyMs: number; touch(handle: HidDeviceHandle): Promise<unknown> };
}

const BRIDGES: Record<HidBridgeKind, BridgeSpec> = {
  cp2110: {
    label: 'CP2110',
    vendorId: CP2110_VENDOR_ID,
    productId: CP2110_PRODUCT_ID,
    openFeatureReports: cp2110OpenFeatureReports,
    dataReports: cp2110DataReports,
    unwrap: cp2110UnwrapReport,
    // One HID interface, the UART.
    uartInterfaces: (devices) => devices,
  },
  ft260: {
    label: 'FT260',
    vendorId: FT260_VENDOR_ID,
    productId: FT260_PRODUCT_ID,
    openFeatureReports: ft260OpenFeatureReports,
    dataReports: ft260DataReports,
    unwrap: ft260UnwrapReport,
    // With I2C and UART both enabled the UART is interface 1; a UART-only chip has one interface, and
    // without interface numbers (some platforms report -1) we cannot tell, so keep them all. Unsure: a
    // chip strapped I2C-only also shows one interface; reading its chip mode (feature 0xA1) would tell.
    uartInterfaces: (devices) => {
      const uart = devices.filter((d) => d.interface === FT260_UART_INTERFACE);
      return uart.length > 0 ? uart : devices;
    },
    keepAwake: {
      everyMs: FT260_KEEP_AWAKE_MS,
      touch: (handle) => handle.getFeatureReport(FT260_FEATURE_CHIP_VERSION, FT260_CHIP_VERSION_LENGTH),
    },
  },
};

/**
 * A ByteTransport over a HID-to-UART bridge (CP2110 or FT260) through node-hid's async API.
 * The bridge's report framing lives in cp2110.ts / ft260.ts; this class moves reports and watches for
 * the device going away.
 */
export class HidTransport implements ByteTransport {
  readonly events = new TypedEmitter<ByteTransportEvents>();
  private readonly spec: BridgeSpec;
  private readonly vendorId: number;
  private readonly productId: number;
  private readonly baudRate: number;
  private handle: HidDeviceHandle | null = null;
  private openedPath: string | null = null;
  private opening: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private keepAwakeTimer: ReturnType<typeof setInterval> | null = null;
  private ignored = 0;

  constructor(private readonly options: HidTransportOptions) {
    this.spec = BRIDGES[options.bridge];
    this.vendorId = options.vendorId ?? this.spec.vendorId;
    this.productId = options.productId ?? this.spec.productId;
    this.baudRate = options.baudRate ?? 57600;
  }

  get description(): string {
    const path = this.openedPath ?? this.options.path;
    return `hid ${this.options.bridge} ${hex4(this.vendorId)}:${hex4(this.productId)}${path ? ` ${path}` : ''}`;
  }

  /** Input reports that were not UART data (wrong id, bad length) since construction; for diagnostics. */
  get ignoredReports(): number {
    return this.ignored;
  }

  open(): Promise<void> {
    if (this.handle) return Promise.resolve();
    this.opening ??= this.openOnce().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async openOnce(): Promise<void> {
    const hid = await loadNodeHid(this.options);
    const path = this.options.path ?? (await this.findPath(hid));
    let handle: HidDeviceHandle;
    try {
      handle = await hid.HIDAsync.open(path);
    } catch (error) {
      throw openError(asError(error), path, this.spec, this.options.driverType ?? defaultDriverType());
    }
    // An 'error' with no listener would crash the process, so listen before anything can fail.
    handle.on('error', (error) => this.gone(handle, asError(error)));
    try {
      for (const report of this.spec.openFeatureReports(this.baudRate)) {
        try {
          await handle.sendFeatureReport(toBuffer(report));
        } catch (error) {
          throw new Error(
            `Could not configure the ${this.spec.label} UART at ${path} (feature report 0x${hex2(report[0] ?? 0)}): ${asError(error).message}`,
          );
        }
      }
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
    this.handle = handle;
    this.openedPath = path;
    // Listening for 'data' starts node-hid's read loop, so only once the UART is configured.
    handle.on('data', (report) => this.receive(report));
    this.startKeepAwake(handle);
  }

  private async findPath(hid: NodeHidLike): Promise<string> {
    const devices = await hid.devicesAsync();
    const matching = devices.filter((d) => d.vendorId === this.vendorId && d.productId === this.productId && d.path);
    // With several bridges plugged in, the first one wins; set `path` to choose.
    const chosen = this.spec.uartInterfaces(matching)[0];
    if (!chosen?.path) {
      throw new TransportAbsentError(
        `No ${this.spec.label} HID bridge (${hex4(this.vendorId)}:${hex4(this.productId)}) found. Is the fingerprint reader plugged in?`,
      );
    }
    return chosen.path;
  }

  private receive(report: Buffer): void {
    const bytes = this.spec.unwrap(report);
    if (bytes === null) {
      this.ignored += 1;
      return;
    }
    if (bytes.length > 0) this.events.emit('data', bytes);
  }

  write(bytes: Uint8Array): Promise<void> {
    // Serialised so the reports of two packets never interleave.
    const result = this.writing.then(() => this.writeReports(bytes));
    this.writing = result.catch(() => undefined);
    return result;
  }

  private async writeReports(bytes: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new Error(`${this.description} is not open`);
    for (const report of this.spec.dataReports(bytes)) {
      try {
        await handle.write(toBuffer(report));
      } catch (error) {
        // node-hid's "Cannot write to hid device": on hidraw that means the device is gone.
        const failure = asError(error);
        this.gone(handle, failure);
        throw failure;
      }
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.detach();
    await handle.close().catch(() => undefined);
    this.events.emit('closed', { error: null });
  }

  private gone(handle: HidDeviceHandle, error: Error): void {
    // Errors from an old handle (after close or a previous unplug) are not news.
    if (this.handle !== handle) return;
    this.detach();
    // Closing frees the hidraw node so a replug can be opened; it may fail now the device is gone.
    void handle.close().catch(() => undefined);
    this.events.emit('closed', { error });
  }

  private detach(): void {
    this.handle = null;
    if (this.keepAwakeTimer) clearInterval(this.keepAwakeTimer);
    this.keepAwakeTimer = null;
  }

  private startKeepAwake(handle: HidDeviceHandle): void {
    const keepAwake = this.spec.keepAwake;
    if (!keepAwake) return;
    this.keepAwakeTimer = setInterval(() => {
      keepAwake.touch(handle).catch((error: unknown) => this.gone(handle, asError(error)));
    }, keepAwake.everyMs);
    // The timer alone must not keep the process running.
    this.keepAwakeTimer.unref?.();
  }
}

/** CP2110 and FT260 bridges present now, for the technician command (FT260: its UART interface only). */
export async function listHidBridges(
  options: Pick<HidTransportOptions, 'driverType' | 'loadHid'> = {},
): Promise<HidBridgeInfo[]> {
  const hid = await loadNodeHid(options);
  const devices = await hid.devicesAsync();
  const found: HidBridgeInfo[] = [];
  for (const bridge of Object.keys(BRIDGES) as HidBridgeKind[]) {
    const spec = BRIDGES[bridge];
    const matching = devices.filter((d) => d.vendorId === spec.vendorId && d.productId === spec.productId && d.path);
    for (const device of spec.uartInterfaces(matching)) {
      found.push({
        bridge,
        path: device.path ?? '',
        vendorId: device.vendorId,
        productId: device.productId,
        product: device.product,
        serialNumber: device.serialNumber,
        interface: device.interface,
      });
    }
  }
  return found;
}

async function loadNodeHid(options: Pick<HidTransportOptions, 'driverType' | 'loadHid'>): Promise<NodeHidLike> {
  const hid = await (options.loadHid ?? importNodeHid)();
  const driverType = options.driverType ?? defaultDriverType();
  if (driverType) hid.setDriverType(driverType);
  return hid;
}

async function importNodeHid(): Promise<NodeHidLike> {
  try {
    return await import('node-hid');
  } catch (error) {
    throw new Error(
      `The HID fingerprint transport needs the node-hid package, which could not be loaded: ${asError(error).message}. ` +
        `Reinstall the kiosk's packages (npm ci); on Linux node-hid's hidraw build needs libudev1 and its libusb build libusb-1.0-0.`,
    );
  }
}

function defaultDriverType(): HidDriverType | undefined {
  return process.platform === 'linux' ? 'hidraw' : undefined;
}

function openError(error: Error, path: string, spec: BridgeSpec, driverType: HidDriverType | undefined): Error {
  const message = error.message;
  if (/No such file|ENOENT|No HID devices/i.test(message)) {
    return new TransportAbsentError(
      `The ${spec.label} HID bridge at ${path} is not there (${message}). Is the fingerprint reader plugged in?`,
    );
  }
  if (/Permission denied|EACCES|EPERM/i.test(message)) {
    const rule =
      driverType === 'libusb'
        ? `SUBSYSTEM=="usb", ATTR{idVendor}=="${hex4(spec.vendorId)}", ATTR{idProduct}=="${hex4(spec.productId)}", MODE="0660", GROUP="plugdev"`
        : `KERNEL=="hidraw*", ATTRS{idVendor}=="${hex4(spec.vendorId)}", ATTRS{idProduct}=="${hex4(spec.productId)}", MODE="0660", GROUP="plugdev"`;
    return new Error(
      `Permission denied opening the ${spec.label} HID bridge at ${path}. Add a udev rule in ` +
        `/etc/udev/rules.d/70-fingerprint.rules: ${rule}, add the kiosk user to the plugdev group, ` +
        `then run "udevadm control --reload && udevadm trigger" and replug the reader.`,
    );
  }
  return new Error(`Could not open the ${spec.label} HID bridge at ${path}: ${message}`);
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
