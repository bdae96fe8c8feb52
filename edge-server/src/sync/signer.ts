import { createHash, createHmac, randomBytes } from 'node:crypto';

const SCHEME = 'JIA1-HMAC-SHA256';

/** What one request is signed over (upstream-protocol.md §2). */
export interface SignInput {
  method: string;
  /** path with query exactly as sent */
  path: string;
  /** the body bytes exactly as sent (compressed when sent compressed) */
  body: Uint8Array;
  timestampSec: number;
  nonce: string;
}

/** The §2 message: scheme, method, path, timestamp, nonce and body hash, joined by newlines. */
export function stringToSign(input: SignInput): string {
  const bodyHash = createHash('sha256').update(input.body).digest('hex');
  return [SCHEME, input.method.toUpperCase(), input.path, String(input.timestampSec), input.nonce, bodyHash].join('\n');
}

/** The Authorization header value for one request. */
export function authorizationHeader(deviceId: string, secret: Buffer, input: SignInput): string {
  const signature = createHmac('sha256', secret).update(stringToSign(input), 'utf8').digest('hex');
  return `${SCHEME} Credential=${deviceId}, Timestamp=${input.timestampSec}, Nonce=${input.nonce}, Signature=${signature}`;
}

/**
 * Signs requests with the device secret and the clock offset learnt from the server: a Pi without
 * a battery clock may boot years off, and the server is the only time source it can reach then.
 */
export class RequestSigner {
  private readonly secret: Buffer;
  /** server time minus our time, from the last `clock_skew` answer (0 until one comes) */
  offsetMs = 0;

  constructor(
    private readonly deviceId: string,
    deviceSecret: string,
    private readonly now: () => number = Date.now,
    private readonly nonce: () => string = () => randomBytes(16).toString('hex'),
  ) {
    this.secret = Buffer.from(deviceSecret, 'base64url');
  }

  authorization(method: string, path: string, body: Uint8Array): string {
    const timestampSec = Math.floor((this.now() + this.offsetMs) / 1000);
    return authorizationHeader(this.deviceId, this.secret, { method, path, body, timestampSec, nonce: this.nonce() });
  }

  /** Learns the offset from a `Date` header; false when the header is missing or not a date. */
  learnOffset(dateHeader: string | null): boolean {
    const serverMs = dateHeader ? Date.parse(dateHeader) : NaN;
    if (!Number.isFinite(serverMs)) return false;
    this.offsetMs = serverMs - this.now();
    return true;
  }
}
