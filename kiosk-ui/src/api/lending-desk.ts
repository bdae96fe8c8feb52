/** Staff calls for the loan desk (`/api/staff/lending`): identify, a member's lending, loans, cleaning, reservations, overdue. */
import type {
  CatalogueEntry, CheckoutInput, CleaningInput, Eligibility, IdentifyCapture, Item, ItemCondition, ItemStatus, Loan, LoanAcknowledgement, LoanSummary, MemberLending,
  OverdueLine, Refusal, RefusalCode, Reservation, ReservationInput, ReservationState, ReturnInput, WaitlistEntry,
} from '../../../edge-server/src/api-types.js';
import { request } from './client.js';
import { lendingInventoryApi } from './lending-inventory.js';

export type {
  CatalogueEntry, CheckoutInput, CleaningInput, Eligibility, IdentifyCapture, Item, ItemCondition, ItemStatus, Loan, LoanAcknowledgement, LoanSummary, MemberLending,
  OverdueLine, Refusal, RefusalCode, Reservation, ReservationInput, ReservationState, ReturnInput, WaitlistEntry,
};

/** What a completed cleaning answers: where the item went (`reserved`: held for `reservationId`). */
export interface CleaningResult {
  itemId: string;
  outcome: 'available' | 'reserved' | 'maintenance';
  reservationId: string | null;
}

/** An assessment to record for a member (`POST /members/{id}/assessments`). */
export interface AssessmentInput {
  catalogueId: string;
  assessedOn: string;
  validUntil?: string;
  note?: string;
}
export type Assessment = MemberLending['assessments'][number];

const BASE = '/api/staff/lending';
const path = (id: string) => encodeURIComponent(id);

export const lendingDeskApi = {
  identify: (purpose: IdentifyCapture['purpose'], memberId?: string) =>
    request<IdentifyCapture>('POST', `${BASE}/identify`, memberId ? { purpose, memberId } : { purpose }),
  capture: (id: string, signal?: AbortSignal) => request<IdentifyCapture>('GET', `${BASE}/identify/${path(id)}`, undefined, signal),
  captureCard: (id: string, cardNumber: string) => request<IdentifyCapture>('POST', `${BASE}/identify/${path(id)}/card`, { cardNumber }),
  cancelCapture: (id: string) => request<IdentifyCapture>('POST', `${BASE}/identify/${path(id)}/cancel`),
  member: (id: string, signal?: AbortSignal) => request<MemberLending>('GET', `${BASE}/members/${path(id)}`, undefined, signal),
  assess: (memberId: string, input: AssessmentInput) => request<Assessment>('POST', `${BASE}/members/${path(memberId)}/assessments`, input),
  // the catalogue and item reads are the inventory's own calls (one request shape for both areas)
  catalogue: lendingInventoryApi.catalogue,
  /** the entries still lent (not retired): what the desk's choices offer */
  activeEntries: async (signal?: AbortSignal) => (await lendingInventoryApi.catalogue(signal)).entries.filter((e) => !e.retired),
  /** the first page (the server's default 100) of items of one status and/or entry */
  items: (query: { status?: ItemStatus; catalogueId?: string }, signal?: AbortSignal) =>
    lendingInventoryApi.items({ ...query, limit: 100, offset: 0 }, signal),
  item: lendingInventoryApi.item,
  byTag: lendingInventoryApi.itemByTag,
  eligibility: (memberId: string, itemId: string, signal?: AbortSignal) =>
    request<Eligibility>('GET', `${BASE}/eligibility?${new URLSearchParams({ memberId, itemId })}`, undefined, signal),
  checkout: (input: CheckoutInput) => request<Loan>('POST', `${BASE}/loans`, input),
  loan: (id: string, signal?: AbortSignal) => request<Loan>('GET', `${BASE}/loans/${path(id)}`, undefined, signal),
  summary: (id: string, signal?: AbortSignal) => request<LoanSummary>('GET', `${BASE}/loans/${path(id)}/summary`, undefined, signal),
  renew: (id: string, dueOn: string, reason?: string) =>
    request<Loan>('POST', `${BASE}/loans/${path(id)}/renew`, reason ? { dueOn, reason } : { dueOn }),
  returnLoan: (id: string, input: ReturnInput) => request<Loan>('POST', `${BASE}/loans/${path(id)}/return`, input),
  lost: (id: string, note: string) => request<Loan>('POST', `${BASE}/loans/${path(id)}/lost`, { note }),
  clean: (itemId: string, input: CleaningInput) => request<CleaningResult>('POST', `${BASE}/items/${path(itemId)}/cleaning`, input),
  overdue: (signal?: AbortSignal) => request<{ overdue: OverdueLine[] }>('GET', `${BASE}/overdue`, undefined, signal),
  reservations: (query: { catalogueId?: string; state?: ReservationState }, signal?: AbortSignal) => {
    const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
    return request<{ reservations: Reservation[] }>('GET', `${BASE}/reservations?${q}`, undefined, signal);
  },
  reserve: (input: ReservationInput) => request<Reservation>('POST', `${BASE}/reservations`, input),
  cancelReservation: (id: string, reason: string) => request<Reservation>('POST', `${BASE}/reservations/${path(id)}/cancel`, { reason }),
  waitlist: (catalogueId: string, signal?: AbortSignal) =>
    request<{ waiting: WaitlistEntry[] }>('GET', `${BASE}/catalogue/${path(catalogueId)}/waitlist`, undefined, signal),
  joinWaitlist: (catalogueId: string, memberId: string, note?: string) =>
    request<WaitlistEntry>('POST', `${BASE}/catalogue/${path(catalogueId)}/waitlist`, note ? { memberId, note } : { memberId }),
  leaveWaitlist: (id: string, reason: string) => request<WaitlistEntry>('POST', `${BASE}/waitlist/${path(id)}/remove`, { reason }),
};
