import { css, html, nothing, type PropertyValues } from 'lit';
import type { KioskOutcome, MemberOccurrence } from '../../../edge-server/src/api-types.js';
import { activityCardStyles } from '../components/activity-card.js';
import '../components/kiosk-avatar.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { greetingKey } from '../i18n/greeting.js';
import { screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';
import { cardList, listPageSize, moreButton, pageCount, pageOf, spokenPage } from './member-sessions/session-lists.js';

type CheckedIn = Extract<KioskOutcome, { kind: 'checked_in' }>;

/** A member has checked in (or checked in again within a minute): greeting and today's activities. */
export class KioskWelcome extends KioskScreen {
  static override properties = { outcome: { attribute: false }, page: { state: true } };
  declare outcome: CheckedIn;
  /** the page of today's sessions shown (as many cards as fit without scrolling) */
  declare page: number;

  constructor() {
    super();
    this.page = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('outcome')) this.page = 0;
  }

  static override styles = [
    screenStyles,
    ...activityCardStyles,
    css`
      :host {
        padding: var(--k-gap);
      }
      /*
       * The main choice comes before the list (in reading and keyboard order); on wide screens who and
       * the choice stand on the left, today's sessions on the right, so nothing needs scrolling.
       */
      .layout {
        display: grid;
        gap: var(--k-gap);
        grid-template-areas: 'who' 'actions' 'acts';
        grid-template-columns: minmax(0, 1fr);
      }
      @media (min-width: 1000px) {
        .layout.with-acts {
          grid-template-areas: 'who acts' 'actions acts';
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
          grid-template-rows: auto 1fr;
        }
        /* a smaller photo beside the greeting leaves the height to the choices */
        .with-acts kiosk-avatar {
          width: min(calc(var(--k-h1) * 2), 14vh);
          height: min(calc(var(--k-h1) * 2), 14vh);
        }
        .with-acts .who > div {
          flex-basis: 6em;
        }
      }
      .who {
        grid-area: who;
      }
      section {
        grid-area: acts;
      }
      .actions {
        grid-area: actions;
        align-self: start;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--k-gap) * 1.5);
      }
      .who > div {
        flex: 1 1 12em;
        min-width: 0;
      }
      .status {
        display: inline-flex;
        align-items: center;
        gap: 12px;
        margin-top: 12px;
        padding: 8px 16px;
        border-radius: var(--k-radius);
        background: var(--k-ok-bg);
        color: var(--k-ok-fg);
        border: 2px solid currentColor;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
      }
      button.primary {
        min-width: 280px;
      }
      .more {
        margin-top: 12px;
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
      }
    `,
  ];

  override render() {
    const o = this.outcome;
    const t = this.i18n.t.bind(this.i18n);
    const name = o.member.name;
    const greeting = t(greetingKey(o.at));
    const acts = !(this.easyRead && o.activities.length === 0);
    return html`
      <div class="layout ${acts ? 'with-acts' : ''}">
        <div class="who">
          <kiosk-avatar .name=${name} .photoUrl=${o.member.photoUrl} alt=${t('welcome.photoAlt', { name })}></kiosk-avatar>
          <div>
            <h1>${t('welcome.heading', { greeting, name })}</h1>
            <p class="status">
              ${pictogram('yes')}
              <span>${t(o.repeat ? 'welcome.repeat' : 'welcome.checkedIn', { time: this.i18n.time(o.at) })}</span>
            </p>
          </div>
        </div>
        <div class="actions">
          <button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'idle' })}>
            ${pictogram('yes')}<span>${t('welcome.done')}</span>
          </button>
          ${acts ? nothing : this.weekButton()}
        </div>
        ${acts ? this.renderActivities() : nothing}
      </div>
    `;
  }

  /** Today's sessions from the check-in (theirs first, marked): each card opens the session. */
  private open(occurrence: MemberOccurrence): void {
    fireEvent(this, 'kiosk-open-sessions', { start: { view: 'detail', occurrence } });
  }

  private weekButton() {
    return html`<button @click=${() => fireEvent(this, 'kiosk-open-sessions', { start: { view: 'week' } })}>
      ${pictogram('calendar')}<span>${this.i18n.t('memberSessions.week')}</span>
    </button>`;
  }

  /**
   * Today's sessions as heard after the greeting (kiosk-app adds it to the welcome prompt): how many and
   * the cards on the first page, so a member who cannot see the screen knows what they can open.
   */
  spokenActivities(): string {
    const activities = this.outcome.activities;
    if (activities.length === 0) return '';
    const size = listPageSize(this.profileCtl.profile);
    return this.i18n.t('memberSessions.todaySpoken', { count: activities.length }) + spokenPage(activities, this.page, size, this.i18n);
  }

  /** The next page of today's sessions, said with the cards on it. */
  private turnPage(pages: number): void {
    this.page = (this.page + 1) % pages;
    fireEvent(this, 'kiosk-speak', { text: this.spokenActivities() });
  }

  private renderActivities() {
    const t = this.i18n.t.bind(this.i18n);
    const activities = this.outcome.activities;
    const size = listPageSize(this.profileCtl.profile);
    const pages = pageCount(activities.length, size);
    return html`
      <section aria-labelledby="acts">
        <h2 id="acts">${t('welcome.activities')}</h2>
        ${activities.length === 0
          ? html`<p class="muted">${t('welcome.noActivities')}</p>`
          : cardList(pageOf(activities, this.page, size), { i18n: this.i18n, easyRead: this.easyRead, onOpen: (o) => this.open(o) }, false)}
        <div class="more">${moreButton(this.page, pages, () => this.turnPage(pages), this.i18n)}${this.weekButton()}</div>
      </section>
    `;
  }
}

customElements.define('kiosk-welcome', KioskWelcome);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-welcome': KioskWelcome;
  }
}
