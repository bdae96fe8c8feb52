import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatWithOffset } from '../../../edge-server/src/clock.js';
import { insertAttendance } from '../../../edge-server/src/db/attendance.repo.js';
import type { EventRecord } from '../../../edge-server/src/events/event-log.js';
import { EventLog } from '../../../edge-server/src/events/event-log.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import {
  attendanceRows, count, expectKind, staffCookie, STAFF_ID, storedEvents, touch,
} from '../helpers.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the local event log', () => {
  let kiosk: TestKiosk;
  let published: EventRecord[];
  let log: EventLog;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
    published = [];
    kiosk.bus.subscribe('record', (r) => published.push(r));
    log = new EventLog({ db: kiosk.db, clock: kiosk.clock, bus: kiosk.bus, timeZone: () => 'Asia/Shanghai' });
  });
  afterEach(() => kiosk.stop());

  function failingCheckIn(): void {
    log.write((append) => {
      const event = append('attendance.checked_in', { attendanceId: 'att_x', memberId: 'mem_demo_05', method: 'card' });
      insertAttendance(kiosk.db, {
        id: 'att_x', memberId: 'mem_demo_05', direction: 'in', occurredAt: kiosk.clock.now(), localDate: '2026-12-03',
        method: 'card', staffId: null, note: null, eventId: event.id,
      });
      throw new Error('power cut simulated after the append');
    });
  }

  it('keeps neither the event nor the domain row of a transaction that fails after appending, and publishes nothing', () => {
    expect(failingCheckIn).toThrow(/power cut/);
    expect(count(kiosk, 'events')).toBe(0);
    expect(count(kiosk, 'attendance')).toBe(0);
    expect(published).toEqual([]);
  });

  it('rolls back a staff check-in whose row cannot be written (unknown staff id) together with its event and audit line', () => {
    touch(kiosk, 1);
    published = [];
    expect(() => kiosk.services.attendance.recordByStaff('stf_nobody', 'mem_demo_02', 'in', 'forgot card')).toThrow();
    expect(storedEvents(kiosk).map((e) => e.type)).toEqual(['attendance.checked_in']);
    expect(attendanceRows(kiosk)).toHaveLength(1);
    expect(count(kiosk, 'audit_log')).toBe(0);
    expect(published).toEqual([]);
  });

  it('publishes each event on the bus only after its transaction commits, with the stored seq', () => {
    touch(kiosk, 1);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ seq: 1, type: 'attendance.checked_in' });
    expect(published[0]!.id).toBe(storedEvents(kiosk)[0]!.id);
  });

  it('numbers events from 1, strictly increasing and gap-free, even after a rolled-back transaction', async () => {
    touch(kiosk, 1);
    touch(kiosk, 2);
    expect(failingCheckIn).toThrow();
    touch(kiosk, 3);
    kiosk.clock.advance(60 * 60_000);
    const { confirmToken } = expectKind(touch(kiosk, 1), 'confirm_checkout');
    await kiosk.post('/api/attendance/checkout', { confirmToken });
    expect(storedEvents(kiosk).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('gives every event a unique UUIDv7 id', () => {
    for (let slot = 1; slot <= 12; slot++) touch(kiosk, slot);
    const ids = storedEvents(kiosk).map((e) => e.id);
    expect(ids).toHaveLength(12);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(12);
  });

  it('encodes the clock time in the UUIDv7 timestamp', () => {
    touch(kiosk, 1);
    const hex = storedEvents(kiosk)[0]!.id.replace(/-/g, '').slice(0, 12);
    expect(parseInt(hex, 16)).toBe(kiosk.clock.now());
  });

  it('stamps occurredAt with the facility offset +08:00, matching the clock', () => {
    kiosk.clock.advance(12 * 60_000 + 44_123);
    touch(kiosk, 1);
    const [event] = storedEvents(kiosk);
    expect(event!.occurredAt).toBe('2026-12-03T09:12:44.123+08:00');
    expect(Date.parse(event!.occurredAt)).toBe(kiosk.clock.now());
    expect(event!.occurredAt).toBe(formatWithOffset(kiosk.clock.now(), 'Asia/Shanghai'));
  });

  it('records the clock info {synced, bootId, uptimeMs} with every event', () => {
    kiosk.clock.synced = false;
    touch(kiosk, 1);
    expect(storedEvents(kiosk)[0]!.clock).toEqual({ synced: false, bootId: 'test-boot', uptimeMs: 1000 });
  });

  it('never updates the attendance row: a correction adds a correction row and an event', async () => {
    touch(kiosk, 1);
    const [original] = attendanceRows(kiosk);
    kiosk.clock.advance(60 * 60_000);
    const cookie = await staffCookie(kiosk);
    const res = await kiosk.post('/api/staff/attendance/corrections', {
      attendanceId: original!.id, field: 'occurredAt', to: '2026-12-03T08:45:00+08:00', reason: 'arrived before the reader was on',
    }, { cookie });
    expect(res.status).toBe(201);
    expect(attendanceRows(kiosk)).toEqual([original]);
    expect(count(kiosk, 'attendance_corrections')).toBe(1);
    expect(storedEvents(kiosk).map((e) => e.type)).toEqual(['attendance.checked_in', 'attendance.corrected']);
    expect(storedEvents(kiosk)[0]!.data).toEqual({ attendanceId: original!.id, memberId: 'mem_demo_01', method: 'fingerprint' });
  });

  it('has no event rows for the demo data (fixtures are never pushed upstream)', () => {
    expect(count(kiosk, 'members')).toBe(15);
    expect(count(kiosk, 'events')).toBe(0);
  });

  it('records staff-assisted check-ins with the staff id in the event', () => {
    kiosk.services.attendance.recordByStaff(STAFF_ID, 'mem_demo_06', 'in', 'reader broken');
    expect(storedEvents(kiosk)[0]!.data).toMatchObject({ memberId: 'mem_demo_06', method: 'staff_assisted', staffId: STAFF_ID, note: 'reader broken' });
  });
});
