import { css, html, nothing } from 'lit';
import type { AccessibilityProfile, DaySessions, MemberOccurrence, MemberToday } from '../../../../edge-server/src/api-types.js';
import { activityCard } from '../../components/activity-card.js';
import { dayLabel, spokenCard } from '../../components/occurrence-words.js';
import { pictogram } from '../../components/pictograms.js';
import type { I18nController } from '../../controllers/i18n-controller.js';

interface ListOptions {
  i18n: I18nController;
  easyRead: boolean;
  onOpen: (o: MemberOccurrence) => void;
  /** what was just recorded ("已取消报名", once a held cancel is sent): shown in the heading's place */
  notice?: string | undefined;
}

/**
 * A list's heading; just after a held cancel was sent, what it did stands in the heading's place, so it is
 * seen without taking a line the cards and choices need (the heading's words stay for screen readers).
 */
function listHeading(visible: unknown, hidden: unknown, notice: string | undefined) {
  if (!notice) return html`<h1 class="day">${hidden}${visible}</h1>`;
  return html`<h1 class="day recorded">${hidden}<span class="visually-hidden">${visible}</span>${pictogram('yes')}<span>${notice}</span></h1>`;
}

/** One page of a list of sessions, and how many pages there are. */
export interface Paged {
  page: number;
  onMore: () => void;
}

/**
 * How many session cards fit on one screen without scrolling (members touch; a swipe may never be the
 * only way to reach a choice): fewer with large text or the bigger easy-read pictures.
 */
export function listPageSize(profile: AccessibilityProfile): number {
  if (profile.largeText) return 1;
  return profile.easyRead ? 2 : 3;
}

export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

export function pageOf<T>(list: readonly T[], page: number, size: number): T[] {
  return list.slice(page * size, page * size + size);
}

/** "更多活动 2/3": the next page of cards, round to the first again after the last. */
export function moreButton(page: number, pages: number, onMore: () => void, i18n: I18nController) {
  if (pages <= 1) return nothing;
  return html`<button data-more @click=${onMore}>
    ${pictogram('forward')}<span>${i18n.t('memberSessions.more', { page: page + 1, pages })}</span>
  </button>`;
}

/** The cards of one page; the first has the focus when `focusFirst`. */
export function cardList(list: readonly MemberOccurrence[], opts: ListOptions, focusFirst: boolean) {
  return html`<ul class="activities">
    ${list.map((o, i) => html`<li>${activityCard(o, { ...opts, primary: focusFirst && i === 0 })}</li>`)}
  </ul>`;
}

/** Today's sessions as one list: theirs first (marked "已报名" / "排队中 第N位"), then the open ones. */
export function todayList(today: MemberToday): MemberOccurrence[] {
  return [...today.mine, ...today.open];
}

export function renderToday(
  today: MemberToday,
  opts: ListOptions & Paged & { size: number; onWeek: () => void; onDone: () => void },
) {
  const t = opts.i18n.t.bind(opts.i18n);
  const all = todayList(today);
  const empty = all.length === 0;
  return html`
    ${listHeading(t('memberSessions.todayHeading'), nothing, opts.notice)}
    ${empty ? html`<p class="none">${t('memberSessions.todayNone')}</p>` : cardList(pageOf(all, opts.page, opts.size), opts, true)}
    <div class="choices">
      <button class=${empty ? 'primary' : ''} ?data-primary=${empty} @click=${opts.onDone}>${pictogram('yes')}<span>${t('memberSessions.done')}</span></button>
      ${moreButton(opts.page, pageCount(all.length, opts.size), opts.onMore, opts.i18n)}
      <button @click=${opts.onWeek}>${pictogram('calendar')}<span>${t('memberSessions.week')}</span></button>
    </div>
  `;
}

/** The spoken prompt of the today list: how many, which page when there are several, and the cards shown. */
export function spokenToday(today: MemberToday, page: number, size: number, i18n: I18nController): string {
  const all = todayList(today);
  if (all.length === 0) return i18n.t('memberSessions.todayNone');
  return i18n.t('memberSessions.todaySpoken', { count: all.length }) + spokenPage(all, page, size, i18n);
}

/**
 * Which page (when there are several) and the cards on it, so a member who cannot see the screen hears
 * what they can choose.
 */
export function spokenPage(list: readonly MemberOccurrence[], page: number, size: number, i18n: I18nController): string {
  const pages = pageCount(list.length, size);
  const which = pages > 1 ? i18n.t('memberSessions.pageSpoken', { page: page + 1, pages }) : '';
  return which + pageOf(list, page, size).map((o) => spokenCard(o, i18n)).join('');
}

/**
 * This week, one day at a time with large previous/next-day choices (no swiping). `day` is the day
 * shown; the arrows appear only where there is a day to go to.
 */
export function renderWeekDay(
  days: readonly DaySessions<MemberOccurrence>[],
  day: number,
  opts: ListOptions & Paged & { size: number; onDay: (day: number) => void; onBack: () => void },
) {
  const t = opts.i18n.t.bind(opts.i18n);
  const { sessions, date } = days[day]!;
  const empty = sessions.length === 0;
  const last = day === days.length - 1;
  return html`
    ${listHeading(
      html`${pictogram('calendar')}<span class="date">${dayLabel(date, opts.i18n)}</span>`,
      html`<span class="visually-hidden">${t('memberSessions.week')}</span>`,
      opts.notice,
    )}
    ${empty ? html`<p class="none">${t('memberSessions.dayNone')}</p>` : cardList(pageOf(sessions, opts.page, opts.size), opts, true)}
    <div class="choices">
      ${day > 0
        ? html`<button data-day="prev" @click=${() => opts.onDay(day - 1)}>${pictogram('back')}<span>${t('memberSessions.prevDay')}</span></button>`
        : nothing}
      ${!last
        ? html`<button data-day="next" class=${empty ? 'primary' : ''} ?data-primary=${empty} @click=${() => opts.onDay(day + 1)}>
            <span>${t('memberSessions.nextDay')}</span>${pictogram('forward')}
          </button>`
        : nothing}
      ${moreButton(opts.page, pageCount(sessions.length, opts.size), opts.onMore, opts.i18n)}
      <button class=${empty && last ? 'primary' : ''} ?data-primary=${empty && last} @click=${opts.onBack}>
        ${pictogram('stay')}<span>${t('memberSessions.back')}</span>
      </button>
    </div>
  `;
}

export function spokenWeekDay(days: readonly DaySessions<MemberOccurrence>[], day: number, page: number, size: number, i18n: I18nController): string {
  const { sessions, date } = days[day]!;
  const label = dayLabel(date, i18n);
  if (sessions.length === 0) return i18n.t('memberSessions.dayNoneSpoken', { day: label });
  return i18n.t('memberSessions.weekSpoken', { day: label, count: sessions.length }) + spokenPage(sessions, page, size, i18n);
}

export const sessionListStyles = css`
  .none {
    margin-top: var(--k-gap);
  }
  h1.day {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 12px;
  }
  /* within the heading's own line height: the notice must not push a choice below the fold */
  h1.recorded .picto {
    width: 1.1em;
    height: 1.1em;
  }
`;
