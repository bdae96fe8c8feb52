import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { ApiFailure } from '../../../api/client.js';
import { lendingInventoryApi, manualChoices, type Item, type ItemHistory, type ManualStatus } from '../../../api/lending-inventory.js';
import { statusWord } from '../../../components/device-kinds.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { yuan } from '../../employment/money.js';
import { inventoryFormStyles } from './form-styles.js';
import { staffViewStyles } from '../../staff-styles.js';
import { explainFailure } from './error-words.js';
import { itemFlags, itemWordStyles, kindBadge, loanLine, reasonWords, statusBadge } from './item-words.js';
import './kiosk-lending-maintenance-form.js';

/** One item: its state, the open loan, its history; a manual status change and a maintenance record. */
export class KioskLendingItemDetail extends KioskScreen {
  static override properties = {
    itemId: { attribute: false },
    close: { attribute: false },
    action: { state: true },
    to: { state: true },
    reason: { state: true },
    problem: { state: true },
    message: { state: true },
  };
  declare itemId: string;
  declare close: () => void;
  declare action: 'status' | 'maintenance' | null;
  declare to: ManualStatus | null;
  declare reason: string;
  declare problem: string;
  declare message: string;

  private readonly item = new Task(this, {
    task: async ([id], { signal }) => lendingInventoryApi.item(id, signal),
    args: () => [this.itemId] as const,
  });

  /** null: the history route does not answer (yet) on this server (the item itself is read by `item`). */
  private readonly history = new Task(this, {
    task: async ([id], { signal }): Promise<ItemHistory | null> => {
      try {
        return await lendingInventoryApi.history(id, signal);
      } catch (err) {
        if (err instanceof ApiFailure && (err.status === 404 || err.status === 405)) return null;
        throw err;
      }
    },
    args: () => [this.itemId] as const,
  });

