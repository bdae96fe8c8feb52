import { afterEach, beforeEach, expect } from 'vitest';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { errorOf, staffCookie } from '../helpers.js';

/** A demo kiosk per test with 王芳 signed in, and requests to one staff area (e.g. `/api/staff/rehab`). */
export interface StaffArea {
  readonly kiosk: TestKiosk;
  readonly cookie: string;
  get(path: string, withCookie?: boolean): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
}

export function useStaffArea(prefix: string): StaffArea {
  let kiosk: TestKiosk;
  let cookie: string;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
    cookie = await staffCookie(kiosk);
  });
  afterEach(() => kiosk.stop());
  return {
    get kiosk() { return kiosk; },
    get cookie() { return cookie; },
    get: async (path, withCookie = true) => kiosk.app.request(`${prefix}${path}`, { headers: withCookie ? { cookie } : {} }),
    post: (path, body) => kiosk.post(`${prefix}${path}`, body, { cookie }),
  };
}

/** Each request gets the status and error code given (run in order, so later cases see the same state). */
export async function expectErrors(cases: [Promise<Response>, number, string][]): Promise<void> {
  for (const [pending, status, code] of cases) {
    const res = await pending;
    expect({ status: res.status, code: (await errorOf(res)).code }).toEqual({ status, code });
  }
}
