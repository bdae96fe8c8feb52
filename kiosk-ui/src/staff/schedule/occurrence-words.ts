import { html, nothing } from 'lit';
import type { SessionOccurrence } from '../../../../edge-server/src/api-types.js';
import { ACTIVITY_KINDS } from '../../components/activity-kinds.js';
import { pictogram } from '../../components/pictograms.js';
import { centreTimeZone, type I18nController } from '../../controllers/i18n-controller.js';
import { dayText } from '../alert-words.js';
import { todayIn } from '../zoned-time.js';

/** "09:30–11:00" in the centre's time zone. */
export function timeText(i18n: I18nController, occ: SessionOccurrence): string {
  return i18n.t('schedule.time', { start: i18n.time(occ.startsAt), end: i18n.time(occ.endsAt) });
}

/** "Signed up 3 / 10" or "Signed up 3 (no limit)". */
export function placesText(i18n: I18nController, occ: SessionOccurrence): string {
  return occ.capacity === null
    ? i18n.t('schedule.placesOpen', { signedUp: occ.signedUp })
    : i18n.t('schedule.places', { signedUp: occ.signedUp, capacity: occ.capacity });
}

/** The day an occurrence really takes place on (a moved one may have left its scheduled date). */
export function heldOn(occ: SessionOccurrence): string {
  return todayIn(centreTimeZone.value, new Date(occ.startsAt));
}

/** Cancelled / moved, in words (never colour alone); '' for an ordinary occurrence. */
export function statusText(i18n: I18nController, occ: SessionOccurrence): string {
  if (occ.status === 'cancelled') return i18n.t('schedule.cancelled');
  if (!occ.moved) return '';
  return i18n.t('schedule.movedTo', { date: dayText(i18n, heldOn(occ)), time: timeText(i18n, occ) });
}

/** The kind's pictogram and word, side by side. */
export function kindBadge(i18n: I18nController, occ: Pick<SessionOccurrence, 'kind'>) {
  return html`<span class="kind" data-kind=${occ.kind}>${pictogram(ACTIVITY_KINDS[occ.kind].pictogram)}<span>${i18n.t(ACTIVITY_KINDS[occ.kind].word)}</span></span>`;
}

/** Places, waiting count and status as short lines, for the planner's cards and the roster's heading. */
export function occurrenceFacts(i18n: I18nController, occ: SessionOccurrence) {
  const status = statusText(i18n, occ);
  return html`<span class="places">${placesText(i18n, occ)}</span>
    ${occ.waiting > 0 ? html`<span class="waiting">${i18n.t('schedule.waiting', { count: occ.waiting })}</span>` : nothing}
    ${status ? html`<strong class="status" data-status=${occ.status === 'cancelled' ? 'cancelled' : 'moved'}>${status}</strong>` : nothing}`;
}

/** The wall-clock `HH:MM` of an instant in the centre's time zone (what the move form starts from). */
export function clockTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: centreTimeZone.value }).format(
    new Date(iso),
  );
}
