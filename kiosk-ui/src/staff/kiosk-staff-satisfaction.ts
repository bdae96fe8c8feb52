import { html } from 'lit';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { staffViewStyles } from './staff-styles.js';

/** Staff mode: member satisfaction per month and service kind. Being built (issue 5). */
export class KioskStaffSatisfaction extends KioskScreen {
  static override styles = [...staffViewStyles];

  override render() {
    return html`<h2>${this.i18n.t('mode.satisfaction')}</h2>`;
  }
}

customElements.define('kiosk-staff-satisfaction', KioskStaffSatisfaction);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-satisfaction': KioskStaffSatisfaction;
  }
}
