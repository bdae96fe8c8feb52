import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../db/audit.repo.js';
import { endSession, findLiveSession, insertSession, touchSession } from '../db/sessions.repo.js';
import {
  clearPinFailures, findStaffById, getPinFailures, getStaffPinHash, setPinFailures, type Staff,
} from '../db/staff.repo.js';
import type { DomainContext } from './context.js';
import { DomainError } from './errors.js';
import { verifyPin } from './pin.js';
import { formatWithOffset } from '../clock.js';

export const MAX_PIN_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;

type SignInOutcome = { kind: 'signed_in' } | { kind: 'locked'; until: number } | { kind: 'wrong_pin'; failures: number };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Staff sign-in (an identification the kiosk just made, plus the PIN), sessions that end after
 * `idleMs` without use, and the wrong-PIN lockout: 5 wrong PINs lock that staff member for 5 minutes.
 */
export class StaffAuth {
  constructor(private readonly ctx: DomainContext, private readonly idleMs: number) {}

  /** Checks the PIN of an identified staff member and opens a session; returns the cookie value. */
  async signIn(staffId: string, pin: string): Promise<{ staff: Staff; sessionToken: string }> {
    const staff = findStaffById(this.ctx.db, staffId);
    if (!staff || staff.status !== 'active') throw new DomainError('forbidden', 'staff_inactive', 'This staff account is not active');
    const lock = getPinFailures(this.ctx.db, staffId);
    // Refused before scrypt runs: a locked account costs nothing to hammer.
    if (lock.lockedUntil !== null && lock.lockedUntil > this.ctx.clock.now()) {
      this.auditRefusedLocked(staffId, this.ctx.clock.now());
      throw this.lockedError(lock.lockedUntil);
    }
    const stored = getStaffPinHash(this.ctx.db, staffId);
    const ok = stored !== null && (await verifyPin(pin, stored));
    const now = this.ctx.clock.now();
    // scrypt ran asynchronously: other attempts may have counted meanwhile, so the counter is read
    // again and updated in one synchronous transaction (five parallel guesses still lock).
    const sessionToken = randomBytes(32).toString('base64url');
    const outcome = this.ctx.db.transaction((): SignInOutcome => {
      const current = getPinFailures(this.ctx.db, staffId);
      if (current.lockedUntil !== null && current.lockedUntil > now) {
        this.auditRefusedLocked(staffId, now);
        return { kind: 'locked', until: current.lockedUntil };
      }
      if (ok) {
        clearPinFailures(this.ctx.db, staffId);
        insertSession(this.ctx.db, hashToken(sessionToken), staffId, now);
        recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'staff.sign_in', target: null, detail: {} });
        return { kind: 'signed_in' };
      }
      // A lock that has run out starts the count again.
      const failures = (current.lockedUntil !== null ? 0 : current.failures) + 1;
      const lockedUntil = failures >= MAX_PIN_FAILURES ? now + LOCK_MS : null;
      setPinFailures(this.ctx.db, staffId, { failures: lockedUntil ? 0 : failures, lockedUntil });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: lockedUntil ? 'staff.locked' : 'staff.sign_in_failed',
        target: null, detail: { failures },
      });
      return lockedUntil ? { kind: 'locked', until: lockedUntil } : { kind: 'wrong_pin', failures };
    }).immediate();
    if (outcome.kind === 'locked') throw this.lockedError(outcome.until);
    if (outcome.kind === 'wrong_pin') {
      throw new DomainError('unauthenticated', 'wrong_pin', `Wrong PIN; ${MAX_PIN_FAILURES - outcome.failures} tries left before a 5-minute lock`, {
        attemptsLeft: MAX_PIN_FAILURES - outcome.failures,
      });
    }
    return { staff, sessionToken };
  }

  private auditRefusedLocked(staffId: string, at: number): void {
    recordAudit(this.ctx.db, { at, actorKind: 'staff', actorId: staffId, action: 'staff.sign_in_refused_locked', target: null, detail: {} });
  }

  private lockedError(until: number): DomainError {
    return new DomainError('locked', 'locked', 'Too many wrong PINs; this staff member is locked for a few minutes', {
      lockedUntil: formatWithOffset(until, this.ctx.timeZone()),
    });
  }

  /** The staff member behind a session cookie, refreshing its idle timer; undefined when none or idle too long. */
  authenticate(sessionToken: string): Staff | undefined {
    const tokenHash = hashToken(sessionToken);
    const session = findLiveSession(this.ctx.db, tokenHash);
    if (!session) return undefined;
    const now = this.ctx.clock.now();
    if (now - session.lastSeenAt > this.idleMs) {
      this.ctx.db.transaction(() => {
        endSession(this.ctx.db, tokenHash, now);
        recordAudit(this.ctx.db, { at: now, actorKind: 'system', actorId: null, action: 'staff.signed_out_idle', target: session.staffId, detail: {} });
      })();
      return undefined;
    }
    const staff = findStaffById(this.ctx.db, session.staffId);
    if (!staff || staff.status !== 'active') return undefined;
    touchSession(this.ctx.db, tokenHash, now);
    return staff;
  }

  signOut(sessionToken: string, staffId: string): void {
    const now = this.ctx.clock.now();
    this.ctx.db.transaction(() => {
      if (endSession(this.ctx.db, hashToken(sessionToken), now)) {
        recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'staff.sign_out', target: null, detail: {} });
      }
    })();
  }
}
