import type { Loan } from '../../../api/lending-desk.js';
import type { CheckoutDraft } from './checkout-draft.js';

/** The loan desk's own steps, sent up to `<kiosk-lending-desk>` (merged into the kiosk's event map). */
declare module '../../../fire-event.js' {
  interface KioskEventMap {
    /** the member at the desk is known (finger, card or search) */
    'lending-member': { memberId: string };
    /** a loan is ready for the member's acknowledgement */
    'lending-draft': { draft: CheckoutDraft };
    /** the loan was checked out (show its summary) */
    'lending-checked-out': { loan: Loan };
    /** a loan changed (returned, renewed, lost): show the member again with `notice` */
    'lending-changed': { notice: string };
    /** an assessment was recorded for the member at the desk (for `catalogueId`) */
    'lending-assessed': { catalogueId: string; notice: string };
    /** the assessment form was closed without saving */
    'lending-assess-closed': Record<string, never>;
    /** go to a step of the desk for this member's loan or an item */
    'lending-go': { to: 'lend' | 'member' | 'identify' | 'cleaning' } | { to: 'return' | 'renew'; loan: Loan };
  }
}

/** The detail of one of the desk's events, for its handlers. */
export type DeskDetail<K extends 'lending-member' | 'lending-draft' | 'lending-checked-out' | 'lending-changed' | 'lending-go' | 'lending-assessed'> =
  CustomEvent<import('../../../fire-event.js').KioskEventMap[K]>;
