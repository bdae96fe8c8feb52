import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestSigner } from '../../../edge-server/src/sync/signer.js';
import { enroll, parseRetryAfter, UpstreamClient, UpstreamError } from '../../../edge-server/src/sync/upstream-client.js';
import { ReferenceUpstream } from '../../support/upstream/reference-upstream.js';

let upstream: ReferenceUpstream;
beforeEach(async () => {
  upstream = new ReferenceUpstream();
  await upstream.start();
});
afterEach(async () => {
  await upstream.stop();
});

const BATCH = gzipSync(JSON.stringify({ events: [{ id: '0193a6f2-8c1e-7b4a-9f00-3c2d1e0f4a5b', seq: 1, type: 'sensor.hourly', occurredAt: '2026-12-03T09:00:00.000+08:00', clock: { synced: true, bootId: 'b', uptimeMs: 1 }, data: {} }] }));

async function refusal(signer: RequestSigner): Promise<string> {
  const err = await new UpstreamClient({ baseUrl: upstream.baseUrl, signer }).pushEvents(BATCH).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UpstreamError);
  expect((err as UpstreamError).code).toBe('unauthorized');
  return (err as UpstreamError).message;
}

describe('upstream client: signatures the server refuses', () => {
  it('reports bad_signature when the secret is wrong', async () => {
    const { deviceId } = upstream.addDevice();
    expect(await refusal(new RequestSigner(deviceId, randomBytes(32).toString('base64url')))).toContain('bad_signature');
  });

  it('reports unknown_device for a device the platform does not know', async () => {
    expect(await refusal(new RequestSigner('dev_nobody', randomBytes(32).toString('base64url')))).toContain('unknown_device');
  });

  it('reports replay when a nonce is used twice within 10 minutes', async () => {
    const { deviceId, deviceSecret } = upstream.addDevice();
    const signer = new RequestSigner(deviceId, deviceSecret, Date.now, () => 'ab'.repeat(16));
    expect(await new UpstreamClient({ baseUrl: upstream.baseUrl, signer }).pushEvents(BATCH)).toHaveLength(1);
    expect(await refusal(signer)).toContain('replay');
  });
});

describe('upstream client: enrolment', () => {
  const body = (token: string) => ({ token, hardwareId: 'pi-serial:1', softwareVersion: '0.1.0' });

  it('returns the identity and intervals for a fresh token, and token_used the second time', async () => {
    const token = upstream.issueToken();
    const answer = await enroll(upstream.baseUrl, body(token));
    expect(answer.facility.name).toBe('阳光街道残疾人之家');
    expect(answer.intervals).toEqual({ pushSec: 60, pullSec: 900, heartbeatSec: 300 });
    expect(Buffer.from(answer.deviceSecret, 'base64url')).toHaveLength(32);
    await expect(enroll(upstream.baseUrl, body(token))).rejects.toMatchObject({ code: 'token_used' });
  });

  it('answers invalid_token for a token the platform never gave', async () => {
    await expect(enroll(upstream.baseUrl, body('tok_made_up'))).rejects.toMatchObject({ code: 'invalid_token' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and nothing from garbage', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter(new Date(30_000).toUTCString(), 0)).toBe(30_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});
