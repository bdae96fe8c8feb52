import type { Db } from '../db/connection.js';
import { newRecordId } from '../ids.js';
import { formatWithOffset, type Clock, type ClockInfo } from '../clock.js';
import type { EventBus } from './bus.js';
import { insertEvent } from '../db/events.repo.js';

/** Event types of upstream-protocol.md §6 that this version records. */
export type EventType =
  | 'attendance.checked_in' | 'attendance.checked_out' | 'attendance.corrected'
  | 'staff.clocked_in' | 'staff.clocked_out'
  | 'member.registered' | 'member.profile_updated'
  | 'member.biometric_enrolled' | 'member.biometric_removed'
  | 'consent.given' | 'consent.withdrawn'
  | 'alert.raised' | 'alert.acknowledged' | 'alert.resolved'
  | 'sensor.hourly'
  | 'leave.recorded'
  | 'employment.work_logged' | 'employment.work_voided' | 'rehab.plan_set' | 'rehab.note_added'
  | 'session.scheduled' | 'session.cancelled' | 'session.signed_up' | 'session.signup_cancelled' | 'session.attended'
  | 'volunteer.visited' | 'survey.answered'
  // lending (issue 6): §6 names loan.checked_out, loan.returned, item.status_changed, reservation.created/cancelled;
  // the others are recorded because every change is an event (whether the district takes them is issue 7's to agree)
  | 'catalogue.entry_set' | 'item.registered' | 'item.status_changed' | 'item.cleaned' | 'item.maintained'
  | 'loan.checked_out' | 'loan.renewed' | 'loan.returned' | 'loan.lost'
  | 'reservation.created' | 'reservation.cancelled' | 'reservation.fulfilled'
  | 'lending.assessed' | 'lending.waitlisted' | 'lending.waitlist_left' | 'stocktake.completed';

/** One row of the local event log, in the shape pushed upstream. */
export interface EventRecord {
  id: string;
  seq: number;
  type: EventType;
  occurredAt: string;
  clock: ClockInfo;
  data: Record<string, unknown>;
}

/** Appends an event inside the caller's transaction; returns the stored record. */
export type AppendEvent = (type: EventType, data: Record<string, unknown>, occurredMs?: number) => EventRecord;

export interface EventLogContext {
  db: Db;
  clock: Clock;
  bus: EventBus;
  timeZone: () => string;
}

/**
 * The one way domain code changes state: `write(fn)` runs `fn` in a single SQLite transaction, in
 * which `fn` writes its domain rows and appends events; the events are published on the bus only
 * after the transaction commits, so nobody hears of a change that could still roll back.
 */
export class EventLog {
  constructor(private readonly ctx: EventLogContext) {}

  write<T>(fn: (append: AppendEvent) => T): T {
    const appended: EventRecord[] = [];
    const append: AppendEvent = (type, data, occurredMs) => {
      const ms = occurredMs ?? this.ctx.clock.now();
      const record: Omit<EventRecord, 'seq'> = {
        id: newRecordId(ms),
        type,
        occurredAt: formatWithOffset(ms, this.ctx.timeZone()),
        clock: this.ctx.clock.info(),
        data,
      };
      const seq = insertEvent(this.ctx.db, record, this.ctx.clock.now());
      const stored = { ...record, seq };
      appended.push(stored);
      return stored;
    };
    const result = this.ctx.db.transaction(() => fn(append)).immediate();
    for (const record of appended) this.ctx.bus.publish('record', record);
    return result;
  }
}
