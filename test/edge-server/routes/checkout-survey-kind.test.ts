import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskOutcome, SessionDetail } from '../../../edge-server/src/api-types.js';
import { MEMBER_VISIT_HEADER } from '../../../edge-server/src/routes/member-visit.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { expectKind, STAFF_ID, staffCookie, touch } from '../helpers.js';

/** The satisfaction question at check-out asks about a service the member took part in that day. */
describe('the check-out question and the day\'s sessions', () => {
  let kiosk: TestKiosk;
  let cookie: string;

  beforeEach(async () => {
    kiosk = await createTestKiosk({ demo: true });
    cookie = await staffCookie(kiosk);
  });
  afterEach(() => kiosk.stop());

  async function createRehabToday(): Promise<SessionDetail> {
    const res = await kiosk.post('/api/staff/sessions', {
      title: '肢体康复', kind: 'rehabilitation', room: '康复室', leadStaffId: STAFF_ID, capacity: null,
      date: '2026-12-03', start: '10:00', end: '11:00', repeat: 'none', until: null,
    }, { cookie });
    expect(res.status).toBe(201);
    return (await res.json()) as SessionDetail;
  }

  async function checkOut(slot: number): Promise<Extract<KioskOutcome, { kind: 'checked_out' }>> {
    const confirm = expectKind(touch(kiosk, slot), 'confirm_checkout');
    const res = await kiosk.post('/api/attendance/checkout', { confirmToken: confirm.confirmToken });
    return expectKind((await res.json()) as KioskOutcome, 'checked_out');
  }

  it('asks about rehabilitation after a rehabilitation session the member had a place at', async () => {
    const session = await createRehabToday();
    // demo member 1 has never been asked; they check in and take a place at today's session
    const visit = expectKind(touch(kiosk, 1), 'checked_in').visit.token;
    const signUp = await kiosk.post('/api/member/signups', { sessionId: session.id, date: '2026-12-03' }, { [MEMBER_VISIT_HEADER]: visit });
    expect(signUp.status).toBe(200);
    kiosk.clock.advance(4 * 3600_000);
    expect((await checkOut(1)).survey).toEqual(expect.objectContaining({ about: 'rehabilitation' }));
  });

  it('asks about the centre as a whole when the member had no place at any session that day', async () => {
    await createRehabToday();
    touch(kiosk, 2);
    kiosk.clock.advance(4 * 3600_000);
    expect((await checkOut(2)).survey).toEqual(expect.objectContaining({ about: null }));
  });
});
