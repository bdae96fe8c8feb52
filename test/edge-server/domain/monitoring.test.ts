import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertSummary, MonitorState } from '../../../edge-server/src/api-types.js';
import { setSetting } from '../../../edge-server/src/db/settings.repo.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { count, errorOf, staffCookie, STAFF_ID, storedEvents, touch } from '../helpers.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('monitoring rules and alerts', () => {
  let kiosk: TestKiosk;
  let stopMonitoring: () => void;
  let raised: AlertSummary[];

  /** Moves the domain clock and the timers together. */
  const advance = (ms: number) => {
    kiosk.clock.advance(ms);
    vi.advanceTimersByTime(ms);
  };
  const alertsOf = (kind: string) => raised.filter((a) => a.kind === kind && a.state === 'open');

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    kiosk = await createTestKiosk(); // Thursday 2026-12-03 09:00 +08:00
    raised = [];
    kiosk.bus.subscribe('alert', (a) => raised.push(a));
  });
  afterEach(() => {
    stopMonitoring?.();
    kiosk.stop();
    vi.useRealTimers();
  });
  const start = () => { stopMonitoring = kiosk.services.monitoring.start(); };

  it('an emergency press raises emergency_call at once, blinks and beeps until a staff member acknowledges it', async () => {
    start();
    expect(kiosk.gpio.read('led')).toBe(1);
    kiosk.gpio.setInput('call_button', 0); // active low: pressed
    expect(alertsOf('emergency_call')).toEqual([expect.objectContaining({ severity: 'critical', state: 'open' })]);
    const levels = new Set<number>();
    for (let i = 0; i < 4; i++) { advance(500); levels.add(kiosk.gpio.read('buzzer')); }
    expect(levels).toEqual(new Set([0, 1]));
    kiosk.gpio.setInput('call_button', 1);
    kiosk.gpio.setInput('call_button', 0); // pressed again while open: the same emergency
    expect(count(kiosk, 'alerts')).toBe(1);

    const cookie = await staffCookie(kiosk);
    const id = alertsOf('emergency_call')[0]!.id;
    const ack = await kiosk.post(`/api/staff/alerts/${id}/acknowledge`, { note: '已到场' }, { cookie });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ state: 'acknowledged', acknowledgedBy: '王芳', notes: ['已到场'] });
    expect([kiosk.gpio.read('led'), kiosk.gpio.read('buzzer')]).toEqual([1, 0]);
    advance(2 * SECOND);
    expect(kiosk.gpio.read('buzzer')).toBe(0);

    kiosk.gpio.setInput('call_button', 1);
    kiosk.gpio.setInput('call_button', 0); // a new press after acknowledgement is a new emergency
    expect(count(kiosk, 'alerts')).toBe(2);
  });

  it('the buzzer stops after two minutes while the light keeps blinking', () => {
    start();
    kiosk.gpio.setInput('call_button', 0);
    advance(2 * MINUTE + SECOND);
    const buzzer = new Set<number>();
    const led = new Set<number>();
    for (let i = 0; i < 4; i++) { advance(500); buzzer.add(kiosk.gpio.read('buzzer')); led.add(kiosk.gpio.read('led')); }
    expect(buzzer).toEqual(new Set([0]));
    expect(led).toEqual(new Set([0, 1]));
  });

  it('a door open longer than the threshold raises one door_ajar; closing in time raises nothing', () => {
    setSetting(kiosk.db, 'monitoring', { doorAjarMinutes: 3 });
    start();
    kiosk.gpio.setInput('door', 1);
    advance(3 * MINUTE - SECOND);
    kiosk.gpio.setInput('door', 0);
    advance(10 * MINUTE);
    expect(alertsOf('door_ajar')).toEqual([]);
    kiosk.gpio.setInput('door', 1);
    advance(3 * MINUTE);
    expect(alertsOf('door_ajar')).toHaveLength(1);
    advance(30 * MINUTE);
    expect(count(kiosk, 'alerts')).toBe(1);
    expect(kiosk.services.monitoring.state().door).toMatchObject({ open: true });
  });

  it('motion outside opening hours with nobody checked in raises after_hours_motion; in hours or with members present it does not', () => {
    start();
    kiosk.gpio.setInput('motion', 1);
    kiosk.gpio.setInput('motion', 0);
    expect(alertsOf('after_hours_motion')).toEqual([]);
    touch(kiosk, 1);
    advance(10 * HOUR); // 19:00, 张伟 still checked in
    kiosk.gpio.setInput('motion', 1);
    kiosk.gpio.setInput('motion', 0);
    expect(alertsOf('after_hours_motion')).toEqual([]);
    kiosk.services.attendance.recordByStaff(STAFF_ID, 'mem_demo_01', 'out', 'left without checking out');
    kiosk.gpio.setInput('motion', 1);
    expect(alertsOf('after_hours_motion')).toHaveLength(1);
  });

  it('at the no-show cutoff lists the regulars who did not come and have no leave, once', async () => {
    // 张伟 (1), 李秀英 (2) and 王建国 (3) came on each of the last three Thursdays.
    for (let week = 3; week >= 1; week--) {
      kiosk.clock.ms -= week * 7 * DAY;
      for (const slot of [1, 2, 3]) touch(kiosk, slot);
      kiosk.clock.ms += week * 7 * DAY;
    }
    const cookie = await staffCookie(kiosk);
    const leave = await kiosk.post('/api/staff/leave', { memberId: 'mem_demo_02', from: '2026-12-02', to: '2026-12-04', reason: '住院' }, { cookie });
    expect(leave.status).toBe(201);
    start();
    advance(30 * MINUTE);
    touch(kiosk, 3); // 王建国 arrives 09:30
    advance(30 * MINUTE); // 10:00 cutoff
    const [noShow] = alertsOf('no_show');
    expect(noShow).toBeDefined();
    expect(kiosk.services.alerts.get(noShow!.id).detail).toEqual({
      date: '2026-12-03', members: [{ memberId: 'mem_demo_01', name: '张伟', guardianContact: null }],
    });
    expect(kiosk.services.monitoring.checkNoShows()).toEqual([]); // once a day
    expect(storedEvents(kiosk).find((e) => e.type === 'leave.recorded')!.data).toMatchObject({ memberId: 'mem_demo_02', from: '2026-12-02', to: '2026-12-04', staffId: STAFF_ID });
  });

  it('a reader unplugged longer than the threshold raises device_fault; back in time, nothing', () => {
    start();
    kiosk.fingerprint.setPlugged(false);
    advance(5 * MINUTE);
    kiosk.fingerprint.setPlugged(true);
    advance(20 * MINUTE);
    expect(alertsOf('device_fault')).toEqual([]);
    kiosk.fingerprint.setPlugged(false);
    advance(10 * MINUTE);
    expect(alertsOf('device_fault')).toHaveLength(1);
    expect(kiosk.services.alerts.get(alertsOf('device_fault')[0]!.id).detail).toMatchObject({ device: 'fingerprint', health: 'absent' });
  });

  it('writes an hourly summary of door openings, motion minutes and peak occupancy, and prunes old raw edges', () => {
    start();
    touch(kiosk, 1);
    touch(kiosk, 2);
    for (let i = 0; i < 2; i++) {
      kiosk.gpio.setInput('door', 1);
      advance(MINUTE);
      kiosk.gpio.setInput('door', 0);
      kiosk.gpio.setInput('motion', 1);
      kiosk.gpio.setInput('motion', 0);
      advance(5 * MINUTE);
    }
    advance(HOUR - 12 * MINUTE);
    const hourly = storedEvents(kiosk).filter((e) => e.type === 'sensor.hourly');
    expect(hourly.map((e) => e.data)).toEqual([{ hourStart: '2026-12-03T09:00:00.000+08:00', doorOpenings: 2, motionMinutes: 2, peakOccupancy: 2 }]);
    expect(count(kiosk, 'sensor_edges')).toBe(6); // door open+close twice, motion rising twice (the line reports rising edges only)
    advance(15 * DAY); // past the 14-day retention, the raw edges go; summaries of empty hours are not written
    expect(count(kiosk, 'sensor_edges')).toBe(0);
  });

  it('staff see the live state and the console; resolving needs a note; a resolved alert cannot change again', async () => {
    start();
    const cookie = await staffCookie(kiosk);
    kiosk.gpio.setInput('door', 1);
    const monitor = (await (await kiosk.app.request('/api/staff/monitor', { headers: { cookie } })).json()) as MonitorState;
    expect(monitor).toMatchObject({ door: { open: true, since: '2026-12-03T09:00:00.000+08:00' }, presentCount: 0, hardware: { fingerprint: 'ok', gpio: 'ok' } });
    const { alertId } = kiosk.services.alerts.requestHelp('mem_demo_04');
    const active = (await (await kiosk.app.request('/api/alerts/active')).json()) as { alerts: AlertSummary[] };
    expect(active.alerts).toEqual([{ id: alertId, kind: 'help_requested', severity: 'warning', state: 'open', raisedAt: '2026-12-03T09:00:00.000+08:00' }]);
    expect(JSON.stringify(active)).not.toContain('mem_demo_04');

    const noNote = await kiosk.post(`/api/staff/alerts/${alertId}/resolve`, { note: ' ' }, { cookie });
    expect(noNote.status).toBe(400);
    const resolved = await kiosk.post(`/api/staff/alerts/${alertId}/resolve`, { note: '已陪同如厕' }, { cookie });
    expect(await resolved.json()).toMatchObject({ state: 'resolved', resolvedBy: '王芳', notes: ['已陪同如厕'] });
    const again = await kiosk.post(`/api/staff/alerts/${alertId}/acknowledge`, {}, { cookie });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('alert_resolved');
    const consoleView = (await (await kiosk.app.request('/api/staff/alerts', { headers: { cookie } })).json()) as { open: unknown[]; history: { id: string }[] };
    expect(consoleView.open).toEqual([]);
    expect(consoleView.history.map((a) => a.id)).toEqual([alertId]);
    expect(storedEvents(kiosk).filter((e) => e.type.startsWith('alert.')).map((e) => e.type)).toEqual(['alert.raised', 'alert.resolved']);
    expect(kiosk.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'alert.%'`).all()).toEqual([{ action: 'alert.resolve' }]);
  });

  it('settings pulled from the platform apply at once: a new door threshold and an earlier no-show cutoff', () => {
    for (let week = 3; week >= 1; week--) {
      kiosk.clock.ms -= week * 7 * DAY;
      touch(kiosk, 1);
      kiosk.clock.ms += week * 7 * DAY;
    }
    start();
    advance(30 * MINUTE); // 09:30, before the default 10:00 cutoff
    expect(alertsOf('no_show')).toHaveLength(0);
    setSetting(kiosk.db, 'monitoring', { noShowCutoff: '09:15', doorAjarMinutes: 2 });
    kiosk.bus.publish('settings', { source: 'platform' });
    // the cutoff has passed under the new setting: the check runs now, not tomorrow
    expect(alertsOf('no_show')).toHaveLength(1);
    kiosk.gpio.setInput('door', 1);
    advance(2 * MINUTE);
    expect(alertsOf('door_ajar')).toHaveLength(1);
  });

  it('bad monitoring settings fall back to the defaults, and a failing output write does not stop the rules', () => {
    setSetting(kiosk.db, 'monitoring', { doorAjarMinutes: 'soon' });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(kiosk.gpio, 'write').mockImplementation(() => { throw new Error('line busy'); });
    start();
    kiosk.gpio.setInput('call_button', 0);
    expect(alertsOf('emergency_call')).toHaveLength(1);
    kiosk.gpio.setInput('door', 1);
    advance(5 * MINUTE);
    expect(alertsOf('door_ajar')).toHaveLength(1);
    expect(error.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/monitoring settings are invalid[\s\S]*cannot drive the led output/);
    error.mockRestore();
  });
});
