import { randomUUID } from 'node:crypto';
import { newRecordId } from '../ids.js';
import type { AttendanceLine, IdentMethod, KioskOutcome, MemberOccurrence, MemberVisit, SurveyPrompt, TodayAttendance } from '../api-types.js';
import { formatWithOffset, localDate } from '../clock.js';
import {
  findAttendance, insertAttendance, insertCorrection, listDay, listMemberDay, type Direction, type EffectiveAttendance,
} from '../db/attendance.repo.js';
import { recordAudit } from '../db/audit.repo.js';
import { findMemberById, listActiveMembers, type Member } from '../db/members.repo.js';
import { checkManualDirection, decideIdentification } from './attendance-rules.js';
import type { DomainContext } from './context.js';
import type { AppendEvent } from '../events/event-log.js';
import { DomainError } from './errors.js';
import { toMemberCard } from './member-card.js';
import type { MemberVisits } from './member-visits.js';
import { OneTimeTokens } from './one-time-tokens.js';

/**
 * What a member's check-in and check-out screens show besides the record itself, supplied by the
 * services that own it (sessions, surveys). Read after the attendance is written.
 */
export interface VisitExtras {
  /** Today's sessions for the member: theirs first, then open ones. */
  activitiesFor(memberId: string, date: string): MemberOccurrence[];
  /** The satisfaction question when the member is due one at this check-out (and remembers it was asked). */
  surveyFor(memberId: string, date: string): SurveyPrompt | null;
}

const NO_EXTRAS: VisitExtras = { activitiesFor: () => [], surveyFor: () => null };

/** How long "要离开了吗？" stays answerable. */
const CONFIRM_TTL_MS = 90_000;

/**
 * Member attendance: identification → check-in / "leaving?" / repeat, check-out on confirmation,
 * staff-assisted records and corrections. Rows and events are only ever appended.
 */
export class AttendanceService {
  private readonly checkoutTokens: OneTimeTokens<{ memberId: string; method: IdentMethod }>;

  /** Set by the composition root once the sessions and survey services exist. */
  extras: VisitExtras = NO_EXTRAS;

  constructor(private readonly ctx: DomainContext, private readonly visits: MemberVisits) {
    this.checkoutTokens = new OneTimeTokens(CONFIRM_TTL_MS, () => ctx.clock.now());
  }

  private visit(memberId: string): MemberVisit {
    const { token, expiresAt } = this.visits.issue(memberId);
    return { token, expiresAt: this.iso(expiresAt) };
  }

  private checkedIn(outcomeId: string, member: Member, at: number, method: IdentMethod, repeat: boolean): KioskOutcome {
    return {
      id: outcomeId, kind: 'checked_in', member: toMemberCard(member), at: this.iso(at), method, repeat,
      activities: this.extras.activitiesFor(member.id, this.today()), visit: this.visit(member.id),
    };
  }

  private checkedOut(outcomeId: string, member: Member, at: number, method: IdentMethod, repeat: boolean): KioskOutcome {
    return {
      id: outcomeId, kind: 'checked_out', member: toMemberCard(member), at: this.iso(at), method, repeat,
      visit: this.visit(member.id), survey: repeat ? null : this.extras.surveyFor(member.id, this.today()),
    };
  }

  private today(ms = this.ctx.clock.now()): string {
    return localDate(ms, this.ctx.timeZone());
  }

  private iso(ms: number): string {
    return formatWithOffset(ms, this.ctx.timeZone());
  }

