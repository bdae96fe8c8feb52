import { html } from 'lit';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';

// PLACEHOLDER until the lending UI lands (issue 6); replaced by the real part.
export class KioskLendingCatalogue extends KioskScreen {
  static override styles = [...staffViewStyles];
  override render() {
    return html`<h3>${this.i18n.t('lending.part.catalogue')}</h3>`;
  }
}

customElements.define('kiosk-lending-catalogue', KioskLendingCatalogue);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-catalogue': KioskLendingCatalogue;
  }
}
