import type { ImportReport, Item, ItemInput, ItemLabel, ItemPage, ItemStatus, MaintenanceRecord } from '../../api-types.js';
import { formatWithOffset } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import { currentItemState } from '../../db/lending-item-states.repo.js';
import { searchItemViews, tagCodeTaken, type ItemFilter } from '../../db/lending-items.repo.js';
import { findMaintenance, insertMaintenance, type MaintenanceRow } from '../../db/lending-maintenance.repo.js';
import { newRecordId } from '../../ids.js';
import { isCalendarDay } from '../calendar-day.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import type { CatalogueService } from './catalogue.js';
import { InventoryImport } from './inventory-import.js';
import { checkItemFields } from './item-fields.js';
import { changeItemState } from './item-state.js';
import { centreToday, itemByTag, itemView, toItem } from './item-view.js';
import { itemLabels } from './labels.js';
import { manualChangeRefusal, manualFrom, type ManualStatus } from './manual-status.js';
import { registerItemRows } from './register-item.js';

export interface MaintenanceInput {
  doneOn: string;
  description: string;
  costCents: number;
  nextServiceOn?: string | null;
  /** `available` puts the item back on the shelf (a reserved item stays reserved); `maintenance` keeps it out */
  outcome: 'available' | 'maintenance';
}

/**
 * The inventory (辅具台账): physical items, their state, staff's manual status changes and
 * maintenance. Every change goes through `changeItemState` in one transaction with its event and
 * audit line. `itemView(id)` and `itemByTag(tag)` are the read helpers the rest of lending answers with.
 */
export class InventoryService {
  private readonly importer: InventoryImport;

  constructor(private readonly ctx: DomainContext, private readonly catalogue: CatalogueService) {
    this.importer = new InventoryImport(ctx);
  }

