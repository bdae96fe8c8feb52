import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IDENTITY_FILE, IdentityError, readIdentity, writeIdentity, type DeviceIdentity } from '../../../edge-server/src/sync/identity.js';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'identity-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const IDENTITY: DeviceIdentity = {
  upstream: 'https://district.example/', deviceId: 'dev_7Q', deviceSecret: Buffer.alloc(32, 7).toString('base64url'),
  facility: { id: 'fac_1', name: '阳光街道残疾人之家', timezone: 'Asia/Shanghai' },
  intervals: { pushSec: 60, pullSec: 900, heartbeatSec: 300 }, enrolledAt: '2026-12-03T01:00:00.000Z',
};

describe('device identity file', () => {
  it('is null before enrolment', () => {
    expect(readIdentity(dataDir())).toBeNull();
  });

  it('is written with mode 0600, leaves no temporary file, and reads back', () => {
    const dir = dataDir();
    writeIdentity(dir, IDENTITY);
    expect(statSync(join(dir, IDENTITY_FILE)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([IDENTITY_FILE]);
    expect(readIdentity(dir)).toEqual(IDENTITY);
  });

  it('is replaced whole by a second write', () => {
    const dir = dataDir();
    writeIdentity(dir, IDENTITY);
    writeIdentity(dir, { ...IDENTITY, deviceId: 'dev_8R' });
    expect(readIdentity(dir)?.deviceId).toBe('dev_8R');
  });

  it('refuses a damaged file with a sentence that names the fields but never the secret', () => {
    const dir = dataDir();
    writeFileSync(join(dir, IDENTITY_FILE), JSON.stringify({ ...IDENTITY, deviceSecret: 'short-secret-value', intervals: {} }));
    let err: unknown;
    try {
      readIdentity(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IdentityError);
    expect((err as Error).message).toContain('deviceSecret');
    expect((err as Error).message).not.toContain('short-secret-value');
  });
});
