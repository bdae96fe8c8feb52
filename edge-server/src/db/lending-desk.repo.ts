import type { ItemCondition, ItemStatus } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

/** An item with its state in force (the highest seq of its chain). */
export interface DeskItemRow {
  id: string; tagCode: string; catalogueId: string; status: ItemStatus; condition: ItemCondition; seq: number;
}

export interface AssessmentRow {
  id: string; memberId: string; catalogueId: string; assessedOn: string; validUntil: string | null; note: string | null;
  staffId: string; recordedAt: number; eventId: string | null;
}

export interface CleaningRow {
  id: string; itemId: string; loanId: string | null; checklist: string; outcome: 'available' | 'maintenance' | 'reserved';
  note: string | null; staffId: string; recordedAt: number; eventId: string | null;
}

const ITEM_STATE = `SELECT i.id, i.tag_code AS tagCode, i.catalogue_id AS catalogueId, s.status, s.condition, s.seq
  FROM lending_items i
  JOIN lending_item_states s ON s.item_id = i.id AND s.seq = (SELECT MAX(seq) FROM lending_item_states WHERE item_id = i.id)`;

const sql = statements({
  item: `${ITEM_STATE} WHERE i.id = ?`,
  itemsOfEntry: `${ITEM_STATE} WHERE i.catalogue_id = ?`,
  insertAssessment: `INSERT INTO lending_assessments (id, member_id, catalogue_id, assessed_on, valid_until, note, staff_id, recorded_at, event_id)
    VALUES (@id, @memberId, @catalogueId, @assessedOn, @validUntil, @note, @staffId, @recordedAt, @eventId)`,
  assessmentsOf: `SELECT id, member_id AS memberId, catalogue_id AS catalogueId, assessed_on AS assessedOn, valid_until AS validUntil,
    note, staff_id AS staffId, recorded_at AS recordedAt, event_id AS eventId
    FROM lending_assessments WHERE member_id = ? ORDER BY assessed_on DESC, recorded_at DESC`,
  insertCleaning: `INSERT INTO lending_cleanings (id, item_id, loan_id, checklist, outcome, note, staff_id, recorded_at, event_id)
    VALUES (@id, @itemId, @loanId, @checklist, @outcome, @note, @staffId, @recordedAt, @eventId)`,
  cleaningsOf: `SELECT id, item_id AS itemId, loan_id AS loanId, checklist, outcome, note, staff_id AS staffId, recorded_at AS recordedAt,
    event_id AS eventId FROM lending_cleanings WHERE item_id = ? ORDER BY recorded_at DESC, id DESC`,
});

export function findDeskItem(db: Db, itemId: string): DeskItemRow | undefined {
  return sql(db).item.get(itemId) as DeskItemRow | undefined;
}

/** Every item of an entry with its state in force. */
export function deskItemsOfEntry(db: Db, catalogueId: string): DeskItemRow[] {
  return sql(db).itemsOfEntry.all(catalogueId) as DeskItemRow[];
}

export function insertAssessment(db: Db, row: AssessmentRow): void {
  sql(db).insertAssessment.run(row);
}

/** A member's assessments, the latest first. */
export function assessmentsOfMember(db: Db, memberId: string): AssessmentRow[] {
  return sql(db).assessmentsOf.all(memberId) as AssessmentRow[];
}

export function insertCleaning(db: Db, row: CleaningRow): void {
  sql(db).insertCleaning.run(row);
}

/** An item's completed cleanings, newest first. */
export function cleaningsOfItem(db: Db, itemId: string): CleaningRow[] {
  return sql(db).cleaningsOf.all(itemId) as CleaningRow[];
}