  register(staffId: string, input: ItemInput): Item {
    const { fields, problems } = checkItemFields(input, centreToday(this.ctx));
    const first = problems[0];
    if (first) throw new DomainError('invalid', first.code, first.message, { field: first.field });
    const entry = this.catalogue.version(input.catalogueId);
    if (entry.retired) throw new DomainError('conflict', 'catalogue_retired', `${entry.name} is retired; no new items are registered for it`);
    const id = this.ctx.log.write((append) => {
      if (tagCodeTaken(this.ctx.db, fields.tagCode)) {
        throw new DomainError('conflict', 'tag_taken', `The tag ${fields.tagCode} is on another item already`, { tagCode: fields.tagCode });
      }
      const now = this.ctx.clock.now();
      const itemId = registerItemRows(this.ctx.db, append, { fields, catalogueId: entry.catalogueId, condition: input.condition, staffId, at: now });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'lending.item_register', target: itemId,
        detail: { ...fields, catalogueId: entry.catalogueId, condition: input.condition },
      });
      return itemId;
    });
    return this.itemView(id);
  }

  /** Items by tag code; `q` matches tag, serial and the entry's name. */
  list(filter: ItemFilter): ItemPage {
    const today = centreToday(this.ctx);
    const { rows, total } = searchItemViews(this.ctx.db, filter);
    return { items: rows.map((r) => toItem(r, today)), total };
  }

  /** One item by id (`404 item_not_found`): what every lending answer about an item shows. */
  itemView(itemId: string): Item {
    return itemView(this.ctx, itemId);
  }

  /** The item whose label carries `tagCode` (`404 unknown_tag`): the scanner path. */
  itemByTag(tagCode: string): Item {
    return itemByTag(this.ctx, tagCode);
  }

  /** Checks (and unless `dryRun`, imports) a CSV file of items: every problem reported, all or nothing. */
  importCsv(staffId: string, bytes: Uint8Array, dryRun: boolean): ImportReport {
    return this.importer.run(staffId, bytes, dryRun);
  }

  /** QR labels for the items named, or for every item of a catalogue entry. */
  labels(which: { ids: string[] } | { catalogueId: string }): ItemLabel[] {
    if ('catalogueId' in which) this.catalogue.version(which.catalogueId);
    return itemLabels(this.ctx, which);
  }

  /** Staff's manual change: to maintenance or retired, or back to available from maintenance. */
  setStatus(staffId: string, itemId: string, to: ManualStatus, reason: string): Item {
    this.itemView(itemId);
    this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const from = currentItemState(this.ctx.db, itemId)!.status;
      const refusal = manualChangeRefusal(from, to);
      if (refusal) throw new DomainError('conflict', 'status_change_refused', refusal, { from, to });
      changeItemState(this.ctx.db, append, {
        itemId, patch: { status: to }, reason: `manual: ${reason}`, staffId, expect: manualFrom(to), at: now,
      });
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'lending.item_status', target: itemId, detail: { from, to, reason } });
    });
    return this.itemView(itemId);
  }

  /** A maintenance or service record; sets the next service date (none when left out) and the status. */
  recordMaintenance(staffId: string, itemId: string, input: MaintenanceInput): MaintenanceRecord {
    this.itemView(itemId);
    const today = centreToday(this.ctx);
    if (!isCalendarDay(input.doneOn)) throw new DomainError('invalid', 'invalid_date', 'doneOn is a day written YYYY-MM-DD, e.g. 2026-12-03');
    if (input.doneOn > today) throw new DomainError('invalid', 'future_date', 'Maintenance is recorded once it is done, not ahead');
    const nextServiceOn = input.nextServiceOn ?? null;
    if (nextServiceOn !== null && !isCalendarDay(nextServiceOn)) {
      throw new DomainError('invalid', 'invalid_date', 'nextServiceOn is a day written YYYY-MM-DD, e.g. 2027-06-01');
    }
    if (nextServiceOn !== null && nextServiceOn <= input.doneOn) {
      throw new DomainError('invalid', 'next_service_before_done', 'The next service comes after the maintenance that was done');
    }
    const id = this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const from = currentItemState(this.ctx.db, itemId)!.status;
      const status = statusAfterMaintenance(from, input.outcome);
      const maintenanceId = newRecordId(now);
      const event = append('item.maintained', {
        itemId, maintenanceId, doneOn: input.doneOn, costCents: input.costCents, nextServiceOn, staffId,
      }, now);
      insertMaintenance(this.ctx.db, {
        id: maintenanceId, itemId, doneOn: input.doneOn, description: input.description.trim(), costCents: input.costCents,
        nextServiceOn, staffId, recordedAt: now, eventId: event.id,
      });
      changeItemState(this.ctx.db, append, { itemId, patch: { status, nextServiceOn }, reason: 'maintenance', staffId, expect: [from], at: now });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'lending.item_maintain', target: itemId,
        detail: { maintenanceId, doneOn: input.doneOn, description: input.description.trim(), costCents: input.costCents, nextServiceOn, outcome: input.outcome },
      });
      return maintenanceId;
    });
    return this.toMaintenance(findMaintenance(this.ctx.db, id)!);
  }

  toMaintenance(row: MaintenanceRow): MaintenanceRecord {
    return {
      id: row.id, itemId: row.itemId, doneOn: row.doneOn, description: row.description, costCents: row.costCents,
      nextServiceOn: row.nextServiceOn, staffId: row.staffId, at: formatWithOffset(row.recordedAt, this.ctx.timeZone()),
    };
  }
}

/**
 * Where a maintenance record leaves the item. Items out with a borrower or retired are not
 * maintained here; an item in cleaning may go to maintenance but reaches the shelf only through
 * its cleaning checklist; a reserved item put back stays reserved for its member.
 */
export function statusAfterMaintenance(from: ItemStatus, outcome: MaintenanceInput['outcome']): ItemStatus {
  if (from === 'on_loan') throw new DomainError('conflict', 'item_not_available', 'An item on loan is maintained after its return', { status: from });
  if (from === 'retired') throw new DomainError('conflict', 'item_not_available', 'A retired item is not maintained', { status: from });
  if (outcome === 'maintenance') return 'maintenance';
  if (from === 'cleaning') {
    throw new DomainError('conflict', 'cleaning_required', 'An item in cleaning becomes available with its completed cleaning checklist', { status: from });
  }
  return from === 'reserved' ? 'reserved' : 'available';
}
