import { ApiFailure } from '../../../api/client.js';
import type { I18nController } from '../../../controllers/i18n-controller.js';

/** The server's stable codes the inventory screens explain in words; anything else is "please try again". */
const KNOWN = [
  'tag_taken', 'unknown_tag', 'item_not_available', 'status_change_refused', 'cleaning_required', 'catalogue_retired', 'catalogue_name_taken',
  'empty_cleaning_checklist', 'unknown_check', 'unknown_cleaning_step', 'invalid_date', 'impossible_date', 'future_date', 'next_service_before_done',
  'required', 'too_long', 'invalid_tag', 'invalid_body', 'stocktake_finished', 'payload_too_large', 'unsupported_media_type',
] as const;

/** What went wrong and what to do next, for a failed inventory call. */
export function explainFailure(i18n: I18nController, err: unknown): string {
  const code = err instanceof ApiFailure ? err.code : '';
  const hit = KNOWN.find((k) => k === code);
  return hit ? i18n.t(`lendingInventory.error.${hit}`) : i18n.t('lendingInventory.error.failed');
}
