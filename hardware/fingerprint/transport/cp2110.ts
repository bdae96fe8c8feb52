/**
 * Silicon Labs CP2110 HID-to-UART bridge framing, after application note AN434 ("CP2110/4 HID-to-UART
 * Interface Specification"). Pure functions: the HID transport sends what these return and feeds them
 * what node-hid reads.
 *
 * AN434 facts used here (also summarised in /work/shared/HARDWARE.md, "HID transport"):
 * - Interrupt data reports, both directions, use report ids 0x01–0x3F and the id IS the number of UART
 *   bytes that follow, so one report carries at most 63 bytes and is exactly id + 1 bytes long.
 * - Feature 0x41 Get/Set UART Enable: [0x41, 1] enables the UART (it is disabled after every power-on).
 * - Feature 0x50 Get/Set UART Config: [0x50, baud (4 bytes, MSB first), parity, flow control, data bits,
 *   stop bits]; parity 0 = none, flow control 0 = none, data bits 3 = eight (0..3 = 5..8), stop bits
 *   0 = short (one). Not kept in PROM: it must be sent after every power-on or reset.
 * - Feature 0x43 Set Purge FIFOs: bit 0 purges the transmit FIFO, bit 1 the receive FIFO.
 */

export const CP2110_VENDOR_ID = 0x10c4;
export const CP2110_PRODUCT_ID = 0xea80;

/** The largest report id, so the most UART bytes one data report carries. */
export const CP2110_MAX_REPORT_DATA = 63;

export const CP2110_FEATURE_UART_ENABLE = 0x41;
export const CP2110_FEATURE_PURGE_FIFOS = 0x43;
export const CP2110_FEATURE_UART_CONFIG = 0x50;

const PURGE_TRANSMIT = 0x01;
const PURGE_RECEIVE = 0x02;
const PARITY_NONE = 0x00;
const FLOW_CONTROL_NONE = 0x00;
const DATA_BITS_EIGHT = 0x03;
const STOP_BITS_ONE = 0x00;

/** Splits host bytes into output reports `[n, ...n bytes]` with n ≤ 63, in order. */
export function cp2110DataReports(bytes: Uint8Array): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += CP2110_MAX_REPORT_DATA) {
    const chunk = bytes.subarray(start, start + CP2110_MAX_REPORT_DATA);
    const report = new Uint8Array(chunk.length + 1);
    report[0] = chunk.length;
    report.set(chunk, 1);
    reports.push(report);
  }
  return reports;
}

/**
 * The UART bytes inside one input report, or null when the report is not a data report (id outside
 * 1..63). A report shorter than its id claims yields what it holds rather than inventing bytes: the
 * R30x checksum will reject the packet and the driver retries, which is better than stalling here.
 */
export function cp2110UnwrapReport(report: Uint8Array): Uint8Array | null {
  const count = report[0];
  if (count === undefined || count < 1 || count > CP2110_MAX_REPORT_DATA) return null;
  return report.slice(1, 1 + count);
}

/**
 * Feature reports to send, in this order, when opening: enable the UART, set 8N1 without flow control
 * at `baudRate`, then purge both FIFOs so nothing left over from before the open reaches the driver.
 * Enable comes first because AN434 says enabling may purge the FIFOs (the FlushBuffers setting), and
 * the purge comes last so it clears anything that arrived at the old settings.
 */
export function cp2110OpenFeatureReports(baudRate: number): Uint8Array[] {
  if (!Number.isInteger(baudRate) || baudRate < 300 || baudRate > 1_000_000) {
    // AN434: 300 bps .. 1 Mbps with 7 or 8 data bits.
    throw new RangeError(`CP2110 baud rate must be a whole number from 300 to 1000000, got ${baudRate}`);
  }
  return [
    Uint8Array.of(CP2110_FEATURE_UART_ENABLE, 0x01),
    Uint8Array.of(
      CP2110_FEATURE_UART_CONFIG,
      (baudRate >>> 24) & 0xff,
      (baudRate >>> 16) & 0xff,
      (baudRate >>> 8) & 0xff,
      baudRate & 0xff,
      PARITY_NONE,
      FLOW_CONTROL_NONE,
      DATA_BITS_EIGHT,
      STOP_BITS_ONE,
    ),
    Uint8Array.of(CP2110_FEATURE_PURGE_FIFOS, PURGE_TRANSMIT | PURGE_RECEIVE),
  ];
}
