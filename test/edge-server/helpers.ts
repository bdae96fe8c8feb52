import { expect } from 'vitest';
import type { KioskOutcome } from '../../edge-server/src/api-types.js';
import type { FingerprintPort } from '../../hardware/fingerprint/index.js';
import type { TestKiosk } from '../support/kiosk.js';

/** A test kiosk on any reader (simulated or a real driver over an emulated module). */
type AnyKiosk = TestKiosk<FingerprintPort>;

/** Demo fixtures (edge-server/src/demo-data.ts). */
export const STAFF_ID = 'stf_demo_01';
export const STAFF_CARD = '900001';
export const STAFF_SLOT = 100;
export const STAFF_PIN = '2468';
export const INACTIVE_MEMBER_CARD = '100013';

export type Outcome<K extends KioskOutcome['kind']> = Extract<KioskOutcome, { kind: K }>;

/** A finger on the simulated reader; returns the outcome the services published on the bus. */
export function touch(kiosk: TestKiosk, slot: number | null): KioskOutcome {
  const outcomes: KioskOutcome[] = [];
  const off = kiosk.bus.subscribe('outcome', (o) => outcomes.push(o));
  try {
    kiosk.fingerprint.touch(slot);
  } finally {
    off();
  }
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

/** Narrows an outcome to `kind`, failing the test with the actual outcome otherwise. */
export function expectKind<K extends KioskOutcome['kind']>(outcome: KioskOutcome, kind: K): Outcome<K> {
  expect(outcome.kind, JSON.stringify(outcome)).toBe(kind);
  return outcome as Outcome<K>;
}

export async function presentCard(kiosk: AnyKiosk, cardNumber: string): Promise<KioskOutcome> {
  const res = await kiosk.post('/api/identify/card', { cardNumber });
  expect(res.status).toBe(200);
  return (await res.json()) as KioskOutcome;
}

/** Staff 王芳 shows her card; returns the identToken of the staff_identified outcome. */
export async function identifyStaff(kiosk: AnyKiosk): Promise<string> {
  return expectKind(await presentCard(kiosk, STAFF_CARD), 'staff_identified').identToken;
}

/** `name=value` from a Set-Cookie header, ready for a Cookie request header. */
export function cookieFrom(res: Response): string {
  const setCookie = res.headers.get('set-cookie');
  expect(setCookie).toBeTruthy();
  return setCookie!.split(';')[0]!;
}

export async function signInStaff(kiosk: AnyKiosk, pin = STAFF_PIN): Promise<Response> {
  return kiosk.post('/api/staff/session', { identToken: await identifyStaff(kiosk), pin });
}

/** Signs 王芳 in and returns the Cookie header value of her session. */
export async function staffCookie(kiosk: AnyKiosk): Promise<string> {
  const res = await signInStaff(kiosk);
  expect(res.status).toBe(200);
  return cookieFrom(res);
}

export function count(kiosk: AnyKiosk, table: string): number {
  return (kiosk.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export interface AttendanceRow {
  id: string; member_id: string; direction: string; occurred_at: number; local_date: string;
  method: string; staff_id: string | null; note: string | null; event_id: string;
}

export function attendanceRows(kiosk: AnyKiosk, memberId?: string): AttendanceRow[] {
  const rows = kiosk.db.prepare('SELECT * FROM attendance ORDER BY rowid').all() as AttendanceRow[];
  return memberId ? rows.filter((r) => r.member_id === memberId) : rows;
}

export interface StoredEvent { seq: number; id: string; type: string; occurredAt: string; clock: Record<string, unknown>; data: Record<string, unknown> }

/** The local event log, oldest first, with JSON columns parsed. */
export function storedEvents(kiosk: AnyKiosk): StoredEvent[] {
  const rows = kiosk.db.prepare('SELECT seq, id, type, occurred_at AS occurredAt, clock, data FROM events ORDER BY seq').all() as
    { seq: number; id: string; type: string; occurredAt: string; clock: string; data: string }[];
  return rows.map((r) => ({ ...r, clock: JSON.parse(r.clock) as Record<string, unknown>, data: JSON.parse(r.data) as Record<string, unknown> }));
}

export async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return body.error;
}
