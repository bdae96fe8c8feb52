import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizationHeader, RequestSigner, stringToSign } from '../../../edge-server/src/sync/signer.js';

const SECRET = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const NONCE = '0123456789abcdef0123456789abcdef';
const BODY = Buffer.from('{"events":[]}');

/** §2 computed here from the protocol text, independently of the signer. */
function expected(method: string, path: string, ts: number, body: Buffer): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', SECRET).update(`JIA1-HMAC-SHA256\n${method}\n${path}\n${ts}\n${NONCE}\n${bodyHash}`, 'utf8').digest('hex');
}

describe('request signer', () => {
  it('signs method, path with query, timestamp, nonce and the body hash with the decoded secret', () => {
    const header = authorizationHeader('dev_7Q', SECRET, { method: 'POST', path: '/v1/events?x=1', body: BODY, timestampSec: 1_796_000_000, nonce: NONCE });
    expect(header).toBe(`JIA1-HMAC-SHA256 Credential=dev_7Q, Timestamp=1796000000, Nonce=${NONCE}, Signature=${expected('POST', '/v1/events?x=1', 1_796_000_000, BODY)}`);
  });

  it('hashes the empty string for an empty body', () => {
    const text = stringToSign({ method: 'GET', path: '/v1/changes?stream=members', body: new Uint8Array(), timestampSec: 1, nonce: NONCE });
    expect(text.split('\n').at(-1)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('decodes the base64url device secret and stamps the offset-corrected time', () => {
    const signer = new RequestSigner('dev_7Q', SECRET.toString('base64url'), () => 1_796_000_000_500, () => NONCE);
    expect(signer.learnOffset(new Date(1_796_000_060_000).toUTCString())).toBe(true);
    expect(signer.offsetMs).toBe(59_500);
    const header = signer.authorization('POST', '/v1/events', BODY);
    expect(header).toContain('Timestamp=1796000060,');
    expect(header).toContain(`Signature=${expected('POST', '/v1/events', 1_796_000_060, BODY)}`);
  });

  it('keeps its offset when the Date header is missing or not a date', () => {
    const signer = new RequestSigner('dev_7Q', SECRET.toString('base64url'), () => 0, () => NONCE);
    expect(signer.learnOffset(null)).toBe(false);
    expect(signer.learnOffset('yesterday')).toBe(false);
    expect(signer.offsetMs).toBe(0);
  });

  it('uses a fresh 32-hex-character nonce for every request', () => {
    const signer = new RequestSigner('dev_7Q', SECRET.toString('base64url'));
    const nonces = [1, 2, 3].map(() => /Nonce=([0-9a-f]{32}),/.exec(signer.authorization('POST', '/v1/events', BODY))?.[1]);
    expect(new Set(nonces).size).toBe(3);
  });
});
