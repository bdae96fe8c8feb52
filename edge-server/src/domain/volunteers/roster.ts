import type { KnownVolunteer, RosterVolunteer, VolunteerInput } from '../../api-types.js';
import { formatWithOffset } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import {
  findVolunteer, insertVolunteer, insertVolunteerRetirement, listActiveVolunteers, listRoster, type RosterRow,
} from '../../db/volunteers.repo.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { volunteerKey } from './hours.js';
import type { PartnerService } from './partners.js';

/** The organisation recorded for a volunteer who came on their own. */
export const ON_THEIR_OWN = '个人';

/** The kiosk's organisation choices besides the partners: 个人, and organisations that are not partners. */
export type OrganisationFilter = { partnerId: string } | 'individual' | 'other';

/**
 * The volunteer roster. The kiosk has no keyboard, so staff register a volunteer once (name,
 * organisation, Party member, phone) and the volunteer then chooses their name at the kiosk.
 * Registering and retiring are audited staff actions; nothing is edited in place (a retirement is
 * its own row). Local bookkeeping only: upstream sees the name and organisation on each visit.
 */
export class VolunteerRoster {
  constructor(private readonly ctx: DomainContext, private readonly partners: PartnerService) {}

  /** Staff: everyone registered, most recent first, retired ones too. */
  list(): RosterVolunteer[] {
    return listRoster(this.ctx.db).map((r) => this.toRoster(r));
  }

  /** Kiosk: the active volunteers of one organisation choice, most recent first (names, no phone). */
  known(filter: OrganisationFilter): KnownVolunteer[] {
    let rows: RosterRow[];
    if (typeof filter === 'object') {
      const partner = this.partners.require(filter.partnerId);
      rows = partner.retiredAt === null ? listActiveVolunteers(this.ctx.db, partner.id) : [];
    } else {
      const individual = filter === 'individual';
      rows = listActiveVolunteers(this.ctx.db, null).filter((r) => (r.organisation === ON_THEIR_OWN) === individual);
    }
    return rows.map(({ id, name, organisation, partyMember }) => ({ id, name, organisation, partyMember }));
  }

  /** A volunteer who may sign in: registered, not retired, and their partner (if any) still active. */
  requireActive(id: string): RosterRow {
    const row = findVolunteer(this.ctx.db, id);
    if (!row) throw new DomainError('not_found', 'volunteer_not_found', `No volunteer ${id}`);
    if (row.retiredAt !== null) throw new DomainError('conflict', 'volunteer_retired', `${row.name} is no longer on the volunteer roster`);
    if (row.partnerId !== null && this.partners.require(row.partnerId).retiredAt !== null) {
      throw new DomainError('conflict', 'partner_retired', `${row.organisation} is no longer a partner organisation`);
    }
    return row;
  }

  register(staffId: string, input: VolunteerInput): RosterVolunteer {
    const id = this.ctx.db.transaction(() => {
      const organisation = this.organisationOf(input);
      const key = volunteerKey(input.name, organisation);
      if (listActiveVolunteers(this.ctx.db, input.partnerId).some((r) => volunteerKey(r.name, r.organisation) === key)) {
        throw new DomainError('conflict', 'volunteer_exists', `${input.name} of ${organisation} is already registered`);
      }
      const now = this.ctx.clock.now();
      const volunteerId = newRecordId(now);
      insertVolunteer(this.ctx.db, { id: volunteerId, ...input, organisation, staffId, createdAt: now });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'volunteer.register', target: volunteerId,
        // the phone stays out of the audit trail (it is contact data, not what was decided)
        detail: { name: input.name, organisation, partyMember: input.partyMember, phone: input.phone !== null },
      });
      return volunteerId;
    }).immediate();
    return this.get(id);
  }

  /** A retired volunteer keeps their visits but is no longer offered at the kiosk. */
  retire(staffId: string, id: string, reason: string | null): RosterVolunteer {
    this.ctx.db.transaction(() => {
      const row = this.get(id);
      if (row.retiredAt !== null) throw new DomainError('conflict', 'volunteer_retired', `${row.name} is already retired`);
      const now = this.ctx.clock.now();
      insertVolunteerRetirement(this.ctx.db, { volunteerId: id, staffId, reason, at: now });
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'volunteer.retire', target: id, detail: { reason } });
    }).immediate();
    return this.get(id);
  }

  private get(id: string): RosterVolunteer {
    const row = findVolunteer(this.ctx.db, id);
    if (!row) throw new DomainError('not_found', 'volunteer_not_found', `No volunteer ${id}`);
    return this.toRoster(row);
  }

  /** The organisation's words as recorded: the active partner's name, the typed one, or 个人. */
  private organisationOf(input: VolunteerInput): string {
    if (input.partnerId === null) return input.organisation ?? ON_THEIR_OWN;
    const partner = this.partners.require(input.partnerId);
    if (partner.retiredAt !== null) {
      throw new DomainError('conflict', 'partner_retired', `${partner.name} is no longer a partner organisation; choose another`);
    }
    return partner.name;
  }

  private toRoster(r: RosterRow): RosterVolunteer {
    const iso = (ms: number | null) => (ms === null ? null : formatWithOffset(ms, this.ctx.timeZone()));
    return {
      id: r.id, name: r.name, organisation: r.organisation, partyMember: r.partyMember, partnerId: r.partnerId, phone: r.phone,
      registeredAt: iso(r.createdAt)!, lastVisitAt: iso(r.lastVisitAt), retiredAt: iso(r.retiredAt),
    };
  }
}
