import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Why the reference upstream refuses a signed request (upstream-protocol.md §2). */
export type AuthFailure = 'bad_signature' | 'unknown_device' | 'clock_skew' | 'replay';

const HEADER = /^JIA1-HMAC-SHA256 Credential=([^,\s]+), Timestamp=(\d+), Nonce=([0-9a-f]{32}), Signature=([0-9a-f]{64})$/;
const SKEW_SEC = 300;
const NONCE_TTL_MS = 10 * 60_000;

/**
 * The server half of §2, written from the protocol text and not from the kiosk's signer, so that a
 * mistake in one is not hidden by the same mistake in the other.
 */
export class SignatureChecker {
  private readonly nonces = new Map<string, number>();

  constructor(private readonly secretOf: (deviceId: string) => Buffer | undefined) {}

  /** The device id, or why the request is refused. `nowMs` is the server's (possibly skewed) clock. */
  check(req: { method: string; pathWithQuery: string; authorization: string | undefined; body: Buffer }, nowMs: number): { deviceId: string } | { failure: AuthFailure } {
    const m = HEADER.exec(req.authorization ?? '');
    if (!m) return { failure: 'bad_signature' };
    const [, deviceId, timestamp, nonce, signature] = m as unknown as [string, string, string, string, string];
    const secret = this.secretOf(deviceId);
    if (!secret) return { failure: 'unknown_device' };
    const message = ['JIA1-HMAC-SHA256', req.method, req.pathWithQuery, timestamp, nonce, createHash('sha256').update(req.body).digest('hex')].join('\n');
    const expected = createHmac('sha256', secret).update(message, 'utf8').digest();
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { failure: 'bad_signature' };
    if (Math.abs(Number(timestamp) - nowMs / 1000) > SKEW_SEC) return { failure: 'clock_skew' };
    for (const [seen, at] of this.nonces) if (nowMs - at > NONCE_TTL_MS) this.nonces.delete(seen);
    const key = `${deviceId}:${nonce}`;
    if (this.nonces.has(key)) return { failure: 'replay' };
    this.nonces.set(key, nowMs);
    return { deviceId };
  }
}
