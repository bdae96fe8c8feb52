import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Where the identity lives in DATA_DIR. */
export const IDENTITY_FILE = 'upstream-identity.json';

const intervalsSchema = z.object({
  pushSec: z.number().int().min(1).max(86_400),
  pullSec: z.number().int().min(1).max(86_400),
  heartbeatSec: z.number().int().min(1).max(86_400),
});

/** The §1 answer as the kiosk keeps it (the same fields, plus where and when). */
export const enrolmentSchema = z.object({
  deviceId: z.string().min(1).max(200),
  deviceSecret: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'base64url of 32 bytes'),
  facility: z.object({ id: z.string().min(1), name: z.string().min(1), timezone: z.string().min(1) }),
  intervals: intervalsSchema,
});

const identitySchema = enrolmentSchema.extend({ upstream: z.url(), enrolledAt: z.string() });

/** This kiosk's identity at the district platform. `deviceSecret` never goes to a log or a screen. */
export type DeviceIdentity = z.infer<typeof identitySchema>;
export type SyncIntervals = z.infer<typeof intervalsSchema>;

export class IdentityError extends Error {
  readonly code = 'identity_invalid';
}

/** The identity, or null when this kiosk was never enrolled. A damaged file is an error, not "not enrolled". */
export function readIdentity(dataDir: string): DeviceIdentity | null {
  const file = join(dataDir, IDENTITY_FILE);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new IdentityError(`${file} is not valid JSON; enrol again with npm run provision -- enroll`);
  }
  const parsed = identitySchema.safeParse(json);
  // The issues name paths only: a message with the values could carry the secret.
  if (!parsed.success) throw new IdentityError(`${file} is invalid (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}); enrol again with npm run provision -- enroll`);
  return parsed.data;
}

/**
 * Writes the identity atomically with mode 0600: a temporary file, fsync, rename, so a power cut
 * leaves either the old identity or the new one, never half of one.
 */
export function writeIdentity(dataDir: string, identity: DeviceIdentity): void {
  const file = join(dataDir, IDENTITY_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(identity, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  const dir = openSync(dataDir, 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
