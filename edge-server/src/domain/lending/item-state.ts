import type { ItemCondition, ItemStatus } from '../../api-types.js';
import type { Db } from '../../db/connection.js';
import { appendItemState, currentItemState, type ItemStateRow } from '../../db/lending-item-states.repo.js';
import type { AppendEvent } from '../../events/event-log.js';
import { newRecordId } from '../../ids.js';
import { DomainError } from '../errors.js';

/** What a change sets; fields left out keep their current value. */
export interface ItemStatePatch {
  status?: ItemStatus;
  condition?: ItemCondition;
  location?: string | null;
  nextServiceOn?: string | null;
}

export interface ItemStateChangeInput {
  itemId: string;
  patch: ItemStatePatch;
  /** checked_out, returned, cleaned, maintenance, registered, lost, manual: …; goes into the event as `reason` */
  reason: string;
  staffId: string | null;
  loanId?: string | null;
  /** refuse unless the item is in one of these statuses now (read inside the same transaction) */
  expect?: readonly ItemStatus[];
  at: number;
}

/**
 * The one way lending code changes an item: inside an `EventLog.write`, reads the state in force,
 * checks `expect`, appends the next link of the chain and, when the status changes, the
 * `item.status_changed` event (§6: itemId, from, to, reason). Returns the new state.
 */
export function changeItemState(db: Db, append: AppendEvent, input: ItemStateChangeInput): ItemStateRow {
  const previous = currentItemState(db, input.itemId);
  if (!previous) throw new DomainError('not_found', 'item_not_found', `No item with id ${input.itemId}`);
  if (input.expect && !input.expect.includes(previous.status)) {
    throw new DomainError('conflict', 'item_not_available', `The item is ${previous.status}, not ${input.expect.join(' or ')}`, {
      status: previous.status,
    });
  }
  const status = input.patch.status ?? previous.status;
  const event = status !== previous.status
    ? append('item.status_changed', {
      itemId: input.itemId, from: previous.status, to: status, reason: input.reason,
      ...(input.loanId ? { loanId: input.loanId } : {}), ...(input.staffId ? { staffId: input.staffId } : {}),
    }, input.at)
    : null;
  return appendItemState(db, previous, {
    id: newRecordId(input.at),
    itemId: input.itemId,
    status,
    condition: input.patch.condition ?? previous.condition,
    location: input.patch.location !== undefined ? input.patch.location : previous.location,
    nextServiceOn: input.patch.nextServiceOn !== undefined ? input.patch.nextServiceOn : previous.nextServiceOn,
    reason: input.reason,
    loanId: input.loanId ?? null,
    staffId: input.staffId,
    recordedAt: input.at,
    eventId: event?.id ?? null,
  });
}
