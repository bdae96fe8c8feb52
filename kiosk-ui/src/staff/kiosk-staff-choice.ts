import { Task, TaskStatus } from '@lit/task';
import { css, html } from 'lit';
import type { KioskOutcome } from '../../../edge-server/src/api-types.js';
import { api, ApiFailure, type Direction } from '../api/client.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { centredScreen, screenStyles } from '../styles/theme.js';

type StaffIdentified = Extract<KioskOutcome, { kind: 'staff_identified' }>;

/** A staff member was identified: clock in/out, enter staff mode, or cancel. */
export class KioskStaffChoice extends KioskScreen {
  static override properties = { outcome: { attribute: false } };
  declare outcome: StaffIdentified;

  private readonly clock = new Task(this, {
    autoRun: false,
    task: async ([token, direction]: readonly [string, Direction]) => {
      try {
        fireEvent(this, 'kiosk-outcome', await api.staffClock(token, direction));
      } catch (err) {
        const expired = err instanceof ApiFailure && err.code === 'token_expired';
        fireEvent(this, 'kiosk-say', { text: this.i18n.t(expired ? 'staff.expired' : 'staff.failed') });
        if (expired) fireEvent(this, 'kiosk-navigate', { to: 'idle' });
        throw err;
      }
    },
  });

  static override styles = [
    screenStyles,
    centredScreen,
    css`
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
        gap: calc(var(--k-gap) * 1.5);
        width: min(100%, 960px);
      }
    `,
  ];

  override render() {
    const o = this.outcome;
    const t = this.i18n.t.bind(this.i18n);
    const busy = this.clock.status === TaskStatus.PENDING;
    const direction: Direction = o.clockedIn ? 'out' : 'in';
    return html`
      <h1>${t('staff.hello', { name: o.staff.name })}</h1>
      <div class="choices">
        <button class="primary" data-primary ?disabled=${busy} @click=${() => this.clock.run([o.identToken, direction])}>
          ${pictogram('clock')}<span>${t(o.clockedIn ? 'staff.clockOut' : 'staff.clockIn')}</span>
        </button>
        <button class="primary" ?disabled=${busy} @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'pin' })}>
          ${pictogram('key')}<span>${t('staff.manage')}</span>
        </button>
        <button ?disabled=${busy} @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'idle' })}>
          ${pictogram('back')}<span>${t('staff.cancel')}</span>
        </button>
      </div>
    `;
  }
}

customElements.define('kiosk-staff-choice', KioskStaffChoice);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-choice': KioskStaffChoice;
  }
}
