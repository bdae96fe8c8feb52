import { html } from 'lit';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { staffViewStyles } from './staff-styles.js';

/** Staff mode: volunteer visits and partner organisations. Being built (issue 5). */
export class KioskStaffVolunteers extends KioskScreen {
  static override styles = [...staffViewStyles];

  override render() {
    return html`<h2>${this.i18n.t('mode.volunteers')}</h2>`;
  }
}

customElements.define('kiosk-staff-volunteers', KioskStaffVolunteers);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-volunteers': KioskStaffVolunteers;
  }
}
