import { html } from 'lit';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { staffViewStyles } from './staff-styles.js';

/** Staff mode: work logs, pay rules and monthly pay sheets (assisted employment). Being built (issue 5). */
export class KioskStaffEmployment extends KioskScreen {
  static override styles = [...staffViewStyles];

  override render() {
    return html`<h2>${this.i18n.t('mode.employment')}</h2>`;
  }
}

customElements.define('kiosk-staff-employment', KioskStaffEmployment);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-employment': KioskStaffEmployment;
  }
}
