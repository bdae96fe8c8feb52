import type { SignupAction } from '../domain/sessions/places.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface NewSignupTransition {
  sessionId: string;
  date: string;
  memberId: string;
  action: SignupAction;
  via: 'kiosk' | 'staff';
  staffId: string | null;
  at: number;
  eventId: string;
}

/** A member's latest transition on one occurrence. */
export interface SignupState {
  sessionId: string;
  date: string;
  memberId: string;
  action: SignupAction;
  seq: number;
}

const LATEST = `SELECT s.session_id AS sessionId, s.date, s.member_id AS memberId, s.action, s.id AS seq
  FROM activity_signups s
  WHERE NOT EXISTS (SELECT 1 FROM activity_signups x
    WHERE x.session_id = s.session_id AND x.date = s.date AND x.member_id = s.member_id AND x.id > s.id)`;

const sql = statements({
  insert: `INSERT INTO activity_signups (session_id, date, member_id, action, via, staff_id, at, event_id)
    VALUES (@sessionId, @date, @memberId, @action, @via, @staffId, @at, @eventId)`,
  // SQLite takes the bare columns from the row that holds MAX(id): one pass over the covering date index.
  between: `SELECT session_id AS sessionId, date, member_id AS memberId, action, MAX(id) AS seq FROM activity_signups
    WHERE date BETWEEN ? AND ? GROUP BY date, session_id, member_id`,
  forOccurrence: `${LATEST} AND s.session_id = ? AND s.date = ?`,
  heldDates: `${LATEST} AND s.session_id = ? AND s.date >= ? AND s.action <> 'cancelled'`,
  waitingDates: `SELECT DISTINCT date FROM activity_signups WHERE session_id = ? AND date >= ? AND action = 'waiting' ORDER BY date`,
});

export function insertSignupTransition(db: Db, row: NewSignupTransition): void {
  sql(db).insert.run(row);
}

/** Latest transitions of every member on every occurrence scheduled between `from` and `to`. */
export function listSignupStatesBetween(db: Db, from: string, to: string): SignupState[] {
  return sql(db).between.all(from, to) as SignupState[];
}

export function listSignupStates(db: Db, sessionId: string, date: string): SignupState[] {
  return sql(db).forOccurrence.all(sessionId, date) as SignupState[];
}

/** Dates from `from` on where someone holds a place or waits (the latest transition is not a cancel). */
export function listDatesWithSignups(db: Db, sessionId: string, from: string): string[] {
  return [...new Set((sql(db).heldDates.all(sessionId, from) as SignupState[]).map((s) => s.date))].sort();
}

/** Dates from `from` on where someone joined this series' waiting list (maybe still waiting). */
export function listDatesWithWaiting(db: Db, sessionId: string, from: string): string[] {
  return (sql(db).waitingDates.all(sessionId, from) as { date: string }[]).map((r) => r.date);
}
