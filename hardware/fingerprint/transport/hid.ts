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
import {
  asError,
  loadNodeHid,
  defaultDriverType,
  type HidDeviceHandle,
  type HidDeviceInfo,
  type HidDriverType,
  type NodeHidLike,
  type NodeHidLoadOptions,
} from './node-hid.js';
import { TransportAbsentError, type ByteTransport, type ByteTransportEvents } from './transport.js';

export type { HidDeviceHandle, HidDeviceInfo, HidDriverType, NodeHidLike, NodeHidLoadOptions } from './node-hid.js';

export type HidBridgeKind = 'cp2110' | 'ft260';

export interface HidTransportOptions extends NodeHidLoadOptions {
  bridge: HidBridgeKind;
  /** Defaults per bridge: CP2110 10C4:EA80, FT260 0403:6030. */
  vendorId?: number;
  productId?: number;
  /** A hidraw path (or the OS's HID path); when given it wins over vendorId/productId. */
  path?: string;
  /** UART speed between the bridge and the module. Default 57600 (the R30x default). */
  baudRate?: number;
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
      await this.configure(handle, path);
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

  private async configure(handle: HidDeviceHandle, path: string): Promise<void> {
    for (const report of this.spec.openFeatureReports(this.baudRate)) {
      try {
        await handle.sendFeatureReport(toBuffer(report));
      } catch (error) {
        const id = `0x${hex2(report[0] ?? 0)}`;
        throw new Error(`Could not configure the ${this.spec.label} UART at ${path} (feature report ${id}): ${asError(error).message}`);
      }
    }
  }

  private async findPath(hid: NodeHidLike): Promise<string> {
    // With several bridges plugged in, the first one wins; set `path` to choose.
    const chosen = uartInterfaces(this.spec, await hid.devicesAsync(), this.vendorId, this.productId)[0];
    if (!chosen?.path) {
      throw new TransportAbsentError(
        `No ${this.spec.label} HID bridge (${hex4(this.vendorId)}:${hex4(this.productId)}) found. Is the fingerprint reader plugged in?`,
      );
    }
    return chosen.path;
  }

  private receive(report: Buffer): void {
    // As a plain Uint8Array, so unwrap's slice() copies (Buffer#slice would hand out a view).
    const bytes = this.spec.unwrap(new Uint8Array(report.buffer, report.byteOffset, report.byteLength));
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
export async function listHidBridges(options: NodeHidLoadOptions = {}): Promise<HidBridgeInfo[]> {
  const hid = await loadNodeHid(options);
  const devices = await hid.devicesAsync();
  const found: HidBridgeInfo[] = [];
  for (const bridge of Object.keys(BRIDGES) as HidBridgeKind[]) {
    for (const device of uartInterfaces(BRIDGES[bridge], devices)) {
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

/** The enumerated HID interfaces that are this bridge's UART. */
function uartInterfaces(spec: BridgeSpec, devices: HidDeviceInfo[], vendorId = spec.vendorId, productId = spec.productId) {
  return spec.uartInterfaces(devices.filter((d) => d.vendorId === vendorId && d.productId === productId && d.path));
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

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
