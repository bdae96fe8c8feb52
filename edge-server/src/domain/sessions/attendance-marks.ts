import type { AttendanceMarks, LocalDate, RosterLine, SessionAttendanceStatus, SessionRoster } from '../../api-types.js';
import { insertAttendanceMark, latestMarks } from '../../db/activity-attendance.repo.js';
import { listDay } from '../../db/attendance.repo.js';
import { recordAudit } from '../../db/audit.repo.js';
import { membersOnLeave } from '../../db/leaves.repo.js';
import { findMemberById } from '../../db/members.repo.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import type { OccurrenceReader } from './occurrences.js';
import { stateOf, waitingPosition } from './places.js';
import type { SignupService } from './signups.js';

/** `absent` for a member on leave is recorded as `excused`: the leave slip already explains it. */
export function effectiveStatus(status: SessionAttendanceStatus, onLeave: boolean): SessionAttendanceStatus {
  return status === 'absent' && onLeave ? 'excused' : status;
}

/** Session attendance: the roster staff mark on, and the marks (`session.attended`). */
export class SessionAttendance {
  constructor(private readonly ctx: DomainContext, private readonly reader: OccurrenceReader, private readonly signups: SignupService) {}

  roster(sessionId: string, date: LocalDate): SessionRoster {
    const loaded = this.reader.get(sessionId, date);
    const day = loaded.occurrence.actualDate;
    const checkedIn = new Set(listDay(this.ctx.db, day).filter((a) => a.direction === 'in').map((a) => a.memberId));
    const onLeave = membersOnLeave(this.ctx.db, day);
    const marks = latestMarks(this.ctx.db, sessionId, date);
    const line = (memberId: string): RosterLine => ({
      memberId,
      name: findMemberById(this.ctx.db, memberId)?.name ?? memberId,
      checkedIn: checkedIn.has(memberId),
      onLeave: onLeave.has(memberId),
      mark: marks.get(memberId) ?? null,
      waitingPosition: waitingPosition(loaded.places, memberId),
    });
    const walkIns = [...checkedIn]
      .filter((id) => stateOf(loaded.places, id) === null && findMemberById(this.ctx.db, id)?.status === 'active')
      .map(line)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    return {
      occurrence: this.reader.toSessionOccurrence(loaded),
      signedUp: loaded.places.signedUp.map(line),
      waiting: loaded.places.waiting.map(line),
      walkIns,
    };
  }

  /**
   * Records marks; a member marked present who has no place is added (a walk-in). Marks for people
   * neither signed up nor waiting must be `present`. A repeated identical mark records nothing.
   */
  mark(staffId: string, sessionId: string, date: LocalDate, input: AttendanceMarks): SessionRoster {
    const loaded = this.reader.get(sessionId, date);
    const { occurrence } = loaded;
    if (occurrence.status === 'cancelled') throw new DomainError('conflict', 'session_cancelled', 'This session is cancelled on that date');
    if (occurrence.actualDate > this.reader.today()) throw new DomainError('conflict', 'session_not_started', 'Attendance is marked on the day of the session or later');
    // The last mark given for a member in one request is the one meant.
    const wanted = new Map(input.marks.map((m) => [m.memberId, m.status]));
    for (const [memberId, status] of wanted) {
      if (!findMemberById(this.ctx.db, memberId)) throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
      if (status !== 'present' && stateOf(loaded.places, memberId) === null) {
        throw new DomainError('conflict', 'not_on_roster', `Member ${memberId} is not signed up; only present can be marked for a walk-in`);
      }
    }
    const onLeave = membersOnLeave(this.ctx.db, occurrence.actualDate);
    this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const current = latestMarks(this.ctx.db, sessionId, date);
      const recorded: { memberId: string; status: SessionAttendanceStatus }[] = [];
      for (const [memberId, asked] of wanted) {
        const status = effectiveStatus(asked, onLeave.has(memberId));
        if (status === 'present' && stateOf(loaded.places, memberId) !== 'signed_up') this.signups.addWalkIn(append, sessionId, date, memberId, staffId);
        if (current.get(memberId) === status) continue;
        const event = append('session.attended', { sessionId, date, memberId, status, staffId, ...(status !== asked ? { asked } : {}) });
        insertAttendanceMark(this.ctx.db, { sessionId, date, memberId, status, staffId, recordedAt: now, eventId: event.id });
        recorded.push({ memberId, status });
      }
      if (recorded.length > 0) {
        recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'session.attendance', target: sessionId, detail: { date, marks: recorded } });
      }
    });
    return this.roster(sessionId, date);
  }
}
