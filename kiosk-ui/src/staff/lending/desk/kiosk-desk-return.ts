import { html, nothing } from 'lit';
import { ApiFailure } from '../../../api/client.js';
import { lendingDeskApi, type ItemCondition, type Loan } from '../../../api/lending-desk.js';
import { fireEvent } from '../../../fire-event.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { staffViewStyles } from '../../staff-styles.js';
import { checkList, checkWord, type CheckAnswers } from './check-list.js';
import { conditionChoice } from './condition-choice.js';
import './desk-events.js';
import { dueText } from './loan-words.js';

/** Taking a device back: the same checks as at check-out, its condition and any damage; it goes to cleaning. */
export class KioskDeskReturn extends KioskScreen {
  static override properties = {
    loan: { attribute: false },
    checks: { state: true },
    condition: { state: true },
    notes: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare loan: Loan;
  declare checks: CheckAnswers;
  declare condition: ItemCondition;
  declare notes: string;
  declare problem: string;
  declare busy: boolean;

  static override styles = [...staffViewStyles];

  constructor() {
    super();
    this.checks = {};
    this.condition = 'good';
    this.notes = '';
    this.problem = '';
    this.busy = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('loan') && this.loan) this.condition = this.loan.conditionOut;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const l = this.loan;
    const keys = Object.keys(l.checklistOut);
    return html`
      <h3 tabindex="-1">${t('lendingDesk.return.heading', { item: l.itemName, tag: l.tagCode })}</h3>
      <p>${t('lendingDesk.return.borrower', { name: l.memberName })} · ${dueText(this.i18n, l)}</p>
      ${keys.length ? checkList(this.i18n, keys, this.checks, (k, ok) => (this.checks = { ...this.checks, [k]: ok })) : nothing}
      ${conditionChoice(this.i18n, this.condition, (c) => (this.condition = c))}
      <label class="field"><span>${t('lendingDesk.return.notes')}</span>
        <textarea name="damage-notes" .value=${this.notes} @input=${(e: InputEvent) => (this.notes = (e.target as HTMLTextAreaElement).value)}></textarea></label>
      <p class="muted">${t('lendingDesk.return.toCleaning')}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button class="primary" data-primary ?disabled=${this.busy} @click=${() => void this.save(keys)}>${t('lendingDesk.return.save')}</button>
        <button @click=${() => fireEvent(this, 'lending-go', { to: 'member' })}>${t('lendingDesk.back')}</button>
      </div>
    `;
  }

  private async save(keys: string[]): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const open = keys.filter((k) => this.checks[k] === undefined);
    if (open.length) return void (this.problem = t('lendingDesk.check.unanswered', { checks: open.map((k) => checkWord(this.i18n, k)).join('、') }));
    const damaged = this.condition === 'damaged' || keys.some((k) => this.checks[k] === false);
    const notes = this.notes.trim();
    if (damaged && !notes) return void (this.problem = t('lendingDesk.return.notesNeeded'));
    this.busy = true;
    this.problem = '';
    try {
      await lendingDeskApi.returnLoan(this.loan.id, { condition: this.condition, checklist: { ...this.checks }, ...(notes ? { damageNotes: notes } : {}) });
      fireEvent(this, 'lending-changed', { notice: t('lendingDesk.return.done', { item: this.loan.itemName, tag: this.loan.tagCode }) });
    } catch (err) {
      this.problem = t(err instanceof ApiFailure && err.code === 'already_closed' ? 'lendingDesk.return.alreadyClosed' : 'lendingDesk.error.failed');
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-desk-return', KioskDeskReturn);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-desk-return': KioskDeskReturn;
  }
}
