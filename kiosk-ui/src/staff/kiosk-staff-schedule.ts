import { html } from 'lit';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { staffViewStyles } from './staff-styles.js';

/** Staff mode: the week planner, session editor and roster (sessions). Being built (issue 5). */
export class KioskStaffSchedule extends KioskScreen {
  static override styles = [...staffViewStyles];

  override render() {
    return html`<h2>${this.i18n.t('mode.schedule')}</h2>`;
  }
}

customElements.define('kiosk-staff-schedule', KioskStaffSchedule);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-schedule': KioskStaffSchedule;
  }
}
