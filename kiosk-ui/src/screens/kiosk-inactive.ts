import { css, html } from 'lit';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { centredScreen, screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

/** The person is known but may not check in now (membership paused): send them to staff. */
export class KioskInactive extends KioskScreen {
  static override styles = [
    screenStyles,
    centredScreen,
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
