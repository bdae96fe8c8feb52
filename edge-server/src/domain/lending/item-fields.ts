import type { ItemCondition } from '../../api-types.js';
import { isCalendarDay } from '../calendar-day.js';

export const MAX_TAG_CODE = 64;
export const MAX_SERIAL = 64;
export const MAX_LOCATION = 100;

/** A field that cannot be stored as given: which one, a stable code and a plain sentence. */
export interface FieldProblem { field: string; code: string; message: string }

/** The fields of a new item as typed (by staff, or a row of a CSV file). */
export interface ItemFieldsText {
  tagCode: string;
  serial?: string | null;
  location?: string | null;
  acquiredOn?: string | null;
  nextServiceOn?: string | null;
}

export interface ItemFields { tagCode: string; serial: string | null; location: string | null; acquiredOn: string | null; nextServiceOn: string | null }

// Control, format, unassigned and private-use characters: what a label cannot show or a wedge scanner type.
const UNPRINTABLE = /\p{C}/u;

/** Condition words a spreadsheet may carry: the codes, and the words the UI shows in Chinese. */
const CONDITION_WORDS: Record<string, ItemCondition> = {
  new: 'new', good: 'good', fair: 'fair', worn: 'worn', damaged: 'damaged',
  全新: 'new', 良好: 'good', 一般: 'fair', 磨损: 'worn', 损坏: 'damaged',
};

export function conditionFromWord(word: string): ItemCondition | undefined {
  return Object.hasOwn(CONDITION_WORDS, word.trim().toLowerCase()) ? CONDITION_WORDS[word.trim().toLowerCase()] : undefined;
}

function optionalText(text: string | null | undefined): string | null {
  const t = text?.trim() ?? '';
  return t === '' ? null : t;
}

function dayProblem(field: string, day: string): FieldProblem | null {
  if (isCalendarDay(day)) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? { field, code: 'impossible_date', message: `${day} is not a day of the calendar` }
    : { field, code: 'invalid_date', message: `'${day}' is not a date written YYYY-MM-DD, e.g. 2026-12-03` };
}

/**
 * Trims and checks the fields of a new item against the rules every way in shares (the form and
 * the CSV import): a tag of 1–64 printable characters, short serial and location, real days, and
 * an acquisition day that is not after `today`. Returns the cleaned fields or every problem.
 */
export function checkItemFields(text: ItemFieldsText, today: string): { fields: ItemFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const tagCode = text.tagCode.trim();
  if (tagCode === '') problems.push({ field: 'tag_code', code: 'required', message: 'Every item needs the tag code printed on its label' });
  else if ([...tagCode].length > MAX_TAG_CODE) problems.push({ field: 'tag_code', code: 'too_long', message: `A tag code is at most ${MAX_TAG_CODE} characters` });
  else if (UNPRINTABLE.test(tagCode)) problems.push({ field: 'tag_code', code: 'invalid_tag', message: 'A tag code may hold only printable characters' });
  const serial = optionalText(text.serial);
  if (serial !== null && [...serial].length > MAX_SERIAL) problems.push({ field: 'serial', code: 'too_long', message: `A serial number is at most ${MAX_SERIAL} characters` });
  const location = optionalText(text.location);
  if (location !== null && [...location].length > MAX_LOCATION) problems.push({ field: 'location', code: 'too_long', message: `A location is at most ${MAX_LOCATION} characters` });
  const acquiredOn = optionalText(text.acquiredOn);
  if (acquiredOn !== null) {
    const p = dayProblem('acquired_on', acquiredOn);
    if (p) problems.push(p);
    else if (acquiredOn > today) problems.push({ field: 'acquired_on', code: 'future_date', message: `${acquiredOn} has not come yet; an item is acquired before it is registered` });
  }
  const nextServiceOn = optionalText(text.nextServiceOn);
  if (nextServiceOn !== null) {
    const p = dayProblem('next_service_on', nextServiceOn);
    if (p) problems.push(p);
  }
  return { fields: { tagCode, serial, location, acquiredOn, nextServiceOn }, problems };
}