  static override styles = [
    ...staffViewStyles,
    inventoryFormStyles,
    itemWordStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 8px 20px;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      h4 {
        margin: 8px 0 0;
        font-size: 22px;
      }
      ol {
        margin: 0;
        padding-inline-start: 1.5em;
        display: grid;
        gap: 6px;
      }
    `,
  ];

  constructor() {
    super();
    this.itemId = '';
    this.close = () => undefined;
    this.action = null;
    this.to = null;
    this.reason = '';
    this.problem = '';
    this.message = '';
  }

  /** Escape: an open form closes first, then the item. */
  back(): boolean {
    if (this.action) {
      this.action = null;
      return true;
    }
    return false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <div class="actions"><button name="back-to-list" @click=${() => this.close()}>${t('lendingInventory.item.backToList')}</button></div>
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
      ${this.item.render({
        pending: () => (this.item.value ? this.renderItem(this.item.value) : html`<p role="status">${t('lendingInventory.loading')}</p>`),
        complete: (item) => this.renderItem(item),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  private renderItem(item: Item) {
    const t = this.i18n.t.bind(this.i18n);
    const none = t('lendingInventory.item.none');
    return html`
      <h3>${t('lendingInventory.item.heading', { name: item.catalogueName, tag: item.tagCode })}</h3>
      <dl>
        <dt>${t('lendingInventory.item.kind')}</dt><dd>${kindBadge(this.i18n, item.category)}</dd>
        <dt>${t('lendingInventory.item.status')}</dt><dd data-field="status">${statusBadge(this.i18n, item.status)} ${itemFlags(this.i18n, item)}</dd>
        <dt>${t('lendingInventory.item.condition')}</dt><dd>${t(`lending.condition.${item.condition}`)}</dd>
        <dt>${t('lendingInventory.item.serial')}</dt><dd>${item.serial ?? none}</dd>
        <dt>${t('lendingInventory.item.location')}</dt><dd>${item.location ?? none}</dd>
        <dt>${t('lendingInventory.item.acquiredOn')}</dt><dd>${item.acquiredOn ?? none}</dd>
        <dt>${t('lendingInventory.item.nextService')}</dt><dd data-field="next-service">${item.nextServiceOn ?? none}</dd>
        <dt>${t('lendingInventory.item.loan')}</dt>
        <dd>${item.loan ? loanLine(this.i18n, item.loan) : none}</dd>
      </dl>
      ${this.renderActions(item)}
      <h4>${t('lendingInventory.history.heading')}</h4>
      ${this.history.render({
        pending: () => html`<p role="status">${t('lendingInventory.loading')}</p>`,
        complete: (history) => (history ? this.renderHistory(history) : html`<p role="status" data-history="none">${t('lendingInventory.history.notYet')}</p>`),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  private renderActions(item: Item) {
    const t = this.i18n.t.bind(this.i18n);
    const choices = manualChoices(item.status);
    return html`
      <div class="actions">
        ${choices.length ? html`<button name="change-status" aria-expanded=${this.action === 'status'} @click=${() => this.openAction('status')}>${t('lendingInventory.status.change')}</button>` : nothing}
        ${item.status !== 'on_loan' && item.status !== 'retired'
          ? html`<button name="record-maintenance" aria-expanded=${this.action === 'maintenance'} @click=${() => this.openAction('maintenance')}>${t('lendingInventory.maintenance.open')}</button>`
          : nothing}
      </div>
      ${this.action === 'status' ? this.renderStatusForm(item, choices) : nothing}
      ${this.action === 'maintenance'
        ? html`<kiosk-lending-maintenance-form .item=${item} .saved=${(message: string) => this.done(message)}></kiosk-lending-maintenance-form>`
        : nothing}
    `;
  }

  private renderStatusForm(item: Item, choices: ManualStatus[]) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<fieldset>
      <legend>${t('lendingInventory.status.legend', { tag: item.tagCode, status: t(statusWord(item.status)) })}</legend>
      <div class="options" role="radiogroup" aria-label=${t('lendingInventory.status.to')}>
        ${choices.map((s) => html`<label class="choice">
          <input type="radio" name="to" .checked=${this.to === s} @change=${() => (this.to = s)} />
          ${statusBadge(this.i18n, s)}
        </label>`)}
      </div>
      <label class="field"><span>${t('lendingInventory.status.reason')}</span>
        <textarea name="status-reason" maxlength="200" .value=${this.reason} @input=${(e: InputEvent) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea></label>
      <div class="actions"><button class="primary" @click=${() => void this.changeStatus(item)}>${t('lendingInventory.status.save')}</button></div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </fieldset>`;
  }

  private renderHistory(h: ItemHistory) {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <ol data-history="states">
        ${h.states.map((s) => html`<li>${t('lendingInventory.history.state', { at: s.at.slice(0, 16).replace('T', ' '), status: t(statusWord(s.status)), condition: t(`lending.condition.${s.condition}`), reason: reasonWords(this.i18n, s.reason) })}</li>`)}
      </ol>
      ${h.loans.length ? html`<h4>${t('lendingInventory.history.loans')}</h4><ol>
        ${h.loans.map((l) => html`<li>${t('lendingInventory.history.loan', { name: l.memberName, from: l.checkedOutAt.slice(0, 10), due: l.dueOn, state: t(`lendingInventory.loanState.${l.state}`) })}</li>`)}
      </ol>` : nothing}
      ${h.maintenance.length ? html`<h4>${t('lendingInventory.history.maintenance')}</h4><ol data-history="maintenance">
        ${h.maintenance.map((m) => html`<li>${t('lendingInventory.history.maintained', { on: m.doneOn, what: m.description, yuan: yuan(m.costCents) })}</li>`)}
      </ol>` : nothing}
      ${h.cleanings.length ? html`<h4>${t('lendingInventory.history.cleanings')}</h4><ol>
        ${h.cleanings.map((c) => html`<li>${t('lendingInventory.history.cleaned', { at: c.at.slice(0, 10), outcome: t(statusWord(c.outcome)) })}</li>`)}
      </ol>` : nothing}
    `;
  }

  /** Opens (or closes) a form; an opened form gets the focus on its first field. */
  private openAction(action: 'status' | 'maintenance'): void {
    this.action = this.action === action ? null : action;
    this.to = null;
    this.reason = '';
    this.problem = '';
    this.message = '';
    void this.updateComplete.then(() => {
      if (this.action === 'status') this.renderRoot.querySelector<HTMLInputElement>('input[name=to]')?.focus();
      if (this.action === 'maintenance') void this.renderRoot.querySelector('kiosk-lending-maintenance-form')?.focusPrimary();
    });
  }

  private async changeStatus(item: Item): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    if (!this.to) return void (this.problem = t('lendingInventory.status.needTo'));
    const reason = this.reason.trim();
    if (!reason) return void (this.problem = t('lendingInventory.status.needReason'));
    try {
      const to = this.to;
      await lendingInventoryApi.setStatus(item.id, to, reason);
      this.done(t('lendingInventory.status.done', { tag: item.tagCode, status: t(statusWord(to)) }));
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    }
  }

  /** A form saved: it closes, its message shows, and the focus goes back to the item's first action. */
  private done(message: string): void {
    this.action = null;
    this.message = message;
    void this.item.run();
    void this.history.run();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('.actions button')?.focus());
  }
}

customElements.define('kiosk-lending-item-detail', KioskLendingItemDetail);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-item-detail': KioskLendingItemDetail;
  }
}
