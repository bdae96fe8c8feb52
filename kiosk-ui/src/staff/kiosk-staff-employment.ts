import { html } from 'lit';
import { KioskScreen } from '../screens/kiosk-screen.js';
import './employment/kiosk-employment-day.js';
import './employment/kiosk-employment-log.js';
import './employment/kiosk-employment-sheet.js';
import './employment/kiosk-employment-tasks.js';
import { staffNavStyles, staffViewStyles } from './staff-styles.js';

const PARTS = ['log', 'day', 'tasks', 'sheet'] as const;
type Part = (typeof PARTS)[number];

/** Staff mode: assisted employment (辅助性就业): log work, the day's logs, tasks and pay rules, the month's pay sheet. */
export class KioskStaffEmployment extends KioskScreen {
  static override properties = { section: { state: true } };
  declare section: Part;

  static override styles = [...staffViewStyles, staffNavStyles];

  constructor() {
    super();
    this.section = 'log';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h2>${t('employment.heading')}</h2>
      <nav aria-label=${t('employment.heading')}>
        ${PARTS.map((p) => html`<button aria-current=${this.section === p ? 'page' : 'false'} @click=${() => (this.section = p)}>
          ${t(`employment.part.${p}`)}
        </button>`)}
      </nav>
      ${this.renderPart()}
    `;
  }

  private renderPart() {
    switch (this.section) {
      case 'log':
        return html`<kiosk-employment-log></kiosk-employment-log>`;
      case 'day':
        return html`<kiosk-employment-day></kiosk-employment-day>`;
      case 'tasks':
        return html`<kiosk-employment-tasks></kiosk-employment-tasks>`;
      case 'sheet':
        return html`<kiosk-employment-sheet></kiosk-employment-sheet>`;
    }
  }
}

customElements.define('kiosk-staff-employment', KioskStaffEmployment);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-employment': KioskStaffEmployment;
  }
}
