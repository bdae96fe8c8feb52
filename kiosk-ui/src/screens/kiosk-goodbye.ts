import { css, html } from 'lit';
import type { KioskOutcome } from '../../../edge-server/src/api-types.js';
import '../components/kiosk-avatar.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { centredScreen, screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

type CheckedOut = Extract<KioskOutcome, { kind: 'checked_out' }>;

/** A member has checked out. */
export class KioskGoodbye extends KioskScreen {
  static override properties = { outcome: { attribute: false } };
  declare outcome: CheckedOut;

  static override styles = [
    screenStyles,
    centredScreen,
    css`
      .status {
        display: inline-flex;
        align-items: center;
        gap: 12px;
        padding: 8px 16px;
        border-radius: var(--k-radius);
        background: var(--k-ok-bg);
        color: var(--k-ok-fg);
        border: 2px solid currentColor;
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
    return html`
      <kiosk-avatar .name=${name} .photoUrl=${o.member.photoUrl} alt=${t('welcome.photoAlt', { name })}></kiosk-avatar>
      <h1>${t('goodbye.heading', { name })}</h1>
      <p class="status">${pictogram('leave')}<span>${t('goodbye.checkedOut', { time: this.i18n.time(o.at) })}</span></p>
      <button class="primary" data-primary @click=${() => this.done()}>
        ${pictogram('yes')}<span>${t('goodbye.done')}</span>
      </button>
    `;
  }

  /** The satisfaction question comes next when the member is due one (at most weekly). */
  private done(): void {
    if (this.outcome.survey) fireEvent(this, 'kiosk-community-screen', { to: 'survey' });
    else fireEvent(this, 'kiosk-navigate', { to: 'idle' });
  }
}

customElements.define('kiosk-goodbye', KioskGoodbye);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-goodbye': KioskGoodbye;
  }
}
