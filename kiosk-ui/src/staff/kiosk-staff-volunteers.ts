import { html } from 'lit';
import { KioskScreen } from '../screens/kiosk-screen.js';
import './community/kiosk-partner-list.js';
import './community/kiosk-volunteer-hours.js';
import './community/kiosk-volunteer-roster.js';
import { staffViewStyles } from './staff-styles.js';

/** Staff mode: the volunteer roster, volunteer hours per month, and the partner organisations with their visits. */
export class KioskStaffVolunteers extends KioskScreen {
  static override styles = [...staffViewStyles];

  override render() {
    return html`
      <h2>${this.i18n.t('mode.volunteers')}</h2>
      <kiosk-volunteer-roster></kiosk-volunteer-roster>
      <kiosk-volunteer-hours></kiosk-volunteer-hours>
      <kiosk-partner-list></kiosk-partner-list>
    `;
  }
}

customElements.define('kiosk-staff-volunteers', KioskStaffVolunteers);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-volunteers': KioskStaffVolunteers;
  }
}
