import type { ImportProblem } from '../../../api/lending-inventory.js';
import type { I18nController } from '../../../controllers/i18n-controller.js';

const FIELDS = ['tag_code', 'serial', 'catalogue', 'condition', 'location', 'acquired_on', 'next_service_on'] as const;

/** The server's stable problem codes that have words in the catalogue (what to fix); others show the server's sentence. */
const CODES = [
  'required', 'too_long', 'invalid_tag', 'invalid_date', 'impossible_date', 'future_date', 'next_service_before_done', 'tag_taken',
  'duplicate_tag', 'unknown_catalogue', 'catalogue_retired', 'invalid_condition', 'missing_column', 'unknown_column', 'duplicate_column',
  'missing_header', 'empty_file', 'no_rows', 'not_utf8', 'binary_content', 'csv_syntax', 'wrong_field_count',
] as const;

/** A CSV column in words (the header's name stays beside it, as staff see it in their spreadsheet). */
export function problemField(i18n: I18nController, field: string | null): string {
  if (field === null) return i18n.t('lendingInventory.import.wholeFile');
  const known = FIELDS.find((f) => f === field);
  return known ? `${i18n.t(`lendingInventory.import.column.${known}`)} (${field})` : field;
}

/** What to fix in a row, in words keyed by the problem's code. */
export function problemWords(i18n: I18nController, problem: ImportProblem): string {
  const known = CODES.find((c) => c === problem.code);
  return known ? i18n.t(`lendingInventory.import.code.${known}`) : problem.message;
}
