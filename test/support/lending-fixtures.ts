import type { DeviceCategory, ItemStatus } from '../../edge-server/src/api-types.js';
import type { Db } from '../../edge-server/src/db/connection.js';
import { appendItemState, currentItemState } from '../../edge-server/src/db/lending-item-states.repo.js';
import { DEFAULT_CHECKS, DEFAULT_CLEANING } from '../../edge-server/src/domain/lending/checklists.js';

/** Test catalogue entries and items written straight into the tables (the loan desk's tests need only rows). */
export interface EntryFixture {
  id?: string;
  name?: string;
  category?: DeviceCategory;
  eligibleDisability?: string[];
  eligibleGrades?: number[];
  assessmentRequired?: boolean;
  loanDays?: number;
  bufferDays?: number;
  retired?: boolean;
}

let counter = 0;

export function addEntry(db: Db, fixture: EntryFixture = {}, at = Date.parse('2026-11-01T09:00:00+08:00')): string {
  const id = fixture.id ?? `cat_test_${++counter}`;
  const category = fixture.category ?? 'wheelchair';
  db.prepare('INSERT INTO lending_catalogue (id, created_at) VALUES (?, ?)').run(id, at);
  db.prepare(`INSERT INTO lending_catalogue_versions (id, catalogue_id, version, name, category, eligible_disability, eligible_grades,
      assessment_required, loan_days, buffer_days, service_life_years, checkout_checklist, cleaning_checklist, retired, recorded_at)
    VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 8, ?, ?, ?, ?)`).run(
    `${id}_v1`, id, fixture.name ?? '手动轮椅', category, JSON.stringify(fixture.eligibleDisability ?? []),
    JSON.stringify(fixture.eligibleGrades ?? []), fixture.assessmentRequired ? 1 : 0, fixture.loanDays ?? 30, fixture.bufferDays ?? 2,
    JSON.stringify(DEFAULT_CHECKS[category]), JSON.stringify(DEFAULT_CLEANING[category]), fixture.retired ? 1 : 0, at,
  );
  return id;
}

export function addItem(db: Db, catalogueId: string, options: { id?: string; tagCode?: string; status?: ItemStatus } = {}, at = Date.parse('2026-11-01T09:00:00+08:00')): string {
  const n = ++counter;
  const id = options.id ?? `itm_test_${n}`;
  db.prepare('INSERT INTO lending_items (id, tag_code, catalogue_id, created_at) VALUES (?, ?, ?, ?)').run(id, options.tagCode ?? `TST-${n}`, catalogueId, at);
  appendItemState(db, currentItemState(db, id), {
    id: `${id}_s1`, itemId: id, status: options.status ?? 'available', condition: 'good', location: null, nextServiceOn: null,
    reason: 'registered', loanId: null, staffId: null, recordedAt: at, eventId: null,
  });
  return id;
}

/** Every check of a category answered `value` (true: the device passed). */
export function checklistFor(category: DeviceCategory, value = true): Record<string, boolean> {
  return Object.fromEntries(DEFAULT_CHECKS[category].map((k) => [k, value]));
}

export function cleaningFor(category: DeviceCategory): Record<string, boolean> {
  return Object.fromEntries(DEFAULT_CLEANING[category].map((k) => [k, true]));
}
