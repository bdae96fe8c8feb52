import type { CheckoutInput, Item } from '../../../api/lending-desk.js';

/** Everything staff set for a loan before the member acknowledges it (then `acknowledgement` completes it). */
export interface CheckoutDraft {
  member: { id: string; name: string; guardianContact: string | null };
  item: Item;
  input: Omit<CheckoutInput, 'acknowledgement'>;
}
