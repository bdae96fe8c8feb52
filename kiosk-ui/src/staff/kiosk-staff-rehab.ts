import { html } from 'lit';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { staffViewStyles } from './staff-styles.js';

/** Staff mode: per-member rehabilitation plans and progress. Being built (issue 5). */
export class KioskStaffRehab extends KioskScreen {
  static override styles = [...staffViewStyles];

  override render() {
    return html`<h2>${this.i18n.t('mode.rehab')}</h2>`;
  }
}

customElements.define('kiosk-staff-rehab', KioskStaffRehab);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-rehab': KioskStaffRehab;
  }
}
