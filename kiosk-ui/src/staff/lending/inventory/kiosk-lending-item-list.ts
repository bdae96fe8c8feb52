import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { ApiFailure } from '../../../api/client.js';
import { lendingInventoryApi, type CatalogueEntry, type Item, type ItemStatus } from '../../../api/lending-inventory.js';
import { ITEM_STATUSES, statusWord } from '../../../components/device-kinds.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { staffViewStyles } from '../../staff-styles.js';
import { inventoryFormStyles } from './form-styles.js';
import { itemFlags, itemWordStyles, kindBadge, loanLine, statusBadge } from './item-words.js';

/** A screenful: big centres hold 5 000 items, so the list is paged, never one long scroll. */
export const PAGE_SIZE = 20;

/**
 * Items found by tag, serial or name and filtered by status and catalogue entry, one page at a time.
 * A tag read by the wedge scanner (its keys, then Enter, into the search field) opens that item.
 * With `selectable` each item has a tick box (the labels page) instead of an open button.
 */
export class KioskLendingItemList extends KioskScreen {
  static override properties = {
    selectable: { type: Boolean },
    selected: { attribute: false },
    open: { attribute: false },
    toggle: { attribute: false },
    query: { state: true },
    status: { state: true },
    catalogueId: { state: true },
    offset: { state: true },
    notice: { state: true },
  };
  declare selectable: boolean;
  declare selected: ReadonlySet<string>;
  declare open: (item: Item) => void;
  declare toggle: (item: Item, on: boolean) => void;
  declare query: string;
  declare status: ItemStatus | '';
  declare catalogueId: string;
  declare offset: number;
  declare notice: string;

  private readonly entries = new Task(this, {
    task: async (_args, { signal }) => (await lendingInventoryApi.catalogue(signal)).entries,
    args: () => [] as const,
  });

  private readonly page = new Task(this, {
    task: async ([q, status, catalogueId, offset], { signal }) => {
      if (q) {
        // a short pause so each keystroke (or scanner key) does not fire a request
        await new Promise((r) => setTimeout(r, 200));
        signal.throwIfAborted();
      }
      return lendingInventoryApi.items({ q, status, catalogueId, offset, limit: PAGE_SIZE }, signal);
    },
    args: () => [this.query.trim(), this.status, this.catalogueId, this.offset] as const,
  });

  static override styles = [
    ...staffViewStyles,
    inventoryFormStyles,
    itemWordStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
        align-items: end;
      }
      .item {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        flex: 1 1 24em;
        min-width: 0;
      }
      .tag {
        font-family: monospace;
        font-weight: 700;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
        align-items: center;
      }
    `,
  ];

  constructor() {
    super();
    this.selectable = false;
    this.selected = new Set();
    this.open = () => undefined;
    this.toggle = () => undefined;
    this.query = '';
    this.status = '';
    this.catalogueId = '';
    this.offset = 0;
    this.notice = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <div class="filters">
        <label class="search">
          <span>${t('lendingInventory.items.search')}</span>
          <input type="search" name="item-search" data-primary autocomplete="off" .value=${this.query}
            @input=${(e: InputEvent) => this.refine(() => (this.query = (e.target as HTMLInputElement).value))}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void this.scanned((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>${t('lendingInventory.items.status')}</span>
          <select name="status" @change=${(e: Event) => this.refine(() => (this.status = (e.target as HTMLSelectElement).value as ItemStatus | ''))}>
            <option value="" ?selected=${this.status === ''}>${t('lendingInventory.items.anyStatus')}</option>
            ${ITEM_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t(statusWord(s))}</option>`)}
          </select>
        </label>
        <label class="field">
          <span>${t('lendingInventory.items.entry')}</span>
          <select name="catalogue" @change=${(e: Event) => this.refine(() => (this.catalogueId = (e.target as HTMLSelectElement).value))}>
            <option value="" ?selected=${this.catalogueId === ''}>${t('lendingInventory.items.anyEntry')}</option>
            ${(this.entries.value ?? []).map((c: CatalogueEntry) => html`<option value=${c.id} ?selected=${this.catalogueId === c.id}>${c.name}</option>`)}
          </select>
        </label>
      </div>
      ${this.notice ? html`<p class="warn" role="status">${this.notice}</p>` : nothing}
      ${this.page.render({
        pending: () => (this.page.value ? this.renderPage(this.page.value.items, this.page.value.total) : html`<p role="status">${t('lendingInventory.loading')}</p>`),
        complete: ({ items, total }) => this.renderPage(items, total),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  /** Puts the focus in the search field (where the wedge scanner types). */
  focusSearch(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=item-search]')?.focus());
  }

  private refine(change: () => void): void {
    change();
    this.offset = 0;
    this.notice = '';
  }

  /** Enter in the search field: a whole tag opens its item; anything else stays a search. */
  private async scanned(text: string): Promise<void> {
    const tag = text.trim();
    if (!tag) return;
    try {
      const item = await lendingInventoryApi.itemByTag(tag);
      this.query = '';
      this.open(item);
    } catch (err) {
      if (!(err instanceof ApiFailure && err.code === 'unknown_tag')) this.notice = this.i18n.t('mode.loadFailed');
    }
  }

  private renderPage(items: Item[], total: number) {
    const t = this.i18n.t.bind(this.i18n);
    if (total === 0) return html`<p role="status">${t('lendingInventory.items.none')}</p>`;
    const from = this.offset + 1;
    const to = this.offset + items.length;
    return html`<p role="status">${t('lendingInventory.items.showing', { from, to, total })}</p>
      <ul class="rows" data-list="items">
        ${items.map((item) => html`<li data-item=${item.tagCode}>
          ${this.selectable
            ? html`<label class="choice item">
                <input type="checkbox" name="pick-item" .checked=${this.selected.has(item.id)} @change=${(e: Event) => this.toggle(item, (e.target as HTMLInputElement).checked)} />
                ${this.itemLine(item)}
              </label>`
            : html`<div class="item">${this.itemLine(item)}</div>
              <button @click=${() => this.open(item)}>${t('lendingInventory.items.open', { tag: item.tagCode })}</button>`}
        </li>`)}
      </ul>
      <div class="pager">
        <button name="previous" ?disabled=${this.offset === 0} @click=${() => (this.offset = Math.max(0, this.offset - PAGE_SIZE))}>${t('lendingInventory.items.previous')}</button>
        <button name="next" ?disabled=${to >= total} @click=${() => (this.offset += PAGE_SIZE)}>${t('lendingInventory.items.next')}</button>
      </div>`;
  }

  private itemLine(item: Item) {
    return html`<span class="tag">${item.tagCode}</span>
      <strong>${item.catalogueName}</strong>
      ${kindBadge(this.i18n, item.category)}
      ${statusBadge(this.i18n, item.status)}
      ${item.location ? html`<span>${item.location}</span>` : nothing}
      ${item.loan ? html`<span>${loanLine(this.i18n, item.loan)}</span>` : nothing}
      ${itemFlags(this.i18n, item)}`;
  }
}

customElements.define('kiosk-lending-item-list', KioskLendingItemList);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-item-list': KioskLendingItemList;
  }
}
