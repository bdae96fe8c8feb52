import type { DeviceCategory, ItemCondition, ItemStatus } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

/** One physical device as registered (its state is the chain in lending_item_states). */
export interface ItemRow {
  id: string;
  tagCode: string;
  serial: string | null;
  catalogueId: string;
  acquiredOn: string | null;
  staffId: string | null;
  createdAt: number;
  eventId: string | null;
}

/** An item with its entry's latest version, the state in force and the open loan (if any). */
export interface ItemViewRow {
  id: string;
  tagCode: string;
  serial: string | null;
  catalogueId: string;
  acquiredOn: string | null;
  catalogueName: string;
  category: DeviceCategory;
  serviceLifeYears: number;
  status: ItemStatus;
  condition: ItemCondition;
  location: string | null;
  nextServiceOn: string | null;
  loanId: string | null;
  memberId: string | null;
  memberName: string | null;
  /** the loan's due day after its latest renewal */
  dueOn: string | null;
}

export interface ItemFilter {
  /** matches tag code, serial or the entry's name (case-insensitive, anywhere in the text) */
  q?: string;
  status?: ItemStatus;
  catalogueId?: string;
  limit: number;
  offset: number;
}

// CROSS JOIN keeps items as the outer loop (SQLite does not reorder it): each item then finds its state in
// force and its entry's version by one seek on UNIQUE (item_id, seq) / (catalogue_id, version), instead of
// scanning every state ever written.
const BASE = `FROM lending_items i
  CROSS JOIN lending_item_states s ON s.item_id = i.id
    AND s.seq = (SELECT MAX(seq) FROM lending_item_states WHERE item_id = i.id)
  CROSS JOIN lending_catalogue_versions v ON v.catalogue_id = i.catalogue_id
    AND v.version = (SELECT MAX(version) FROM lending_catalogue_versions WHERE catalogue_id = i.catalogue_id)`;

const FROM = `${BASE}
  LEFT JOIN lending_loans l ON l.id = (SELECT ol.id FROM lending_loans ol WHERE ol.item_id = i.id
    AND NOT EXISTS (SELECT 1 FROM lending_loan_closures c WHERE c.loan_id = ol.id) ORDER BY ol.checked_out_at DESC LIMIT 1)
  LEFT JOIN members m ON m.id = l.member_id`;

const VIEW = `SELECT i.id, i.tag_code AS tagCode, i.serial, i.catalogue_id AS catalogueId, i.acquired_on AS acquiredOn,
    v.name AS catalogueName, v.category, v.service_life_years AS serviceLifeYears,
    s.status, s.condition, s.location, s.next_service_on AS nextServiceOn,
    l.id AS loanId, l.member_id AS memberId, m.name AS memberName,
    COALESCE((SELECT r.to_due_on FROM lending_loan_renewals r WHERE r.loan_id = l.id ORDER BY r.recorded_at DESC, r.rowid DESC LIMIT 1),
      l.due_on) AS dueOn
  ${FROM}`;

const FILTER = `WHERE (@q = '' OR instr(lower(i.tag_code), @q) > 0 OR instr(lower(COALESCE(i.serial, '')), @q) > 0
    OR instr(lower(v.name), @q) > 0)
  AND (@status IS NULL OR s.status = @status)
  AND (@catalogueId IS NULL OR i.catalogue_id = @catalogueId)`;

const sql = statements({
  insert: `INSERT INTO lending_items (id, tag_code, serial, catalogue_id, acquired_on, staff_id, created_at, event_id)
    VALUES (@id, @tagCode, @serial, @catalogueId, @acquiredOn, @staffId, @createdAt, @eventId)`,
  tagTaken: `SELECT 1 FROM lending_items WHERE tag_code = ?`,
  byId: `${VIEW} WHERE i.id = ?`,
  byTag: `${VIEW} WHERE i.tag_code = ?`,
  page: `${VIEW} ${FILTER} ORDER BY i.tag_code LIMIT @limit OFFSET @offset`,
  total: `SELECT COUNT(*) AS n ${BASE} ${FILTER}`,
  ofCatalogue: `${VIEW} WHERE i.catalogue_id = ? ORDER BY i.tag_code`,
  shelf: `SELECT i.id, i.tag_code AS tagCode, v.name AS catalogueName, s.status, s.location ${BASE} ORDER BY i.tag_code`,
});

export function insertItem(db: Db, row: ItemRow): void {
  sql(db).insert.run(row);
}

/** Whether a tag code is registered already (exact text). */
export function tagCodeTaken(db: Db, tagCode: string): boolean {
  return sql(db).tagTaken.get(tagCode) !== undefined;
}

export function findItemView(db: Db, itemId: string): ItemViewRow | undefined {
  return sql(db).byId.get(itemId) as ItemViewRow | undefined;
}

/** The scanner path: the item whose label carries this tag code. */
export function findItemViewByTag(db: Db, tagCode: string): ItemViewRow | undefined {
  return sql(db).byTag.get(tagCode) as ItemViewRow | undefined;
}

/** One page of items by tag code, with the number that match the filter in all. */
export function searchItemViews(db: Db, filter: ItemFilter): { rows: ItemViewRow[]; total: number } {
  const params = {
    q: (filter.q ?? '').trim().toLowerCase(), status: filter.status ?? null, catalogueId: filter.catalogueId ?? null,
  };
  const rows = sql(db).page.all({ ...params, limit: filter.limit, offset: filter.offset }) as ItemViewRow[];
  const { n } = sql(db).total.get(params) as { n: number };
  return { rows, total: n };
}

/** Every item of one catalogue entry, by tag code. */
export function listItemViewsOfCatalogue(db: Db, catalogueId: string): ItemViewRow[] {
  return sql(db).ofCatalogue.all(catalogueId) as ItemViewRow[];
}

/** What a stocktake compares the shelf with: every item's tag, entry name, status and location, by tag code. */
export type ShelfItemRow = Pick<ItemViewRow, 'id' | 'tagCode' | 'catalogueName' | 'status' | 'location'>;

export function listShelfItems(db: Db): ShelfItemRow[] {
  return sql(db).shelf.all() as ShelfItemRow[];
}