  /** A member identified themselves (finger or card) at the kiosk. */
  identify(member: Member, method: IdentMethod): KioskOutcome {
    const outcomeId = randomUUID();
    if (member.status !== 'active') return { id: outcomeId, kind: 'member_inactive', method };
    const card = toMemberCard(member);
    const decided = this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const day = this.today(now);
      const decision = decideIdentification(listMemberDay(this.ctx.db, member.id, day).at(-1), now);
      if (decision.action === 'check_in') this.appendAttendance(append, { memberId: member.id, direction: 'in', method, staffId: null, note: null, now, day });
      return { decision, now };
    });
    const { decision, now } = decided;
    switch (decision.action) {
      case 'check_in':
        return this.checkedIn(outcomeId, member, now, method, false);
      case 'repeat_check_in':
        return this.checkedIn(outcomeId, member, decision.last.occurredAt, method, true);
      case 'repeat_check_out':
        return this.checkedOut(outcomeId, member, decision.last.occurredAt, method, true);
      case 'ask_checkout': {
        const { token, expiresAt } = this.checkoutTokens.issue({ memberId: member.id, method });
        return {
          id: outcomeId, kind: 'confirm_checkout', member: card, checkedInAt: this.iso(decision.last.occurredAt),
          confirmToken: token, expiresAt: this.iso(expiresAt),
        };
      }
    }
  }

  /** The member answered "yes, I am leaving". */
  confirmCheckout(confirmToken: string): KioskOutcome {
    const pending = this.checkoutTokens.take(confirmToken);
    if (!pending) throw new DomainError('gone', 'token_expired', 'This leave confirmation has expired or was already used; identify again');
    const member = findMemberById(this.ctx.db, pending.memberId);
    if (!member) throw new DomainError('not_found', 'member_not_found', 'The member no longer exists');
    const written = this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const day = this.today(now);
      const last = listMemberDay(this.ctx.db, member.id, day).at(-1);
      if (!last) {
        // The question was asked before midnight: that check-in belongs to yesterday, today has none.
        throw new DomainError('conflict', 'not_checked_in', 'The member has no check-in today; identify again');
      }
      // Already checked out meanwhile (e.g. by staff): show that goodbye, record nothing new.
      if (last.direction !== 'in') return { at: last.occurredAt, repeat: true };
      this.appendAttendance(append, { memberId: member.id, direction: 'out', method: pending.method, staffId: null, note: null, now, day });
      return { at: now, repeat: false };
    });
    return this.checkedOut(randomUUID(), member, written.at, pending.method, written.repeat);
  }

  /** A signed-in staff member checks a member in or out on their behalf. */
  recordByStaff(staffId: string, memberId: string, direction: Direction, reason: string): { attendanceId: string } {
    const member = findMemberById(this.ctx.db, memberId);
    if (!member) throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
    if (member.status !== 'active') throw new DomainError('conflict', 'member_inactive', 'The member is inactive in the registry');
    return this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const day = this.today(now);
      const problem = checkManualDirection(listMemberDay(this.ctx.db, memberId, day).at(-1), direction);
      if (problem) throw new DomainError('conflict', direction === 'in' ? 'already_checked_in' : 'not_checked_in', problem);
      const attendanceId = this.appendAttendance(append, { memberId, direction, method: 'staff_assisted', staffId, note: reason, now, day });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: direction === 'in' ? 'attendance.check_in' : 'attendance.check_out',
        target: memberId, detail: { attendanceId, reason },
      });
      return { attendanceId };
    });
  }

  /** A correction: a new event and row that override one field of an earlier record. */
  correct(staffId: string, input: { attendanceId: string; field: 'occurredAt' | 'voided'; to: string; reason: string }): { correctionId: string } {
    const target = findAttendance(this.ctx.db, input.attendanceId);
    if (!target) throw new DomainError('not_found', 'attendance_not_found', `No attendance record ${input.attendanceId}`);
    let toValue: string;
    let fromValue: string;
    let toForEvent: string | boolean;
    let fromForEvent: string | boolean;
    if (input.field === 'occurredAt') {
      const ms = Date.parse(input.to);
      if (!Number.isFinite(ms)) throw new DomainError('invalid', 'invalid_time', `'${input.to}' is not a date-time; send ISO 8601 such as 2026-12-03T09:00:00+08:00`);
      if (this.today(ms) !== this.today(target.occurredAt)) {
        throw new DomainError('invalid', 'other_day', 'A corrected time must stay on the same day as the record');
      }
      if (ms > this.ctx.clock.now()) throw new DomainError('invalid', 'future_time', 'A corrected time cannot be in the future');
      toValue = String(ms);
      fromValue = String(target.occurredAt);
      toForEvent = this.iso(ms);
      fromForEvent = this.iso(target.occurredAt);
    } else {
      if (input.to !== 'true' && input.to !== 'false') throw new DomainError('invalid', 'invalid_value', "voided takes 'true' or 'false'");
      toValue = input.to;
      fromValue = String(target.voided);
      toForEvent = input.to === 'true';
      fromForEvent = target.voided;
    }
    return this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const correctionId = newRecordId(now);
      const event = append('attendance.corrected', {
        attendanceId: target.id, memberId: target.memberId, field: input.field, from: fromForEvent, to: toForEvent,
        staffId, reason: input.reason,
      });
      insertCorrection(this.ctx.db, {
        id: correctionId, attendanceId: target.id, field: input.field, fromValue, toValue, staffId,
        reason: input.reason, recordedAt: now, eventId: event.id,
      });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'attendance.correct', target: target.id,
        detail: { field: input.field, from: fromForEvent, to: toForEvent, reason: input.reason },
      });
      return { correctionId };
    });
  }

  /** Who is in, who left, who has not come today (active members). */
  todayOverview(): TodayAttendance {
    const day = this.today();
    const perMember = new Map<string, EffectiveAttendance[]>();
    for (const row of listDay(this.ctx.db, day)) {
      const list = perMember.get(row.memberId) ?? [];
      list.push(row);
      perMember.set(row.memberId, list);
    }
    const overview: TodayAttendance = { date: day, present: [], left: [], notYet: [] };
    for (const member of listActiveMembers(this.ctx.db)) {
      const rows = perMember.get(member.id);
      const lastIn = rows?.findLast((r) => r.direction === 'in');
      if (!rows || !lastIn) {
        overview.notYet.push({ memberId: member.id, name: member.name });
        continue;
      }
      const out = rows.findLast((r) => r.direction === 'out' && r.occurredAt >= lastIn.occurredAt) ?? null;
      const line: AttendanceLine = {
        memberId: member.id, name: member.name, checkInId: lastIn.id, checkedInAt: this.iso(lastIn.occurredAt),
        checkInMethod: lastIn.method, checkOutId: out?.id ?? null, checkedOutAt: out ? this.iso(out.occurredAt) : null,
      };
      (out ? overview.left : overview.present).push(line);
    }
    return overview;
  }

  private appendAttendance(
    append: AppendEvent,
    row: { memberId: string; direction: Direction; method: IdentMethod; staffId: string | null; note: string | null; now: number; day: string },
  ): string {
    const id = newRecordId(row.now);
    const data: Record<string, unknown> = { attendanceId: id, memberId: row.memberId, method: row.method };
    if (row.staffId) data.staffId = row.staffId;
    if (row.note) data.note = row.note;
    const event = append(row.direction === 'in' ? 'attendance.checked_in' : 'attendance.checked_out', data, row.now);
    insertAttendance(this.ctx.db, {
      id, memberId: row.memberId, direction: row.direction, occurredAt: row.now, localDate: row.day,
      method: row.method, staffId: row.staffId, note: row.note, eventId: event.id,
    });
    return id;
  }
}
