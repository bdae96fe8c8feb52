import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { AttendanceLine } from '../../../edge-server/src/api-types.js';
import { api, ApiFailure } from '../api/client.js';
import { centreTimeZone } from '../controllers/i18n-controller.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { screenStyles } from '../styles/theme.js';
import { staffStyles } from './staff-styles.js';
import { zonedTimeToIso } from './zoned-time.js';

type Which = 'in' | 'out';
type Action = 'voided' | 'occurredAt';

/** Correct one attendance record: void it or change its time; a reason is always required. */
export class KioskStaffCorrection extends KioskScreen {
  static override properties = {
    line: { attribute: false },
    /** today's date in the centre (YYYY-MM-DD), for the time field */
    date: { type: String },
    which: { state: true },
    action: { state: true },
    problem: { state: true },
  };
  declare line: AttendanceLine;
  declare date: string;
  declare which: Which;
  declare action: Action;
  declare problem: string;

  private readonly save = new Task(this, {
    autoRun: false,
    task: async ([id, field, to, reason]: readonly [string, Action, string, string]) => {
      await api.correct(id, field, to, reason);
      fireEvent(this, 'kiosk-staff-done', { message: this.i18n.t('correct.done') });
    },
  });

  static override styles = [
    screenStyles,
    staffStyles,
    css`
      form {
        display: grid;
        gap: var(--k-gap);
      }
      .options {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
      }
      label.field {
        display: flex;
        flex-direction: column;
        gap: 6px;
      }
      .actions {
        display: flex;
        gap: var(--k-gap);
        flex-wrap: wrap;
      }
    `,
  ];

  constructor() {
    super();
    this.date = '';
    this.which = 'in';
    this.action = 'voided';
    this.problem = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const line = this.line;
    const busy = this.save.status === TaskStatus.PENDING;
    const current = this.which === 'in' ? line.checkedInAt : line.checkedOutAt;
    return html`
      <h2>${t('mode.correctFor', { name: line.name })}</h2>
      <form @submit=${this.submit}>
        ${line.checkOutId
          ? html`<fieldset>
              <legend>${t('correct.what')}</legend>
              <div class="options">
                ${this.radio('which', 'in', t('correct.checkIn') + ' ' + this.i18n.time(line.checkedInAt), this.which === 'in', () => (this.which = 'in'))}
                ${this.radio('which', 'out', t('correct.checkOut') + ' ' + (line.checkedOutAt ? this.i18n.time(line.checkedOutAt) : ''), this.which === 'out', () => (this.which = 'out'))}
              </div>
            </fieldset>`
          : html`<p>${t('correct.checkIn')} ${this.i18n.time(line.checkedInAt)}</p>`}
        <fieldset>
          <legend>${t('correct.action')}</legend>
          <div class="options">
            ${this.radio('action', 'voided', t('correct.void'), this.action === 'voided', () => (this.action = 'voided'))}
            ${this.radio('action', 'occurredAt', t('correct.changeTime'), this.action === 'occurredAt', () => (this.action = 'occurredAt'))}
          </div>
        </fieldset>
        ${this.action === 'occurredAt'
          ? html`<label class="field"
              ><span>${t('correct.newTime')}</span
              ><input name="time" type="time" required .value=${current ? this.i18n.time(current) : ''}
            /></label>`
          : nothing}
        <label class="field"><span>${t('correct.reason')}</span><input name="reason" autocomplete="off" /></label>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        ${this.save.render({
          error: (err) => html`<p class="error" role="alert">
            ${t('assist.failed', { message: err instanceof ApiFailure ? err.message : String(err) })}
          </p>`,
        })}
        <div class="actions">
          <button type="button" @click=${() => fireEvent(this, 'kiosk-staff-done', { message: '' })}>${t('correct.cancel')}</button>
          <button class="primary" type="submit" ?disabled=${busy}>${t('correct.submit')}</button>
        </div>
      </form>
    `;
  }

  private radio(name: string, value: string, label: string, checked: boolean, onChange: () => void) {
    return html`<label class="choice">
      <input type="radio" name=${name} value=${value} .checked=${checked} @change=${onChange} /><span>${label}</span>
    </label>`;
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const t = this.i18n.t.bind(this.i18n);
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const reason = String(data.get('reason') ?? '').trim();
    if (!reason) {
      this.problem = t('correct.needReason');
      return;
    }
    const id = this.which === 'out' && this.line.checkOutId ? this.line.checkOutId : this.line.checkInId;
    let to = 'true';
    if (this.action === 'occurredAt') {
      const time = String(data.get('time') ?? '');
      if (!time) {
        this.problem = t('correct.needTime');
        return;
      }
      to = zonedTimeToIso(this.date, time, centreTimeZone.value);
    }
    this.problem = '';
    void this.save.run([id, this.action, to, reason]);
  }
}

customElements.define('kiosk-staff-correction', KioskStaffCorrection);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-correction': KioskStaffCorrection;
  }
}
