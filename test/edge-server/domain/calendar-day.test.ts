import { describe, expect, it } from 'vitest';
import { isCalendarDay, isMonth, monthDays } from '../../../edge-server/src/domain/calendar-day.js';

describe('calendar days and months as text', () => {
  it('accepts real days only', () => {
    expect(isCalendarDay('2026-12-03')).toBe(true);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    for (const text of ['2027-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-12-3', '20261203', '2026-12-03T00:00', '']) {
      expect(isCalendarDay(text), text).toBe(false);
    }
  });

  it('accepts YYYY-MM months only', () => {
    expect(isMonth('2026-12')).toBe(true);
    for (const text of ['2026-13', '2026-00', '2026-1', '202612', '2026-12-01', '']) expect(isMonth(text), text).toBe(false);
  });

  it("gives a month's first and last day, leap years included", () => {
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(monthDays('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthDays('2027-02')).toEqual({ first: '2027-02-01', last: '2027-02-28' });
  });
});
