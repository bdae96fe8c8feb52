import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, isLocalTime, localInstant, localIso, weekdayOf } from '../../../../edge-server/src/domain/sessions/dates.js';
import {
  isSeriesDate, occurrencesBetween, resolveOccurrence, seriesDates, seriesOn, versionOn, type DateException, type SeriesDefinition,
} from '../../../../edge-server/src/domain/sessions/recurrence.js';

const weekly: SeriesDefinition = {
  sessionId: 's1', title: '康复训练', kind: 'rehabilitation', room: '康复室', leadStaffId: null, capacity: 8,
  firstDate: '2026-12-03', start: '09:30', end: '11:00', repeat: 'weekly', until: null, cancelledFrom: null, effectiveFrom: '2026-12-03',
};
const oneOff: SeriesDefinition = { ...weekly, sessionId: 's2', title: '生日会', kind: 'other', repeat: 'none', firstDate: '2026-12-05', start: '15:00', end: '16:00' };

describe('local dates and times', () => {
  it('accepts real calendar dates and HH:MM times only', () => {
    expect(isLocalDate('2026-12-03')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isLocalTime('09:30')).toBe(true);
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('9:30')).toBe(false);
  });

  it('counts days across month and year ends, and knows the ISO weekday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-03', '2027-01-07')).toBe(35);
    expect(weekdayOf('2026-12-03')).toBe(4); // Thursday
    expect(weekdayOf('2026-12-06')).toBe(7); // Sunday
  });

  it('turns a local date and time into the instant in the centre and back', () => {
    expect(localInstant('2026-12-03', '09:30', 'Asia/Shanghai')).toBe(Date.parse('2026-12-03T09:30:00+08:00'));
    expect(localIso('2026-12-03', '09:30', 'Asia/Shanghai')).toBe('2026-12-03T09:30:00.000+08:00');
    // A zone with summer time: both sides of the change.
    expect(localIso('2026-03-28', '10:00', 'Europe/Berlin')).toBe('2026-03-28T10:00:00.000+01:00');
    expect(localIso('2026-03-30', '10:00', 'Europe/Berlin')).toBe('2026-03-30T10:00:00.000+02:00');
  });
});

