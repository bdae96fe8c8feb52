/** Calls for volunteers, partner organisations and the satisfaction question (`edge-server/src/routes/{volunteers,surveys}.ts`). */
import type {
  KnownVolunteer, RosterVolunteer, VolunteerInput, PartnerInput, PartnerOrg, PartnerVisits, PresentVolunteer, SatisfactionMonth, SurveyAnswerRequest, VolunteerHours, VolunteerKiosk,
  VolunteerSignedOut, VolunteerSignInRequest,
} from '../../../edge-server/src/api-types.js';
import { request } from './client.js';

export type {
  KnownVolunteer, RosterVolunteer, VolunteerInput, PartnerInput, PartnerOrg, PartnerVisits, PresentVolunteer, SatisfactionMonth, SurveyAnswerRequest, VolunteerHours, VolunteerKiosk,
  VolunteerSignedOut, VolunteerSignInRequest,
};

/** The kiosk's organisation choice at volunteer sign-in: a partner, 个人, or an organisation that is not a partner. */
export type OrganisationChoice = { partnerId: string } | 'individual' | 'other';

export const communityApi = {
  /** Public kiosk screen: volunteers here now and the partner organisations to choose from. */
  volunteerKiosk: (signal?: AbortSignal) => request<VolunteerKiosk>('GET', '/api/volunteers', undefined, signal),
  /** Public kiosk screen: the registered volunteers of one organisation choice, most recent first. */
  knownVolunteers: (org: OrganisationChoice, signal?: AbortSignal) =>
    request<{ volunteers: KnownVolunteer[] }>('GET', `/api/volunteers/known?org=${encodeURIComponent(typeof org === 'object' ? org.partnerId : org)}`, undefined, signal),
  signIn: (body: VolunteerSignInRequest) => request<PresentVolunteer>('POST', '/api/volunteers/sign-in', body),
  signOut: (visitId: string) => request<VolunteerSignedOut>('POST', '/api/volunteers/sign-out', { visitId }),

  /** The member at the screen answers (score) or skips (null), with their visit token. */
  answerSurvey: (visitToken: string, body: SurveyAnswerRequest) =>
    request<void>('POST', '/api/member/survey', body, undefined, { 'X-Member-Visit': visitToken }),

  partners: (signal?: AbortSignal) => request<{ partners: PartnerOrg[] }>('GET', '/api/staff/partners', undefined, signal),
  addPartner: (body: PartnerInput) => request<PartnerOrg>('POST', '/api/staff/partners', body),
  retirePartner: (id: string) => request<PartnerOrg>('POST', `/api/staff/partners/${encodeURIComponent(id)}/retire`, {}),
  partnerVisits: (id: string, signal?: AbortSignal) =>
    request<PartnerVisits>('GET', `/api/staff/partners/${encodeURIComponent(id)}/visits`, undefined, signal),
  roster: (signal?: AbortSignal) => request<{ volunteers: RosterVolunteer[] }>('GET', '/api/staff/volunteers', undefined, signal),
  registerVolunteer: (body: VolunteerInput) => request<RosterVolunteer>('POST', '/api/staff/volunteers', body),
  retireVolunteer: (id: string) => request<RosterVolunteer>('POST', `/api/staff/volunteers/${encodeURIComponent(id)}/retire`, {}),
  hours: (month: string, signal?: AbortSignal) =>
    request<VolunteerHours>('GET', `/api/staff/volunteers/hours?month=${encodeURIComponent(month)}`, undefined, signal),
  satisfaction: (month: string, signal?: AbortSignal) =>
    request<SatisfactionMonth>('GET', `/api/staff/satisfaction?month=${encodeURIComponent(month)}`, undefined, signal),
};
