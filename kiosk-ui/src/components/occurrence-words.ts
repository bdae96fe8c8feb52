import type { MemberOccurrence } from '../../../edge-server/src/api-types.js';
import { centreTimeZone, type I18nController } from '../controllers/i18n-controller.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { ACTIVITY_KINDS } from './activity-kinds.js';
import type { PictogramName } from './pictograms.js';

/**
 * The words for one session as a member hears and reads them, the same on the card, in the detail
 * and in speech (ACCESSIBILITY.md: the same words for the same thing everywhere).
 */

/** What stands out about a session for this member: theirs, waiting, full, over; null when simply open. */
export interface OccurrenceBadge {
  pictogram: PictogramName;
  text: string;
  /** `ok` for theirs, `warn` for waiting/full, `muted` for over */
  tone: 'ok' | 'warn' | 'muted';
}

export function occurrenceBadge(o: MemberOccurrence, i18n: I18nController): OccurrenceBadge | null {
  const t = i18n.t.bind(i18n);
  if (o.status === 'cancelled') return { pictogram: 'no', text: t('memberSessions.cancelled'), tone: 'muted' };
  if (o.mine === 'signed_up') return { pictogram: 'yes', text: t('memberSessions.signedUp'), tone: 'ok' };
  if (o.mine === 'waiting') {
    return { pictogram: 'wait', text: t('memberSessions.waiting', { position: o.waitingPosition ?? '?' }), tone: 'warn' };
  }
  if (o.closed) return { pictogram: 'clock', text: t('memberSessions.closed'), tone: 'muted' };
  if (o.full) return { pictogram: 'people', text: t('memberSessions.full'), tone: 'warn' };
  return null;
}

export function timeRange(o: MemberOccurrence, i18n: I18nController): string {
  return `${i18n.time(o.startsAt)}–${i18n.time(o.endsAt)}`;
}

/** A calendar day (`YYYY-MM-DD`) as words: "12月3日星期四" / "Thursday, December 3". */
export function dayLabel(date: string, i18n: I18nController): string {
  // noon UTC of that calendar day, formatted in UTC: the same day whatever the browser's zone
  return new Intl.DateTimeFormat(i18n.lang, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The centre's calendar day of an instant. */
function centreDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: centreTimeZone.value }).format(new Date(iso));
}

/**
 * When it takes place: the time range, with the day in front when staff moved it to another day (the
 * occurrence keeps its scheduled date as its key, but the member must go on the new day).
 */
export function whenText(o: MemberOccurrence, i18n: I18nController): string {
  const day = centreDay(o.startsAt);
  return day === o.date ? timeRange(o, i18n) : `${dayLabel(day, i18n)} ${timeRange(o, i18n)}`;
}

export function kindWord(o: MemberOccurrence, i18n: I18nController): string {
  return i18n.t(ACTIVITY_KINDS[o.kind].word);
}

/** "还有 3 个位置" / "不限人数" / "已满" (+ how many wait). */
export function placesText(o: MemberOccurrence, i18n: I18nController): string {
  const t = i18n.t.bind(i18n);
  if (o.capacity === null) return t('memberSessions.noLimit');
  const places = o.full ? t('memberSessions.full') : t('memberSessions.placesLeft', { count: Math.max(0, o.capacity - o.signedUp) });
  return o.waiting > 0 ? `${places} · ${t('memberSessions.waitingCount', { count: o.waiting })}` : places;
}

/** The sentence spoken when a session's detail opens: kind, title, when, where, and where the member stands. */
export function spokenDetail(o: MemberOccurrence, i18n: I18nController): string {
  const badge = occurrenceBadge(o, i18n);
  const state = badge?.text ?? placesText(o, i18n);
  const offer: MessageKey | null = o.full && o.mine === null && !o.closed && o.status !== 'cancelled' ? 'memberSessions.fullOffer' : null;
  return i18n.t(o.room ? 'memberSessions.detailSpoken' : 'memberSessions.detailSpokenNoRoom', {
    kind: kindWord(o, i18n),
    title: o.title,
    when: whenText(o, i18n),
    where: o.room ?? '',
    state: offer ? i18n.t(offer) : state,
  });
}

/** One card as heard on a list: "09:30，纸盒加工，已满。" — the start time, the title, where the member stands. */
export function spokenCard(o: MemberOccurrence, i18n: I18nController): string {
  const badge = occurrenceBadge(o, i18n);
  const time = i18n.time(o.startsAt);
  return badge
    ? i18n.t('memberSessions.cardSpokenWithState', { time, title: o.title, state: badge.text })
    : i18n.t('memberSessions.cardSpoken', { time, title: o.title });
}
