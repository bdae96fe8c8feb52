import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import {
  attendanceRows, errorOf, expectKind, presentCard, storedEvents, touch,
} from '../helpers.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('member attendance through the reader and the kiosk routes', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  it('checks in a member on their first finger of the day', () => {
    const outcome = expectKind(touch(kiosk, 1), 'checked_in');
    expect(outcome).toMatchObject({ member: { id: 'mem_demo_01', name: '张伟' }, method: 'fingerprint', repeat: false, at: '2026-12-03T09:00:00.000+08:00' });
    expect(attendanceRows(kiosk)).toMatchObject([{ member_id: 'mem_demo_01', direction: 'in', method: 'fingerprint', local_date: '2026-12-03' }]);
  });

  it('shows the same welcome and records nothing when the same finger comes again within 60 s', () => {
    touch(kiosk, 1);
    kiosk.clock.advance(59 * SECOND);
    const again = expectKind(touch(kiosk, 1), 'checked_in');
    expect(again.repeat).toBe(true);
    expect(again.at).toBe('2026-12-03T09:00:00.000+08:00');
    expect(attendanceRows(kiosk)).toHaveLength(1);
    expect(storedEvents(kiosk)).toHaveLength(1);
  });

  it('asks before checking out a member who is already in, and records nothing by asking', () => {
    touch(kiosk, 1);
    kiosk.clock.advance(2 * 60 * MINUTE);
    const ask = expectKind(touch(kiosk, 1), 'confirm_checkout');
    expect(ask.checkedInAt).toBe('2026-12-03T09:00:00.000+08:00');
    expect(ask.expiresAt).toBe('2026-12-03T11:01:30.000+08:00');
    expect(ask.confirmToken.length).toBeGreaterThanOrEqual(8);
    expect(attendanceRows(kiosk)).toHaveLength(1);
  });

  it('leaves the member checked in when the "leaving?" question gets no answer', () => {
    touch(kiosk, 1);
    kiosk.clock.advance(60 * MINUTE);
    expectKind(touch(kiosk, 1), 'confirm_checkout');
    kiosk.clock.advance(5 * MINUTE);
    expect(kiosk.services.attendance.todayOverview().present.map((l) => l.memberId)).toEqual(['mem_demo_01']);
    expectKind(touch(kiosk, 1), 'confirm_checkout');
    expect(attendanceRows(kiosk)).toHaveLength(1);
  });

  it('checks the member out when they answer yes', async () => {
    touch(kiosk, 1);
    kiosk.clock.advance(60 * MINUTE);
    const { confirmToken } = expectKind(touch(kiosk, 1), 'confirm_checkout');
    kiosk.clock.advance(5 * SECOND);
    const res = await kiosk.post('/api/attendance/checkout', { confirmToken });
    expect(res.status).toBe(200);
    const out = expectKind(await res.json(), 'checked_out');
    expect(out).toMatchObject({ repeat: false, method: 'fingerprint', at: '2026-12-03T10:00:05.000+08:00' });
    expect(attendanceRows(kiosk).map((r) => [r.direction, r.method])).toEqual([['in', 'fingerprint'], ['out', 'fingerprint']]);
    expect(storedEvents(kiosk).map((e) => e.type)).toEqual(['attendance.checked_in', 'attendance.checked_out']);
  });

  it('accepts a leave confirmation only once', async () => {
    touch(kiosk, 1);
    kiosk.clock.advance(60 * MINUTE);
    const { confirmToken } = expectKind(touch(kiosk, 1), 'confirm_checkout');
    expect((await kiosk.post('/api/attendance/checkout', { confirmToken })).status).toBe(200);
    const second = await kiosk.post('/api/attendance/checkout', { confirmToken });
    expect(second.status).toBe(410);
    expect((await errorOf(second)).code).toBe('token_expired');
    expect(attendanceRows(kiosk)).toHaveLength(2);
  });

  it('refuses a leave confirmation older than 90 s with 410 token_expired', async () => {
    touch(kiosk, 1);
    kiosk.clock.advance(60 * MINUTE);
    const { confirmToken } = expectKind(touch(kiosk, 1), 'confirm_checkout');
    kiosk.clock.advance(90 * SECOND + 1);
    const res = await kiosk.post('/api/attendance/checkout', { confirmToken });
    expect(res.status).toBe(410);
    expect((await errorOf(res)).code).toBe('token_expired');
    expect(attendanceRows(kiosk)).toHaveLength(1);
  });

  it('still accepts a leave confirmation 89 s after the question', async () => {
    touch(kiosk, 1);
    kiosk.clock.advance(60 * MINUTE);
    const { confirmToken } = expectKind(touch(kiosk, 1), 'confirm_checkout');
    kiosk.clock.advance(89 * SECOND);
    expect((await kiosk.post('/api/attendance/checkout', { confirmToken })).status).toBe(200);
  });

  it('refuses a made-up confirmation token', async () => {
    const res = await kiosk.post('/api/attendance/checkout', { confirmToken: 'not-a-real-token' });
    expect(res.status).toBe(410);
    expect(attendanceRows(kiosk)).toHaveLength(0);
  });

  it('shows the same goodbye and records nothing when the finger comes again within 60 s of check-out', async () => {
    touch(kiosk, 1);
    kiosk.clock.advance(60 * MINUTE);
    const { confirmToken } = expectKind(touch(kiosk, 1), 'confirm_checkout');
    await kiosk.post('/api/attendance/checkout', { confirmToken });
    kiosk.clock.advance(30 * SECOND);
    const again = expectKind(touch(kiosk, 1), 'checked_out');
    expect(again).toMatchObject({ repeat: true, at: '2026-12-03T10:00:00.000+08:00' });
    expect(attendanceRows(kiosk)).toHaveLength(2);
  });

  it('checks a member in again who left more than 60 s ago', async () => {
    touch(kiosk, 1);
    kiosk.clock.advance(60 * MINUTE);
    const { confirmToken } = expectKind(touch(kiosk, 1), 'confirm_checkout');
    await kiosk.post('/api/attendance/checkout', { confirmToken });
    kiosk.clock.advance(61 * SECOND);
    expect(expectKind(touch(kiosk, 1), 'checked_in').repeat).toBe(false);
    expect(attendanceRows(kiosk).map((r) => r.direction)).toEqual(['in', 'out', 'in']);
  });

  it("does not count yesterday's open check-in today (23:59 and 00:01 Shanghai time)", async () => {
    kiosk.clock.ms = Date.parse('2026-12-03T23:59:00+08:00');
    touch(kiosk, 1);
    kiosk.clock.advance(2 * MINUTE);
    const today = expectKind(touch(kiosk, 1), 'checked_in');
    expect(today).toMatchObject({ repeat: false, at: '2026-12-04T00:01:00.000+08:00' });
    expect(attendanceRows(kiosk).map((r) => [r.direction, r.local_date])).toEqual([['in', '2026-12-03'], ['in', '2026-12-04']]);
  });

  it('does not check out with a confirmation that crosses midnight into a day the member has not checked in', async () => {
    kiosk.clock.ms = Date.parse('2026-12-03T23:58:00+08:00');
    touch(kiosk, 1);
    kiosk.clock.advance(61 * SECOND);
    const { confirmToken } = expectKind(touch(kiosk, 1), 'confirm_checkout');
    kiosk.clock.advance(60 * SECOND); // now 00:00:01 on the 4th
    const res = await kiosk.post('/api/attendance/checkout', { confirmToken });
    // no goodbye for a check-out that did not happen: the kiosk asks the member to identify again
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'not_checked_in' } });
    expect(attendanceRows(kiosk).map((r) => r.direction)).toEqual(['in']);
  });

  it('checks in by card with method card', async () => {
    const outcome = expectKind(await presentCard(kiosk, '100002'), 'checked_in');
    expect(outcome).toMatchObject({ member: { id: 'mem_demo_02' }, method: 'card' });
    expect(attendanceRows(kiosk)).toMatchObject([{ member_id: 'mem_demo_02', method: 'card' }]);
    expect(storedEvents(kiosk)[0]!.data).toMatchObject({ memberId: 'mem_demo_02', method: 'card' });
  });

  it('checks out by card with method card when the member confirms', async () => {
    await presentCard(kiosk, '100003');
    kiosk.clock.advance(30 * MINUTE);
    const { confirmToken } = expectKind(await presentCard(kiosk, '100003'), 'confirm_checkout');
    expectKind(await (await kiosk.post('/api/attendance/checkout', { confirmToken })).json(), 'checked_out');
    expect(attendanceRows(kiosk).map((r) => r.method)).toEqual(['card', 'card']);
    expect(storedEvents(kiosk)[1]!.data).toMatchObject({ memberId: 'mem_demo_03', method: 'card' });
  });

  it('records attendance.checked_in with attendanceId, memberId and method, and the row points at its event', () => {
    touch(kiosk, 4);
    const [event] = storedEvents(kiosk);
    const [row] = attendanceRows(kiosk);
    expect(event!.type).toBe('attendance.checked_in');
    expect(event!.data).toEqual({ attendanceId: row!.id, memberId: 'mem_demo_04', method: 'fingerprint' });
    expect(row!.event_id).toBe(event!.id);
  });

  it('keeps each member separate: one member checking in does not change another', () => {
    touch(kiosk, 1);
    kiosk.clock.advance(5 * MINUTE);
    expectKind(touch(kiosk, 2), 'checked_in');
    const overview = kiosk.services.attendance.todayOverview();
    expect(overview.present.map((l) => l.memberId).sort()).toEqual(['mem_demo_01', 'mem_demo_02']);
  });
});