describe('recurrence', () => {
  it('a weekly series repeats on its weekday from its first date', () => {
    expect(seriesDates(weekly, '2026-11-20', '2026-12-24')).toEqual(['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24']);
    expect(seriesDates(weekly, '2026-12-08', '2026-12-20')).toEqual(['2026-12-10', '2026-12-17']);
    expect(isSeriesDate(weekly, '2026-12-10')).toBe(true);
    expect(isSeriesDate(weekly, '2026-12-11')).toBe(false);
    expect(isSeriesDate(weekly, '2026-11-26')).toBe(false);
  });

  it('a weekly series stops after its last date (inclusive)', () => {
    const until = { ...weekly, until: '2026-12-17' };
    expect(seriesDates(until, '2026-12-01', '2027-01-31')).toEqual(['2026-12-03', '2026-12-10', '2026-12-17']);
    expect(isSeriesDate(until, '2026-12-17')).toBe(true);
    expect(isSeriesDate(until, '2026-12-24')).toBe(false);
  });

  it('a one-off session has exactly its date', () => {
    expect(seriesDates(oneOff, '2026-12-01', '2026-12-31')).toEqual(['2026-12-05']);
    expect(seriesDates(oneOff, '2026-12-06', '2026-12-31')).toEqual([]);
    expect(isSeriesDate(oneOff, '2026-12-12')).toBe(false);
  });

  it('a cancelled date stays in the list, marked; a whole-series cancellation marks every date from its day', () => {
    const cancelled: DateException = { sessionId: 's1', date: '2026-12-10', kind: 'cancelled', reason: '停电' };
    expect(resolveOccurrence(weekly, '2026-12-10', cancelled)).toMatchObject({ status: 'cancelled', moved: false, actualDate: '2026-12-10' });
    const ended = { ...weekly, cancelledFrom: '2026-12-10' };
    expect(resolveOccurrence(ended, '2026-12-03', undefined).status).toBe('scheduled');
    expect(resolveOccurrence(ended, '2026-12-17', undefined).status).toBe('cancelled');
  });

  it('a moved date leaves its own week and shows on the day it moved to, keeping its key', () => {
    const moved: DateException = { sessionId: 's1', date: '2026-12-10', kind: 'moved', toDate: '2026-12-15', start: '14:00', end: '15:30', reason: '场地冲突' };
    const weekOfTenth = occurrencesBetween([weekly], [moved], '2026-12-07', '2026-12-13');
    expect(weekOfTenth).toEqual([]);
    const weekOfFifteenth = occurrencesBetween([weekly], [moved], '2026-12-14', '2026-12-20');
    expect(weekOfFifteenth.map((o) => [o.date, o.actualDate, o.start, o.moved])).toEqual([
      ['2026-12-10', '2026-12-15', '14:00', true],
      ['2026-12-17', '2026-12-17', '09:30', false],
    ]);
  });

  it('a move within the same day only changes the time', () => {
    const moved: DateException = { sessionId: 's1', date: '2026-12-10', kind: 'moved', toDate: '2026-12-10', start: '13:00', end: '14:00', reason: '' };
    const [occurrence] = occurrencesBetween([weekly], [moved], '2026-12-10', '2026-12-10');
    expect(occurrence).toMatchObject({ date: '2026-12-10', actualDate: '2026-12-10', start: '13:00', end: '14:00', moved: true, status: 'scheduled' });
  });

  it('a date cancelled after it was moved is shown cancelled on the day it was moved to', () => {
    const cancelled: DateException = {
      sessionId: 's1', date: '2026-12-10', kind: 'cancelled', reason: '老师病假', movedTo: { toDate: '2026-12-15', start: '14:00', end: '15:30' },
    };
    expect(occurrencesBetween([weekly], [cancelled], '2026-12-07', '2026-12-13')).toEqual([]);
    const [occurrence] = occurrencesBetween([weekly], [cancelled], '2026-12-15', '2026-12-15');
    expect(occurrence).toMatchObject({ date: '2026-12-10', actualDate: '2026-12-15', start: '14:00', status: 'cancelled', moved: true });
  });

  it('sorts a range by day, then start time', () => {
    const afternoon = { ...weekly, sessionId: 's3', start: '14:00', end: '15:00', firstDate: '2026-12-04' };
    const found = occurrencesBetween([afternoon, oneOff, weekly], [], '2026-12-03', '2026-12-05');
    expect(found.map((o) => `${o.actualDate} ${o.start} ${o.series.sessionId}`)).toEqual([
      '2026-12-03 09:30 s1', '2026-12-04 14:00 s3', '2026-12-05 15:00 s2',
    ]);
  });

  it('ignores a move recorded for a date that is no longer one of the series (after an edit)', () => {
    const stale: DateException = { sessionId: 's1', date: '2026-12-11', kind: 'moved', toDate: '2026-12-15', start: '14:00', end: '15:00', reason: '' };
    expect(occurrencesBetween([weekly], [stale], '2026-12-14', '2026-12-20').map((o) => o.date)).toEqual(['2026-12-17']);
  });

  it('resolves each date with the latest recorded version in force on it', () => {
    const v1 = weekly; // from 2026-12-03, Thursdays
    const v2: SeriesDefinition = { ...weekly, title: 'v2', effectiveFrom: '2026-12-24' }; // recorded second, from 12-24
    const v3: SeriesDefinition = { ...weekly, title: 'v3', firstDate: '2026-12-18', effectiveFrom: '2026-12-17' }; // recorded last: Fridays from 12-17
    expect(versionOn([v1, v2, v3], '2026-12-02')).toBeUndefined();
    expect(versionOn([v1, v2, v3], '2026-12-10')).toBe(v1);
    expect(versionOn([v1, v2], '2026-12-24')).toBe(v2);
    // v3 was recorded after v2 and takes effect earlier: it wins from 12-17 on, 12-24 included.
    expect(versionOn([v1, v2, v3], '2026-12-31')).toBe(v3);
    expect(seriesOn([v1, v2, v3], '2026-12-10')).toBe(v1);
    expect(seriesOn([v1, v2, v3], '2026-12-17')).toBeUndefined(); // a Thursday, no longer a date
    expect(seriesOn([v1, v2, v3], '2026-12-18')).toBe(v3);
    const titles = occurrencesBetween([v1, v2, v3], [], '2026-12-07', '2026-12-27').map((o) => [o.date, o.series.title]);
    expect(titles).toEqual([['2026-12-10', '康复训练'], ['2026-12-18', 'v3'], ['2026-12-25', 'v3']]);
  });
});
