import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import {
  count, errorOf, expectKind, identifyStaff, INACTIVE_MEMBER_CARD, presentCard, STAFF_CARD, STAFF_ID, STAFF_SLOT, storedEvents, touch,
} from '../helpers.js';

const SECOND = 1000;

function nothingRecorded(kiosk: TestKiosk): void {
  expect(count(kiosk, 'attendance')).toBe(0);
  expect(count(kiosk, 'staff_attendance')).toBe(0);
  expect(count(kiosk, 'events')).toBe(0);
}

describe('identification', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  it('answers not_recognised and records nothing when the reader finds no match', () => {
    expect(touch(kiosk, null)).toMatchObject({ kind: 'not_recognised', method: 'fingerprint' });
    nothingRecorded(kiosk);
  });

  it('answers not_recognised and records nothing for a slot nobody is enrolled in', () => {
    expect(touch(kiosk, 55)).toMatchObject({ kind: 'not_recognised', method: 'fingerprint' });
    nothingRecorded(kiosk);
  });

  it('answers not_recognised for a sensor slot that matches but is not linked to anyone', () => {
    kiosk.fingerprint.store(77);
    expect(touch(kiosk, 77).kind).toBe('not_recognised');
    nothingRecorded(kiosk);
  });

  it('answers not_recognised for an unknown card', async () => {
    expect(await presentCard(kiosk, '555555')).toMatchObject({ kind: 'not_recognised', method: 'card' });
    nothingRecorded(kiosk);
  });

  it('answers member_inactive and records nothing for an inactive member', async () => {
    expect(await presentCard(kiosk, INACTIVE_MEMBER_CARD)).toMatchObject({ kind: 'member_inactive', method: 'card' });
    nothingRecorded(kiosk);
  });

  it('gives every outcome its own id, so a screen that gets it twice shows it once', () => {
    const a = touch(kiosk, null);
    const b = touch(kiosk, null);
    expect(a.id).not.toBe(b.id);
  });

  it('identifies staff by finger with a single-use token and records nothing yet', () => {
    const outcome = expectKind(touch(kiosk, STAFF_SLOT), 'staff_identified');
    expect(outcome).toMatchObject({ staff: { id: STAFF_ID, name: '王芳' }, clockedIn: false, expiresAt: '2026-12-03T09:02:00.000+08:00' });
    expect(outcome.identToken.length).toBeGreaterThanOrEqual(8);
    nothingRecorded(kiosk);
  });

  it('identifies staff by card', async () => {
    expect(expectKind(await presentCard(kiosk, STAFF_CARD), 'staff_identified').staff.id).toBe(STAFF_ID);
  });
});

describe('staff clocking in and out', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  async function clock(identToken: string, direction: 'in' | 'out'): Promise<Response> {
    return kiosk.post('/api/staff/clock', { identToken, direction });
  }

  it('clocks staff in by finger with event staff.clocked_in {staffId, method: fingerprint}', async () => {
    const { identToken } = expectKind(touch(kiosk, STAFF_SLOT), 'staff_identified');
    const res = await clock(identToken, 'in');
    expect(res.status).toBe(200);
    expect(expectKind(await res.json(), 'staff_clocked')).toMatchObject({ direction: 'in', staff: { id: STAFF_ID }, at: '2026-12-03T09:00:00.000+08:00' });
    const [event] = storedEvents(kiosk);
    expect(event).toMatchObject({ type: 'staff.clocked_in', data: { staffId: STAFF_ID, method: 'fingerprint' } });
    expect(kiosk.db.prepare('SELECT staff_id, direction, method, event_id FROM staff_attendance').all())
      .toEqual([{ staff_id: STAFF_ID, direction: 'in', method: 'fingerprint', event_id: event!.id }]);
  });

  it('clocks staff out by card with event staff.clocked_out {staffId, method: card}', async () => {
    await clock(await identifyStaff(kiosk), 'in');
    kiosk.clock.advance(8 * 3600 * SECOND);
    const identity = expectKind(await presentCard(kiosk, STAFF_CARD), 'staff_identified');
    expect(identity.clockedIn).toBe(true);
    expect((await clock(identity.identToken, 'out')).status).toBe(200);
    expect(storedEvents(kiosk).map((e) => [e.type, e.data.method])).toEqual([['staff.clocked_in', 'card'], ['staff.clocked_out', 'card']]);
  });

  it('refuses to clock with an identification that was already used', async () => {
    const token = await identifyStaff(kiosk);
    await clock(token, 'in');
    const res = await clock(token, 'in');
    expect(res.status).toBe(410);
    expect((await errorOf(res)).code).toBe('token_expired');
    expect(count(kiosk, 'staff_attendance')).toBe(1);
  });

  it('refuses to clock with an identification older than 2 minutes', async () => {
    const token = await identifyStaff(kiosk);
    kiosk.clock.advance(2 * 60 * SECOND + 1);
    expect((await clock(token, 'in')).status).toBe(410);
    expect(count(kiosk, 'staff_attendance')).toBe(0);
  });

  it('refuses a second clock-in the same day with 409 and records nothing', async () => {
    await clock(await identifyStaff(kiosk), 'in');
    const res = await clock(await identifyStaff(kiosk), 'in');
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('already_clocked_in');
    expect(count(kiosk, 'staff_attendance')).toBe(1);
  });

  it('refuses to clock out someone who has not clocked in today', async () => {
    const res = await clock(await identifyStaff(kiosk), 'out');
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('not_clocked_in');
    expect(count(kiosk, 'staff_attendance')).toBe(0);
  });

  it('writes the clock action to the audit log', async () => {
    await clock(await identifyStaff(kiosk), 'in');
    expect(kiosk.db.prepare('SELECT actor_id, action FROM audit_log').all()).toEqual([{ actor_id: STAFF_ID, action: 'staff.clock_in' }]);
  });
});
