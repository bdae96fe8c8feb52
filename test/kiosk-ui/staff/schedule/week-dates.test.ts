import { describe, expect, it } from 'vitest';
import { addDays, isLocalDate, isLocalTime, mondayOf, weekdayIndex } from '../../../../kiosk-ui/src/staff/schedule/week-dates.js';

describe('week dates of the planner', () => {
  it('starts every week on Monday, Sunday included in the week before it', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30'); // a Thursday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // Sunday
    expect(weekdayIndex('2026-12-06')).toBe(6);
  });

  it('steps over month and year ends and leap days', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-04', -7)).toBe('2026-12-28');
  });

  it('takes only real dates and 24-hour times', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
    expect(isLocalDate('')).toBe(false);
    expect(isLocalTime('09:30')).toBe(true);
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('9:30')).toBe(false);
  });
});
