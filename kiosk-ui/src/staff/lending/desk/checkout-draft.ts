import type { AccessibilityProfile } from '../../../../../edge-server/src/api-types.js';
import type { CheckoutInput, Item } from '../../../api/lending-desk.js';

/** Everything staff set for a loan before the member acknowledges it (then `acknowledgement` completes it). */
export interface CheckoutDraft {
  /** `profile`: the borrower's own, in force while the acknowledgement and summary show */
  member: { id: string; name: string; guardianContact: string | null; profile: AccessibilityProfile };
  item: Item;
  /** the entry's photo, shown to the borrower instead of the pictogram when there is one */
  photoPath: string | null;
  input: Omit<CheckoutInput, 'acknowledgement'>;
}
