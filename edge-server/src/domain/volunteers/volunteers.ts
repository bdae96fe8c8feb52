import type {
  PartnerVisits, PresentVolunteer, VolunteerHours, VolunteerKiosk, VolunteerSignedOut, VolunteerSignInRequest, VolunteerVisit,
} from '../../api-types.js';
import { formatWithOffset, localDate } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import {
  findVisit, insertSignOut, insertVisit, listOpenVisits, listPartnerVisits, listVisitsBetween, type ClosedBy, type VisitRow,
} from '../../db/volunteer-visits.repo.js';
import type { AppendEvent } from '../../events/event-log.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { loadMonitoringSettings } from '../monitoring/settings.js';
import { summariseHours } from './hours.js';
import { localInstant, monthRange } from './local-time.js';
import type { PartnerService } from './partners.js';
import type { VolunteerRoster } from './roster.js';

const PARTNER_VISITS_SHOWN = 200;

/**
 * Volunteer sign-in and sign-out at the kiosk, by touch alone: a volunteer on the roster (see
 * `VolunteerRoster`) is chosen by id and the visit copies their name and organisation. A sign-in is a local row only; the sign-out appends
 * `volunteer.visited` with the minutes (the protocol's one event for a visit). A volunteer who
 * forgets to sign out is signed out by the kiosk at the centre's closing time (the `openingHours.close`
 * monitoring setting), flagged `closedBy: 'closing_time'` / `autoClosed: true`; one who signed in after
 * closing time is closed at the end of that day. This check runs whenever volunteer data is read or
 * written, so a day's forgotten visits are closed before anyone sees or adds to them.
 */
export class VolunteerService {
  constructor(private readonly ctx: DomainContext, private readonly partners: PartnerService, private readonly roster: VolunteerRoster) {}

  kiosk(): VolunteerKiosk {
    this.closeForgotten();
    return {
      present: listOpenVisits(this.ctx.db).map((v) => this.toPresent(v)),
      partners: this.partners.list().filter((p) => p.retiredAt === null).map(({ id, name, kind }) => ({ id, name, kind })),
    };
  }

  signIn(input: VolunteerSignInRequest): PresentVolunteer {
    this.closeForgotten();
    const visit = this.ctx.db.transaction(() => {
      const volunteer = this.roster.requireActive(input.volunteerId);
      if (listOpenVisits(this.ctx.db).some((v) => v.volunteerId === volunteer.id)) {
        throw new DomainError('conflict', 'already_signed_in', `${volunteer.name} is already signed in; sign out first`);
      }
      const now = this.ctx.clock.now();
      const row = {
        id: newRecordId(now), volunteerId: volunteer.id, name: volunteer.name, partnerId: volunteer.partnerId,
        organisation: volunteer.organisation, partyMember: input.partyMember,
        activity: input.activity, localDate: localDate(now, this.ctx.timeZone()), signedInAt: now,
      };
      insertVisit(this.ctx.db, row);
      recordAudit(this.ctx.db, { at: now, actorKind: 'kiosk', actorId: null, action: 'volunteer.sign_in', target: row.id, detail: { volunteerId: volunteer.id, organisation: volunteer.organisation } });
      return row;
    }).immediate();
    return this.toPresent({ ...visit, signedOutAt: null, minutes: null, closedBy: null });
  }

  signOut(visitId: string): VolunteerSignedOut {
    this.closeForgotten();
    return this.ctx.log.write((append) => {
      const visit = findVisit(this.ctx.db, visitId);
      if (!visit) throw new DomainError('not_found', 'visit_not_found', `No volunteer visit ${visitId}`);
      if (visit.signedOutAt !== null) {
        throw new DomainError('conflict', 'already_signed_out', `${visit.name} has already signed out`);
      }
      const minutes = this.close(append, visit, this.ctx.clock.now(), 'volunteer');
      return { visitId, name: visit.name, minutes };
    });
  }

  hours(month: string): VolunteerHours {
    const range = monthRange(month);
    if (!range) throw new DomainError('invalid', 'invalid_month', 'A month is YYYY-MM, e.g. 2026-12');
    this.closeForgotten();
    const visits = listVisitsBetween(this.ctx.db, range.from, range.to);
    const kinds = new Map(this.partners.list().map((p) => [p.id, p.kind]));
    return { month, ...summariseHours(visits, (id) => kinds.get(id) ?? null), visits: visits.map((v) => this.toVisit(v)) };
  }

  partnerVisits(partnerId: string): PartnerVisits {
    const partner = this.partners.get(partnerId);
    this.closeForgotten();
    return { partner, visits: listPartnerVisits(this.ctx.db, partnerId, PARTNER_VISITS_SHOWN).map((v) => this.toVisit(v)) };
  }

  /** Signs out, at closing time and flagged, every visit whose day is over (see the class comment). */
  closeForgotten(): number {
    const now = this.ctx.clock.now();
    const close = loadMonitoringSettings(this.ctx.db).openingHours.close;
    const due = listOpenVisits(this.ctx.db)
      .map((visit) => ({ visit, at: this.closingDeadline(visit, close) }))
      .filter(({ at }) => at <= now);
    if (due.length === 0) return 0;
    this.ctx.log.write((append) => {
      for (const { visit, at } of due) {
        // another request may have closed it since the list was read
        if (findVisit(this.ctx.db, visit.id)?.signedOutAt === null) this.close(append, visit, at, 'closing_time');
      }
    });
    return due.length;
  }

  private closingDeadline(visit: VisitRow, closeHhmm: string): number {
    const tz = this.ctx.timeZone();
    const closing = localInstant(visit.localDate, closeHhmm, tz);
    return visit.signedInAt < closing ? closing : localInstant(visit.localDate, '23:59', tz);
  }

  private close(append: AppendEvent, visit: VisitRow, at: number, closedBy: ClosedBy): number {
    const minutes = Math.max(0, Math.round((at - visit.signedInAt) / 60_000));
    const event = append('volunteer.visited', {
      visitId: visit.id, name: visit.name, organisation: visit.organisation, partnerId: visit.partnerId,
      partyMember: visit.partyMember, minutes, activity: visit.activity, date: visit.localDate,
      signedInAt: this.iso(visit.signedInAt), signedOutAt: this.iso(at), autoClosed: closedBy === 'closing_time',
    }, at);
    insertSignOut(this.ctx.db, { visitId: visit.id, signedOutAt: at, minutes, closedBy, eventId: event.id });
    recordAudit(this.ctx.db, {
      at: this.ctx.clock.now(), actorKind: closedBy === 'volunteer' ? 'kiosk' : 'system', actorId: null,
      action: 'volunteer.sign_out', target: visit.id, detail: { minutes, closedBy },
    });
    return minutes;
  }

  private toPresent(v: VisitRow): PresentVolunteer {
    return { visitId: v.id, name: v.name, organisation: v.organisation, since: this.iso(v.signedInAt) };
  }

  private toVisit(v: VisitRow): VolunteerVisit {
    return {
      visitId: v.id, name: v.name, organisation: v.organisation, partnerId: v.partnerId, partyMember: v.partyMember,
      activity: v.activity, date: v.localDate, signedInAt: this.iso(v.signedInAt),
      signedOutAt: v.signedOutAt === null ? null : this.iso(v.signedOutAt), minutes: v.minutes, closedBy: v.closedBy,
    };
  }

  private iso(ms: number): string {
    return formatWithOffset(ms, this.ctx.timeZone());
  }
}
