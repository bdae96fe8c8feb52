import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestKiosk, type TestKiosk } from '../support/kiosk.js';

describe('createApp', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  it('answers /healthz with status ok and the version', async () => {
    const res = await kiosk.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: kiosk.config.version });
  });

  it('sends a CSP that allows only the app\'s own scripts', async () => {
    const res = await kiosk.app.request('/healthz');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
