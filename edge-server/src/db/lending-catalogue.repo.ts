import type { DeviceCategory, DisabilityCategory, ItemStatus } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

/** One version of a catalogue entry (the highest version of an entry is in force). */
export interface CatalogueVersionRow {
  id: string;
  catalogueId: string;
  version: number;
  name: string;
  category: DeviceCategory;
  photoPath: string | null;
  eligibleDisability: DisabilityCategory[];
  eligibleGrades: number[];
  assessmentRequired: boolean;
  loanDays: number;
  bufferDays: number;
  serviceLifeYears: number;
  checkoutChecklist: string[];
  cleaningChecklist: string[];
  retired: boolean;
  staffId: string | null;
  recordedAt: number;
  eventId: string | null;
}

interface StoredVersion extends Omit<CatalogueVersionRow,
  'eligibleDisability' | 'eligibleGrades' | 'assessmentRequired' | 'checkoutChecklist' | 'cleaningChecklist' | 'retired'> {
  eligibleDisability: string; eligibleGrades: string; assessmentRequired: number;
  checkoutChecklist: string; cleaningChecklist: string; retired: number;
}

const COLUMNS = `v.id, v.catalogue_id AS catalogueId, v.version, v.name, v.category, v.photo_path AS photoPath,
  v.eligible_disability AS eligibleDisability, v.eligible_grades AS eligibleGrades, v.assessment_required AS assessmentRequired,
  v.loan_days AS loanDays, v.buffer_days AS bufferDays, v.service_life_years AS serviceLifeYears,
  v.checkout_checklist AS checkoutChecklist, v.cleaning_checklist AS cleaningChecklist, v.retired,
  v.staff_id AS staffId, v.recorded_at AS recordedAt, v.event_id AS eventId`;

const LATEST = `SELECT ${COLUMNS} FROM lending_catalogue_versions v
  WHERE v.version = (SELECT MAX(version) FROM lending_catalogue_versions WHERE catalogue_id = v.catalogue_id)`;

const sql = statements({
  insertEntry: `INSERT INTO lending_catalogue (id, created_at) VALUES (?, ?)`,
  insertVersion: `INSERT INTO lending_catalogue_versions (id, catalogue_id, version, name, category, photo_path, eligible_disability,
      eligible_grades, assessment_required, loan_days, buffer_days, service_life_years, checkout_checklist, cleaning_checklist,
      retired, staff_id, recorded_at, event_id)
    VALUES (@id, @catalogueId, @version, @name, @category, @photoPath, @eligibleDisability, @eligibleGrades, @assessmentRequired,
      @loanDays, @bufferDays, @serviceLifeYears, @checkoutChecklist, @cleaningChecklist, @retired, @staffId, @recordedAt, @eventId)`,
  latestAll: `${LATEST} ORDER BY v.retired, v.name`,
  latestById: `${LATEST} AND v.catalogue_id = ?`,
  // CROSS JOIN: items outer, one seek each for the state in force (not a scan of every state ever written)
  countsByStatus: `SELECT i.catalogue_id AS catalogueId, s.status, COUNT(*) AS n
    FROM lending_items i
    CROSS JOIN lending_item_states s ON s.item_id = i.id
      AND s.seq = (SELECT MAX(seq) FROM lending_item_states WHERE item_id = i.id)
    GROUP BY i.catalogue_id, s.status`,
  waiting: `SELECT w.catalogue_id AS catalogueId, COUNT(*) AS n FROM lending_waitlist w
    WHERE NOT EXISTS (SELECT 1 FROM lending_waitlist_ends e WHERE e.waitlist_id = w.id)
    GROUP BY w.catalogue_id`,
});

function fromStored(r: StoredVersion): CatalogueVersionRow {
  return {
    ...r,
    eligibleDisability: JSON.parse(r.eligibleDisability) as DisabilityCategory[],
    eligibleGrades: JSON.parse(r.eligibleGrades) as number[],
    assessmentRequired: r.assessmentRequired === 1,
    checkoutChecklist: JSON.parse(r.checkoutChecklist) as string[],
    cleaningChecklist: JSON.parse(r.cleaningChecklist) as string[],
    retired: r.retired === 1,
  };
}

/** Creates the entry itself; its fields arrive with `insertCatalogueVersion` (version 1). */
export function insertCatalogueEntry(db: Db, id: string, createdAt: number): void {
  sql(db).insertEntry.run(id, createdAt);
}

/** Appends a version of an entry; UNIQUE (catalogue_id, version) refuses a second writer of the same version. */
export function insertCatalogueVersion(db: Db, row: CatalogueVersionRow): void {
  sql(db).insertVersion.run({
    ...row,
    eligibleDisability: JSON.stringify(row.eligibleDisability),
    eligibleGrades: JSON.stringify(row.eligibleGrades),
    assessmentRequired: row.assessmentRequired ? 1 : 0,
    checkoutChecklist: JSON.stringify(row.checkoutChecklist),
    cleaningChecklist: JSON.stringify(row.cleaningChecklist),
    retired: row.retired ? 1 : 0,
  });
}

/** Every entry as its latest version: entries in use first, then by name. */
export function listCatalogueEntries(db: Db): CatalogueVersionRow[] {
  return (sql(db).latestAll.all() as StoredVersion[]).map(fromStored);
}

/** The version in force of one entry, or undefined for an unknown id. */
export function findCatalogueEntry(db: Db, catalogueId: string): CatalogueVersionRow | undefined {
  const row = sql(db).latestById.get(catalogueId) as StoredVersion | undefined;
  return row && fromStored(row);
}

/** Items of each entry by the status in force: catalogue id → status → count (statuses without items absent). */
export function countItemsByStatus(db: Db): Map<string, Partial<Record<ItemStatus, number>>> {
  const out = new Map<string, Partial<Record<ItemStatus, number>>>();
  for (const r of sql(db).countsByStatus.all() as { catalogueId: string; status: ItemStatus; n: number }[]) {
    const counts = out.get(r.catalogueId) ?? {};
    counts[r.status] = r.n;
    out.set(r.catalogueId, counts);
  }
  return out;
}

/** Members still waiting (a waiting-list row without an end) per catalogue id. */
export function countWaiting(db: Db): Map<string, number> {
  const rows = sql(db).waiting.all() as { catalogueId: string; n: number }[];
  return new Map(rows.map((r) => [r.catalogueId, r.n]));
}
