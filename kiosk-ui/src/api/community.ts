/** Calls for volunteers, partner organisations and the satisfaction question (`edge-server/src/routes/{volunteers,surveys}.ts`). */
import type {
  PartnerInput, PartnerOrg, PartnerVisits, PresentVolunteer, SatisfactionMonth, SurveyAnswerRequest, VolunteerHours, VolunteerKiosk,
  VolunteerSignedOut, VolunteerSignInRequest,
} from '../../../edge-server/src/api-types.js';
import { request } from './client.js';

export type {
  PartnerInput, PartnerOrg, PartnerVisits, PresentVolunteer, SatisfactionMonth, SurveyAnswerRequest, VolunteerHours, VolunteerKiosk,
  VolunteerSignedOut, VolunteerSignInRequest,
};

export const communityApi = {
  /** Public kiosk screen: volunteers here now and the partner organisations to choose from. */
  volunteerKiosk: (signal?: AbortSignal) => request<VolunteerKiosk>('GET', '/api/volunteers', undefined, signal),
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
  hours: (month: string, signal?: AbortSignal) =>
    request<VolunteerHours>('GET', `/api/staff/volunteers/hours?month=${encodeURIComponent(month)}`, undefined, signal),
  satisfaction: (month: string, signal?: AbortSignal) =>
    request<SatisfactionMonth>('GET', `/api/staff/satisfaction?month=${encodeURIComponent(month)}`, undefined, signal),
};
