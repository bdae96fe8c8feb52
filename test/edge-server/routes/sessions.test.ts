import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  MemberOccurrence, MemberToday, MemberWeek, SessionDetail, SessionInput, SessionOccurrence, SessionRoster, StaffCard, StaffWeek,
} from '../../../edge-server/src/api-types.js';
import { MEMBER_VISIT_HEADER } from '../../../edge-server/src/routes/member-visit.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { count, errorOf, expectKind, STAFF_ID, staffCookie, touch } from '../helpers.js';

const TODAY = '2026-12-03';
const NEW_SESSION: SessionInput = {
  title: '手工编织', kind: 'skills_training', room: '手工室', leadStaffId: STAFF_ID, capacity: 1,
  date: TODAY, start: '10:00', end: '11:30', repeat: 'weekly', until: null,
};

/** Tables a refused request must leave as they were. */
const TABLES = ['activity_sessions', 'activity_session_versions', 'activity_session_exceptions', 'activity_session_cancellations',
  'activity_signups', 'activity_attendance', 'events', 'audit_log'];

describe('sessions routes', () => {
  let kiosk: TestKiosk;
  let cookie: string;
  let visit: string;

  beforeEach(async () => {
    kiosk = await createTestKiosk({ demo: true });
    cookie = await staffCookie(kiosk);
    visit = expectKind(touch(kiosk, 1), 'checked_in').visit.token;
  });
  afterEach(() => kiosk.stop());

  const staffGet = (path: string) => kiosk.app.request(path, { headers: { cookie } });
  const staffPost = (path: string, body: unknown) => kiosk.post(path, body, { cookie });
  const staffPut = (path: string, body: unknown) => kiosk.app.request(path, {
    method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const memberGet = (path: string) => kiosk.app.request(path, { headers: { [MEMBER_VISIT_HEADER]: visit } });
  const memberPost = (path: string, body: unknown) => kiosk.post(path, body, { [MEMBER_VISIT_HEADER]: visit });
  const snapshot = () => TABLES.map((t) => count(kiosk, t));

  async function create(overrides: Partial<SessionInput> = {}): Promise<SessionDetail> {
    const res = await staffPost('/api/staff/sessions', { ...NEW_SESSION, ...overrides });
    expect(res.status).toBe(201);
    return (await res.json()) as SessionDetail;
  }

  async function expectRefused(res: Response | Promise<Response>, status: number, code: string): Promise<void> {
    const r = await res;
    expect(r.status).toBe(status);
    expect((await errorOf(r)).code).toBe(code);
  }

  it('staff routes need a signed-in staff member', async () => {
    const { id } = await create();
    const paths: [string, string][] = [
      ['GET', '/api/staff/schedule/week'], ['GET', '/api/staff/colleagues'], ['POST', '/api/staff/sessions'],
      ['GET', `/api/staff/sessions/${id}`], ['PUT', `/api/staff/sessions/${id}`], ['POST', `/api/staff/sessions/${id}/cancel`],
      ['GET', `/api/staff/sessions/${id}/dates/${TODAY}`], ['POST', `/api/staff/sessions/${id}/dates/${TODAY}/cancel`],
      ['POST', `/api/staff/sessions/${id}/dates/${TODAY}/move`], ['POST', `/api/staff/sessions/${id}/dates/${TODAY}/attendance`],
      ['POST', `/api/staff/sessions/${id}/dates/${TODAY}/signups`], ['POST', `/api/staff/sessions/${id}/dates/${TODAY}/signups/cancel`],
    ];
    for (const [method, path] of paths) {
      const res = await kiosk.app.request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('member routes need a visit', async () => {
    for (const [method, path] of [['GET', '/api/member/today'], ['GET', '/api/member/week'], ['POST', '/api/member/signups'], ['POST', '/api/member/signups/cancel']] as const) {
      const res = await kiosk.app.request(path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it('create, read, edit and cancel a series; the planner week and the lead picker', async () => {
    const created = await create();
    expect(created).toMatchObject({ title: '手工编织', capacity: 1, lead: { id: STAFF_ID, name: '王芳' }, cancelledFrom: null });
    const read = (await (await staffGet(`/api/staff/sessions/${created.id}`)).json()) as SessionDetail;
    expect(read).toEqual(created);
    const edited = await staffPut(`/api/staff/sessions/${created.id}`, { ...NEW_SESSION, title: '布艺', capacity: null, room: '' });
    expect(edited.status).toBe(200);
    expect((await edited.json()) as SessionDetail).toMatchObject({ title: '布艺', capacity: null, room: null });

    const week = (await (await staffGet('/api/staff/schedule/week?from=2026-11-30')).json()) as StaffWeek;
    expect(week.from).toBe('2026-11-30');
    expect(week.days.map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(week.days[3]!.sessions.map((s) => s.title)).toContain('布艺');
    expect(week.days[0]!.sessions.map((s) => s.title)).toContain('康复训练'); // the demo timetable
    const defaultWeek = (await (await staffGet('/api/staff/schedule/week')).json()) as StaffWeek;
    expect(defaultWeek.from).toBe(TODAY);

    const colleagues = (await (await staffGet('/api/staff/colleagues')).json()) as { staff: StaffCard[] };
    expect(colleagues.staff).toEqual([{ id: STAFF_ID, name: '王芳', role: '助残员' }]);

    const cancelled = await staffPost(`/api/staff/sessions/${created.id}/cancel`, { reason: '停办' });
    expect(((await cancelled.json()) as SessionDetail).cancelledFrom).toBe(TODAY);
  });

  it('refuses bad series input and changes nothing', async () => {
    const before = snapshot();
    const bad: [unknown, number, string][] = [
      ['{"title":', 400, 'malformed_json'],
      [{ ...NEW_SESSION, title: 7 }, 400, 'invalid_body'],
      [{ ...NEW_SESSION, kind: 'karaoke' }, 400, 'invalid_body'],
      [{ ...NEW_SESSION, capacity: 0 }, 400, 'invalid_body'],
      [{ ...NEW_SESSION, capacity: -3 }, 400, 'invalid_body'],
      [{ ...NEW_SESSION, capacity: 2.5 }, 400, 'invalid_body'],
      [{ ...NEW_SESSION, title: '长'.repeat(61) }, 400, 'invalid_body'],
      [{ ...NEW_SESSION, date: '2026-02-30' }, 400, 'invalid_date'],
      [{ ...NEW_SESSION, date: '03/12/2026' }, 400, 'invalid_date'],
      [{ ...NEW_SESSION, start: '25:00' }, 400, 'invalid_time'],
      [{ ...NEW_SESSION, start: '11:00', end: '10:00' }, 400, 'invalid_range'],
      [{ ...NEW_SESSION, start: '10:00', end: '10:00' }, 400, 'invalid_range'],
      [{ ...NEW_SESSION, until: '2026-12-01' }, 400, 'invalid_range'],
      [{ ...NEW_SESSION, leadStaffId: 'stf_nobody' }, 404, 'staff_not_found'],
    ];
    for (const [body, status, code] of bad) await expectRefused(staffPost('/api/staff/sessions', body), status, code);
    await expectRefused(kiosk.app.request('/api/staff/sessions', { method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: '{}' }), 415, 'unsupported_media_type');
    await expectRefused(staffPut('/api/staff/sessions/nope', NEW_SESSION), 404, 'session_not_found');
    await expectRefused(staffGet('/api/staff/sessions/nope'), 404, 'session_not_found');
    await expectRefused(staffGet('/api/staff/schedule/week?from=2026-13-01'), 400, 'invalid_date');
    await expectRefused(staffGet('/api/staff/schedule/week?from=yesterday'), 400, 'invalid_date');
    expect(snapshot()).toEqual(before);
  });

  it('an edit applies from effectiveFrom (optional); a past, malformed or mistyped one is refused and changes nothing', async () => {
    const { id } = await create();
    const before = snapshot();
    const bad: [unknown, string][] = [
      [{ ...NEW_SESSION, effectiveFrom: '2026-12-02' }, 'invalid_date'],
      [{ ...NEW_SESSION, effectiveFrom: '2026-13-01' }, 'invalid_date'],
      [{ ...NEW_SESSION, effectiveFrom: 'tomorrow!!' }, 'invalid_date'],
      [{ ...NEW_SESSION, effectiveFrom: 20261210 }, 'invalid_body'],
      [{ ...NEW_SESSION, effectiveFrom: null }, 'invalid_body'],
    ];
    for (const [body, code] of bad) await expectRefused(staffPut(`/api/staff/sessions/${id}`, body), 400, code);
    expect(snapshot()).toEqual(before);

    const res = await staffPut(`/api/staff/sessions/${id}`, { ...NEW_SESSION, title: '布艺手工', start: '14:00', end: '15:00', effectiveFrom: '2026-12-17' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: '布艺手工', start: '14:00' });
    const ours = async (from: string) => ((await (await staffGet(`/api/staff/schedule/week?from=${from}`)).json()) as StaffWeek).days
      .flatMap((d) => d.sessions.filter((s) => s.sessionId === id).map((s) => `${s.title} ${s.startsAt}`));
    expect(await ours('2026-11-30')).toEqual(['手工编织 2026-12-03T10:00:00.000+08:00']);
    expect(await ours('2026-12-07')).toEqual(['手工编织 2026-12-10T10:00:00.000+08:00']);
    expect(await ours('2026-12-14')).toEqual(['布艺手工 2026-12-17T14:00:00.000+08:00']);
  });

  it('cancel and move one date; bad dates and unknown ids are refused without changes', async () => {
    const { id } = await create();
    const before = snapshot();
    await expectRefused(staffPost(`/api/staff/sessions/${id}/dates/2026-12-04/cancel`, { reason: 'x' }), 404, 'occurrence_not_found');
    await expectRefused(staffPost(`/api/staff/sessions/${id}/dates/2026-12-40/cancel`, { reason: 'x' }), 400, 'invalid_date');
    await expectRefused(staffPost(`/api/staff/sessions/nope/dates/${TODAY}/cancel`, { reason: 'x' }), 404, 'session_not_found');
    await expectRefused(staffPost(`/api/staff/sessions/${id}/dates/${TODAY}/cancel`, { reason: '' }), 400, 'invalid_body');
    const move = (body: unknown) => staffPost(`/api/staff/sessions/${id}/dates/2026-12-10/move`, body);
    await expectRefused(move({ toDate: '2026-12-11', start: '15:00', end: '14:00', reason: 'x' }), 400, 'invalid_range');
    await expectRefused(move({ toDate: '2026-12-32', start: '14:00', end: '15:00', reason: 'x' }), 400, 'invalid_date');
    await expectRefused(move({ toDate: '2026-12-01', start: '14:00', end: '15:00', reason: 'x' }), 400, 'invalid_date');
    await expectRefused(move({ toDate: '2027-06-01', start: '14:00', end: '15:00', reason: 'x' }), 400, 'invalid_range');
    await expectRefused(move({ toDate: '2026-12-11', start: '2pm', end: '15:00', reason: 'x' }), 400, 'invalid_body');
    expect(snapshot()).toEqual(before);

    const cancelled = await staffPost(`/api/staff/sessions/${id}/dates/2026-12-17/cancel`, { reason: '节日' });
    expect(((await cancelled.json()) as SessionOccurrence)).toMatchObject({ date: '2026-12-17', status: 'cancelled' });
    const moved = await move({ toDate: '2026-12-11', start: '14:00', end: '15:00', reason: '场地' });
    expect(moved.status).toBe(200);
    expect((await moved.json()) as SessionOccurrence).toMatchObject({ date: '2026-12-10', moved: true, startsAt: '2026-12-11T14:00:00.000+08:00' });
    const detail = (await (await staffGet(`/api/staff/sessions/${id}`)).json()) as SessionDetail;
    expect(detail.exceptions.map((e) => e.kind)).toEqual(['moved', 'cancelled']);
  });

  it('members: today, this week, sign up, full → waiting list, cancel', async () => {
    const { id } = await create();
    const today = (await (await memberGet('/api/member/today')).json()) as MemberToday;
    expect(today.mine).toEqual([]);
    expect(today.open.find((o) => o.sessionId === id)).toMatchObject({ mine: null, full: false, closed: false, capacity: 1 });

    const signed = await memberPost('/api/member/signups', { sessionId: id, date: TODAY });
    expect(signed.status).toBe(200);
    expect((await signed.json()) as MemberOccurrence).toMatchObject({ mine: 'signed_up', full: true, signedUp: 1 });
    const again = await memberPost('/api/member/signups', { sessionId: id, date: TODAY });
    expect(((await again.json()) as MemberOccurrence).mine).toBe('signed_up');

    // Another member finds it full, then joins the waiting list.
    const other = expectKind(touch(kiosk, 2), 'checked_in').visit.token;
    const full = await kiosk.post('/api/member/signups', { sessionId: id, date: TODAY }, { [MEMBER_VISIT_HEADER]: other });
    expect(full.status).toBe(409);
    expect((await errorOf(full)).code).toBe('session_full');
    const waiting = await kiosk.post('/api/member/signups', { sessionId: id, date: TODAY, waitlist: true }, { [MEMBER_VISIT_HEADER]: other });
    expect((await waiting.json()) as MemberOccurrence).toMatchObject({ mine: 'waiting', waitingPosition: 1 });

    const cancel = await memberPost('/api/member/signups/cancel', { sessionId: id, date: TODAY });
    expect((await cancel.json()) as MemberOccurrence).toMatchObject({ mine: null, signedUp: 1, waiting: 0 });
    const otherToday = (await (await kiosk.app.request('/api/member/today', { headers: { [MEMBER_VISIT_HEADER]: other } })).json()) as MemberToday;
    expect(otherToday.mine.find((o) => o.sessionId === id)).toMatchObject({ mine: 'signed_up' });

    const week = (await (await memberGet('/api/member/week?from=2026-12-07')).json()) as MemberWeek;
    expect(week.from).toBe('2026-12-07');
    expect(week.days).toHaveLength(7);
    expect(week.days[3]!.sessions.find((o) => o.sessionId === id)).toMatchObject({ date: '2026-12-10', mine: null, closed: false });
    expect(((await (await memberGet('/api/member/week')).json()) as MemberWeek).from).toBe(TODAY);
  });

  it('members: bad input is refused and changes nothing', async () => {
    const { id } = await create();
    const before = snapshot();
    await expectRefused(memberPost('/api/member/signups', 'not json'), 400, 'malformed_json');
    await expectRefused(memberPost('/api/member/signups', { sessionId: id }), 400, 'invalid_body');
    await expectRefused(memberPost('/api/member/signups', { sessionId: id, date: TODAY, waitlist: 'yes' }), 400, 'invalid_body');
    await expectRefused(memberPost('/api/member/signups', { sessionId: id, date: '2026-02-31' }), 400, 'invalid_date');
    await expectRefused(memberPost('/api/member/signups', { sessionId: 'x'.repeat(65), date: TODAY }), 400, 'invalid_body');
    await expectRefused(memberPost('/api/member/signups', { sessionId: 'nope', date: TODAY }), 404, 'session_not_found');
    await expectRefused(memberPost('/api/member/signups', { sessionId: id, date: '2026-12-05' }), 404, 'occurrence_not_found');
    await expectRefused(memberPost('/api/member/signups/cancel', { sessionId: id, date: '20261203' }), 400, 'invalid_body');
    await expectRefused(memberGet('/api/member/week?from=2026-12-3x'), 400, 'invalid_date');
    expect(snapshot()).toEqual(before);
  });

  it('staff: roster, sign-ups for a member (place or waiting list), attendance marks', async () => {
    const { id } = await create();
    const base = `/api/staff/sessions/${id}/dates/${TODAY}`;
    let roster = (await (await staffPost(`${base}/signups`, { memberId: 'mem_demo_02' })).json()) as SessionRoster;
    expect(roster.signedUp.map((l) => l.memberId)).toEqual(['mem_demo_02']);
    await expectRefused(staffPost(`${base}/signups`, { memberId: 'mem_demo_03' }), 409, 'session_full');
    roster = (await (await staffPost(`${base}/signups`, { memberId: 'mem_demo_03', waitlist: true })).json()) as SessionRoster;
    expect(roster.waiting.map((l) => [l.memberId, l.waitingPosition])).toEqual([['mem_demo_03', 1]]);
    // 张伟 checked in (beforeEach) and has no place: a walk-in.
    roster = (await (await staffGet(base)).json()) as SessionRoster;
    expect(roster.walkIns.map((l) => l.memberId)).toEqual(['mem_demo_01']);
    expect(roster.occurrence).toMatchObject({ sessionId: id, date: TODAY, signedUp: 1, waiting: 1 });

    roster = (await (await staffPost(`${base}/attendance`, { marks: [{ memberId: 'mem_demo_01', status: 'present' }, { memberId: 'mem_demo_02', status: 'absent' }] })).json()) as SessionRoster;
    expect(roster.signedUp.map((l) => [l.memberId, l.mark, l.checkedIn])).toEqual([['mem_demo_02', 'absent', false], ['mem_demo_01', 'present', true]]);
    roster = (await (await staffPost(`${base}/signups/cancel`, { memberId: 'mem_demo_02' })).json()) as SessionRoster;
    // The walk-in already fills the one place, so the freed place goes to nobody yet.
    expect(roster.signedUp.map((l) => l.memberId)).toEqual(['mem_demo_01']);
    expect(roster.waiting.map((l) => l.memberId)).toEqual(['mem_demo_03']);

    const before = snapshot();
    await expectRefused(staffPost(`${base}/attendance`, { marks: [] }), 400, 'invalid_body');
    await expectRefused(staffPost(`${base}/attendance`, { marks: [{ memberId: 'mem_demo_01', status: 'late' }] }), 400, 'invalid_body');
    await expectRefused(staffPost(`${base}/attendance`, { marks: [{ memberId: 'mem_nobody', status: 'present' }] }), 404, 'member_not_found');
    await expectRefused(staffPost(`${base}/signups`, { memberId: 'mem_nobody' }), 404, 'member_not_found');
    await expectRefused(staffPost(`${base}/signups`, { memberId: 'mem_demo_13' }), 409, 'member_inactive');
    await expectRefused(staffGet(`/api/staff/sessions/${id}/dates/2026-12-05`), 404, 'occurrence_not_found');
    await expectRefused(staffGet(`/api/staff/sessions/${id}/dates/tomorrow`), 400, 'invalid_date');
    expect(snapshot()).toEqual(before);
  });
});
