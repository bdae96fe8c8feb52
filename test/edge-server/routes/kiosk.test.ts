import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { count, errorOf, expectKind, storedEvents } from '../helpers.js';

describe('kiosk routes', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  it('describes the kiosk: centre, language, simulated hardware, server time with offset and the idle timeout', async () => {
    const res = await kiosk.app.request('/api/kiosk');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      version: kiosk.config.version,
      centre: { name: '阳光残疾人之家（演示）', timezone: 'Asia/Shanghai' },
      language: 'zh-CN',
      simulated: true,
      hardware: { fingerprint: 'ok', gpio: 'ok' },
      serverTime: '2026-12-03T09:00:00.000+08:00',
      timeouts: { idleSec: 30 },
    });
  });

  it('checks in by card number through POST /api/identify/card', async () => {
    const res = await kiosk.post('/api/identify/card', { cardNumber: '100007' });
    expect(res.status).toBe(200);
    expect(expectKind(await res.json(), 'checked_in').member.id).toBe('mem_demo_07');
  });

  it('accepts a card number with the whitespace a card reader may add around it', async () => {
    const res = await kiosk.post('/api/identify/card', { cardNumber: ' 100008\n' });
    expect(res.status).toBe(200);
    expect(expectKind(await res.json(), 'checked_in').member.id).toBe('mem_demo_08');
  });

  it.each([
    ['only spaces', '     '],
    ['spaces inside', '100 001'],
    ['SQL-ish text', "100001' OR '1'='1"],
    ['a SQL comment', '100001;--'],
    ['emoji', '😀100001'],
    ['10 KB of digits', '1'.repeat(10 * 1024)],
    ['an empty string', ''],
  ])('refuses a garbage card number (%s) with a clear 400 and records nothing', async (_label, cardNumber) => {
    const res = await kiosk.post('/api/identify/card', { cardNumber });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_body');
    expect(error.message).toMatch(/cardNumber/);
    expect(count(kiosk, 'attendance')).toBe(0);
    expect(count(kiosk, 'events')).toBe(0);
  });

  it('refuses a card number that is a number rather than text', async () => {
    const res = await kiosk.post('/api/identify/card', { cardNumber: 100001 });
    expect(res.status).toBe(400);
    expect(count(kiosk, 'attendance')).toBe(0);
  });

  it('raises a help_requested alert for an identified member', async () => {
    const res = await kiosk.post('/api/help', { memberId: 'mem_demo_09' });
    expect(res.status).toBe(201);
    const { alertId } = (await res.json()) as { alertId: string };
    expect(storedEvents(kiosk)).toMatchObject([{ type: 'alert.raised', data: { alertId, kind: 'help_requested', severity: 'warning', memberId: 'mem_demo_09' } }]);
    expect(count(kiosk, 'alerts')).toBe(1);
  });

  it('raises a help alert without a member when nobody is identified', async () => {
    expect((await kiosk.post('/api/help', { memberId: null })).status).toBe(201);
    expect(storedEvents(kiosk)[0]!.data).not.toHaveProperty('memberId');
  });

  it('answers 404 member_not_found for help on behalf of an unknown member, recording nothing', async () => {
    const res = await kiosk.post('/api/help', { memberId: 'mem_nobody' });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('member_not_found');
    expect(count(kiosk, 'alerts')).toBe(0);
  });
});
