/**
 * FTDI FT260 HID-to-UART bridge framing, after application note AN_394 ("User Guide for FT260").
 * Pure functions: the HID transport sends what these return and feeds them what node-hid reads.
 *
 * How sure we are: the report layout below agrees in three independent open implementations that
 * follow AN_394 — the Linux kernel's hid-ft260.c UART support (ft260_uart_write_request_report,
 * ft260_configure_uart_request_report, FT260_UART_DATA_REPORT_ID), the `ft260hid` Rust crate built from
 * FTDI's LibFT260.h (src/hid/reports/uart.rs, src/hid/consts.rs) and FTDI's own C# sample quoted on the
 * CSDN FT260 notes — but none of it was checked against a physical FT260 here. The parts we are least
 * sure of are marked "unsure" where they are used.
 *
 * - UART data, both directions: report ids 0xF0–0xFE, laid out [id, length, ...data]. Each id holds a
 *   fixed payload: 0xF0 four bytes, 0xF1 eight, … 0xFE sixty (4 × (id − 0xEF)); pick the smallest id
 *   that fits. The kernel says the chip never puts more than 60 bytes in one input report.
 * - Configuration goes through feature report 0xA1 (system settings) with a request byte; request 0x41
 *   "configure UART" is [0xA1, 0x41, flow control, baud (4 bytes, little-endian), data bits, parity,
 *   stop bits, breaking]: flow control 4 = none (0 = UART off), data bits 8, parity 0 = none, stop bits
 *   0 = one, breaking 0 = no break. Note the FT260 wants the baud little-endian where the CP2110 wants
 *   it big-endian, and the data bits as the plain number 8 where the CP2110 wants the code 3.
 * - Feature report 0xE0 reads the UART settings back; 0xB1 input reports carry DCD/RI interrupt status
 *   and are not UART data.
 * - The chip has two HID interfaces when both I2C and UART are enabled (DCNF pins 0 or 3): interface 0
 *   is I2C and interface 1 is UART. With UART only (DCNF 2) there is a single interface.
 * - Power saving: after about 5 s idle the chip drops to a 30 kHz clock and loses received UART bytes
 *   above 4800 baud. The kernel keeps it awake by reading feature report 0xA0 (chip version) every
 *   4.8 s while the UART is open; we do the same.
 */

export const FT260_VENDOR_ID = 0x0403;
export const FT260_PRODUCT_ID = 0x6030;

/** UART interface number when the chip exposes both I2C (0) and UART (1). */
export const FT260_UART_INTERFACE = 1;

const FIRST_DATA_REPORT = 0xf0;
const LAST_DATA_REPORT = 0xfe;
const PAYLOAD_STEP = 4;

/** The most UART bytes one data report carries (report 0xFE). */
export const FT260_MAX_REPORT_DATA = (LAST_DATA_REPORT - FIRST_DATA_REPORT + 1) * PAYLOAD_STEP;

export const FT260_FEATURE_CHIP_VERSION = 0xa0;
/** Length of the chip version feature report including its id (kernel ft260_get_chip_version_report). */
export const FT260_CHIP_VERSION_LENGTH = 13;
export const FT260_FEATURE_SYSTEM_SETTINGS = 0xa1;
export const FT260_REQUEST_CONFIGURE_UART = 0x41;

/** How often to touch the chip so it never enters power saving (kernel FT260_WAKEUP_NEEDED_AFTER_MS). */
export const FT260_KEEP_AWAKE_MS = 4800;

const FLOW_CONTROL_NONE = 0x04;
const DATA_BITS_EIGHT = 0x08;
const PARITY_NONE = 0x00;
const STOP_BITS_ONE = 0x00;
const NO_BREAK = 0x00;

/** The smallest data report id whose payload holds `length` bytes (1..60). */
export function ft260ReportIdFor(length: number): number {
  if (!Number.isInteger(length) || length < 1 || length > FT260_MAX_REPORT_DATA) {
    throw new RangeError(`FT260 data reports carry 1 to ${FT260_MAX_REPORT_DATA} bytes, got ${length}`);
  }
  return FIRST_DATA_REPORT + Math.floor((length - 1) / PAYLOAD_STEP);
}

/** Payload bytes report `id` holds, or 0 when `id` is not a UART data report. */
export function ft260PayloadCapacity(id: number): number {
  if (id < FIRST_DATA_REPORT || id > LAST_DATA_REPORT) return 0;
  return (id - FIRST_DATA_REPORT + 1) * PAYLOAD_STEP;
}

/**
 * Splits host bytes into output reports [id, n, ...n bytes], n ≤ 60, in order. Each report is zero-padded
 * to its id's full size (2 + payload). Unsure: the kernel driver sends only n + 2 bytes and FTDI's
 * Windows sample pads to 64; the chip reads the length byte either way, and the id's own size is what a
 * HID report of that id is declared to be, which is what node-hid asks callers to send.
 */
export function ft260DataReports(bytes: Uint8Array): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += FT260_MAX_REPORT_DATA) {
    const chunk = bytes.subarray(start, start + FT260_MAX_REPORT_DATA);
    const id = ft260ReportIdFor(chunk.length);
    const report = new Uint8Array(2 + ft260PayloadCapacity(id));
    report[0] = id;
    report[1] = chunk.length;
    report.set(chunk, 2);
    reports.push(report);
  }
  return reports;
}

/**
 * The UART bytes inside one input report, or null when it is not a UART data report (another id such
 * as the 0xB1 interrupt status, or a length byte larger than the report holds). Reports arrive at
 * their full size, so the length byte, not the report size, says how many bytes are real.
 */
export function ft260UnwrapReport(report: Uint8Array): Uint8Array | null {
  const id = report[0];
  const length = report[1];
  if (id === undefined || length === undefined) return null;
  const capacity = ft260PayloadCapacity(id);
  if (capacity === 0 || length > capacity || length > report.length - 2) return null;
  return report.slice(2, 2 + length);
}

/**
 * Feature reports to send, in this order, when opening: one "configure UART" request for 8N1 without
 * flow control at `baudRate`. The FT260 has no purge request like the CP2110's; stale input is at most
 * a fragment, which the R30x parser skips while hunting for the EF 01 header.
 */
export function ft260OpenFeatureReports(baudRate: number): Uint8Array[] {
  if (!Number.isInteger(baudRate) || baudRate < 1200 || baudRate > 12_000_000) {
    // kernel FT260_UART_CFG_BAUD_MIN / _MAX
    throw new RangeError(`FT260 baud rate must be a whole number from 1200 to 12000000, got ${baudRate}`);
  }
  return [
    Uint8Array.of(
      FT260_FEATURE_SYSTEM_SETTINGS,
      FT260_REQUEST_CONFIGURE_UART,
      FLOW_CONTROL_NONE,
      baudRate & 0xff,
      (baudRate >>> 8) & 0xff,
      (baudRate >>> 16) & 0xff,
      (baudRate >>> 24) & 0xff,
      DATA_BITS_EIGHT,
      PARITY_NONE,
      STOP_BITS_ONE,
      NO_BREAK,
    ),
  ];
}
