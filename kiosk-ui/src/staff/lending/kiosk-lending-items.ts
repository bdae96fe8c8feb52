import { html, nothing } from 'lit';
import type { Item } from '../../api/lending-inventory.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import './inventory/kiosk-lending-item-detail.js';
import type { KioskLendingItemDetail } from './inventory/kiosk-lending-item-detail.js';
import './inventory/kiosk-lending-item-form.js';
import './inventory/kiosk-lending-item-list.js';

/** 辅具清单: the items (search, filters, pages; a scanned tag opens its item), one item's detail, registering one. */
export class KioskLendingItems extends KioskScreen {
  static override properties = {
    openId: { state: true },
    registering: { state: true },
    message: { state: true },
  };
  /** the item shown in detail */
  declare openId: string | null;
  declare registering: boolean;
  declare message: string;

  static override styles = [...staffViewStyles];

  constructor() {
    super();
    this.openId = null;
    this.registering = false;
    this.message = '';
  }

  /** Escape/Backspace: close the form or the item, back to the list. */
  back(): boolean {
    const detail = this.renderRoot.querySelector<KioskLendingItemDetail>('kiosk-lending-item-detail');
    if (detail?.back()) return true;
    if (this.openId || this.registering) {
      this.openId = null;
      this.registering = false;
      return true;
    }
    return false;
  }

  /** The list (first shown, or back from an item) puts the focus where the wedge scanner types. */
  override updated(changed: Map<string, unknown>): void {
    if (changed.has('openId') && this.openId === null) this.renderRoot.querySelector('kiosk-lending-item-list')?.focusSearch();
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.openId) {
      return html`<kiosk-lending-item-detail .itemId=${this.openId} .close=${() => (this.openId = null)}></kiosk-lending-item-detail>`;
    }
    return html`
      <h3>${t('lending.part.items')}</h3>
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
      <div class="actions">
        <button name="register" aria-expanded=${this.registering} @click=${() => this.toggleRegister()}>
          ${t(this.registering ? 'lendingInventory.register.close' : 'lendingInventory.register.open')}
        </button>
      </div>
      ${this.registering ? html`<kiosk-lending-item-form .registered=${(item: Item) => this.registered(item)}></kiosk-lending-item-form>` : nothing}
      <kiosk-lending-item-list .open=${(item: Item) => this.openItem(item)}></kiosk-lending-item-list>
    `;
  }

  /** Opens (or closes) the register form; an opened form gets the focus on the tag (a scan fills it). */
  private toggleRegister(): void {
    this.registering = !this.registering;
    this.message = '';
    if (this.registering) void this.updateComplete.then(() => this.renderRoot.querySelector('kiosk-lending-item-form')?.focusPrimary());
  }

  private openItem(item: Item): void {
    this.message = '';
    this.openId = item.id;
  }

  private registered(item: Item): void {
    this.registering = false;
    this.message = this.i18n.t('lendingInventory.register.done', { tag: item.tagCode, name: item.catalogueName });
  }
}

customElements.define('kiosk-lending-items', KioskLendingItems);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-items': KioskLendingItems;
  }
}
