import { css, html, nothing, type PropertyValues } from 'lit';
import { api } from '../api/client.js';
import { fireEvent, type KioskEventMap } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { dayText } from './alert-words.js';
import './kiosk-confirm-dialog.js';
import { reasonFields, reasonText, type ReasonChoice, type ReasonFieldsOptions } from './reason-choice.js';
import { staffViewStyles } from './staff-styles.js';

export const LEAVE_REASONS = ['sick', 'doctor', 'family', 'other'] as const;
type LeaveReason = (typeof LEAVE_REASONS)[number];

const REASON_FIELDS: ReasonFieldsOptions<LeaveReason> = {
  legend: 'leave.reason',
  name: 'leave-reason',
  reasons: LEAVE_REASONS,
  label: (r) => `leave.reason.${r}`,
  otherLabel: 'leave.otherText',
};
const NO_REASON: ReasonChoice<LeaveReason> = { reason: null, otherText: '' };

type LeaveRequest = KioskEventMap['kiosk-leave-request'];

/**
 * Records a leave slip (请假) for one member from a day (the no-show list's, a session roster's) to a
 * last day (the same day unless changed): the reason is chosen (or written for "other"), nothing is
 * chosen beforehand. Answers with `kiosk-leave-closed`.
 */
export class KioskLeaveDialog extends KioskScreen {
  static override properties = {
    /** the member and day; null: closed */
    request: { attribute: false },
    choice: { state: true },
    /** the last day of the leave (YYYY-MM-DD) */
    until: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare request: LeaveRequest | null;
  declare choice: ReasonChoice<LeaveReason>;
  declare until: string;
  declare problem: string;
  declare busy: boolean;

  static override styles = [
    ...staffViewStyles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  constructor() {
    super();
    this.request = null;
    this.choice = NO_REASON;
    this.until = '';
    this.problem = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('request')) {
      this.choice = NO_REASON;
      this.until = this.request?.date ?? '';
      this.problem = '';
    }
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const r = this.request;
    return html`<kiosk-confirm-dialog
      .open=${r !== null}
      .busy=${this.busy}
      .heading=${r ? t('leave.question', { name: r.name, date: dayText(this.i18n, r.date) }) : ''}
      .confirmLabel=${t('leave.confirm')}
      @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => {
        e.stopPropagation();
        void this.answer(e.detail.confirmed);
      }}
    >
      <p>${t('leave.explain')}</p>
      ${reasonFields(t, REASON_FIELDS, this.choice, (choice) => (this.choice = choice))}
      <label class="field">
        <span>${t('schedule.leave.until')}</span>
        <input type="date" name="until" min=${r?.date ?? nothing} .value=${this.until}
          @input=${(e: InputEvent) => (this.until = (e.target as HTMLInputElement).value)} />
      </label>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </kiosk-confirm-dialog>`;
  }

  private async answer(confirmed: boolean): Promise<void> {
    const r = this.request;
    if (!r) return;
    if (!confirmed) return this.close(r, false);
    const reason = reasonText(this.choice, REASON_FIELDS.label);
    if (!reason) {
      this.problem = this.i18n.t(this.choice.reason === 'other' ? 'leave.otherText' : 'leave.needReason');
      return;
    }
    // a date field left empty or before the first day: say so (the input's min is only a hint)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.until) || this.until < r.date) {
      this.problem = this.i18n.t('schedule.leave.untilBefore', { date: dayText(this.i18n, r.date) });
      return;
    }
    this.busy = true;
    this.problem = '';
    try {
      await api.recordLeave(r.memberId, r.date, this.until, reason);
      this.close(r, true);
    } catch {
      this.problem = this.i18n.t('alerts.failed');
    } finally {
      this.busy = false;
    }
  }

  private close(request: LeaveRequest, recorded: boolean): void {
    fireEvent(this, 'kiosk-leave-closed', { ...request, recorded });
  }
}

customElements.define('kiosk-leave-dialog', KioskLeaveDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-leave-dialog': KioskLeaveDialog;
  }
}
