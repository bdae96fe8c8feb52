import { Hono } from 'hono';
import { z } from 'zod';
import type {
  KnownVolunteer, PartnerOrg, PartnerVisits, PresentVolunteer, RosterVolunteer, VolunteerHours, VolunteerKiosk, VolunteerSignedOut,
} from '../api-types.js';
import type { AppDeps } from '../app.js';
import { ACTIVITY_KINDS, PARTNER_KINDS } from '../domain/community-kinds.js';
import { DomainError } from '../domain/errors.js';
import type { OrganisationFilter } from '../domain/volunteers/roster.js';
import { monthQuery } from './month-query.js';
import type { StaffEnv } from './staff.js';
import { readJson } from './validate.js';

/** A person's or an organisation's name: trimmed, no control characters, short enough for a list line. */
const displayName = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\p{Cc}]+$/u, 'no control characters');
const id = z.string().min(1).max(64);

const signInBody = z.object({ volunteerId: id, partyMember: z.boolean(), activity: z.enum(ACTIVITY_KINDS) });
const volunteerBody = z.object({
  name: displayName(40),
  partnerId: id.nullable(),
  organisation: displayName(60).nullable(),
  partyMember: z.boolean(),
  phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{2,19}$/, 'digits, spaces or dashes').nullable(),
}).refine((b) => b.partnerId === null || b.organisation === null, 'give either partnerId or organisation, not both');
const signOutBody = z.object({ visitId: id });
const partnerBody = z.object({ name: displayName(60), kind: z.enum(PARTNER_KINDS) });
const retireBody = z.object({ reason: z.string().trim().max(200).optional() });

/** `?org=`: a partner's id, `individual` (个人) or `other` (organisations that are not partners). */
function organisationFilter(org: string | undefined): OrganisationFilter {
  if (org === 'individual' || org === 'other') return org;
  if (org && id.safeParse(org).success) return { partnerId: org };
  throw new DomainError('invalid', 'invalid_org', 'org is a partner id, individual or other');
}

/**
 * The kiosk's public volunteer screens: who is here, who is on an organisation's roster (names only),
 * sign in (by roster id), sign out. No sign-in (volunteers have none).
 */
export function volunteerKioskRoutes(deps: AppDeps): Hono {
  const { volunteers, volunteerRoster } = deps.services;
  return new Hono()
    .get('/volunteers', (c) => c.json<VolunteerKiosk>(volunteers.kiosk()))
    .get('/volunteers/known', (c) =>
      c.json<{ volunteers: KnownVolunteer[] }>({ volunteers: volunteerRoster.known(organisationFilter(c.req.query('org'))) }))
    .post('/volunteers/sign-in', async (c) => c.json<PresentVolunteer>(volunteers.signIn(await readJson(c, signInBody)), 201))
    .post('/volunteers/sign-out', async (c) => {
      const { visitId } = await readJson(c, signOutBody);
      return c.json<VolunteerSignedOut>(volunteers.signOut(visitId));
    });
}

/** Staff: partner organisations and their visits, the volunteer roster, volunteer hours per month. */
export function staffVolunteerRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { partners, volunteers, volunteerRoster } = deps.services;
  return new Hono<StaffEnv>()
    .get('/volunteers', (c) => c.json<{ volunteers: RosterVolunteer[] }>({ volunteers: volunteerRoster.list() }))
    .post('/volunteers', async (c) => c.json<RosterVolunteer>(volunteerRoster.register(c.var.staff.id, await readJson(c, volunteerBody)), 201))
    .post('/volunteers/:id/retire', async (c) => {
      const { reason } = await readJson(c, retireBody);
      return c.json<RosterVolunteer>(volunteerRoster.retire(c.var.staff.id, c.req.param('id'), reason || null));
    })
    .get('/partners', (c) => c.json<{ partners: PartnerOrg[] }>({ partners: partners.list() }))
    .post('/partners', async (c) => c.json<PartnerOrg>(partners.add(c.var.staff.id, await readJson(c, partnerBody)), 201))
    .post('/partners/:id/retire', async (c) => {
      const { reason } = await readJson(c, retireBody);
      return c.json<PartnerOrg>(partners.retire(c.var.staff.id, c.req.param('id'), reason || null));
    })
    .get('/partners/:id/visits', (c) => c.json<PartnerVisits>(volunteers.partnerVisits(c.req.param('id'))))
    .get('/volunteers/hours', (c) => c.json<VolunteerHours>(volunteers.hours(monthQuery(c, deps))));
}
