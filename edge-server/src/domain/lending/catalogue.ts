import type { CatalogueEntry, CatalogueInput, ChecklistVocabulary, DeviceCategory, ItemStatus } from '../../api-types.js';
import { recordAudit } from '../../db/audit.repo.js';
import {
  countItemsByStatus, countWaiting, findCatalogueEntry, insertCatalogueEntry, insertCatalogueVersion, listCatalogueEntries,
  type CatalogueVersionRow,
} from '../../db/lending-catalogue.repo.js';
import type { AppendEvent } from '../../events/event-log.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { CHECK_KEYS, CLEANING_KEYS, DEFAULT_CHECKS, DEFAULT_CLEANING, isCheckKey, isCleaningKey } from './checklists.js';

export const ITEM_STATUSES: readonly ItemStatus[] = ['available', 'on_loan', 'reserved', 'cleaning', 'maintenance', 'retired'];

/**
 * The lending catalogue (辅具目录): entries are chains of versions, the latest in force. Each new
 * version is one `catalogue.entry_set` event and an audit line; a retired entry is a version too.
 */
export class CatalogueService {
  constructor(private readonly ctx: DomainContext) {}

  /** Every entry with its items counted by status and the members still waiting for it. */
  list(): CatalogueEntry[] {
    const counts = countItemsByStatus(this.ctx.db);
    const waiting = countWaiting(this.ctx.db);
    return listCatalogueEntries(this.ctx.db).map((row) => toEntry(row, counts.get(row.catalogueId) ?? {}, waiting.get(row.catalogueId) ?? 0));
  }

  entry(catalogueId: string): CatalogueEntry {
    const row = this.version(catalogueId);
    const counts = countItemsByStatus(this.ctx.db).get(catalogueId) ?? {};
    return toEntry(row, counts, countWaiting(this.ctx.db).get(catalogueId) ?? 0);
  }

  /** The version in force, or `404 catalogue_not_found`. */
  version(catalogueId: string): CatalogueVersionRow {
    const row = findCatalogueEntry(this.ctx.db, catalogueId);
    if (!row) throw new DomainError('not_found', 'catalogue_not_found', `No catalogue entry with id ${catalogueId}`);
    return row;
  }

  checklists(): ChecklistVocabulary {
    const defaults = {} as ChecklistVocabulary['defaults'];
    for (const category of Object.keys(DEFAULT_CHECKS) as DeviceCategory[]) {
      defaults[category] = { checks: [...DEFAULT_CHECKS[category]], cleaning: [...DEFAULT_CLEANING[category]] };
    }
    return { checks: [...CHECK_KEYS], cleaning: [...CLEANING_KEYS], defaults };
  }

  create(staffId: string, input: CatalogueInput): CatalogueEntry {
    const id = this.ctx.log.write((append) => {
      // checked inside the write transaction, so two screens cannot both create the same name
      const fields = this.fields(input, undefined);
      const now = this.ctx.clock.now();
      const catalogueId = newRecordId(now);
      insertCatalogueEntry(this.ctx.db, catalogueId, now);
      this.appendVersion(append, staffId, { ...fields, catalogueId, version: 1, photoPath: null, retired: false }, now, 'lending.catalogue_create');
      return catalogueId;
    });
    return this.entry(id);
  }

  /** A new version with these fields (`retired: true` retires the entry; items keep their history). */
  update(staffId: string, catalogueId: string, input: CatalogueInput & { retired?: boolean }): CatalogueEntry {
    this.version(catalogueId);
    this.ctx.log.write((append) => {
      // read inside the transaction: two editors cannot both write version N+1 (UNIQUE refuses the second)
      const previous = this.version(catalogueId);
      const fields = this.fields(input, previous);
      const now = this.ctx.clock.now();
      this.appendVersion(append, staffId, {
        ...fields, catalogueId, version: previous.version + 1, photoPath: previous.photoPath, retired: input.retired ?? previous.retired,
      }, now, 'lending.catalogue_update');
    });
    return this.entry(catalogueId);
  }

