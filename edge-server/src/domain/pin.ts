import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
const PARAMS = { N: 16384, r: 8, p: 1 };

/** PINs are 4–8 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4,8}$/.test(pin);
}

/** `salt:hash` (hex) with scrypt; the PIN itself is never stored or logged. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pin, salt, KEY_LENGTH, PARAMS).toString('hex')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [saltHex, hashHex] = stored.split(':');
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = await new Promise<Buffer>((resolve, reject) => {
    scrypt(pin, Buffer.from(saltHex, 'hex'), KEY_LENGTH, PARAMS, (err, key) => (err ? reject(err) : resolve(key)));
  });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
