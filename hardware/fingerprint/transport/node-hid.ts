/*
 * The node-hid boundary: the only file that loads node-hid, and only when a HID transport opens or
 * lists, so the kiosk starts on machines without it.
 *
 * node-hid v3 reference (its README, "Async API Usage" / "Complete Async API", and nodehid.d.ts):
 * - `devicesAsync()` enumerates; `HIDAsync.open(path)` opens; both return promises. The sync calls can
 *   stall the event loop while the OS enumerates, so the transport uses only the async ones.
 * - A device is an EventEmitter: input reports arrive as 'data' only while a 'data' listener exists;
 *   a failed read (device unplugged) arrives as 'error'.
 * - `write()` / `sendFeatureReport()` take the report id as the first byte and the exact report length.
 * - `setDriverType('hidraw' | 'libusb')` picks the Linux backend and only counts before the native
 *   binding is first loaded (the first devicesAsync/open): it is process-wide.
 * Reports read include the report id as byte 0 because both bridges use numbered reports.
 */

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

export interface NodeHidLoadOptions {
  /** Linux backend; default from defaultDriverType(). */
  driverType?: HidDriverType;
  /** How to load node-hid; tests pass a fake. Default: a dynamic import, so machines without it still start. */
  loadHid?: () => Promise<NodeHidLike>;
}

/** Loads node-hid (or the caller's stand-in) and selects the Linux backend before first use. */
export async function loadNodeHid(options: NodeHidLoadOptions): Promise<NodeHidLike> {
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

/** 'hidraw' on Linux: no libusb needed, and it sees uhid test devices; elsewhere node-hid's own choice. */
export function defaultDriverType(): HidDriverType | undefined {
  return process.platform === 'linux' ? 'hidraw' : undefined;
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
