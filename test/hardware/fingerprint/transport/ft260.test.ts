import { describe, expect, it } from 'vitest';
import {
  FT260_MAX_REPORT_DATA,
  ft260DataReports,
  ft260OpenFeatureReports,
  ft260PayloadCapacity,
  ft260ReportIdFor,
  ft260UnwrapReport,
} from '../../../../hardware/fingerprint/transport/ft260.js';
import { countingBytes } from '../../../support/fingerprint/transport-events.js';

const ACK_OK = [0xef, 0x01, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00, 0x03, 0x00, 0x00, 0x0a];

describe('FT260 UART data reports (AN_394)', () => {
  it('picks the smallest report id whose payload fits, in steps of four bytes', () => {
    expect([1, 4, 5, 8, 9, 12, 56, 57, 60].map(ft260ReportIdFor)).toEqual([
      0xf0, 0xf0, 0xf1, 0xf1, 0xf2, 0xf2, 0xfd, 0xfe, 0xfe,
    ]);
    expect(() => ft260ReportIdFor(61)).toThrow(RangeError);
    expect(() => ft260ReportIdFor(0)).toThrow(RangeError);
  });

  it('knows each data report id holds 4 × (id − 0xEF) bytes and other ids none', () => {
    expect(ft260PayloadCapacity(0xf0)).toBe(4);
    expect(ft260PayloadCapacity(0xfe)).toBe(60);
    expect(ft260PayloadCapacity(0xb1)).toBe(0);
    expect(ft260PayloadCapacity(0xff)).toBe(0);
    expect(FT260_MAX_REPORT_DATA).toBe(60);
  });

  it('frames a 12-byte packet as [0xF2, 12, ...bytes], padded to the report size', () => {
    const reports = ft260DataReports(Uint8Array.from(ACK_OK));
    expect(reports.map((r) => Array.from(r))).toEqual([[0xf2, 12, ...ACK_OK]]);
  });

  it('pads a report to its id’s full payload', () => {
    expect(ft260DataReports(Uint8Array.of(1, 2, 3)).map((r) => Array.from(r))).toEqual([[0xf0, 3, 1, 2, 3, 0]]);
  });

  it('splits a big write into 60-byte reports, in order', () => {
    const bytes = countingBytes(150);
    const reports = ft260DataReports(bytes);
    expect(reports.map((r) => [r[0], r[1], r.length])).toEqual([
      [0xfe, 60, 62],
      [0xfe, 60, 62],
      [0xf7, 30, 34],
    ]);
    expect(reports.flatMap((r) => Array.from(r.subarray(2, 2 + (r[1] ?? 0))))).toEqual(Array.from(bytes));
  });

  it('unwraps [id, length, data] and ignores the padding', () => {
    const report = Uint8Array.of(0xf1, 5, 10, 11, 12, 13, 14, 0, 0, 0);
    expect(Array.from(ft260UnwrapReport(report) ?? [])).toEqual([10, 11, 12, 13, 14]);
  });

  it('ignores reports that are not UART data or claim more than they hold', () => {
    expect(ft260UnwrapReport(Uint8Array.of(0xb1, 0x01))).toBeNull(); // DCD/RI interrupt status
    expect(ft260UnwrapReport(Uint8Array.of(0xd0, 2, 1, 2, 0, 0))).toBeNull(); // I2C data
    expect(ft260UnwrapReport(Uint8Array.of(0xf0, 5, 1, 2, 3, 4, 5))).toBeNull(); // 0xF0 holds 4
    expect(ft260UnwrapReport(Uint8Array.of(0xf1, 8, 1, 2))).toBeNull(); // cut short
    expect(ft260UnwrapReport(Uint8Array.of(0xf0))).toBeNull();
  });
});

describe('FT260 open sequence (AN_394 system settings, request 0x41)', () => {
  it('configures 57600 8N1 without flow control, baud little-endian', () => {
    expect(ft260OpenFeatureReports(57600).map((r) => Array.from(r))).toEqual([
      // report, request, flow control none (4), 57600 = 0x0000E100 LSB first, 8 data bits, no parity, 1 stop, no break
      [0xa1, 0x41, 0x04, 0x00, 0xe1, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00],
    ]);
  });

  it('refuses a baud rate outside 1200..12M', () => {
    expect(() => ft260OpenFeatureReports(600)).toThrow(RangeError);
  });
});
