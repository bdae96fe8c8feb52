import { describe, expect, it } from 'vitest';
import { localDate } from '../../../edge-server/src/clock.js';
import type { EffectiveAttendance } from '../../../edge-server/src/db/attendance.repo.js';
import {
  checkManualDirection, decideIdentification, REPEAT_WINDOW_MS,
} from '../../../edge-server/src/domain/attendance-rules.js';

const NINE = Date.parse('2026-12-03T09:00:00+08:00');
const SECOND = 1000;

function record(direction: 'in' | 'out', occurredAt: number): EffectiveAttendance {
  return { id: `att_${direction}`, memberId: 'mem_demo_01', direction, occurredAt, method: 'fingerprint', staffId: null, voided: false };
}

describe('decideIdentification', () => {
  it('checks in a member who has no record today', () => {
    expect(decideIdentification(undefined, NINE)).toEqual({ action: 'check_in' });
  });

  it('asks before checking out a member who is already in', () => {
    const last = record('in', NINE);
    expect(decideIdentification(last, NINE + 2 * 60 * 60 * SECOND)).toEqual({ action: 'ask_checkout', last });
  });

  it('shows the same welcome and records nothing when the finger comes again within 60 s of check-in', () => {
    const last = record('in', NINE);
    expect(decideIdentification(last, NINE + 1)).toEqual({ action: 'repeat_check_in', last });
    expect(decideIdentification(last, NINE + REPEAT_WINDOW_MS - 1)).toEqual({ action: 'repeat_check_in', last });
  });

  it('asks about leaving once 60 s have passed since check-in', () => {
    const last = record('in', NINE);
    expect(decideIdentification(last, NINE + REPEAT_WINDOW_MS).action).toBe('ask_checkout');
  });

  it('shows the same goodbye when the finger comes again within 60 s of check-out', () => {
    const last = record('out', NINE);
    expect(decideIdentification(last, NINE + 30 * SECOND)).toEqual({ action: 'repeat_check_out', last });
  });

  it('checks in again a member who left more than 60 s ago', () => {
    expect(decideIdentification(record('out', NINE), NINE + REPEAT_WINDOW_MS + 1)).toEqual({ action: 'check_in' });
  });

  it('treats the repeat window as exactly 60 seconds', () => {
    expect(REPEAT_WINDOW_MS).toBe(60_000);
  });

  it('decides the same way every time for the same input (no answer to "leaving?" changes nothing)', () => {
    // "No answer" means no confirmation call: the next identification sees the same last record and asks again.
    const last = record('in', NINE);
    const later = NINE + 10 * 60 * SECOND;
    expect(decideIdentification(last, later)).toEqual(decideIdentification(last, later));
    expect(decideIdentification(last, later + 60 * SECOND).action).toBe('ask_checkout');
  });
});

describe('the facility-local day that "today" means', () => {
  const late = Date.parse('2026-12-03T23:59:00+08:00');
  const early = Date.parse('2026-12-04T00:01:00+08:00');

  it('puts 23:59 and 00:01 Shanghai time on different days even though both are the same UTC day', () => {
    expect(new Date(late).toISOString().slice(0, 10)).toBe(new Date(early).toISOString().slice(0, 10));
    expect(localDate(late, 'Asia/Shanghai')).toBe('2026-12-03');
    expect(localDate(early, 'Asia/Shanghai')).toBe('2026-12-04');
  });

  it('checks in a member whose only open check-in is from yesterday (yesterday is not passed as today)', () => {
    // The service passes only today's records; a check-in at 23:59 yesterday leaves today empty.
    expect(decideIdentification(undefined, early)).toEqual({ action: 'check_in' });
  });
});

describe('checkManualDirection', () => {
  it('refuses a staff check-in for a member who is already in', () => {
    expect(checkManualDirection(record('in', NINE), 'in')).toMatch(/already checked in/);
  });

  it('refuses a staff check-out for a member who is not in', () => {
    expect(checkManualDirection(undefined, 'out')).toMatch(/not checked in/);
    expect(checkManualDirection(record('out', NINE), 'out')).toMatch(/not checked in/);
  });

  it('allows a staff check-in for a member who is not in, and a check-out for one who is', () => {
    expect(checkManualDirection(undefined, 'in')).toBeNull();
    expect(checkManualDirection(record('out', NINE), 'in')).toBeNull();
    expect(checkManualDirection(record('in', NINE), 'out')).toBeNull();
  });
});
