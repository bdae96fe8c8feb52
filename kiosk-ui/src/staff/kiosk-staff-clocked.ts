import { css, html } from 'lit';
import type { KioskOutcome } from '../../../edge-server/src/api-types.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { centredScreen, screenStyles } from '../styles/theme.js';

type StaffClocked = Extract<KioskOutcome, { kind: 'staff_clocked' }>;

/** Confirms a staff clock-in/out. */
export class KioskStaffClocked extends KioskScreen {
  static override properties = { outcome: { attribute: false } };
  declare outcome: StaffClocked;

  static override styles = [
    screenStyles,
    centredScreen,
  ];

  /** The words shown and spoken. */
  message(): string {
    const o = this.outcome;
    return this.i18n.t(o.direction === 'in' ? 'staff.clockedIn' : 'staff.clockedOut', {
      name: o.staff.name,
      time: this.i18n.time(o.at),
    });
  }

  override render() {
    return html`
      <h1>${this.message()}</h1>
      <button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'idle' })}>
        ${pictogram('yes')}<span>${this.i18n.t('welcome.done')}</span>
      </button>
    `;
  }
}

customElements.define('kiosk-staff-clocked', KioskStaffClocked);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-clocked': KioskStaffClocked;
  }
}
