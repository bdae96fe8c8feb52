import { describe, expect, it } from 'vitest';
import { assertTimeZone, formatWithOffset, localDate, localHour } from '../../edge-server/src/clock.js';

describe('formatWithOffset', () => {
  it('writes Shanghai time with +08:00 and milliseconds', () => {
    expect(formatWithOffset(Date.parse('2026-12-03T01:12:44.123Z'), 'Asia/Shanghai')).toBe('2026-12-03T09:12:44.123+08:00');
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatWithOffset(Date.parse('2026-12-03T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-04T00:00:00.000+08:00');
  });

  it('round-trips: the text parses back to the same instant', () => {
    const ms = Date.parse('2026-07-15T23:59:59.999Z');
    expect(Date.parse(formatWithOffset(ms, 'Asia/Shanghai'))).toBe(ms);
    expect(Date.parse(formatWithOffset(ms, 'Europe/Berlin'))).toBe(ms);
  });

  it('follows daylight saving time in Europe/Berlin (spring forward on 2026-03-29)', () => {
    expect(formatWithOffset(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe('2026-03-29T01:59:59.000+01:00');
    expect(formatWithOffset(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe('2026-03-29T03:00:00.000+02:00');
  });

  it('follows daylight saving time in Europe/Berlin (fall back on 2026-10-25)', () => {
    expect(formatWithOffset(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000+02:00');
    expect(formatWithOffset(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000+01:00');
  });

  it('writes a negative offset for zones west of UTC', () => {
    expect(formatWithOffset(Date.parse('2026-12-03T12:00:00.5Z'), 'America/New_York')).toBe('2026-12-03T07:00:00.500-05:00');
  });
});

describe('localDate', () => {
  it('gives the Shanghai calendar day: 23:59 and 00:01 local are different days', () => {
    expect(localDate(Date.parse('2026-12-03T23:59:00+08:00'), 'Asia/Shanghai')).toBe('2026-12-03');
    expect(localDate(Date.parse('2026-12-04T00:01:00+08:00'), 'Asia/Shanghai')).toBe('2026-12-04');
  });

  it('gives the Berlin calendar day across the DST change', () => {
    expect(localDate(Date.parse('2026-03-28T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDate(Date.parse('2026-10-24T22:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
  });
});

describe('localHour', () => {
  it('gives the facility hour 0–23', () => {
    expect(localHour(Date.parse('2026-12-03T16:30:00Z'), 'Asia/Shanghai')).toBe(0);
    expect(localHour(Date.parse('2026-12-03T01:00:00Z'), 'Asia/Shanghai')).toBe(9);
  });
});

describe('assertTimeZone', () => {
  it('accepts IANA zones', () => {
    expect(() => assertTimeZone('Asia/Shanghai')).not.toThrow();
    expect(() => assertTimeZone('Europe/Berlin')).not.toThrow();
  });

  it('refuses an unknown zone with a plain sentence', () => {
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow(
      "Unknown time zone 'Mars/Olympus_Mons'; use an IANA name such as Asia/Shanghai",
    );
  });
});
