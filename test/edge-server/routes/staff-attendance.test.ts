import { describe, expect, it } from 'vitest';
import type { TodayAttendance } from '../../../edge-server/src/api-types.js';
import {
  attendanceRows, errorOf, expectKind, STAFF_ID, storedEvents, touch,
} from '../helpers.js';
import { useStaffArea } from './staff-area.js';

const MINUTE = 60_000;

describe("staff view and edits of today's attendance", () => {
  const area = useStaffArea('');

  async function overview(): Promise<TodayAttendance> {
    const res = await area.kiosk.app.request('/api/staff/attendance/today', { headers: { cookie: area.cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as TodayAttendance;
  }

  function manual(memberId: string, direction: 'in' | 'out', reason = 'forgot card'): Promise<Response> {
    return area.kiosk.post('/api/staff/attendance', { memberId, direction, reason }, { cookie: area.cookie });
  }

  function correct(body: Record<string, unknown>): Promise<Response> {
    return area.kiosk.post('/api/staff/attendance/corrections', { reason: 'staff saw it happen', ...body }, { cookie: area.cookie });
  }

  async function checkOutBy(slot: number): Promise<void> {
    const { confirmToken } = expectKind(touch(area.kiosk, slot), 'confirm_checkout');
    expect((await area.kiosk.post('/api/attendance/checkout', { confirmToken })).status).toBe(200);
  }

  it('lists present, left and not-yet members (active members only)', async () => {
    touch(area.kiosk, 1);
    touch(area.kiosk, 2);
    area.kiosk.clock.advance(4 * MINUTE); // less than the staff idle timeout
    await checkOutBy(2);
    const today = await overview();
    expect(today.date).toBe('2026-12-03');
    expect(today.present).toEqual([expect.objectContaining({
      memberId: 'mem_demo_01', name: '张伟', checkedInAt: '2026-12-03T09:00:00.000+08:00', checkInMethod: 'fingerprint', checkOutId: null, checkedOutAt: null,
    })]);
    expect(today.left).toEqual([expect.objectContaining({ memberId: 'mem_demo_02', checkedOutAt: '2026-12-03T09:04:00.000+08:00' })]);
    expect(today.notYet).toHaveLength(12);
    expect(today.notYet.map((m) => m.memberId)).not.toContain('mem_demo_13');
  });

  it('checks a member in for them with method staff_assisted, the staff id and the reason', async () => {
    const res = await manual('mem_demo_03', 'in', 'reader did not read the finger');
    expect(res.status).toBe(201);
    const { attendanceId } = (await res.json()) as { attendanceId: string };
    expect(attendanceRows(area.kiosk)).toMatchObject([{ id: attendanceId, direction: 'in', method: 'staff_assisted', staff_id: STAFF_ID, note: 'reader did not read the finger' }]);
    expect(storedEvents(area.kiosk)[0]).toMatchObject({
      type: 'attendance.checked_in',
      data: { attendanceId, memberId: 'mem_demo_03', method: 'staff_assisted', staffId: STAFF_ID, note: 'reader did not read the finger' },
    });
    expect((await overview()).present).toEqual([expect.objectContaining({ memberId: 'mem_demo_03', checkInMethod: 'staff_assisted' })]);
  });

  it('checks a member out for them with event attendance.checked_out carrying staffId', async () => {
    touch(area.kiosk, 4);
    area.kiosk.clock.advance(MINUTE);
    expect((await manual('mem_demo_04', 'out', 'went home with family')).status).toBe(201);
    expect(storedEvents(area.kiosk)[1]).toMatchObject({ type: 'attendance.checked_out', data: { memberId: 'mem_demo_04', method: 'staff_assisted', staffId: STAFF_ID } });
    expect((await overview()).left.map((l) => l.memberId)).toEqual(['mem_demo_04']);
  });

  it('answers 409 already_checked_in when checking in a member who is already in', async () => {
    touch(area.kiosk, 1);
    const res = await manual('mem_demo_01', 'in');
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('already_checked_in');
    expect(attendanceRows(area.kiosk)).toHaveLength(1);
  });

  it('answers 409 not_checked_in when checking out a member who is not in', async () => {
    const res = await manual('mem_demo_01', 'out');
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('not_checked_in');
    expect(attendanceRows(area.kiosk)).toHaveLength(0);
  });

  it('answers 404 for an unknown member and 409 for an inactive one', async () => {
    expect((await manual('mem_nobody', 'in')).status).toBe(404);
    expect((await manual('mem_demo_13', 'in')).status).toBe(409);
    expect(attendanceRows(area.kiosk)).toHaveLength(0);
  });

  it('requires a reason for a manual record', async () => {
    const res = await area.kiosk.post('/api/staff/attendance', { memberId: 'mem_demo_01', direction: 'in', reason: '   ' }, { cookie: area.cookie });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('invalid_body');
  });

  it('removes a voided check-in from the overview and records attendance.corrected with from/to/staffId/reason', async () => {
    touch(area.kiosk, 5);
    const [row] = attendanceRows(area.kiosk);
    const res = await correct({ attendanceId: row!.id, field: 'voided', to: 'true', reason: 'wrong person touched' });
    expect(res.status).toBe(201);
    const today = await overview();
    expect(today.present).toEqual([]);
    expect(today.notYet.map((m) => m.memberId)).toContain('mem_demo_05');
    expect(storedEvents(area.kiosk)[1]).toMatchObject({
      type: 'attendance.corrected',
      data: { attendanceId: row!.id, memberId: 'mem_demo_05', field: 'voided', from: false, to: true, staffId: STAFF_ID, reason: 'wrong person touched' },
    });
  });

  it('lets a member whose check-in was voided check in again at the kiosk', async () => {
    touch(area.kiosk, 5);
    await correct({ attendanceId: attendanceRows(area.kiosk)[0]!.id, field: 'voided', to: 'true' });
    area.kiosk.clock.advance(MINUTE);
    expect(expectKind(touch(area.kiosk, 5), 'checked_in').repeat).toBe(false);
  });

  it('shows the corrected time after an occurredAt correction', async () => {
    touch(area.kiosk, 6);
    area.kiosk.clock.advance(2 * MINUTE);
    const [row] = attendanceRows(area.kiosk);
    const res = await correct({ attendanceId: row!.id, field: 'occurredAt', to: '2026-12-03T08:30:00+08:00' });
    expect(res.status).toBe(201);
    expect((await overview()).present[0]!.checkedInAt).toBe('2026-12-03T08:30:00.000+08:00');
    expect(storedEvents(area.kiosk)[1]!.data).toMatchObject({
      field: 'occurredAt', from: '2026-12-03T09:00:00.000+08:00', to: '2026-12-03T08:30:00.000+08:00', staffId: STAFF_ID,
    });
    expect(attendanceRows(area.kiosk)[0]!.occurred_at).toBe(Date.parse('2026-12-03T09:00:00+08:00'));
  });

  it('applies the latest of several corrections, and un-voiding brings a record back', async () => {
    touch(area.kiosk, 7);
    area.kiosk.clock.advance(2 * MINUTE);
    const attendanceId = attendanceRows(area.kiosk)[0]!.id;
    await correct({ attendanceId, field: 'occurredAt', to: '2026-12-03T08:30:00+08:00' });
    await correct({ attendanceId, field: 'occurredAt', to: '2026-12-03T08:40:00+08:00' });
    await correct({ attendanceId, field: 'voided', to: 'true' });
    expect((await overview()).present).toEqual([]);
    await correct({ attendanceId, field: 'voided', to: 'false' });
    expect((await overview()).present).toEqual([expect.objectContaining({ memberId: 'mem_demo_07', checkedInAt: '2026-12-03T08:40:00.000+08:00' })]);
    expect(storedEvents(area.kiosk).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a corrected time on another day with 400 other_day', async () => {
    touch(area.kiosk, 6);
    const res = await correct({ attendanceId: attendanceRows(area.kiosk)[0]!.id, field: 'occurredAt', to: '2026-12-02T23:30:00+08:00' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('other_day');
    expect(storedEvents(area.kiosk)).toHaveLength(1);
  });

  it('judges "same day" in facility time, not UTC', async () => {
    touch(area.kiosk, 6); // 09:00 Shanghai = 01:00 UTC on the same date
    const res = await correct({ attendanceId: attendanceRows(area.kiosk)[0]!.id, field: 'occurredAt', to: '2026-12-02T23:30:00Z' });
    // 23:30 UTC on the 2nd is 07:30 on the 3rd in Shanghai: the same facility day
    expect(res.status).toBe(201);
  });

  it('refuses a corrected time in the future with 400 future_time', async () => {
    touch(area.kiosk, 6);
    const res = await correct({ attendanceId: attendanceRows(area.kiosk)[0]!.id, field: 'occurredAt', to: '2026-12-03T09:05:00+08:00' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('future_time');
  });

  it('refuses a time that is not a date-time, a voided value other than true/false and an unknown record', async () => {
    touch(area.kiosk, 6);
    const attendanceId = attendanceRows(area.kiosk)[0]!.id;
    expect((await errorOf(await correct({ attendanceId, field: 'occurredAt', to: 'half past eight' }))).code).toBe('invalid_time');
    expect((await errorOf(await correct({ attendanceId, field: 'voided', to: 'yes' }))).code).toBe('invalid_value');
    const unknown = await correct({ attendanceId: 'att_nobody', field: 'voided', to: 'true' });
    expect(unknown.status).toBe(404);
    expect(storedEvents(area.kiosk)).toHaveLength(1);
  });

  it('searches active members by name and marks who is present', async () => {
    touch(area.kiosk, 1);
    const res = await area.kiosk.app.request(`/api/staff/members?q=${encodeURIComponent('张')}`, { headers: { cookie: area.cookie } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ members: [{ id: 'mem_demo_01', name: '张伟', disabilityCategory: '肢体', present: true }] });
  });

  it('answers 400 for a member search longer than 50 characters', async () => {
    const res = await area.kiosk.app.request(`/api/staff/members?q=${'x'.repeat(51)}`, { headers: { cookie: area.cookie } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('invalid_query');
    expect((await area.kiosk.app.request(`/api/staff/members?q=${'x'.repeat(50)}`, { headers: { cookie: area.cookie } })).status).toBe(200);
  });
});
