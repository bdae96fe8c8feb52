import { html } from 'lit';
import { KioskScreen } from '../screens/kiosk-screen.js';
import './lending/kiosk-lending-desk.js';
import './lending/kiosk-lending-overdue.js';
import './lending/kiosk-lending-reservations.js';
import './lending/kiosk-lending-items.js';
import './lending/kiosk-lending-catalogue.js';
import './lending/kiosk-lending-stocktake.js';
import './lending/kiosk-lending-import.js';
import './lending/kiosk-lending-labels.js';
import { staffNavStyles, staffViewStyles } from './staff-styles.js';

/** The loan desk's parts first (what staff do every day), then the inventory's. */
const PARTS = ['desk', 'overdue', 'reservations', 'items', 'catalogue', 'stocktake', 'import', 'labels'] as const;
type Part = (typeof PARTS)[number];

/** Staff mode: assistive device lending (辅具借用): the loan desk, overdue call list, reservations, inventory. */
export class KioskStaffLending extends KioskScreen {
  static override properties = { section: { state: true } };
  declare section: Part;

  static override styles = [...staffViewStyles, staffNavStyles];

  constructor() {
    super();
    this.section = 'desk';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h2>${t('lending.heading')}</h2>
      <nav aria-label=${t('lending.heading')}>
        ${PARTS.map((p) => html`<button data-part=${p} aria-current=${this.section === p ? 'page' : 'false'} @click=${() => (this.section = p)}>
          ${t(`lending.part.${p}`)}
        </button>`)}
      </nav>
      ${this.renderPart()}
    `;
  }

  /** Escape/Backspace: a part with a step open goes back a step first. */
  back(): boolean {
    const part = this.renderRoot.querySelector<HTMLElement & { back?: () => boolean }>('[data-lending-part]');
    return part?.back?.() ?? false;
  }

  private renderPart() {
    switch (this.section) {
      case 'desk':
        return html`<kiosk-lending-desk data-lending-part></kiosk-lending-desk>`;
      case 'overdue':
        return html`<kiosk-lending-overdue data-lending-part></kiosk-lending-overdue>`;
      case 'reservations':
        return html`<kiosk-lending-reservations data-lending-part></kiosk-lending-reservations>`;
      case 'items':
        return html`<kiosk-lending-items data-lending-part></kiosk-lending-items>`;
      case 'catalogue':
        return html`<kiosk-lending-catalogue data-lending-part></kiosk-lending-catalogue>`;
      case 'stocktake':
        return html`<kiosk-lending-stocktake data-lending-part></kiosk-lending-stocktake>`;
      case 'import':
        return html`<kiosk-lending-import data-lending-part></kiosk-lending-import>`;
      case 'labels':
        return html`<kiosk-lending-labels data-lending-part></kiosk-lending-labels>`;
    }
  }
}

customElements.define('kiosk-staff-lending', KioskStaffLending);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-lending': KioskStaffLending;
  }
}
