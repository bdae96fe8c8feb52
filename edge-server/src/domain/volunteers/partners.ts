import type { PartnerInput, PartnerOrg } from '../../api-types.js';
import { formatWithOffset } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import { activePartnerNamed, findPartner, insertPartner, insertPartnerRetirement, listPartners, type PartnerRow } from '../../db/partners.repo.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';

/**
 * Partner organisations (党建结对单位, schools, companies …) whose volunteers come to the centre.
 * Staff add and retire them; nothing is edited in place. Adding and retiring are local bookkeeping
 * (the protocol has no event for them: upstream sees the organisation's name on each visit).
 */
export class PartnerService {
  constructor(private readonly ctx: DomainContext) {}

  list(): PartnerOrg[] {
    return listPartners(this.ctx.db).map((p) => this.toPartner(p));
  }

  get(id: string): PartnerOrg {
    return this.toPartner(this.require(id));
  }

  /** The row, or 404. */
  require(id: string): PartnerRow {
    const row = findPartner(this.ctx.db, id);
    if (!row) throw new DomainError('not_found', 'partner_not_found', `No partner organisation ${id}`);
    return row;
  }

  add(staffId: string, input: PartnerInput): PartnerOrg {
    const id = this.ctx.db.transaction(() => {
      if (activePartnerNamed(this.ctx.db, input.name)) {
        throw new DomainError('conflict', 'partner_exists', `There is already a partner organisation called ${input.name}`);
      }
      const now = this.ctx.clock.now();
      const partnerId = newRecordId(now);
      insertPartner(this.ctx.db, { id: partnerId, name: input.name, kind: input.kind, staffId, createdAt: now });
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'partner.add', target: partnerId, detail: { ...input } });
      return partnerId;
    }).immediate();
    return this.get(id);
  }

  /** Retired partners keep their visits but are no longer offered at volunteer sign-in. */
  retire(staffId: string, id: string, reason: string | null): PartnerOrg {
    this.ctx.db.transaction(() => {
      const row = this.require(id);
      if (row.retiredAt !== null) throw new DomainError('conflict', 'partner_retired', `${row.name} is already retired`);
      const now = this.ctx.clock.now();
      insertPartnerRetirement(this.ctx.db, { partnerId: id, staffId, reason, at: now });
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'partner.retire', target: id, detail: { reason } });
    }).immediate();
    return this.get(id);
  }

  private toPartner(row: PartnerRow): PartnerOrg {
    return {
      id: row.id, name: row.name, kind: row.kind, visits: row.visits,
      retiredAt: row.retiredAt === null ? null : formatWithOffset(row.retiredAt, this.ctx.timeZone()),
    };
  }
}
