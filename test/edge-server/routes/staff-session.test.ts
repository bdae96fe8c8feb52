import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import {
  cookieFrom, errorOf, identifyStaff, signInStaff, staffCookie, STAFF_ID, STAFF_PIN,
} from '../helpers.js';

const SECOND = 1000;
const WRONG_PIN = '1357';

function auditActions(kiosk: TestKiosk): string[] {
  return (kiosk.db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);
}

async function get(kiosk: TestKiosk, path: string, cookie?: string): Promise<Response> {
  return kiosk.app.request(path, cookie ? { headers: { cookie } } : {});
}

describe('staff sign-in', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  it('signs staff in with a fresh identification and the PIN, setting an HttpOnly SameSite=Strict cookie', async () => {
    const res = await signInStaff(kiosk);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ staff: { id: STAFF_ID, name: '王芳', role: '助残员' }, idleTimeoutSec: 300 });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^jia_staff=[^;]{20,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    const session = await get(kiosk, '/api/staff/session', cookieFrom(res));
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ staff: { id: STAFF_ID } });
  });

  it('answers 401 wrong_pin with attemptsLeft for a wrong PIN, and sets no cookie', async () => {
    const res = await signInStaff(kiosk, WRONG_PIN);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string }; attemptsLeft: number };
    expect(body.error.code).toBe('wrong_pin');
    expect(body.attemptsLeft).toBe(4);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('counts attemptsLeft down with each wrong PIN', async () => {
    const left: number[] = [];
    for (let i = 0; i < 4; i++) left.push(((await (await signInStaff(kiosk, WRONG_PIN)).json()) as { attemptsLeft: number }).attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1]);
  });

  it('locks staff for 5 minutes after 5 wrong PINs, refusing even the correct PIN until the lock ends', async () => {
    for (let i = 0; i < 4; i++) expect((await signInStaff(kiosk, WRONG_PIN)).status).toBe(401);
    const fifth = await signInStaff(kiosk, WRONG_PIN);
    expect(fifth.status).toBe(423);
    const body = (await fifth.json()) as { error: { code: string }; lockedUntil: string };
    expect(body.error.code).toBe('locked');
    // the lock's end in the facility's time, like every other time in the API (09:05 Shanghai)
    expect(body.lockedUntil).toBe('2026-12-03T09:05:00.000+08:00');

    kiosk.clock.advance(4 * 60 * SECOND);
    const whileLocked = await signInStaff(kiosk, STAFF_PIN);
    expect(whileLocked.status).toBe(423);
    expect(whileLocked.headers.get('set-cookie')).toBeNull();
    expect(auditActions(kiosk).at(-1)).toBe('staff.sign_in_refused_locked');

    kiosk.clock.advance(60 * SECOND);
    expect((await signInStaff(kiosk, STAFF_PIN)).status).toBe(200);
  });

  it('locks after 5 wrong PINs even when the attempts arrive at the same time', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 8; i++) tokens.push(await identifyStaff(kiosk));
    const answers = await Promise.all(tokens.map((identToken) => kiosk.post('/api/staff/session', { identToken, pin: WRONG_PIN })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses).toContain(423);
    expect((await signInStaff(kiosk, STAFF_PIN)).status).toBe(423);
  });

  it('starts counting afresh after a lock has run out', async () => {
    for (let i = 0; i < 5; i++) await signInStaff(kiosk, WRONG_PIN);
    kiosk.clock.advance(5 * 60 * SECOND);
    const res = await signInStaff(kiosk, WRONG_PIN);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { attemptsLeft: number }).attemptsLeft).toBe(4);
  });

  it('clears the wrong-PIN count after a successful sign-in', async () => {
    await signInStaff(kiosk, WRONG_PIN);
    await signInStaff(kiosk, WRONG_PIN);
    expect((await signInStaff(kiosk)).status).toBe(200);
    expect(((await (await signInStaff(kiosk, WRONG_PIN)).json()) as { attemptsLeft: number }).attemptsLeft).toBe(4);
  });

  it('refuses an identification token that was already used for sign-in', async () => {
    const identToken = await identifyStaff(kiosk);
    expect((await kiosk.post('/api/staff/session', { identToken, pin: STAFF_PIN })).status).toBe(200);
    const again = await kiosk.post('/api/staff/session', { identToken, pin: STAFF_PIN });
    expect(again.status).toBe(410);
    expect((await errorOf(again)).code).toBe('token_expired');
  });

  it('refuses a member identification as a staff sign-in token', async () => {
    const res = await kiosk.post('/api/staff/session', { identToken: 'member-or-made-up-token', pin: STAFF_PIN });
    expect(res.status).toBe(410);
  });

  it('ends the session after 300 s without use (default STAFF_IDLE_SEC)', async () => {
    const cookie = await staffCookie(kiosk);
    kiosk.clock.advance(299 * SECOND);
    expect((await get(kiosk, '/api/staff/session', cookie)).status).toBe(200);
    kiosk.clock.advance(300 * SECOND + 1);
    const res = await get(kiosk, '/api/staff/session', cookie);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('not_signed_in');
    // once ended, it stays ended
    expect((await get(kiosk, '/api/staff/session', cookie)).status).toBe(401);
  });

  it('honours STAFF_IDLE_SEC for the idle timeout', async () => {
    const short = await createTestKiosk({ env: { STAFF_IDLE_SEC: '60' } });
    try {
      const cookie = await staffCookie(short);
      short.clock.advance(61 * SECOND);
      expect((await get(short, '/api/staff/session', cookie)).status).toBe(401);
    } finally {
      short.stop();
    }
  });

  it('signs out: 204, the cookie is cleared and the session no longer works', async () => {
    const cookie = await staffCookie(kiosk);
    const res = await kiosk.app.request('/api/staff/session', { method: 'DELETE', headers: { cookie } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^jia_staff=;.*Max-Age=0/);
    expect((await get(kiosk, '/api/staff/attendance/today', cookie)).status).toBe(401);
  });

  it.each([
    ['GET', '/api/staff/session'],
    ['DELETE', '/api/staff/session'],
    ['GET', '/api/staff/attendance/today'],
    ['GET', '/api/staff/members'],
    ['POST', '/api/staff/attendance'],
    ['POST', '/api/staff/attendance/corrections'],
  ])('answers %s %s without a cookie with 401 not_signed_in', async (method, path) => {
    const res = await kiosk.app.request(path, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('not_signed_in');
  });

  it('answers 401 not_signed_in for a forged cookie', async () => {
    const res = await get(kiosk, '/api/staff/session', 'jia_staff=forged-session-token');
    expect(res.status).toBe(401);
  });
});

