import { css, html, nothing } from 'lit';
import type { KioskOutcome, MemberOccurrence } from '../../../edge-server/src/api-types.js';
import { activityCard, activityCardStyles } from '../components/activity-card.js';
import '../components/kiosk-avatar.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { greetingKey } from '../i18n/greeting.js';
import { screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

type CheckedIn = Extract<KioskOutcome, { kind: 'checked_in' }>;

/** A member has checked in (or checked in again within a minute): greeting and today's activities. */
export class KioskWelcome extends KioskScreen {
  static override properties = { outcome: { attribute: false } };
  declare outcome: CheckedIn;

  static override styles = [
    screenStyles,
    ...activityCardStyles,
    css`
      :host {
        padding: var(--k-gap);
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
      section {
        margin-top: var(--k-gap);
      }
      .actions {
        margin-top: var(--k-gap);
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
      }
      button.primary {
        min-width: 280px;
      }
    `,
  ];

  override render() {
    const o = this.outcome;
    const t = this.i18n.t.bind(this.i18n);
    const name = o.member.name;
    const greeting = t(greetingKey(o.at));
    return html`
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
      ${this.easyRead && o.activities.length === 0 ? nothing : this.renderActivities()}
      <div class="actions">
        <button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'idle' })}>
          ${pictogram('yes')}<span>${t('welcome.done')}</span>
        </button>
        <button @click=${() => fireEvent(this, 'kiosk-open-sessions', { start: { view: 'week' } })}>
          ${pictogram('calendar')}<span>${t('memberSessions.week')}</span>
        </button>
      </div>
    `;
  }

  /** Today's sessions from the check-in (theirs first, marked): each card opens the session. */
  private open(occurrence: MemberOccurrence): void {
    fireEvent(this, 'kiosk-open-sessions', { start: { view: 'detail', occurrence } });
  }

  private renderActivities() {
    const t = this.i18n.t.bind(this.i18n);
    const activities = this.outcome.activities;
    return html`
      <section aria-labelledby="acts">
        <h2 id="acts">${t('welcome.activities')}</h2>
        ${activities.length === 0
          ? html`<p class="muted">${t('welcome.noActivities')}</p>`
          : html`<ul class="activities">
              ${activities.map((a) => html`<li>${activityCard(a, { i18n: this.i18n, easyRead: this.easyRead, onOpen: (o) => this.open(o) })}</li>`)}
            </ul>`}
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
