/**
 * The session form's fields as typed (strings), checked into a `SessionInput`, and the server's
 * refusals turned into words next to the field they are about.
 */
import type { ActivityKind, SessionDetail, SessionInput } from '../../../../edge-server/src/api-types.js';
import type { SessionEdit } from '../../api/sessions.js';
import type { MessageKey, MessageParams } from '../../i18n/catalogue.js';
import { isLocalDate, isLocalTime } from './week-dates.js';

export const TITLE_MAX = 60;
export const ROOM_MAX = 40;
export const CAPACITY_MAX = 1000;

export interface SessionDraft {
  title: string;
  kind: ActivityKind | null;
  room: string;
  /** '' = nobody in particular */
  leadStaffId: string;
  /** '' = no limit */
  capacity: string;
  date: string;
  start: string;
  end: string;
  repeat: 'none' | 'weekly';
  /** '' = open-ended */
  until: string;
  /** an edit's first date ('' = the server's default: today, or tomorrow once today's date has started) */
  effectiveFrom: string;
}

export type DraftField = keyof SessionDraft;

/** A message for one field, in the catalogue's words. */
export interface FieldError {
  key: MessageKey;
  params?: MessageParams;
}

export type FieldErrors = Partial<Record<DraftField, FieldError>>;

export function emptyDraft(date: string): SessionDraft {
  return { title: '', kind: null, room: '', leadStaffId: '', capacity: '', date, start: '', end: '', repeat: 'none', until: '', effectiveFrom: '' };
}

export function draftOf(detail: SessionDetail): SessionDraft {
  return {
    title: detail.title,
    kind: detail.kind,
    room: detail.room ?? '',
    leadStaffId: detail.leadStaffId ?? '',
    capacity: detail.capacity === null ? '' : String(detail.capacity),
    date: detail.date,
    start: detail.start,
    end: detail.end,
    repeat: detail.repeat,
    until: detail.until ?? '',
    effectiveFrom: '',
  };
}

/**
 * The draft as the server takes it, or the fields to fix (every one of them at once). `today` (the
 * centre's date) refuses an edit from a past date before sending; the server checks it again.
 */
export function checkDraft(draft: SessionDraft, today: string): { input: SessionEdit; errors: null } | { input: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = draft.title.trim();
  const room = draft.room.trim();
  if (!title) errors.title = { key: 'schedule.error.titleRequired' };
  else if ([...title].length > TITLE_MAX) errors.title = { key: 'schedule.error.titleTooLong', params: { max: TITLE_MAX } };
  if (draft.kind === null) errors.kind = { key: 'schedule.error.kindRequired' };
  if ([...room].length > ROOM_MAX) errors.room = { key: 'schedule.error.roomTooLong', params: { max: ROOM_MAX } };
  const capacityText = draft.capacity.trim();
  const capacity = capacityText === '' ? null : Number(capacityText);
  if (capacity !== null && !(/^\d+$/.test(capacityText) && capacity >= 1 && capacity <= CAPACITY_MAX)) {
    errors.capacity = { key: 'schedule.error.capacity', params: { max: CAPACITY_MAX } };
  }
  if (!isLocalDate(draft.date)) errors.date = { key: 'schedule.error.date' };
  if (!isLocalTime(draft.start)) errors.start = { key: 'schedule.error.time' };
  if (!isLocalTime(draft.end)) errors.end = { key: 'schedule.error.time' };
  else if (isLocalTime(draft.start) && draft.end <= draft.start) errors.end = { key: 'schedule.error.endBeforeStart' };
  const until = draft.repeat === 'weekly' && draft.until !== '' ? draft.until : null;
  if (until !== null && (!isLocalDate(until) || (isLocalDate(draft.date) && until < draft.date))) {
    errors.until = { key: 'schedule.error.until' };
  }
  const effectiveFrom = draft.effectiveFrom.trim();
  if (effectiveFrom !== '' && !(isLocalDate(effectiveFrom) && effectiveFrom >= today)) {
    errors.effectiveFrom = { key: 'schedule.error.effectiveFrom' };
  }
  if (Object.keys(errors).length > 0 || draft.kind === null) return { input: null, errors };
  const input: SessionInput = {
    title,
    kind: draft.kind,
    room: room || null,
    leadStaffId: draft.leadStaffId || null,
    capacity,
    date: draft.date,
    start: draft.start,
    end: draft.end,
    repeat: draft.repeat,
    until,
  };
  // left empty, the server's own default applies (it knows whether today's date has started)
  return { input: effectiveFrom === '' ? input : { ...input, effectiveFrom }, errors: null };
}

/** The server's error codes that are about one field (the rest are shown above the form). */
const FIELD_OF_CODE: Readonly<Record<string, FieldError & { field: DraftField }>> = {
  invalid_time: { field: 'start', key: 'schedule.error.time' },
  invalid_capacity: { field: 'capacity', key: 'schedule.error.capacity', params: { max: CAPACITY_MAX } },
  staff_not_found: { field: 'leadStaffId', key: 'schedule.error.lead' },
};

/** What each body field refused by the server's schema (`invalid_body`, "path: message") means. */
const FIELD_OF_PATH: Readonly<Record<string, FieldError & { field: DraftField }>> = {
  title: { field: 'title', key: 'schedule.error.titleRequired' },
  kind: { field: 'kind', key: 'schedule.error.kindRequired' },
  room: { field: 'room', key: 'schedule.error.roomTooLong', params: { max: ROOM_MAX } },
  leadStaffId: { field: 'leadStaffId', key: 'schedule.error.lead' },
  capacity: { field: 'capacity', key: 'schedule.error.capacity', params: { max: CAPACITY_MAX } },
  date: { field: 'date', key: 'schedule.error.date' },
  start: { field: 'start', key: 'schedule.error.time' },
  end: { field: 'end', key: 'schedule.error.endBeforeStart' },
  until: { field: 'until', key: 'schedule.error.until' },
  effectiveFrom: { field: 'effectiveFrom', key: 'schedule.error.effectiveFrom' },
};

/** The fields a refusal of the server is about; empty when it is about none in particular. */
export function serverFieldErrors(code: string, message: string): FieldErrors {
  const errors: FieldErrors = {};
  const byCode = FIELD_OF_CODE[code];
  if (byCode) errors[byCode.field] = { key: byCode.key, params: byCode.params };
  // one code for both orders the server checks: the end before the start, the last date before the first
  if (code === 'invalid_range') {
    if (/series|first date/i.test(message)) errors.until = { key: 'schedule.error.until' };
    else errors.end = { key: 'schedule.error.endBeforeStart' };
  }
  // "until is a calendar date …": the message starts with the field's name; a past `effectiveFrom` is
  // "An edit applies from today or a later date …"
  if (code === 'invalid_date') {
    if (/^effectiveFrom\b|edit applies from/i.test(message)) errors.effectiveFrom = { key: 'schedule.error.effectiveFrom' };
    else errors[/^until\b/.test(message) ? 'until' : 'date'] = { key: 'schedule.error.date' };
  }
  if (code === 'invalid_body') {
    for (const [, path] of message.matchAll(/(?:^|[(;]\s*)(\w+)(?:\.\w+)*:/g)) {
      const hit = path ? FIELD_OF_PATH[path] : undefined;
      if (hit) errors[hit.field] = { key: hit.key, params: hit.params };
    }
  }
  return errors;
}
