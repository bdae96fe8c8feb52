import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/connection.js';
import { findCatalogueEntry, insertCatalogueEntry, insertCatalogueVersion } from '../db/lending-catalogue.repo.js';
import { appendItemState } from '../db/lending-item-states.repo.js';
import { findItemView, insertItem, tagCodeTaken } from '../db/lending-items.repo.js';
import type { SyncLog } from './retry-loop.js';
import { UpstreamError } from './upstream-client.js';

const disability = z.enum(['视力', '听力', '言语', '肢体', '智力', '精神', '多重']);
const checklist = z.array(z.string().min(1).max(50)).max(30);

/** §4 `items`: a record is a catalogue entry or an item of the centre's inventory. */
export const itemsData = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('catalogue'),
    name: z.string().min(1).max(100),
    category: z.enum(['wheelchair', 'walker', 'crutches', 'commode', 'hearing_aid', 'magnifier', 'rehab_equipment', 'other']),
    eligibleDisability: z.array(disability).max(7).default([]),
    eligibleGrades: z.array(z.number().int().min(1).max(4)).max(4).default([]),
    assessmentRequired: z.boolean().default(false),
    loanDays: z.number().int().min(1).max(366),
    bufferDays: z.number().int().min(0).max(30).default(0),
    serviceLifeYears: z.number().int().min(1).max(50),
    checkoutChecklist: checklist.default([]),
    cleaningChecklist: checklist.default([]),
    retired: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('item'),
    catalogueId: z.string().min(1).max(200),
    tagCode: z.string().min(1).max(100),
    serial: z.string().max(100).nullable().default(null),
    acquiredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  }),
]);
export type ItemsData = z.infer<typeof itemsData>;

/**
 * Applies one upserted items record; false when it is refused (logged). A catalogue entry gets a NEW local
 * version (the versions are append-only and the kiosk may have its own); the kiosk's photo carries over. An
 * item is registered once with a first state `available`; an item already here is left alone, because its
 * state chain (loans, cleaning, maintenance) is the kiosk's record. Throws (rolling the page back) when an
 * item names a catalogue entry that does not exist.
 */
export function applyItemsRecord(db: Db, id: string, data: ItemsData, log: SyncLog, now: number): boolean {
  if (data.kind === 'catalogue') {
    const { kind: _kind, ...fields } = data;
    const latest = findCatalogueEntry(db, id);
    if (!latest) insertCatalogueEntry(db, id, now);
    insertCatalogueVersion(db, {
      ...fields, id: randomUUID(), catalogueId: id, version: (latest?.version ?? 0) + 1, photoPath: latest?.photoPath ?? null,
      staffId: null, recordedAt: now, eventId: null,
    });
    return true;
  }
  if (findItemView(db, id)) return true;
  if (!findCatalogueEntry(db, data.catalogueId)) {
    throw new UpstreamError('bad_response', `the district platform sent item ${id} of catalogue entry ${data.catalogueId}, which it never served; nothing of the page was applied`, 200);
  }
  if (tagCodeTaken(db, data.tagCode)) {
    log.warn(`sync: refused the district platform's item ${id}: its tag ${data.tagCode} is already on another item here`);
    return false;
  }
  insertItem(db, { id, tagCode: data.tagCode, serial: data.serial, catalogueId: data.catalogueId, acquiredOn: data.acquiredOn, staffId: null, createdAt: now, eventId: null });
  appendItemState(db, undefined, {
    id: randomUUID(), itemId: id, status: 'available', condition: 'good', location: null, nextServiceOn: null,
    reason: 'registered', loanId: null, staffId: null, recordedAt: now, eventId: null,
  });
  return true;
}

/**
 * A delete: a catalogue entry gets a retired version (its items and loans keep naming it); an item is never
 * removed or retired from here (it may be on loan; its chain is the kiosk's): staff retire it at the desk.
 */
export function removeItemsRecord(db: Db, id: string, log: SyncLog, now: number): void {
  const latest = findCatalogueEntry(db, id);
  if (latest) {
    if (!latest.retired) insertCatalogueVersion(db, { ...latest, id: randomUUID(), version: latest.version + 1, retired: true, staffId: null, recordedAt: now, eventId: null });
    return;
  }
  if (findItemView(db, id)) log.warn(`sync: the district platform deleted item ${id}; it stays here until staff retire it at the desk`);
}
