import { describe, expect, it } from 'vitest';
import {
  cp2110DataReports,
  cp2110OpenFeatureReports,
  cp2110UnwrapReport,
} from '../../../../hardware/fingerprint/transport/cp2110.js';
import { countingBytes } from '../../../support/fingerprint/transport-events.js';

const GEN_IMG = [0xef, 0x01, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x03, 0x01, 0x00, 0x05];

describe('CP2110 data reports (AN434)', () => {
  it('sends a short packet as one report whose id is its byte count', () => {
    const reports = cp2110DataReports(Uint8Array.from(GEN_IMG));
    expect(reports.map((r) => Array.from(r))).toEqual([[12, ...GEN_IMG]]);
  });

  it('fills reports with 63 bytes before starting the next', () => {
    const bytes = countingBytes(63 * 2 + 10);
    const reports = cp2110DataReports(bytes);
    expect(reports.map((r) => r[0])).toEqual([63, 63, 10]);
    expect(reports.map((r) => r.length)).toEqual([64, 64, 11]);
    expect(reports.flatMap((r) => Array.from(r.subarray(1)))).toEqual(Array.from(bytes));
  });

  it('sends exactly 63 bytes as a single full report', () => {
    expect(cp2110DataReports(countingBytes(63)).map((r) => r[0])).toEqual([63]);
    expect(cp2110DataReports(countingBytes(64)).map((r) => r[0])).toEqual([63, 1]);
  });

  it('sends nothing for nothing', () => {
    expect(cp2110DataReports(new Uint8Array(0))).toEqual([]);
  });

  it('unwraps the count-prefixed bytes of an input report', () => {
    expect(Array.from(cp2110UnwrapReport(Uint8Array.of(3, 0xef, 0x01, 0xff)) ?? [])).toEqual([0xef, 0x01, 0xff]);
    expect(Array.from(cp2110UnwrapReport(Uint8Array.of(63, ...countingBytes(63))) ?? [])).toEqual(
      Array.from(countingBytes(63)),
    );
  });

  it('hands out a copy, so a reused read buffer cannot change delivered bytes', () => {
    const report = Uint8Array.of(1, 0x09);
    const bytes = cp2110UnwrapReport(report);
    report[1] = 0;
    expect(Array.from(bytes ?? [])).toEqual([0x09]);
  });

  it('ignores reports whose id is not a data report', () => {
    expect(cp2110UnwrapReport(Uint8Array.of(0x00, 1, 2))).toBeNull();
    expect(cp2110UnwrapReport(Uint8Array.of(0x40, 1, 2))).toBeNull();
    expect(cp2110UnwrapReport(Uint8Array.of(0x41, 1))).toBeNull();
    expect(cp2110UnwrapReport(new Uint8Array(0))).toBeNull();
  });
});

describe('CP2110 open sequence (AN434)', () => {
  it('enables the UART, sets 57600 8N1 without flow control, then purges both FIFOs', () => {
    expect(cp2110OpenFeatureReports(57600).map((r) => Array.from(r))).toEqual([
      [0x41, 0x01],
      // 57600 = 0x0000E100, most significant byte first; parity none, no flow control, 8 bits (3), 1 stop (0)
      [0x50, 0x00, 0x00, 0xe1, 0x00, 0x00, 0x00, 0x03, 0x00],
      [0x43, 0x03],
    ]);
  });

  it('puts other baud rates big-endian too', () => {
    expect(Array.from(cp2110OpenFeatureReports(115200)[1] ?? [])).toEqual([0x50, 0x00, 0x01, 0xc2, 0x00, 0, 0, 3, 0]);
  });

  it('refuses a baud rate the chip cannot do', () => {
    expect(() => cp2110OpenFeatureReports(2_000_000)).toThrow(RangeError);
    expect(() => cp2110OpenFeatureReports(57600.5)).toThrow(RangeError);
  });
});