  /**
   * The checked fields of the next version. Checklists left out take the category's defaults for a new
   * entry; a new version keeps the lists it had unless its category changes.
   */
  private fields(input: CatalogueInput, previous: CatalogueVersionRow | undefined): FieldsOfVersion {
    const name = input.name.trim();
    const clash = listCatalogueEntries(this.ctx.db).find((e) => e.name === name && e.catalogueId !== previous?.catalogueId);
    // names are how a CSV import names its entry, so two entries may not share one
    if (clash) throw new DomainError('conflict', 'catalogue_name_taken', `A catalogue entry named ${name} exists already`, { catalogueId: clash.catalogueId });
    const kept = previous?.category === input.category ? previous : undefined;
    const checks = input.checkoutChecklist ?? kept?.checkoutChecklist ?? [...DEFAULT_CHECKS[input.category]];
    const cleaning = input.cleaningChecklist ?? kept?.cleaningChecklist ?? [...DEFAULT_CLEANING[input.category]];
    const badCheck = checks.find((k) => !isCheckKey(k));
    if (badCheck !== undefined) throw new DomainError('invalid', 'unknown_check', `'${badCheck}' is not a check of the vocabulary`, { key: badCheck });
    const badStep = cleaning.find((k) => !isCleaningKey(k));
    if (badStep !== undefined) throw new DomainError('invalid', 'unknown_cleaning_step', `'${badStep}' is not a cleaning step of the vocabulary`, { key: badStep });
    if (cleaning.length === 0) throw new DomainError('invalid', 'empty_cleaning_checklist', 'An entry needs at least one cleaning step');
    return {
      name, category: input.category,
      eligibleDisability: [...new Set(input.eligibleDisability)], eligibleGrades: [...new Set(input.eligibleGrades)].sort((a, b) => a - b),
      assessmentRequired: input.assessmentRequired, loanDays: input.loanDays, bufferDays: input.bufferDays,
      serviceLifeYears: input.serviceLifeYears, checkoutChecklist: [...new Set(checks)], cleaningChecklist: [...new Set(cleaning)],
    };
  }

  private appendVersion(append: AppendEvent, staffId: string, v: FieldsOfVersion & VersionKey, now: number, action: string): void {
    const event = append('catalogue.entry_set', {
      catalogueId: v.catalogueId, version: v.version, name: v.name, category: v.category, assessmentRequired: v.assessmentRequired,
      loanDays: v.loanDays, bufferDays: v.bufferDays, serviceLifeYears: v.serviceLifeYears,
      ...(v.retired ? { retired: true } : {}),
    }, now);
    insertCatalogueVersion(this.ctx.db, { ...v, id: newRecordId(now), staffId, recordedAt: now, eventId: event.id });
    recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action, target: v.catalogueId, detail: { ...v } });
  }
}

type FieldsOfVersion = Omit<CatalogueVersionRow, 'id' | 'catalogueId' | 'version' | 'photoPath' | 'retired' | 'staffId' | 'recordedAt' | 'eventId'>;
type VersionKey = Pick<CatalogueVersionRow, 'catalogueId' | 'version' | 'photoPath' | 'retired'>;

function toEntry(row: CatalogueVersionRow, counts: Partial<Record<ItemStatus, number>>, waiting: number): CatalogueEntry {
  const all = Object.fromEntries(ITEM_STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<ItemStatus, number>;
  return {
    id: row.catalogueId, version: row.version, name: row.name, category: row.category, photoPath: row.photoPath,
    eligibleDisability: row.eligibleDisability, eligibleGrades: row.eligibleGrades, assessmentRequired: row.assessmentRequired,
    loanDays: row.loanDays, bufferDays: row.bufferDays, serviceLifeYears: row.serviceLifeYears,
    checkoutChecklist: row.checkoutChecklist, cleaningChecklist: row.cleaningChecklist, retired: row.retired, counts: all, waiting,
  };
}
