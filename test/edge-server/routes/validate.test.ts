import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../edge-server/src/app.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { count, staffCookie } from '../helpers.js';

/** Every POST route, with whether it needs a staff session to reach its body validation. */
const POST_ROUTES: { path: string; staff: boolean }[] = [
  { path: '/api/identify/card', staff: false },
  { path: '/api/attendance/checkout', staff: false },
  { path: '/api/help', staff: false },
  { path: '/api/staff/clock', staff: false },
  { path: '/api/staff/session', staff: false },
  { path: '/api/staff/attendance', staff: true },
  { path: '/api/staff/attendance/corrections', staff: true },
  { path: '/api/sim/fingerprint/touch', staff: false },
  { path: '/api/sim/gpio/door', staff: false },
];

const WRONG_SHAPES: unknown[] = [[], 'just a string', 42, null, { unexpected: true }];

describe('bad request bodies', () => {
  let kiosk: TestKiosk;
  let cookie: string;
  beforeAll(async () => {
    kiosk = await createTestKiosk();
    cookie = await staffCookie(kiosk);
  });
  afterAll(() => kiosk.stop());

  function headersFor(staff: boolean): Record<string, string> {
    return staff ? { cookie } : {};
  }

  describe.each(POST_ROUTES)('POST $path', ({ path, staff }) => {
    it('answers malformed JSON with 400 malformed_json and a message', async () => {
      const res = await kiosk.post(path, '{"cardNumber": ', headersFor(staff));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('malformed_json');
      expect(body.error.message).toMatch(/\w+/);
    });

    it('answers an empty body with 400 malformed_json', async () => {
      const res = await kiosk.post(path, '', headersFor(staff));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('malformed_json');
    });

    it.each(WRONG_SHAPES)('answers a body of the wrong shape (%j) with 400 invalid_body', async (body) => {
      const res = await kiosk.post(path, JSON.stringify(body), headersFor(staff));
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid_body');
      expect(error.message).not.toMatch(/\n\s+at /); // no stack trace
    });

    it('answers a body over 64 KiB with 413 payload_too_large', async () => {
      const big = JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) });
      const res = await kiosk.post(path, big, headersFor(staff));
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    });
  });

  it('records nothing for any of the bad bodies above', () => {
    expect(count(kiosk, 'events')).toBe(0);
    expect(count(kiosk, 'attendance')).toBe(0);
  });
});

describe('unknown routes and queries', () => {
  let kiosk: TestKiosk;
  beforeAll(async () => {
    kiosk = await createTestKiosk();
  });
  afterAll(() => kiosk.stop());

  it.each(['/api/nope', '/api/identify/iris', '/api/sim/nothing-here'])('answers GET %s with a 404 JSON error', async (path) => {
    const res = await kiosk.app.request(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('answers a GET on a POST-only route with a 404 JSON error', async () => {
    const res = await kiosk.app.request('/api/identify/card');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('content type', () => {
  it('refuses a JSON body sent as text/plain with 415, so no page can skip the CORS preflight', async () => {
    const kiosk = await createTestKiosk();
    try {
      const res = await kiosk.app.request('/api/identify/card', {
        method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ cardNumber: '100001' }),
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
      expect(kiosk.db.prepare('SELECT COUNT(*) AS n FROM attendance').get()).toEqual({ n: 0 });
    } finally {
      kiosk.stop();
    }
  });
});
