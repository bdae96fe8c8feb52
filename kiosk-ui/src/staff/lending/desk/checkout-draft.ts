import type { CheckoutInput, Item } from '../../../api/lending-desk.js';

/** Everything staff set for a loan before the member acknowledges it (then `acknowledgement` completes it). */
export interface CheckoutDraft {
  member: { id: string; name: string; guardianContact: string | null };
  item: Item;
  /** the entry's photo, shown to the borrower instead of the pictogram when there is one */
  photoPath: string | null;
  input: Omit<CheckoutInput, 'acknowledgement'>;
}
