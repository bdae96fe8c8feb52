import { EventEmitter } from 'node:events';
import type {
  HidDeviceHandle,
  HidDeviceInfo,
  HidDriverType,
  NodeHidLike,
} from '../../../hardware/fingerprint/transport/node-hid.js';
import type { ByteDevice } from './byte-device.js';
import { randomInt, seededRandom } from './random.js';

/*
 * A fake node-hid module with fake HID-to-UART bridges, for the HID transport's tests. Each bridge plays
 * the chip: it records the feature reports it is sent, unframes the host's output reports into UART
 * bytes for the device behind it, and frames the device's bytes into input reports of random sizes.
 * It passes bytes only once the host has configured the UART to match the device (8N1, no flow control,
 * the device's baud rate), as the real chip would deliver garbage otherwise.
 *
 * The framing here is written from the device's side on purpose, not imported from cp2110.ts/ft260.ts,
 * so a framing mistake in the transport shows up as a failed round trip instead of being mirrored.
 * Behaviour copied from node-hid v3 (nodehid.js, HIDAsync.cc): input reports flow only while a 'data'
 * listener exists; a failed read is an 'error' event; close() removes all listeners; error texts match.
 */

export interface FakeBridgeOptions {
  /** hidraw path of the UART interface. Default /dev/hidraw0 (CP2110) or /dev/hidraw1 (FT260). */
  path?: string;
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
  /** UART speed of the module behind the bridge. Default 57600. */
  baudRate?: number;
  /** Seed for the random input report sizes, so a failing run can be repeated. */
  seed?: number;
}

/** One bridge chip on the fake USB bus. */
export abstract class FakeBridge {
  /** Feature reports the host sent, in order, exactly as sent. */
  readonly featureReports: number[][] = [];
  /** Output reports the host sent to the UART interface. */
  readonly outputReports: number[][] = [];
  /** Input reports sent to the host. */
  readonly inputReports: number[][] = [];
  /** Output reports the chip could not make sense of (dropped). */
  malformedOutputReports = 0;
  /** UART bytes lost because the UART was not configured to match the device. */
  droppedBytes = 0;
  /** Paths of the HID interfaces that were opened, in order. */
  readonly openedPaths: string[] = [];
  /** When true, opening fails with "Permission denied" as without a udev rule. */
  permissionDenied = false;
  /** When true, the chip refuses feature reports (a flaky cable mid-configuration). */
  refuseFeatureReports = false;
  readonly path: string;
  readonly baudRate: number;
  protected readonly handles = new Set<FakeHidHandle>();
  private present = true;
  private device: ByteDevice | null = null;
  private detachDevice: (() => void) | null = null;
  private readonly random: () => number;

  protected constructor(defaultPath: string, options: FakeBridgeOptions) {
    this.path = options.path ?? defaultPath;
    this.baudRate = options.baudRate ?? 57600;
    this.random = seededRandom(options.seed ?? 0x5eed);
  }

  abstract readonly kind: 'cp2110' | 'ft260';
  /** What devicesAsync lists for this chip while it is plugged in. */
  abstract infos(): HidDeviceInfo[];
  /** Applies a feature report the host sent. */
  protected abstract applyFeature(report: number[]): void;
  /** True once the host configured the UART to match the device. */
  abstract uartReady(): boolean;
  /** The UART bytes of one output report, or null when malformed. */
  protected abstract unframe(report: number[]): number[] | null;
  /** One input report carrying `bytes` (at most maxReportData of them). */
  protected abstract frame(bytes: number[]): number[];
  protected abstract readonly maxReportData: number;
  /** Forgets the UART settings, as a power cycle does. */
  protected abstract resetUart(): void;

  get plugged(): boolean {
    return this.present;
  }

  /** Puts `device` behind the bridge's UART. */
  attach(device: ByteDevice): void {
    this.detachDevice?.();
    this.device = device;
    this.detachDevice = device.onTransmit((bytes) => this.fromDevice(bytes));
  }

  /**
   * Pulls the cable: open handles get node-hid's read 'error' (unless `quietly`, which leaves only the
   * next write to notice), writes fail, and the chip leaves the enumeration and forgets its UART setup.
   */
  unplug(options: { quietly?: boolean } = {}): void {
    this.present = false;
    this.resetUart();
    for (const handle of this.handles) {
      handle.kill();
      if (!options.quietly) handle.failRead(new Error('could not read data from device'));
    }
  }

  replug(): void {
    this.present = true;
  }

  /** Sends one raw input report to every open UART handle (for reports that are not UART data). */
  sendRawInputReport(report: number[]): void {
    this.inputReports.push(report);
    for (const handle of this.handles) if (handle.carriesUart) handle.deliver(report);
  }

