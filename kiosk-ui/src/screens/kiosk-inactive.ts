import { css, html } from 'lit';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

/** The person is known but may not check in now (membership paused): send them to staff. */
export class KioskInactive extends KioskScreen {
  static override styles = [
    screenStyles,
    css`
      :host {
        padding: var(--k-gap);
        display: flex;
        flex-direction: column;
        align-items: center;
        text-align: center;
        gap: calc(var(--k-gap) * 1.5);
      }
    `,
  ];

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h1>${t('inactive.heading')}</h1>
      <p>${t('inactive.prompt')}</p>
      <button class="primary help" data-primary @click=${() => fireEvent(this, 'kiosk-call-staff', { memberId: null })}>
        ${pictogram('help')}<span>${t('frame.callStaff')}</span>
      </button>
    `;
  }
}

customElements.define('kiosk-inactive', KioskInactive);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-inactive': KioskInactive;
  }
}
