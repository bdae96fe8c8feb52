import type { WaitlistEntry } from '../../api-types.js';
import { formatWithOffset } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import {
  findWaitlistEntry, insertWaitlist, insertWaitlistEnd, waitingForEntry, waitingOfMember, type WaitlistViewRow,
} from '../../db/lending-reservations.repo.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { entryOrThrow, memberOrThrow } from './desk-rules.js';

function toEntry(w: WaitlistViewRow, position: number, timeZone: string): WaitlistEntry {
  return { id: w.id, catalogueId: w.catalogueId, memberId: w.memberId, memberName: w.memberName, position, note: w.note, since: formatWithOffset(w.createdAt, timeZone) };
}

/** Members waiting for any item of an entry, first come first served (a check-out of the entry ends the wait). */
export class WaitlistService {
  constructor(private readonly ctx: DomainContext) {}

  list(catalogueId: string): WaitlistEntry[] {
    entryOrThrow(this.ctx.db, catalogueId);
    return waitingForEntry(this.ctx.db, catalogueId).map((w, i) => toEntry(w, i + 1, this.ctx.timeZone()));
  }

  /** The member's place in every queue they wait in. */
  ofMember(memberId: string): WaitlistEntry[] {
    return waitingOfMember(this.ctx.db, memberId).map((w) => {
      const position = waitingForEntry(this.ctx.db, w.catalogueId).findIndex((q) => q.id === w.id) + 1;
      return toEntry(w, position, this.ctx.timeZone());
    });
  }

  add(staffId: string, catalogueId: string, memberId: string, note: string | null): WaitlistEntry {
    const { db } = this.ctx;
    const id = this.ctx.log.write((append) => {
      const entry = entryOrThrow(db, catalogueId);
      memberOrThrow(db, memberId);
      if (waitingForEntry(db, entry.catalogueId).some((w) => w.memberId === memberId)) {
        throw new DomainError('conflict', 'already_waiting', 'The member is on this waiting list already');
      }
      const now = this.ctx.clock.now();
      const rowId = newRecordId(now);
      const event = append('lending.waitlisted', { waitlistId: rowId, catalogueId: entry.catalogueId, memberId }, now);
      insertWaitlist(db, { id: rowId, catalogueId: entry.catalogueId, memberId, note, staffId, createdAt: now, eventId: event.id });
      recordAudit(db, { at: now, actorKind: 'staff', actorId: staffId, action: 'lending.waitlist_add', target: rowId, detail: { catalogueId, memberId, note } });
      return rowId;
    });
    return this.list(catalogueId).find((w) => w.id === id)!;
  }

  remove(staffId: string, waitlistId: string, reason: string): { id: string; catalogueId: string; memberId: string } {
    const { db } = this.ctx;
    return this.ctx.log.write((append) => {
      const w = findWaitlistEntry(db, waitlistId);
      if (!w) throw new DomainError('not_found', 'waitlist_not_found', `No waiting-list entry with id ${waitlistId}`);
      if (w.ended === 1) throw new DomainError('conflict', 'waitlist_ended', 'This member is no longer waiting');
      const now = this.ctx.clock.now();
      const event = append('lending.waitlist_left', { waitlistId, catalogueId: w.catalogueId, memberId: w.memberId, outcome: 'removed' }, now);
      insertWaitlistEnd(db, { id: newRecordId(now), waitlistId, outcome: 'removed', reason, staffId, recordedAt: now, eventId: event.id });
      recordAudit(db, { at: now, actorKind: 'staff', actorId: staffId, action: 'lending.waitlist_remove', target: waitlistId, detail: { reason } });
      return { id: waitlistId, catalogueId: w.catalogueId, memberId: w.memberId };
    });
  }
}
