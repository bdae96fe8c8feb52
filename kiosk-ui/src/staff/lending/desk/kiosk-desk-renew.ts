import { html, nothing } from 'lit';
import { ApiFailure } from '../../../api/client.js';
import { lendingDeskApi, type Loan } from '../../../api/lending-desk.js';
import { fireEvent } from '../../../fire-event.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { dayText } from '../../alert-words.js';
import { staffViewStyles } from '../../staff-styles.js';
import { addDays } from '../../schedule/week-dates.js';
import './desk-events.js';
import { dueText } from './loan-words.js';

/** A new due date for an open loan; when someone has reserved the device, says from which day. */
export class KioskDeskRenew extends KioskScreen {
  static override properties = {
    loan: { attribute: false },
    dueOn: { state: true },
    reason: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare loan: Loan;
  declare dueOn: string;
  declare reason: string;
  declare problem: string;
  declare busy: boolean;

  static override styles = [...staffViewStyles];

  constructor() {
    super();
    this.dueOn = '';
    this.reason = '';
    this.problem = '';
    this.busy = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('loan') && this.loan) this.dueOn = addDays(this.loan.dueOn, 14);
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const l = this.loan;
    return html`
      <h3 tabindex="-1">${t('lendingDesk.renew.heading', { item: l.itemName, tag: l.tagCode })}</h3>
      <p>${dueText(this.i18n, l)}</p>
      <label class="field"><span>${t('lendingDesk.renew.dueOn')}</span>
        <input type="date" name="renew-due-on" data-primary .value=${this.dueOn} min=${addDays(l.dueOn, 1)}
          @input=${(e: InputEvent) => (this.dueOn = (e.target as HTMLInputElement).value)} /></label>
      <label class="field"><span>${t('lendingDesk.renew.reason')}</span>
        <textarea name="renew-reason" .value=${this.reason} @input=${(e: InputEvent) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea></label>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button class="primary" ?disabled=${this.busy} @click=${() => void this.save()}>${t('lendingDesk.renew.save')}</button>
        <button @click=${() => fireEvent(this, 'lending-go', { to: 'member' })}>${t('lendingDesk.back')}</button>
      </div>
    `;
  }

  private async save(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.dueOn)) return void (this.problem = t('lendingDesk.lend.dueNeeded'));
    this.busy = true;
    this.problem = '';
    try {
      const loan = await lendingDeskApi.renew(this.loan.id, this.dueOn, this.reason.trim() || undefined);
      fireEvent(this, 'lending-changed', { notice: t('lendingDesk.renew.done', { item: loan.itemName, date: dayText(this.i18n, loan.dueOn) }) });
    } catch (err) {
      this.problem = this.explain(err);
    } finally {
      this.busy = false;
    }
  }

  private explain(err: unknown): string {
    const t = this.i18n.t.bind(this.i18n);
    if (err instanceof ApiFailure && err.code === 'reserved_after') {
      const from = err.body['nextReservationFrom'];
      return typeof from === 'string'
        ? t('lendingDesk.renew.reservedAfter', { date: dayText(this.i18n, from) })
        : t('lendingDesk.renew.reserved');
    }
    if (err instanceof ApiFailure && err.code === 'invalid_due_on') return t('lendingDesk.renew.invalidDue');
    return t('lendingDesk.error.failed');
  }
}

customElements.define('kiosk-desk-renew', KioskDeskRenew);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-desk-renew': KioskDeskRenew;
  }
}
