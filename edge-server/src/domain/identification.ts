import { randomUUID } from 'node:crypto';
import { newRecordId } from '../ids.js';
import type { IdentMethod, KioskOutcome } from '../api-types.js';
import { formatWithOffset, localDate } from '../clock.js';
import { findEnrolmentBySlot } from '../db/enrolments.repo.js';
import { findMemberByCard, findMemberById } from '../db/members.repo.js';
import { findStaffByCard, findStaffById, type Staff } from '../db/staff.repo.js';
import { insertStaffAttendance, lastStaffClock } from '../db/staff-attendance.repo.js';
import { recordAudit } from '../db/audit.repo.js';
import type { AttendanceService } from './attendance.js';
import type { DomainContext } from './context.js';
import { DomainError } from './errors.js';
import { toStaffCard } from './member-card.js';
import { OneTimeTokens } from './one-time-tokens.js';

const IDENT_TTL_MS = 2 * 60_000;

/** A staff identification waiting for its next step (clock, or PIN for staff mode). */
export interface StaffIdentity { staffId: string; method: IdentMethod }

/**
 * Turns "the reader matched slot 7" or "a card was read" into what the kiosk shows: member
 * attendance outcomes, or a staff identification that can clock in/out or open staff mode.
 */
export class IdentificationService {
  readonly staffIdentities: OneTimeTokens<StaffIdentity>;

  constructor(private readonly ctx: DomainContext, private readonly attendance: AttendanceService, private readonly sensorId: () => string) {
    this.staffIdentities = new OneTimeTokens(IDENT_TTL_MS, () => ctx.clock.now());
  }

  /** The reader reported a search result; `slot` null = no match. */
  fingerprint(slot: number | null): KioskOutcome {
    const enrolment = slot === null ? undefined : findEnrolmentBySlot(this.ctx.db, this.sensorId(), slot);
    if (enrolment?.personKind === 'member') {
      const member = findMemberById(this.ctx.db, enrolment.personId);
      if (member) return this.attendance.identify(member, 'fingerprint');
    }
    if (enrolment?.personKind === 'staff') {
      const staff = findStaffById(this.ctx.db, enrolment.personId);
      if (staff) return this.staffOutcome(staff, 'fingerprint');
    }
    return { id: randomUUID(), kind: 'not_recognised', method: 'fingerprint' };
  }

  /** A keyboard-wedge card reader typed a card number. */
  card(cardNumber: string): KioskOutcome {
    const member = findMemberByCard(this.ctx.db, cardNumber);
    if (member) return this.attendance.identify(member, 'card');
    const staff = findStaffByCard(this.ctx.db, cardNumber);
    if (staff) return this.staffOutcome(staff, 'card');
    return { id: randomUUID(), kind: 'not_recognised', method: 'card' };
  }

  /** Clock a staff member in or out with an identification made a moment ago. */
  clock(identToken: string, direction: 'in' | 'out'): KioskOutcome {
    const identity = this.staffIdentities.take(identToken);
    if (!identity) throw new DomainError('gone', 'token_expired', 'This identification has expired or was used; place the finger again');
    const staff = findStaffById(this.ctx.db, identity.staffId);
    if (!staff) throw new DomainError('not_found', 'staff_not_found', 'The staff member no longer exists');
    return this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const day = localDate(now, this.ctx.timeZone());
      const clockedIn = lastStaffClock(this.ctx.db, staff.id, day)?.direction === 'in';
      if (direction === 'in' && clockedIn) throw new DomainError('conflict', 'already_clocked_in', 'Already clocked in today');
      if (direction === 'out' && !clockedIn) throw new DomainError('conflict', 'not_clocked_in', 'Not clocked in today, so cannot clock out');
      const event = append(direction === 'in' ? 'staff.clocked_in' : 'staff.clocked_out', { staffId: staff.id, method: identity.method }, now);
      insertStaffAttendance(this.ctx.db, {
        id: newRecordId(now), staffId: staff.id, direction, occurredAt: now, localDate: day,
        method: identity.method, eventId: event.id,
      });
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staff.id, action: `staff.clock_${direction}`, target: null, detail: { method: identity.method } });
      return { id: randomUUID(), kind: 'staff_clocked', staff: toStaffCard(staff), direction, at: formatWithOffset(now, this.ctx.timeZone()) };
    });
  }

  private staffOutcome(staff: Staff, method: IdentMethod): KioskOutcome {
    if (staff.status !== 'active') return { id: randomUUID(), kind: 'not_recognised', method };
    const now = this.ctx.clock.now();
    const last = lastStaffClock(this.ctx.db, staff.id, localDate(now, this.ctx.timeZone()));
    const { token, expiresAt } = this.staffIdentities.issue({ staffId: staff.id, method });
    return {
      id: randomUUID(), kind: 'staff_identified', staff: toStaffCard(staff), clockedIn: last?.direction === 'in',
      identToken: token, expiresAt: formatWithOffset(expiresAt, this.ctx.timeZone()),
    };
  }
}