  openHandle(path: string): FakeHidHandle {
    const carriesUart = path === this.path;
    const handle = new FakeHidHandle(this, carriesUart);
    this.handles.add(handle);
    this.openedPaths.push(path);
    return handle;
  }

  forget(handle: FakeHidHandle): void {
    this.handles.delete(handle);
  }

  hostFeature(report: number[], carriesUart: boolean): void {
    this.featureReports.push(report);
    if (carriesUart) this.applyFeature(report);
  }

  hostOutput(report: number[], carriesUart: boolean): void {
    if (!carriesUart) return;
    this.outputReports.push(report);
    const bytes = this.unframe(report);
    if (bytes === null) {
      this.malformedOutputReports += 1;
      return;
    }
    if (!this.uartReady()) {
      this.droppedBytes += bytes.length;
      return;
    }
    this.device?.receive(Uint8Array.from(bytes));
  }

  private fromDevice(bytes: Uint8Array): void {
    if (!this.present || !this.uartReady()) {
      this.droppedBytes += bytes.length;
      return;
    }
    let rest = Array.from(bytes);
    while (rest.length > 0) {
      // Random sizes, as a real chip cuts reports wherever its FIFO timer fires.
      const size = randomInt(this.random, 1, Math.min(this.maxReportData, rest.length));
      this.sendRawInputReport(this.frame(rest.slice(0, size)));
      rest = rest.slice(size);
    }
  }
}

/** A CP2110 (AN434): data report id = byte count, features 0x41 enable, 0x50 config, 0x43 purge. */
export class FakeCp2110 extends FakeBridge {
  readonly kind = 'cp2110';
  protected readonly maxReportData = 63;
  /** Purge masks received through feature 0x43. */
  readonly purges: number[] = [];
  private enabled = false;
  private config: number[] | null = null;

  constructor(private readonly options: FakeBridgeOptions = {}) {
    super('/dev/hidraw0', options);
  }

  infos(): HidDeviceInfo[] {
    if (!this.plugged) return [];
    return [
      {
        vendorId: this.options.vendorId ?? 0x10c4,
        productId: this.options.productId ?? 0xea80,
        path: this.path,
        serialNumber: this.options.serialNumber ?? '0001',
        manufacturer: 'Silicon Labs',
        product: 'CP2110 HID USB-to-UART Bridge',
        interface: 0,
      },
    ];
  }

  protected applyFeature(report: number[]): void {
    const [id, ...data] = report;
    if (id === 0x41) this.enabled = data[0] === 1;
    if (id === 0x50) this.config = data;
    if (id === 0x43) this.purges.push(data[0] ?? 0);
  }

  uartReady(): boolean {
    const b = this.baudRate;
    const wanted = [(b >>> 24) & 0xff, (b >>> 16) & 0xff, (b >>> 8) & 0xff, b & 0xff, 0, 0, 3, 0];
    return this.enabled && this.config !== null && sameBytes(this.config, wanted);
  }

  protected unframe(report: number[]): number[] | null {
    const [count, ...data] = report;
    if (count === undefined || count < 1 || count > 63 || data.length !== count) return null;
    return data;
  }

  protected frame(bytes: number[]): number[] {
    return [bytes.length, ...bytes];
  }

  protected resetUart(): void {
    this.enabled = false;
    this.config = null;
  }
}

/**
 * An FT260 (AN_394) with both interfaces: I2C on interface 0 and the UART on interface 1. UART data
 * reports 0xF0–0xFE carry [id, length, data] with 4 × (id − 0xEF) payload bytes; configuration is
 * feature 0xA1 request 0x41; reading feature 0xA0 (chip version) is what keeps it awake.
 */
export class FakeFt260 extends FakeBridge {
  readonly kind = 'ft260';
  protected readonly maxReportData = 60;
  readonly i2cPath: string;
  /** Feature reports read (report id each), e.g. the keep-awake reads of 0xA0. */
  readonly featureReads: number[] = [];
  private config: number[] | null = null;

  constructor(private readonly options: FakeBridgeOptions & { i2cPath?: string } = {}) {
    super('/dev/hidraw1', options);
    this.i2cPath = options.i2cPath ?? '/dev/hidraw0';
  }

  infos(): HidDeviceInfo[] {
    if (!this.plugged) return [];
    const common = {
      vendorId: this.options.vendorId ?? 0x0403,
      productId: this.options.productId ?? 0x6030,
      // The FT260's descriptor has no serial number string.
      serialNumber: '',
      manufacturer: 'FTDI',
      product: 'FT260',
    };
    return [
      { ...common, path: this.i2cPath, interface: 0 },
      { ...common, path: this.path, interface: 1 },
    ];
  }

