import type { PartnerKind, VolunteerHours } from '../../api-types.js';
import type { VisitRow } from '../../db/volunteer-visits.repo.js';

type ByVolunteer = VolunteerHours['byVolunteer'][number];
type ByOrganisation = VolunteerHours['byOrganisation'][number];

/** The same person typed twice ("李 明 " and "李明"): spaces do not make another volunteer. */
export function volunteerKey(name: string, organisation: string): string {
  return `${name.replace(/\s+/g, '')}\u0000${organisation}`;
}

/**
 * Monthly totals per volunteer (a name within an organisation: volunteers have no registry id) and
 * per organisation (a partner by id; typed organisations and 个人 by their words). Only closed visits
 * count minutes; a visit still open is counted as a visit with no minutes yet.
 */
export function summariseHours(visits: VisitRow[], kindOf: (partnerId: string) => PartnerKind | null): Pick<VolunteerHours, 'byVolunteer' | 'byOrganisation'> {
  const people = new Map<string, ByVolunteer>();
  const orgs = new Map<string, ByOrganisation & { names: Set<string> }>();
  for (const v of visits) {
    const minutes = v.minutes ?? 0;
    const personKey = volunteerKey(v.name, v.organisation);
    const person = people.get(personKey) ?? { name: v.name, organisation: v.organisation, partyMember: false, visits: 0, minutes: 0 };
    person.visits += 1;
    person.minutes += minutes;
    person.partyMember ||= v.partyMember;
    people.set(personKey, person);

    const orgKey = v.partnerId ?? `typed:${v.organisation}`;
    const org = orgs.get(orgKey) ?? {
      partnerId: v.partnerId, organisation: v.organisation, kind: v.partnerId ? kindOf(v.partnerId) : null,
      visits: 0, volunteers: 0, minutes: 0, names: new Set<string>(),
    };
    org.visits += 1;
    org.minutes += minutes;
    org.names.add(personKey);
    orgs.set(orgKey, org);
  }
  const byMinutes = (a: { minutes: number; organisation: string }, b: { minutes: number; organisation: string }) =>
    b.minutes - a.minutes || a.organisation.localeCompare(b.organisation, 'zh-CN');
  return {
    byVolunteer: [...people.values()].sort(byMinutes),
    byOrganisation: [...orgs.values()].map(({ names, ...org }) => ({ ...org, volunteers: names.size })).sort(byMinutes),
  };
}
