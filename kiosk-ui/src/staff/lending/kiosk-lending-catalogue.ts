import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { lendingInventoryApi, type CatalogueEntry } from '../../api/lending-inventory.js';
import { ITEM_STATUSES } from '../../components/device-kinds.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import { explainFailure } from './inventory/error-words.js';
import { itemWordStyles, kindBadge, statusBadge } from './inventory/item-words.js';
import './inventory/kiosk-lending-catalogue-form.js';

/** 辅具目录: the entries with their items by status and who waits; add one, edit one (a new version), retire one. */
export class KioskLendingCatalogue extends KioskScreen {
  static override properties = {
    editing: { state: true },
    retiring: { state: true },
    message: { state: true },
    problem: { state: true },
  };
  /** 'new', an entry id, or null */
  declare editing: string | null;
  /** the entry whose retirement is being confirmed */
  declare retiring: string | null;
  declare message: string;
  declare problem: string;

  private readonly entries = new Task(this, {
    task: async (_args, { signal }) => (await lendingInventoryApi.catalogue(signal)).entries,
    args: () => [] as const,
  });

  static override styles = [
    ...staffViewStyles,
    itemWordStyles,
    css`
      ul.rows > li {
        align-items: start;
      }
      .entry {
        display: grid;
        gap: 6px;
        flex: 1 1 24em;
        min-width: 0;
      }
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
    `,
  ];

  constructor() {
    super();
    this.editing = null;
    this.retiring = null;
    this.message = '';
    this.problem = '';
  }

  back(): boolean {
    if (this.editing || this.retiring) {
      this.editing = null;
      this.retiring = null;
      return true;
    }
    return false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3>${t('lending.part.catalogue')}</h3>
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button name="add-entry" aria-expanded=${this.editing === 'new'} @click=${() => this.edit(this.editing === 'new' ? null : 'new')}>${t('lendingInventory.catalogue.add')}</button>
      </div>
      ${this.editing === 'new' ? this.form(null) : nothing}
      ${this.entries.render({
        pending: () => (this.entries.value ? this.renderEntries(this.entries.value) : html`<p role="status">${t('lendingInventory.loading')}</p>`),
        complete: (entries) => this.renderEntries(entries),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  private form(entry: CatalogueEntry | null) {
    return html`<kiosk-lending-catalogue-form .entry=${entry} .saved=${(saved: CatalogueEntry) => this.saved(saved, entry === null)}></kiosk-lending-catalogue-form>`;
  }

  private renderEntries(entries: CatalogueEntry[]) {
    const t = this.i18n.t.bind(this.i18n);
    if (entries.length === 0) return html`<p role="status">${t('lendingInventory.catalogue.none')}</p>`;
    return html`<ul class="rows" data-list="catalogue">
      ${entries.map((e) => html`<li data-entry=${e.name}>
        <div class="entry">
          <strong>${e.name}${e.retired ? ` · ${t('lendingInventory.catalogue.retired')}` : ''}</strong>
          ${kindBadge(this.i18n, e.category)}
          <ul class="counts" aria-label=${t('lendingInventory.catalogue.countsOf', { name: e.name })}>
            ${ITEM_STATUSES.filter((s) => e.counts[s] > 0).map((s) => html`<li>${statusBadge(this.i18n, s)} ${e.counts[s]}</li>`)}
            <li>${t('lendingInventory.catalogue.waiting', { count: e.waiting })}</li>
          </ul>
          <span>${t('lendingInventory.catalogue.terms', { loan: e.loanDays, buffer: e.bufferDays, life: e.serviceLifeYears })}</span>
          ${this.editing === e.id ? this.form(e) : nothing}
          ${this.retiring === e.id ? html`<p class="warn" role="status">${t('lendingInventory.catalogue.retireAsk', { name: e.name })}</p>
            <div class="actions">
              <button class="primary" @click=${() => void this.retire(e)}>${t('lendingInventory.catalogue.retireConfirm', { name: e.name })}</button>
              <button @click=${() => (this.retiring = null)}>${t('lendingInventory.cancel')}</button>
            </div>` : nothing}
        </div>
        ${e.retired ? nothing : html`<div class="actions">
          <button aria-expanded=${this.editing === e.id} @click=${() => this.edit(this.editing === e.id ? null : e.id)}>${t('lendingInventory.catalogue.edit', { name: e.name })}</button>
          <button @click=${() => this.askRetire(e.id)}>${t('lendingInventory.catalogue.retire', { name: e.name })}</button>
        </div>`}
      </li>`)}
    </ul>`;
  }

  /** Opens (or closes) the form; an opened form gets the focus on its name. */
  private edit(id: string | null): void {
    this.editing = id;
    this.retiring = null;
    this.message = '';
    this.problem = '';
    if (id) void this.updateComplete.then(() => this.renderRoot.querySelector('kiosk-lending-catalogue-form')?.focusPrimary());
  }

  private askRetire(id: string): void {
    this.retiring = id;
    this.editing = null;
    this.message = '';
    this.problem = '';
  }

  private saved(entry: CatalogueEntry, created: boolean): void {
    this.editing = null;
    this.message = this.i18n.t(created ? 'lendingInventory.catalogue.added' : 'lendingInventory.catalogue.saved', { name: entry.name, version: entry.version });
    void this.entries.run();
  }

  private async retire(e: CatalogueEntry): Promise<void> {
    try {
      await lendingInventoryApi.updateEntry(e.id, {
        name: e.name, category: e.category, eligibleDisability: e.eligibleDisability, eligibleGrades: e.eligibleGrades,
        assessmentRequired: e.assessmentRequired, loanDays: e.loanDays, bufferDays: e.bufferDays, serviceLifeYears: e.serviceLifeYears,
        checkoutChecklist: e.checkoutChecklist, cleaningChecklist: e.cleaningChecklist, retired: true,
      });
      this.retiring = null;
      this.message = this.i18n.t('lendingInventory.catalogue.retiredDone', { name: e.name });
      void this.entries.run();
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    }
  }
}

customElements.define('kiosk-lending-catalogue', KioskLendingCatalogue);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-catalogue': KioskLendingCatalogue;
  }
}
