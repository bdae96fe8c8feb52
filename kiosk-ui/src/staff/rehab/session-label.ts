import type { RehabSessionAttended } from '../../api/employment.js';
import type { MessageKey, MessageParams } from '../../i18n/catalogue.js';

/** `2026-12-02 14:00–14:45 步行训练`: times are the centre's local clock, as the server sent them. */
export function sessionLabel(t: (key: MessageKey, params?: MessageParams) => string, s: RehabSessionAttended): string {
  return t('employment.rehab.sessionLine', { date: s.date, start: s.startsAt.slice(11, 16), end: s.endsAt.slice(11, 16), title: s.title });
}

/** One occurrence as a single string (session id + scheduled date), for choices and look-ups. */
export function occurrenceKey(sessionId: string, date: string): string {
  return `${sessionId}\u0000${date}`;
}
