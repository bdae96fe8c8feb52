import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionInput } from '../../../../edge-server/src/api-types.js';
import { findNoShows } from '../../../../edge-server/src/domain/monitoring/no-show.js';
import { createTestKiosk, type TestKiosk } from '../../../support/kiosk.js';
import { count, expectKind, STAFF_ID, storedEvents, touch } from '../../helpers.js';
import { codeOf } from '../error-code.js';

const HOUR = 3_600_000;
const M = (n: number) => `mem_demo_${String(n).padStart(2, '0')}`;
const TODAY = '2026-12-03'; // the fake clock's Thursday, 09:00

function input(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    title: '手工编织', kind: 'skills_training', room: '手工室', leadStaffId: STAFF_ID, capacity: 2,
    date: TODAY, start: '10:00', end: '11:30', repeat: 'weekly', until: null, ...overrides,
  };
}

describe('sessions domain', () => {
  let kiosk: TestKiosk;
  const sessions = () => kiosk.services.sessions;
  beforeEach(async () => {
    kiosk = await createTestKiosk({ demo: true });
  });
  afterEach(() => kiosk.stop());

  it('creating a series appends a version and a session.scheduled event carrying the recurrence; an edit appends another', () => {
    const created = sessions().create(STAFF_ID, input({ until: '2026-12-31' }));
    expect(created).toMatchObject({ title: '手工编织', repeat: 'weekly', until: '2026-12-31', lead: { id: STAFF_ID, name: '王芳' }, exceptions: [] });
    const edited = sessions().update(STAFF_ID, created.id, input({ title: '布艺手工', start: '14:00', end: '15:00', until: null }));
    expect(edited).toMatchObject({ title: '布艺手工', start: '14:00', until: null });
    expect(count(kiosk, 'activity_session_versions')).toBe(10 + 2); // demo timetable + ours
    const scheduled = storedEvents(kiosk).filter((e) => e.type === 'session.scheduled');
    expect(scheduled.map((e) => e.data.change)).toEqual(['created', 'edited']);
    expect(scheduled[0]!.data).toMatchObject({
      sessionId: created.id, kind: 'skills_training', title: '手工编织', capacity: 2,
      startsAt: '2026-12-03T10:00:00.000+08:00', endsAt: '2026-12-03T11:30:00.000+08:00',
      recurrence: { repeat: 'weekly', firstDate: TODAY, until: '2026-12-31', weekday: 4 }, staffId: STAFF_ID,
    });
    // Made before today's occurrence started, the edit applies from today: next week's is at the new time.
    expect(scheduled[1]!.data.effectiveFrom).toBe(TODAY);
    const nextWeek = sessions().week('2026-12-07').days.find((d) => d.date === '2026-12-10')!;
    expect(nextWeek.sessions.find((s) => s.sessionId === created.id)).toMatchObject({ title: '布艺手工', startsAt: '2026-12-10T14:00:00.000+08:00' });
  });

  it('an edit that would drop upcoming dates with sign-ups is refused until those dates are dealt with', () => {
    const { id } = sessions().create(STAFF_ID, input());
    sessions().signUp(M(1), id, '2026-12-17', false);
    expect(codeOf(() => sessions().update(STAFF_ID, id, input({ date: '2026-12-04' })))).toBe('signups_on_dropped_dates');
    expect(codeOf(() => sessions().update(STAFF_ID, id, input({ until: '2026-12-10' })))).toBe('signups_on_dropped_dates');
    expect(sessions().update(STAFF_ID, id, input({ until: '2026-12-17' })).until).toBe('2026-12-17');
    sessions().cancelSignup(M(1), id, '2026-12-17');
    expect(sessions().update(STAFF_ID, id, input({ date: '2026-12-04' })).date).toBe('2026-12-04');
  });

  it('an edit keeps past occurrences as they were, in the week planner of a past week and in the roster of a past date', () => {
    const { id } = sessions().create(STAFF_ID, input());
    sessions().signUp(M(1), id, TODAY, false);
    sessions().signUp(M(2), id, TODAY, false);
    kiosk.clock.advance(14 * 24 * HOUR); // Thursday 2026-12-17, 09:00: today's occurrence has not started
    sessions().update(STAFF_ID, id, input({ title: '布艺手工', room: '活动室', capacity: 5, start: '14:00', end: '15:00' }));
    const ours = (from: string, date: string) => sessions().week(from).days.find((d) => d.date === date)!.sessions.find((s) => s.sessionId === id);
    const before = { title: '手工编织', room: '手工室', capacity: 2 };
    expect(ours('2026-11-30', TODAY)).toMatchObject({ ...before, startsAt: '2026-12-03T10:00:00.000+08:00', signedUp: 2 });
    expect(ours('2026-12-07', '2026-12-10')).toMatchObject({ ...before, startsAt: '2026-12-10T10:00:00.000+08:00' });
    expect(ours('2026-12-14', '2026-12-17')).toMatchObject({ title: '布艺手工', room: '活动室', capacity: 5, startsAt: '2026-12-17T14:00:00.000+08:00' });
    const roster = sessions().roster(id, TODAY);
    expect(roster.occurrence).toMatchObject({ ...before, startsAt: '2026-12-03T10:00:00.000+08:00', endsAt: '2026-12-03T11:30:00.000+08:00' });
    expect(roster.signedUp.map((l) => l.memberId)).toEqual([M(1), M(2)]);
    const edit = storedEvents(kiosk).filter((e) => e.type === 'session.scheduled').at(-1)!;
    expect(edit.data).toMatchObject({ change: 'edited', effectiveFrom: '2026-12-17', title: '布艺手工' });
    // The series as staff edit it is the latest version.
    expect(sessions().detail(id)).toMatchObject({ title: '布艺手工', capacity: 5, date: TODAY });
  });

  it('by default an edit made after today\'s occurrence started applies from tomorrow; today\'s keeps its version', () => {
    const { id } = sessions().create(STAFF_ID, input({ repeat: 'none' }));
    const daily = sessions().create(STAFF_ID, input({ title: '书法', start: '10:00', end: '11:00' }));
    kiosk.clock.advance(1.5 * HOUR); // 10:30: both under way
    sessions().update(STAFF_ID, daily.id, input({ title: '书法练习', start: '10:00', end: '11:00' }));
    expect(storedEvents(kiosk).filter((e) => e.type === 'session.scheduled').at(-1)!.data.effectiveFrom).toBe('2026-12-04');
    expect(sessions().roster(daily.id, TODAY).occurrence.title).toBe('书法');
    expect(sessions().roster(daily.id, '2026-12-10').occurrence.title).toBe('书法练习');
    // A one-off that has started: the default edit is for tomorrow on, so its only date keeps its version.
    sessions().update(STAFF_ID, id, input({ repeat: 'none', title: '改名' }));
    expect(sessions().roster(id, TODAY).occurrence.title).toBe('手工编织');
  });

  it('an edit from a future date leaves the dates before it unchanged; it may drop only dates from then on', () => {
    const { id } = sessions().create(STAFF_ID, input());
    sessions().signUp(M(1), id, '2026-12-17', false);
    // A new weekday from 12-24: 12-17 (with a sign-up) is before the edit, so it stays.
    sessions().update(STAFF_ID, id, { ...input({ date: '2026-12-25', capacity: 9 }), effectiveFrom: '2026-12-24' });
    const dates = (from: string) => sessions().week(from).days.flatMap((d) => d.sessions.filter((s) => s.sessionId === id).map((s) => [d.date, s.capacity]));
    expect(dates('2026-12-07')).toEqual([['2026-12-10', 2]]);
    expect(dates('2026-12-14')).toEqual([['2026-12-17', 2]]);
    expect(dates('2026-12-21')).toEqual([['2026-12-25', 9]]); // 12-24 (Thursday) is no longer a date; Friday is
    expect(sessions().roster(id, '2026-12-17').signedUp.map((l) => l.memberId)).toEqual([M(1)]);
    // From 12-17 on, the same change would drop the signed-up 12-17: refused as before.
    expect(codeOf(() => sessions().update(STAFF_ID, id, { ...input({ date: '2026-12-04' }), effectiveFrom: '2026-12-17' }))).toBe('signups_on_dropped_dates');
    expect(codeOf(() => sessions().update(STAFF_ID, id, { ...input(), effectiveFrom: '2026-12-02' }))).toBe('invalid_date');
    expect(codeOf(() => sessions().update(STAFF_ID, id, { ...input(), effectiveFrom: '2026-02-30' }))).toBe('invalid_date');
  });

  it('a one-off ignores until; the week planner shows cancelled and moved dates where they happen', () => {
    const once = sessions().create(STAFF_ID, input({ repeat: 'none', until: '2027-01-01', date: '2026-12-05' }));
    expect(once.until).toBeNull();
    const series = sessions().create(STAFF_ID, input());
    sessions().cancelDate(STAFF_ID, series.id, '2026-12-10', '停电');
    const moved = sessions().moveDate(STAFF_ID, series.id, '2026-12-17', { toDate: '2026-12-18', start: '09:00', end: '10:00', reason: '场地冲突' });
    expect(moved).toMatchObject({ date: '2026-12-17', moved: true, startsAt: '2026-12-18T09:00:00.000+08:00', status: 'scheduled' });
    const ours = (from: string) => sessions().week(from).days.map((d) => [d.date, d.sessions.filter((s) => s.sessionId === series.id).map((s) => s.status)]);
    expect(ours('2026-12-07').find(([d]) => d === '2026-12-10')![1]).toEqual(['cancelled']);
    const week = ours('2026-12-14');
    expect(week.find(([d]) => d === '2026-12-17')![1]).toEqual([]);
    expect(week.find(([d]) => d === '2026-12-18')![1]).toEqual(['scheduled']);
    expect(sessions().detail(series.id).exceptions).toEqual([
      { date: '2026-12-10', kind: 'cancelled', reason: '停电' },
      { date: '2026-12-17', kind: 'moved', toDate: '2026-12-18', start: '09:00', end: '10:00', reason: '场地冲突' },
    ]);
    const cancelledEvent = storedEvents(kiosk).find((e) => e.type === 'session.cancelled')!;
    expect(cancelledEvent.data).toMatchObject({ sessionId: series.id, date: '2026-12-10', reason: '停电', startsAt: '2026-12-10T10:00:00.000+08:00' });
    const movedEvent = storedEvents(kiosk).filter((e) => e.type === 'session.scheduled').at(-1)!;
    expect(movedEvent.data).toMatchObject({ sessionId: series.id, date: '2026-12-17', movedTo: '2026-12-18', change: 'moved' });
    expect(codeOf(() => sessions().cancelDate(STAFF_ID, series.id, '2026-12-10', 'again'))).toBe('session_cancelled');
    // Cancelling the moved date keeps it on the day it moved to.
    expect(sessions().cancelDate(STAFF_ID, series.id, '2026-12-17', '老师病假')).toMatchObject({
      date: '2026-12-17', status: 'cancelled', moved: true, startsAt: '2026-12-18T09:00:00.000+08:00',
    });
    expect(sessions().detail(series.id).exceptions.at(-1)).toEqual({ date: '2026-12-17', kind: 'cancelled', reason: '老师病假' });
    expect(codeOf(() => sessions().cancelDate(STAFF_ID, series.id, '2026-12-11', 'not a Thursday'))).toBe('occurrence_not_found');
  });

  it('sign-ups move with their date, also into another week, and the member sees it on the new day', () => {
    const { id } = sessions().create(STAFF_ID, input());
    sessions().signUp(M(1), id, '2026-12-17', false);
    sessions().moveDate(STAFF_ID, id, '2026-12-17', { toDate: '2026-12-22', start: '10:00', end: '11:00', reason: '场地维修' });
    const tuesday = sessions().week('2026-12-21').days[1]!;
    expect(tuesday.sessions.find((s) => s.sessionId === id)).toMatchObject({ date: '2026-12-17', moved: true, signedUp: 1 });
    const memberTuesday = sessions().memberWeek(M(1), '2026-12-21').days[1]!;
    expect(memberTuesday.sessions.find((s) => s.sessionId === id)).toMatchObject({ mine: 'signed_up', startsAt: '2026-12-22T10:00:00.000+08:00' });
    expect(sessions().roster(id, '2026-12-17').signedUp.map((l) => l.memberId)).toEqual([M(1)]);
  });

  it('cancelling a whole series cancels every date from today on', () => {
    const series = sessions().create(STAFF_ID, input({ date: '2026-11-26' }));
    const detail = sessions().cancelSeries(STAFF_ID, series.id, '老师调走');
    expect(detail.cancelledFrom).toBe(TODAY);
    const statuses = (from: string) => sessions().week(from).days.flatMap((d) => d.sessions.filter((s) => s.sessionId === series.id).map((s) => `${s.date} ${s.status}`));
    expect(statuses('2026-11-23')).toEqual(['2026-11-26 scheduled']);
    expect(statuses('2026-11-30')).toEqual(['2026-12-03 cancelled']);
    expect(codeOf(() => sessions().signUp(M(1), series.id, '2026-12-10', false))).toBe('session_cancelled');
    expect(codeOf(() => sessions().cancelSeries(STAFF_ID, series.id, 'again', '2026-12-10'))).toBe('session_cancelled');
    expect(codeOf(() => sessions().cancelSeries(STAFF_ID, series.id, 'past', '2026-11-26'))).toBe('invalid_date');
    // An earlier date than the standing cancellation (still not in the past) is a real change.
    const other = sessions().create(STAFF_ID, input());
    sessions().cancelSeries(STAFF_ID, other.id, '年底停办', '2026-12-24');
    expect(sessions().cancelSeries(STAFF_ID, other.id, '提前停办', '2026-12-10').cancelledFrom).toBe('2026-12-10');
  });

  it('fills places up to capacity, then refuses or queues; cancelling promotes the first one waiting', () => {
    const { id } = sessions().create(STAFF_ID, input());
    expect(sessions().signUp(M(1), id, TODAY, false)).toMatchObject({ mine: 'signed_up', signedUp: 1, full: false });
    expect(sessions().signUp(M(2), id, TODAY, false)).toMatchObject({ mine: 'signed_up', signedUp: 2, full: true });
    expect(codeOf(() => sessions().signUp(M(3), id, TODAY, false))).toBe('session_full');
    expect(sessions().signUp(M(3), id, TODAY, true)).toMatchObject({ mine: 'waiting', waitingPosition: 1, waiting: 1 });
    expect(sessions().signUp(M(4), id, TODAY, true)).toMatchObject({ mine: 'waiting', waitingPosition: 2, waiting: 2 });
    // Repeats change nothing (and record nothing).
    const before = count(kiosk, 'activity_signups');
    expect(sessions().signUp(M(1), id, TODAY, false).mine).toBe('signed_up');
    expect(sessions().signUp(M(4), id, TODAY, true).waitingPosition).toBe(2);
    expect(count(kiosk, 'activity_signups')).toBe(before);

    expect(sessions().cancelSignup(M(1), id, TODAY)).toMatchObject({ mine: null, signedUp: 2, waiting: 1 });
    expect(sessions().memberToday(M(3)).mine.find((o) => o.sessionId === id)).toMatchObject({ mine: 'signed_up', waitingPosition: null });
    expect(sessions().memberToday(M(4)).mine.find((o) => o.sessionId === id)).toMatchObject({ mine: 'waiting', waitingPosition: 1 });
    // Leaving the waiting list promotes nobody and frees nothing.
    sessions().cancelSignup(M(4), id, TODAY);
    expect(sessions().cancelSignup(M(4), id, TODAY)).toMatchObject({ mine: null, waiting: 0 });

    const signed = storedEvents(kiosk).filter((e) => e.type === 'session.signed_up').map((e) => e.data);
    expect(signed.map((d) => [d.memberId, d.waiting, d.promoted, d.via])).toEqual([
      [M(1), false, false, 'kiosk'], [M(2), false, false, 'kiosk'], [M(3), true, false, 'kiosk'], [M(4), true, false, 'kiosk'], [M(3), false, true, 'kiosk'],
    ]);
    const cancelled = storedEvents(kiosk).filter((e) => e.type === 'session.signup_cancelled').map((e) => [e.data.memberId, e.data.wasWaiting]);
    expect(cancelled).toEqual([[M(1), false], [M(4), true]]);
  });

  it('raising the capacity gives the new places to those waiting, in order', () => {
    const { id } = sessions().create(STAFF_ID, input({ capacity: 1 }));
    sessions().signUp(M(1), id, TODAY, false);
    for (const n of [2, 3, 4]) sessions().signUp(M(n), id, TODAY, true);
    sessions().update(STAFF_ID, id, input({ capacity: 3 }));
    const roster = sessions().roster(id, TODAY);
    expect(roster.signedUp.map((l) => l.memberId)).toEqual([M(1), M(2), M(3)]);
    expect(roster.waiting.map((l) => [l.memberId, l.waitingPosition])).toEqual([[M(4), 1]]);
  });

  it('refuses sign-ups after the end, for unknown occurrences and for inactive members', () => {
    const { id } = sessions().create(STAFF_ID, input());
    expect(codeOf(() => sessions().signUp(M(1), 'nope', TODAY, false))).toBe('session_not_found');
    expect(codeOf(() => sessions().signUp(M(1), id, '2026-12-04', false))).toBe('occurrence_not_found');
    expect(codeOf(() => sessions().signUp('mem_demo_13', id, TODAY, false))).toBe('member_inactive');
    expect(codeOf(() => sessions().signUpByStaff(STAFF_ID, id, TODAY, 'mem_nobody', false))).toBe('member_not_found');
    sessions().signUp(M(1), id, TODAY, false);
    kiosk.clock.advance(2.5 * HOUR); // 11:30: ended
    expect(codeOf(() => sessions().signUp(M(2), id, TODAY, false))).toBe('session_ended');
    expect(codeOf(() => sessions().cancelSignup(M(1), id, TODAY))).toBe('session_ended');
    expect(sessions().memberToday(M(1)).mine.find((o) => o.sessionId === id)).toBeUndefined();
    expect(sessions().memberWeek(M(1), TODAY).days[0]!.sessions.find((o) => o.sessionId === id)).toMatchObject({ closed: true, mine: 'signed_up' });
  });

  it('today for you: the member\'s first, then open ones; the check-in outcome lists the same', () => {
    sessions().create(STAFF_ID, input({ title: '早操', start: '09:15', end: '10:00', capacity: null }));
    const late = sessions().create(STAFF_ID, input({ title: '合唱', start: '15:00', end: '16:00' }));
    sessions().create(STAFF_ID, input({ title: '晨读', start: '08:00', end: '08:30' })); // over by 09:00
    sessions().signUp(M(1), late.id, TODAY, false);
    const today = sessions().memberToday(M(1));
    expect(today.date).toBe(TODAY);
    expect(today.mine.map((o) => o.title)).toEqual(['合唱']);
    // Open ones in start order, the demo timetable's Thursday included; the ended one left out.
    expect(today.open.map((o) => `${o.startsAt.slice(11, 16)} ${o.title}`)).toEqual(['09:15 早操', '09:30 肢体康复', '14:00 电脑技能']);
    const outcome = expectKind(touch(kiosk, 1), 'checked_in');
    expect(outcome.activities.map((a) => a.sessionId)).toEqual([...today.mine, ...today.open].map((o) => o.sessionId));
    expect(outcome.activities[0]).toMatchObject({ sessionId: late.id, mine: 'signed_up' });
  });

  it('attendance: marks per member, latest wins; absent on leave is excused; a present walk-in is added', async () => {
    const { id } = sessions().create(STAFF_ID, input({ capacity: 1 }));
    sessions().signUp(M(1), id, TODAY, false);
    sessions().signUp(M(2), id, TODAY, true);
    kiosk.services.leave.record(STAFF_ID, { memberId: M(1), from: TODAY, to: TODAY, reason: '看病' });
    touch(kiosk, 3); // 王建国 checked in, not signed up: a walk-in
    let roster = sessions().roster(id, TODAY);
    expect(roster.signedUp).toEqual([{ memberId: M(1), name: '张伟', checkedIn: false, onLeave: true, mark: null, waitingPosition: null }]);
    expect(roster.walkIns.map((l) => [l.memberId, l.checkedIn])).toEqual([[M(3), true]]);

    roster = sessions().mark(STAFF_ID, id, TODAY, { marks: [{ memberId: M(1), status: 'absent' }, { memberId: M(3), status: 'present' }] });
    expect(roster.signedUp.map((l) => [l.memberId, l.mark])).toEqual([[M(1), 'excused'], [M(3), 'present']]);
    expect(roster.walkIns).toEqual([]);
    expect(roster.occurrence.signedUp).toBe(2); // the walk-in is over capacity, and that is fine: they are here
    const attended = storedEvents(kiosk).filter((e) => e.type === 'session.attended').map((e) => e.data);
    expect(attended).toEqual([
      { sessionId: id, date: TODAY, memberId: M(1), status: 'excused', staffId: STAFF_ID, asked: 'absent' },
      { sessionId: id, date: TODAY, memberId: M(3), status: 'present', staffId: STAFF_ID },
    ]);
    // The same marks again record nothing; a changed mark is appended and wins.
    sessions().mark(STAFF_ID, id, TODAY, { marks: [{ memberId: M(3), status: 'present' }] });
    expect(count(kiosk, 'activity_attendance')).toBe(2);
    roster = sessions().mark(STAFF_ID, id, TODAY, { marks: [{ memberId: M(3), status: 'absent' }] });
    expect(roster.signedUp.find((l) => l.memberId === M(3))!.mark).toBe('absent');
    expect(count(kiosk, 'activity_attendance')).toBe(3);
    // Absent/excused only for people on the roster; unknown members are refused and nothing changes.
    expect(codeOf(() => sessions().mark(STAFF_ID, id, TODAY, { marks: [{ memberId: M(5), status: 'absent' }] }))).toBe('not_on_roster');
    expect(codeOf(() => sessions().mark(STAFF_ID, id, TODAY, { marks: [{ memberId: M(4), status: 'present' }, { memberId: 'mem_x', status: 'present' }] }))).toBe('member_not_found');
    expect(count(kiosk, 'activity_attendance')).toBe(3);
    // Not before the day.
    expect(codeOf(() => sessions().mark(STAFF_ID, id, '2026-12-10', { marks: [{ memberId: M(1), status: 'present' }] }))).toBe('session_not_started');
    const audit = kiosk.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'session.%' ORDER BY id`).all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['session.create', 'session.signup_signed_up', 'session.attendance', 'session.attendance']);
  });

  it('no-show: members signed up for a session today are expected; leave and a cancelled date excuse them', () => {
    const now = () => kiosk.clock.now();
    const tz = 'Asia/Shanghai';
    const { id } = sessions().create(STAFF_ID, input());
    const other = sessions().create(STAFF_ID, input({ title: '书法', start: '14:00', end: '15:00', capacity: 1 }));
    expect(findNoShows(kiosk.db, now(), tz, 3)).toEqual([]);
    sessions().signUp(M(1), id, TODAY, false);
    sessions().signUp(M(2), id, TODAY, false);
    sessions().signUp(M(6), other.id, TODAY, false);
    sessions().signUp(M(4), other.id, TODAY, true); // waiting: not expected
    sessions().signUp(M(5), other.id, '2026-12-10', false); // next week: not expected today
    expect(findNoShows(kiosk.db, now(), tz, 3).map((n) => n.memberId).sort()).toEqual([M(1), M(2), M(6)]);
    kiosk.services.leave.record(STAFF_ID, { memberId: M(2), from: TODAY, to: '2026-12-05', reason: '住院' });
    touch(kiosk, 1);
    sessions().cancelDate(STAFF_ID, other.id, TODAY, '老师请假');
    expect(findNoShows(kiosk.db, now(), tz, 3)).toEqual([]);
  });
});