describe('the staff audit trail', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  it('records sign-in, failed PINs, the lock, manual check-in/out, corrections, clocking and sign-out, and never a PIN or token', async () => {
    const secrets: string[] = [STAFF_PIN, WRONG_PIN];
    for (let i = 0; i < 5; i++) {
      const identToken = await identifyStaff(kiosk);
      secrets.push(identToken);
      await kiosk.post('/api/staff/session', { identToken, pin: WRONG_PIN });
    }
    kiosk.clock.advance(5 * 60 * SECOND);

    const clockToken = await identifyStaff(kiosk);
    secrets.push(clockToken);
    expect((await kiosk.post('/api/staff/clock', { identToken: clockToken, direction: 'in' })).status).toBe(200);

    const signInToken = await identifyStaff(kiosk);
    secrets.push(signInToken);
    const signIn = await kiosk.post('/api/staff/session', { identToken: signInToken, pin: STAFF_PIN });
    const cookie = cookieFrom(signIn);
    secrets.push(cookie.split('=')[1]!);

    const checkIn = await kiosk.post('/api/staff/attendance', { memberId: 'mem_demo_01', direction: 'in', reason: 'card forgotten' }, { cookie });
    const { attendanceId } = (await checkIn.json()) as { attendanceId: string };
    kiosk.clock.advance(60 * SECOND);
    expect((await kiosk.post('/api/staff/attendance', { memberId: 'mem_demo_01', direction: 'out', reason: 'left early' }, { cookie })).status).toBe(201);
    expect((await kiosk.post('/api/staff/attendance/corrections', { attendanceId, field: 'voided', to: 'true', reason: 'wrong person' }, { cookie })).status).toBe(201);
    expect((await kiosk.app.request('/api/staff/session', { method: 'DELETE', headers: { cookie } })).status).toBe(204);

    expect(auditActions(kiosk)).toEqual([
      'staff.sign_in_failed', 'staff.sign_in_failed', 'staff.sign_in_failed', 'staff.sign_in_failed', 'staff.locked',
      'staff.clock_in', 'staff.sign_in', 'attendance.check_in', 'attendance.check_out', 'attendance.correct', 'staff.sign_out',
    ]);
    const rows = kiosk.db.prepare('SELECT actor_kind, actor_id, action, target, detail FROM audit_log').all() as Record<string, string | null>[];
    expect(rows.every((r) => r.actor_id === STAFF_ID && r.actor_kind === 'staff')).toBe(true);
    const text = JSON.stringify(rows);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('records the end of an idle session as a system action', async () => {
    const cookie = await staffCookie(kiosk);
    kiosk.clock.advance(301 * SECOND);
    await get(kiosk, '/api/staff/session', cookie);
    expect(kiosk.db.prepare('SELECT actor_kind, action, target FROM audit_log ORDER BY id DESC LIMIT 1').get())
      .toEqual({ actor_kind: 'system', action: 'staff.signed_out_idle', target: STAFF_ID });
  });

  it('stores only a hash of the session token', async () => {
    const cookie = await staffCookie(kiosk);
    const token = cookie.split('=')[1]!;
    const stored = kiosk.db.prepare('SELECT token_hash FROM staff_sessions').all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
