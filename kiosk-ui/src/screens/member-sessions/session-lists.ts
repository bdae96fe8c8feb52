import { css, html, nothing } from 'lit';
import type { DaySessions, MemberOccurrence, MemberToday } from '../../../../edge-server/src/api-types.js';
import { activityCard } from '../../components/activity-card.js';
import { pictogram } from '../../components/pictograms.js';
import type { I18nController } from '../../controllers/i18n-controller.js';

interface ListOptions {
  i18n: I18nController;
  easyRead: boolean;
  onOpen: (o: MemberOccurrence) => void;
}

/** A calendar day (`YYYY-MM-DD`) as words: "12月3日 星期四" / "Thursday, December 3". */
export function dayLabel(date: string, i18n: I18nController): string {
  // noon UTC of that calendar day, formatted in UTC: the same day whatever the browser's zone
  return new Intl.DateTimeFormat(i18n.lang, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function cards(list: readonly MemberOccurrence[], opts: ListOptions, firstIsPrimary: boolean) {
  return html`<ul class="activities">
    ${list.map((o, i) => html`<li>${activityCard(o, { ...opts, primary: firstIsPrimary && i === 0 })}</li>`)}
  </ul>`;
}

/** Today for this member: theirs first (signed up or waiting), then the open ones; the first has the focus. */
export function renderToday(today: MemberToday, opts: ListOptions & { onWeek: () => void; onDone: () => void }) {
  const t = opts.i18n.t.bind(opts.i18n);
  const empty = today.mine.length === 0 && today.open.length === 0;
  return html`
    <h1>${t('memberSessions.todayHeading')}</h1>
    ${empty ? html`<p class="none">${t('memberSessions.todayNone')}</p>` : nothing}
    ${today.mine.length > 0
      ? html`<section aria-labelledby="mine"><h2 id="mine">${t('memberSessions.mineHeading')}</h2>${cards(today.mine, opts, true)}</section>`
      : nothing}
    ${today.open.length > 0
      ? html`<section aria-labelledby="open"><h2 id="open">${t('memberSessions.openHeading')}</h2>${cards(today.open, opts, today.mine.length === 0)}</section>`
      : nothing}
    <div class="choices">
      <button class=${empty ? 'primary' : ''} ?data-primary=${empty} @click=${opts.onDone}>${pictogram('yes')}<span>${t('memberSessions.done')}</span></button>
      <button @click=${opts.onWeek}>${pictogram('calendar')}<span>${t('memberSessions.week')}</span></button>
    </div>
  `;
}

/** The spoken prompt of the today list. */
export function spokenToday(today: MemberToday, i18n: I18nController): string {
  const count = today.mine.length + today.open.length;
  return count === 0 ? i18n.t('memberSessions.todayNone') : i18n.t('memberSessions.todaySpoken', { count });
}

/**
 * This week, one day at a time with large previous/next-day choices (a clear list, no swiping).
 * `index` is the day shown; the arrows appear only where there is a day to go to.
 */
export function renderWeekDay(
  days: readonly DaySessions<MemberOccurrence>[],
  index: number,
  opts: ListOptions & { onDay: (index: number) => void; onBack: () => void },
) {
  const t = opts.i18n.t.bind(opts.i18n);
  const day = days[index]!;
  const empty = day.sessions.length === 0;
  return html`
    <p class="kicker">${pictogram('calendar')}<span>${t('memberSessions.week')}</span></p>
    <h1>${dayLabel(day.date, opts.i18n)}</h1>
    ${empty ? html`<p class="none">${t('memberSessions.dayNone')}</p>` : cards(day.sessions, opts, true)}
    <div class="choices">
      ${index > 0
        ? html`<button data-day="prev" @click=${() => opts.onDay(index - 1)}>${pictogram('back')}<span>${t('memberSessions.prevDay')}</span></button>`
        : nothing}
      ${index < days.length - 1
        ? html`<button data-day="next" class=${empty ? 'primary' : ''} ?data-primary=${empty} @click=${() => opts.onDay(index + 1)}>
            <span>${t('memberSessions.nextDay')}</span>${pictogram('forward')}
          </button>`
        : nothing}
      <button class=${empty && index === days.length - 1 ? 'primary' : ''} ?data-primary=${empty && index === days.length - 1} @click=${opts.onBack}>
        ${pictogram('stay')}<span>${t('memberSessions.back')}</span>
      </button>
    </div>
  `;
}

export function spokenWeekDay(days: readonly DaySessions<MemberOccurrence>[], index: number, i18n: I18nController): string {
  const day = days[index]!;
  if (day.sessions.length === 0) return i18n.t('memberSessions.dayNoneSpoken', { day: dayLabel(day.date, i18n) });
  return i18n.t('memberSessions.weekSpoken', { day: dayLabel(day.date, i18n), count: day.sessions.length });
}

export const sessionListStyles = css`
  h2 {
    margin-top: var(--k-gap);
  }
  .none {
    margin-top: var(--k-gap);
  }
  .kicker {
    display: inline-flex;
    align-items: center;
    gap: 12px;
    font-weight: 700;
  }
`;
