import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestKiosk, type TestKiosk } from '../../../support/kiosk.js';
import { count } from '../../helpers.js';

describe('demo timetable', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk({ demo: true });
  });
  afterEach(() => kiosk.stop());

  it('has ten weekly sessions over the five services, led by 王芳, and writes no events', () => {
    const week = kiosk.services.sessions.week('2026-11-30'); // the fake clock's week (Thursday 3 December)
    const all = week.days.flatMap((d) => d.sessions);
    expect(all).toHaveLength(10);
    expect(new Set(all.map((s) => s.kind))).toEqual(new Set(['day_care', 'assisted_employment', 'skills_training', 'rehabilitation', 'culture_sports']));
    expect(all.every((s) => s.lead?.name === '王芳' && s.repeat === 'weekly' && s.room !== null)).toBe(true);
    expect(week.days.slice(5).every((d) => d.sessions.length === 0)).toBe(true); // no weekend sessions
    expect(count(kiosk, 'events')).toBe(0);
  });

  it('shows "full" and a waiting list on the small sessions, only on days after today', () => {
    const nextWeek = kiosk.services.sessions.week('2026-12-07').days.flatMap((d) => d.sessions);
    const full = nextWeek.filter((s) => s.capacity !== null && s.signedUp >= s.capacity);
    expect(full.map((s) => [s.title, s.waiting])).toEqual([['手工编织', 1], ['书法练习', 1]]);
    const thisWeek = kiosk.services.sessions.week('2026-11-30').days;
    const signedUpOn = (date: string) => thisWeek.find((d) => d.date === date)!.sessions.reduce((n, s) => n + s.signedUp, 0);
    expect(signedUpOn('2026-12-03')).toBe(0); // today: nobody is expected by fixtures
    expect(signedUpOn('2026-12-04')).toBeGreaterThan(0);
  });
});
