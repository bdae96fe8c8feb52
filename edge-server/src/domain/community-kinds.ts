import type { ActivityKind, PartnerKind } from '../api-types.js';

/** Every activity kind, in the order reports list them (the record makes the compiler check it is complete). */
const ACTIVITY_ORDER: Record<ActivityKind, number> = {
  day_care: 0, assisted_employment: 1, skills_training: 2, rehabilitation: 3, culture_sports: 4, other: 5,
};
export const ACTIVITY_KINDS = Object.keys(ACTIVITY_ORDER) as [ActivityKind, ...ActivityKind[]];

const PARTNER_ORDER: Record<PartnerKind, number> = { party_pairing: 0, school: 1, company: 2, social_org: 3, other: 4 };
export const PARTNER_KINDS = Object.keys(PARTNER_ORDER) as [PartnerKind, ...PartnerKind[]];

/** Sorts kinds in report order; null (the centre as a whole) first. */
export function activityOrder(a: ActivityKind | null, b: ActivityKind | null): number {
  return (a === null ? -1 : ACTIVITY_ORDER[a]) - (b === null ? -1 : ACTIVITY_ORDER[b]);
}
