import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { DaySessions, SessionOccurrence } from '../../../../edge-server/src/api-types.js';
import { sessionsApi } from '../../api/sessions.js';
import { centreTimeZone } from '../../controllers/i18n-controller.js';
import { fireEvent } from '../../fire-event.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { dayText } from '../alert-words.js';
import { staffViewStyles } from '../staff-styles.js';
import { focusHeadingWhen, type HeadingFocus } from './focus-heading.js';
import { todayIn } from '../zoned-time.js';
import { kindBadge, occurrenceFacts, timeText } from './occurrence-words.js';
import { scheduleStyles } from './schedule-styles.js';
import { addDays, mondayOf } from './week-dates.js';

/**
 * The week planner: Monday to Sunday, each date's sessions in start order (cancelled and moved ones
 * marked in words), previous / this / next week, a new session. Choosing a session opens its roster.
 */
export class KioskScheduleWeek extends KioskScreen implements HeadingFocus {
  static override properties = {
    /** the Monday of the week shown */
    from: { type: String },
    /** bumped for every record of the live stream: a sign-up made at the kiosk shows at once */
    records: { type: Number },
  };
  declare from: string;
  declare records: number;

  private readonly week = new Task(this, {
    task: ([from], { signal }) => sessionsApi.week(from, signal),
    args: () => [this.from, this.records] as const,
  });

  static override styles = [
    ...staffViewStyles,
    ...scheduleStyles,
    css`
      .days {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 280px), 1fr));
        gap: 16px;
      }
      .day {
        border: 2px solid var(--k-border);
        border-radius: var(--k-radius);
        padding: 8px 12px 12px;
        min-width: 0;
      }
      .day[data-today] {
        border-width: 5px;
      }
      h3 {
        margin: 0 0 8px;
        font-size: 22px;
      }
      .sessions {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      .sessions button {
        width: 100%;
        display: grid;
        justify-items: start;
        justify-content: start;
        text-align: start;
        gap: 2px;
        padding: 8px 12px;
        font-size: 18px;
        font-weight: 400;
      }
      .sessions button .title {
        font-size: 20px;
        font-weight: 700;
      }
    `,
  ];

  constructor() {
    super();
    this.from = mondayOf(todayIn(centreTimeZone.value));
    this.records = 0;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const thisWeek = mondayOf(todayIn(centreTimeZone.value));
    return html`
      <h2 tabindex="-1">${t('schedule.week.heading', { from: dayText(this.i18n, this.from), to: dayText(this.i18n, addDays(this.from, 6)) })}</h2>
      <div class="actions">
        <button @click=${() => this.show(addDays(this.from, -7))}>${t('schedule.week.previous')}</button>
        <button aria-pressed=${String(this.from === thisWeek)} @click=${() => this.show(thisWeek)}>${t('schedule.week.this')}</button>
        <button @click=${() => this.show(addDays(this.from, 7))}>${t('schedule.week.next')}</button>
        <button class="primary" data-primary @click=${this.newSession}>${t('schedule.week.new')}</button>
      </div>
      ${this.week.render({
        pending: () => (this.week.value ? this.renderDays(this.week.value.days) : html`<p role="status">${t('app.loading')}</p>`),
        complete: (week) => this.renderDays(week.days),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>
          <div class="actions"><button @click=${() => void this.week.run()}>${t('mode.retry')}</button></div>`,
      })}
    `;
  }

  private renderDays(days: DaySessions[]) {
    const today = todayIn(centreTimeZone.value);
    return html`<ul class="days">
      ${days.map(
        (day) => html`<li class="day" data-date=${day.date} ?data-today=${day.date === today}>
          <h3>${this.dayHeading(day.date, today)}</h3>
          ${day.sessions.length === 0
            ? html`<p>${this.i18n.t('schedule.week.none')}</p>`
            : html`<ul class="sessions">
                ${day.sessions.map((occ) => html`<li>${this.renderOccurrence(occ)}</li>`)}
              </ul>`}
        </li>`,
      )}
    </ul>`;
  }

  private dayHeading(date: string, today: string): string {
    const weekday = new Intl.DateTimeFormat(this.i18n.lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));
    const text = this.i18n.t('schedule.week.day', { weekday, date: dayText(this.i18n, date) });
    return date === today ? `${text} · ${this.i18n.t('schedule.week.today')}` : text;
  }

  private renderOccurrence(occ: SessionOccurrence) {
    const time = timeText(this.i18n, occ);
    return html`<button
      data-session=${occ.sessionId}
      data-date=${occ.date}
      @click=${() => fireEvent(this, 'kiosk-schedule-go', { to: 'roster', sessionId: occ.sessionId, date: occ.date })}
    >
      ${kindBadge(this.i18n, occ)}
      <span class="time">${time}</span>
      <span class="title ${occ.status === 'cancelled' ? 'cancelled-title' : ''}">${occ.title}</span>
      <span>${occ.room ? this.i18n.t('schedule.room', { room: occ.room }) : this.i18n.t('schedule.noRoom')}</span>
      ${occ.lead ? html`<span>${this.i18n.t('schedule.leadBy', { name: occ.lead.name })}</span>` : nothing}
      ${occurrenceFacts(this.i18n, occ)}
    </button>`;
  }

  private show(from: string): void {
    fireEvent(this, 'kiosk-schedule-go', { to: 'week', from });
  }

  private readonly newSession = (): void => {
    const today = todayIn(centreTimeZone.value);
    // a future week's first day, or today when the week shown has already begun
    const date = this.from > today ? this.from : today;
    fireEvent(this, 'kiosk-schedule-go', { to: 'new', date });
  };

  async focusHeading(): Promise<void> {
    await focusHeadingWhen(this, this.week.taskComplete);
  }
}

customElements.define('kiosk-schedule-week', KioskScheduleWeek);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-schedule-week': KioskScheduleWeek;
  }
}