  readFeature(reportId: number): void {
    this.featureReads.push(reportId);
  }

  protected applyFeature(report: number[]): void {
    if (report[0] === 0xa1 && report[1] === 0x41) this.config = report.slice(2);
  }

  uartReady(): boolean {
    const b = this.baudRate;
    const wanted = [4, b & 0xff, (b >>> 8) & 0xff, (b >>> 16) & 0xff, (b >>> 24) & 0xff, 8, 0, 0, 0];
    return this.config !== null && sameBytes(this.config, wanted);
  }

  protected unframe(report: number[]): number[] | null {
    const [id, length, ...rest] = report;
    if (id === undefined || length === undefined || id < 0xf0 || id > 0xfe) return null;
    const capacity = 4 * (id - 0xef);
    if (length < 1 || length > capacity || rest.length < length || report.length > 64) return null;
    return rest.slice(0, length);
  }

  protected frame(bytes: number[]): number[] {
    const id = 0xf0 + Math.floor((bytes.length - 1) / 4);
    const report = new Array<number>(2 + 4 * (id - 0xef)).fill(0);
    report[0] = id;
    report[1] = bytes.length;
    report.splice(2, bytes.length, ...bytes);
    return report;
  }

  protected resetUart(): void {
    this.config = null;
  }
}

/** An open HID interface, shaped like node-hid's HIDAsync. */
export class FakeHidHandle extends EventEmitter implements HidDeviceHandle {
  private closed = false;
  private dead = false;
  private readonly queued: number[][] = [];

  constructor(
    private readonly bridge: FakeBridge,
    readonly carriesUart: boolean,
  ) {
    super();
    // node-hid starts reading when a 'data' listener is added; reports waiting in the OS queue follow.
    this.on('newListener', (event) => {
      if (event === 'data') setImmediate(() => this.flush());
    });
  }

  async write(report: number[] | Buffer): Promise<number> {
    this.check('Cannot write to hid device');
    this.bridge.hostOutput(Array.from(report), this.carriesUart);
    return report.length;
  }

  async sendFeatureReport(report: number[] | Buffer): Promise<number> {
    this.check('could not send feature report to device');
    if (this.bridge.refuseFeatureReports) throw new Error('could not send feature report to device: Broken pipe');
    this.bridge.hostFeature(Array.from(report), this.carriesUart);
    return report.length;
  }

  async getFeatureReport(reportId: number, length: number): Promise<Buffer> {
    this.check('could not get feature report from device');
    if (this.bridge instanceof FakeFt260) this.bridge.readFeature(reportId);
    const report = Buffer.alloc(length);
    report[0] = reportId;
    return report;
  }

  async close(): Promise<void> {
    if (this.closed) throw new Error('device is already closed');
    this.closed = true;
    this.removeAllListeners();
    this.bridge.forget(this);
  }

  deliver(report: number[]): void {
    if (this.closed || this.dead) return;
    this.queued.push(report);
    setImmediate(() => this.flush());
  }

  kill(): void {
    this.dead = true;
  }

  failRead(error: Error): void {
    setImmediate(() => {
      if (!this.closed) this.emit('error', error);
    });
  }

  private flush(): void {
    while (!this.closed && this.listenerCount('data') > 0 && this.queued.length > 0) {
      this.emit('data', Buffer.from(this.queued.shift() ?? []));
    }
  }

  private check(what: string): void {
    if (this.closed) throw new Error('device has been closed');
    if (this.dead) throw new Error(`${what}: No such device`);
  }
}

/** The fake node-hid module: lists and opens the bridges it was given. */
export class FakeNodeHid implements NodeHidLike {
  /** setDriverType calls, in order. */
  readonly driverTypes: HidDriverType[] = [];
  readonly bridges: FakeBridge[];
  readonly HIDAsync = {
    open: async (path: string): Promise<FakeHidHandle> => {
      const bridge = this.bridges.find((b) => b.plugged && b.infos().some((info) => info.path === path));
      const failure = `cannot open device with path ${path}: Failed to open a device with path '${path}'`;
      if (!bridge) throw new Error(`${failure}: No such file or directory`);
      if (bridge.permissionDenied) throw new Error(`${failure}: Permission denied`);
      return bridge.openHandle(path);
    },
  };

  constructor(...bridges: FakeBridge[]) {
    this.bridges = bridges;
  }

  async devicesAsync(): Promise<HidDeviceInfo[]> {
    return this.bridges.flatMap((b) => b.infos());
  }

  setDriverType(type: HidDriverType): void {
    this.driverTypes.push(type);
  }
}

function sameBytes(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
