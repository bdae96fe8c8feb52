import type { ReservationState } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface ReservationRow {
  id: string; memberId: string; catalogueId: string; itemId: string | null; fromOn: string; toOn: string;
  staffId: string; createdAt: number; eventId: string | null;
}

/** A reservation with names and its state (active until it has an end row). */
export interface ReservationViewRow extends ReservationRow {
  memberName: string; catalogueName: string; tagCode: string | null; state: ReservationState;
}

export interface ReservationEndRow {
  id: string; reservationId: string; outcome: 'cancelled' | 'fulfilled' | 'expired'; loanId: string | null;
  reason: string | null; staffId: string | null; recordedAt: number; eventId: string | null;
}

export interface WaitlistRow {
  id: string; catalogueId: string; memberId: string; note: string | null; staffId: string; createdAt: number; eventId: string | null;
}

export interface WaitlistViewRow extends WaitlistRow { memberName: string; ended: 0 | 1 }

export interface WaitlistEndRow {
  id: string; waitlistId: string; outcome: 'removed' | 'lent' | 'reserved'; reason: string | null; staffId: string | null;
  recordedAt: number; eventId: string | null;
}

const VIEW = `SELECT r.id, r.member_id AS memberId, r.catalogue_id AS catalogueId, r.item_id AS itemId, r.from_on AS fromOn,
    r.to_on AS toOn, r.staff_id AS staffId, r.created_at AS createdAt, r.event_id AS eventId,
    m.name AS memberName, v.name AS catalogueName, i.tag_code AS tagCode, COALESCE(e.outcome, 'active') AS state
  FROM lending_reservations r
  JOIN members m ON m.id = r.member_id
  JOIN lending_catalogue_versions v ON v.catalogue_id = r.catalogue_id
    AND v.version = (SELECT MAX(version) FROM lending_catalogue_versions WHERE catalogue_id = r.catalogue_id)
  LEFT JOIN lending_items i ON i.id = r.item_id
  LEFT JOIN lending_reservation_ends e ON e.reservation_id = r.id`;

const WAIT_VIEW = `SELECT w.id, w.catalogue_id AS catalogueId, w.member_id AS memberId, w.note, w.staff_id AS staffId,
    w.created_at AS createdAt, w.event_id AS eventId, m.name AS memberName, (e.id IS NOT NULL) AS ended
  FROM lending_waitlist w JOIN members m ON m.id = w.member_id LEFT JOIN lending_waitlist_ends e ON e.waitlist_id = w.id`;

const sql = statements({
  insert: `INSERT INTO lending_reservations (id, member_id, catalogue_id, item_id, from_on, to_on, staff_id, created_at, event_id)
    VALUES (@id, @memberId, @catalogueId, @itemId, @fromOn, @toOn, @staffId, @createdAt, @eventId)`,
  insertEnd: `INSERT INTO lending_reservation_ends (id, reservation_id, outcome, loan_id, reason, staff_id, recorded_at, event_id)
    VALUES (@id, @reservationId, @outcome, @loanId, @reason, @staffId, @recordedAt, @eventId)`,
  byId: `${VIEW} WHERE r.id = ?`,
  activeOfEntry: `${VIEW} WHERE r.catalogue_id = ? AND e.id IS NULL ORDER BY r.from_on, r.created_at, r.rowid`,
  all: `${VIEW} ORDER BY r.from_on DESC, r.created_at DESC LIMIT 500`,
  ofEntry: `${VIEW} WHERE r.catalogue_id = ? ORDER BY r.from_on DESC, r.created_at DESC LIMIT 500`,
  ofMember: `${VIEW} WHERE r.member_id = ? ORDER BY r.from_on DESC`,
  pastEnd: `${VIEW} WHERE e.id IS NULL AND r.to_on < ? ORDER BY r.to_on`,
  insertWait: `INSERT INTO lending_waitlist (id, catalogue_id, member_id, note, staff_id, created_at, event_id)
    VALUES (@id, @catalogueId, @memberId, @note, @staffId, @createdAt, @eventId)`,
  insertWaitEnd: `INSERT INTO lending_waitlist_ends (id, waitlist_id, outcome, reason, staff_id, recorded_at, event_id)
    VALUES (@id, @waitlistId, @outcome, @reason, @staffId, @recordedAt, @eventId)`,
  waitById: `${WAIT_VIEW} WHERE w.id = ?`,
  waitingOfEntry: `${WAIT_VIEW} WHERE w.catalogue_id = ? AND e.id IS NULL ORDER BY w.created_at, w.rowid`,
  waitingOfMember: `${WAIT_VIEW} WHERE w.member_id = ? AND e.id IS NULL ORDER BY w.created_at, w.rowid`,
});

export function insertReservation(db: Db, row: ReservationRow): void {
  sql(db).insert.run(row);
}

/** Ends a reservation; UNIQUE (reservation_id) refuses a second end. */
export function insertReservationEnd(db: Db, row: ReservationEndRow): void {
  sql(db).insertEnd.run(row);
}

export function findReservation(db: Db, id: string): ReservationViewRow | undefined {
  return sql(db).byId.get(id) as ReservationViewRow | undefined;
}

/** The entry's reservations that have not ended, earliest start first. */
export function activeReservationsOfEntry(db: Db, catalogueId: string): ReservationViewRow[] {
  return sql(db).activeOfEntry.all(catalogueId) as ReservationViewRow[];
}

/** Reservations, newest start first (at most 500), of one entry or all. */
export function listReservations(db: Db, catalogueId?: string): ReservationViewRow[] {
  return (catalogueId === undefined ? sql(db).all.all() : sql(db).ofEntry.all(catalogueId)) as ReservationViewRow[];
}

export function reservationsOfMember(db: Db, memberId: string): ReservationViewRow[] {
  return sql(db).ofMember.all(memberId) as ReservationViewRow[];
}

/** Active reservations whose last day is before `today` (to be expired). */
export function reservationsEndedBefore(db: Db, today: string): ReservationViewRow[] {
  return sql(db).pastEnd.all(today) as ReservationViewRow[];
}

export function insertWaitlist(db: Db, row: WaitlistRow): void {
  sql(db).insertWait.run(row);
}

/** Ends a waiting-list entry; UNIQUE (waitlist_id) refuses a second end. */
export function insertWaitlistEnd(db: Db, row: WaitlistEndRow): void {
  sql(db).insertWaitEnd.run(row);
}

export function findWaitlistEntry(db: Db, id: string): WaitlistViewRow | undefined {
  return sql(db).waitById.get(id) as WaitlistViewRow | undefined;
}

/** Members still waiting for the entry, first come first served. */
export function waitingForEntry(db: Db, catalogueId: string): WaitlistViewRow[] {
  return sql(db).waitingOfEntry.all(catalogueId) as WaitlistViewRow[];
}

export function waitingOfMember(db: Db, memberId: string): WaitlistViewRow[] {
  return sql(db).waitingOfMember.all(memberId) as WaitlistViewRow[];
}
