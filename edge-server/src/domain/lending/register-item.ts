import type { ItemCondition } from '../../api-types.js';
import type { Db } from '../../db/connection.js';
import { appendItemState } from '../../db/lending-item-states.repo.js';
import { insertItem } from '../../db/lending-items.repo.js';
import type { AppendEvent } from '../../events/event-log.js';
import { newRecordId } from '../../ids.js';
import type { ItemFields } from './item-fields.js';

/**
 * Registers an item inside the caller's write transaction: the item row, its first state
 * (`available`, seq 1) and `item.registered`. The form and the CSV import both come through here.
 */
export function registerItemRows(
  db: Db, append: AppendEvent,
  input: { fields: ItemFields; catalogueId: string; condition: ItemCondition; staffId: string; at: number },
): string {
  const { fields, catalogueId, condition, staffId, at } = input;
  const itemId = newRecordId(at);
  const event = append('item.registered', {
    itemId, catalogueId, tagCode: fields.tagCode, serial: fields.serial, condition, location: fields.location, acquiredOn: fields.acquiredOn,
  }, at);
  insertItem(db, { id: itemId, tagCode: fields.tagCode, serial: fields.serial, catalogueId, acquiredOn: fields.acquiredOn, staffId, createdAt: at, eventId: event.id });
  appendItemState(db, undefined, {
    id: newRecordId(at), itemId, status: 'available', condition, location: fields.location, nextServiceOn: fields.nextServiceOn,
    reason: 'registered', loanId: null, staffId, recordedAt: at, eventId: event.id,
  });
  return itemId;
}
