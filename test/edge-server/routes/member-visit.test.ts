import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEMBER_VISIT_HEADER } from '../../../edge-server/src/routes/member-visit.js';
import { VISIT_TTL_MS } from '../../../edge-server/src/domain/member-visits.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { errorOf, expectKind, touch } from '../helpers.js';

describe('member visits (X-Member-Visit)', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk({ demo: true });
  });
  afterEach(() => kiosk.stop());

  const today = (token?: string) => kiosk.app.request('/api/member/today', { headers: token ? { [MEMBER_VISIT_HEADER]: token } : {} });

  it('a check-in outcome carries a visit that opens the member screens', async () => {
    const { visit } = expectKind(touch(kiosk, 1), 'checked_in');
    const res = await today(visit.token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { date: string }).date).toBe('2026-12-03');
  });

  it('no visit, an unknown visit, or one left unused past its time is 401 visit_expired', async () => {
    for (const res of [await today(), await today('not-a-visit')]) {
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe('visit_expired');
    }
    const { visit } = expectKind(touch(kiosk, 1), 'checked_in');
    kiosk.clock.advance(VISIT_TTL_MS - 1000);
    expect((await today(visit.token)).status).toBe(200); // each use extends it
    kiosk.clock.advance(VISIT_TTL_MS - 1000);
    expect((await today(visit.token)).status).toBe(200);
    kiosk.clock.advance(VISIT_TTL_MS + 1);
    const expired = await today(visit.token);
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).code).toBe('visit_expired');
  });

  it('a visit of a member who is no longer active is refused', async () => {
    const { token } = kiosk.services.memberVisits.issue('mem_demo_13');
    expect((await today(token)).status).toBe(401);
  });

  it('a check-out outcome carries a visit too', async () => {
    touch(kiosk, 2);
    kiosk.clock.advance(3 * 3_600_000);
    const ask = expectKind(touch(kiosk, 2), 'confirm_checkout');
    const res = await kiosk.post('/api/attendance/checkout', { confirmToken: ask.confirmToken });
    const out = (await res.json()) as { kind: string; visit: { token: string } };
    expect(out.kind).toBe('checked_out');
    expect((await today(out.visit.token)).status).toBe(200);
  });
});
