import type {
  ActivityKind,
  AttendanceMarks, LocalDate, MemberOccurrence, MemberToday, MemberWeek, SessionDetail, SessionInput, SessionOccurrence, SessionRoster, StaffCard, StaffWeek,
} from '../../api-types.js';
import { listActiveStaff } from '../../db/staff.repo.js';
import type { DomainContext } from '../context.js';
import { toStaffCard } from '../member-card.js';
import { SessionAttendance } from './attendance-marks.js';
import { addDays } from './dates.js';
import { OccurrenceReader, weekOf, type LoadedOccurrence } from './occurrences.js';
import { stateOf } from './places.js';
import { requireDate, ScheduleService, type SessionEdit } from './schedule.js';
import { AT_KIOSK, SignupService } from './signups.js';

/** Activity sessions: the planner, member sign-ups and waiting lists, session attendance. */
export class SessionsService {
  private readonly reader: OccurrenceReader;
  private readonly schedule: ScheduleService;
  private readonly signups: SignupService;
  private readonly attendance: SessionAttendance;

  constructor(private readonly ctx: DomainContext) {
    this.reader = new OccurrenceReader(ctx);
    this.schedule = new ScheduleService(ctx, this.reader);
    this.signups = new SignupService(ctx, this.reader);
    this.attendance = new SessionAttendance(ctx, this.reader, this.signups);
  }

  // ── staff: the planner ─────────────────────────────────────────────
  week(from: LocalDate = this.reader.today()): StaffWeek {
    return this.schedule.week(from);
  }
  create(staffId: string, input: SessionInput): SessionDetail {
    return this.schedule.create(staffId, input);
  }
  update(staffId: string, sessionId: string, input: SessionEdit): SessionDetail {
    return this.schedule.update(staffId, sessionId, input, (id, append) => this.signups.fillFreedPlaces(append, id, staffId));
  }
  detail(sessionId: string): SessionDetail {
    return this.schedule.detail(sessionId);
  }
  cancelSeries(staffId: string, sessionId: string, reason: string, from?: LocalDate): SessionDetail {
    return this.schedule.cancelSeries(staffId, sessionId, reason, from);
  }
  cancelDate(staffId: string, sessionId: string, date: LocalDate, reason: string): SessionOccurrence {
    return this.schedule.cancelDate(staffId, sessionId, date, reason);
  }
  moveDate(staffId: string, sessionId: string, date: LocalDate, to: { toDate: LocalDate; start: string; end: string; reason: string }): SessionOccurrence {
    return this.schedule.moveDate(staffId, sessionId, date, to);
  }
  colleagues(): StaffCard[] {
    return listActiveStaff(this.ctx.db).map(toStaffCard);
  }

  // ── staff: one occurrence ──────────────────────────────────────────
  roster(sessionId: string, date: LocalDate): SessionRoster {
    return this.attendance.roster(sessionId, requireDate(date));
  }
  mark(staffId: string, sessionId: string, date: LocalDate, marks: AttendanceMarks): SessionRoster {
    return this.attendance.mark(staffId, sessionId, requireDate(date), marks);
  }
  signUpByStaff(staffId: string, sessionId: string, date: LocalDate, memberId: string, waitlist: boolean): SessionRoster {
    this.signups.signUp(memberId, sessionId, requireDate(date), waitlist, { via: 'staff', staffId });
    return this.attendance.roster(sessionId, date);
  }
  cancelByStaff(staffId: string, sessionId: string, date: LocalDate, memberId: string): SessionRoster {
    this.signups.cancel(memberId, sessionId, requireDate(date), { via: 'staff', staffId });
    return this.attendance.roster(sessionId, date);
  }

  // ── members ────────────────────────────────────────────────────────
  /** Today for the member: theirs (signed up or waiting), then open ones; ended ones left out. */
  memberToday(memberId: string): MemberToday {
    const date = this.reader.today();
    return { date, ...this.dayFor(memberId, date) };
  }

  /** Check-in outcome's "today for you": the member's sessions, then open ones. */
  activitiesFor(memberId: string, date: LocalDate): MemberOccurrence[] {
    const { mine, open } = this.dayFor(memberId, date);
    return [...mine, ...open];
  }

  /**
   * The services the member took part in on a day: kinds of that day's (not cancelled) sessions where
   * they held a place. What the satisfaction question at check-out may ask about.
   */
  kindsTakenPart(memberId: string, date: LocalDate): ActivityKind[] {
    const kinds = this.reader.between(date, date)
      .filter((l) => l.occurrence.status === 'scheduled' && stateOf(l.places, memberId) === 'signed_up')
      .map((l) => l.occurrence.series.kind);
    return [...new Set(kinds)];
  }

  /** Seven days from `from`: cancelled occurrences only where the member had a place or was waiting. */
  memberWeek(memberId: string, from: LocalDate = this.reader.today()): MemberWeek {
    requireDate(from, 'from');
    const leads = new Map<string, string | null>();
    const loaded = this.reader.between(from, addDays(from, 6)).filter((l) => this.visibleTo(memberId, l));
    return { from, days: weekOf(from, loaded, (l) => this.reader.toMemberOccurrence(l, memberId, leads)) };
  }

  signUp(memberId: string, sessionId: string, date: LocalDate, waitlist: boolean): MemberOccurrence {
    this.signups.signUp(memberId, sessionId, requireDate(date), waitlist, AT_KIOSK);
    return this.reader.toMemberOccurrence(this.reader.get(sessionId, date), memberId);
  }

  cancelSignup(memberId: string, sessionId: string, date: LocalDate): MemberOccurrence {
    this.signups.cancel(memberId, sessionId, requireDate(date), AT_KIOSK);
    return this.reader.toMemberOccurrence(this.reader.get(sessionId, date), memberId);
  }

  private visibleTo(memberId: string, loaded: LoadedOccurrence): boolean {
    return loaded.occurrence.status === 'scheduled' || stateOf(loaded.places, memberId) !== null;
  }

  /** One day's occurrences that have not ended, split into the member's and the open ones. */
  private dayFor(memberId: string, date: LocalDate): { mine: MemberOccurrence[]; open: MemberOccurrence[] } {
    const loaded = this.reader.between(date, date).filter((l) => !this.reader.ended(l.occurrence));
    const leads = new Map<string, string | null>();
    const mine: MemberOccurrence[] = [];
    const open: MemberOccurrence[] = [];
    for (const l of loaded) {
      if (stateOf(l.places, memberId) !== null) mine.push(this.reader.toMemberOccurrence(l, memberId, leads));
      else if (l.occurrence.status === 'scheduled') open.push(this.reader.toMemberOccurrence(l, memberId, leads));
    }
    return { mine, open };
  }
}
