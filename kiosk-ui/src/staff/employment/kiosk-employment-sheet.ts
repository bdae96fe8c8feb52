import { Task } from '@lit/task';
import { css, html } from 'lit';
import { employmentApi } from '../../api/employment.js';
import { centreTimeZone } from '../../controllers/i18n-controller.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import { todayIn } from '../zoned-time.js';
import { PrintCopy, paySheetStyles, paySheetTables } from './pay-sheet-view.js';

/** A month's pay sheet for the centre or one member: on screen, printed (the sheet only), or as CSV. */
export class KioskEmploymentSheet extends KioskScreen {
  static override properties = {
    month: { state: true },
    memberId: { state: true },
  };
  declare month: string;
  /** '' = the whole centre */
  declare memberId: string;

  /** Members who worked that month, for the "one member" choice (kept from the centre's sheet). */
  private members: { memberId: string; memberName: string }[] = [];
  private readonly printCopy = new PrintCopy();

  private readonly sheet = new Task(this, {
    task: async ([month, memberId], { signal }) => {
      const sheet = await employmentApi.paySheet(month, memberId || undefined, signal);
      if (!memberId) this.members = sheet.members.map(({ memberId: id, memberName }) => ({ memberId: id, memberName }));
      // a sheet that arrives after the view closed must not leave a print copy behind
      if (this.isConnected) this.printCopy.show(this.i18n, sheet);
      return sheet;
    },
    args: () => [this.month, this.memberId] as const,
  });

  static override styles = [
    ...staffViewStyles,
    paySheetStyles,
    css`
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
        align-items: end;
      }
      select {
        min-height: var(--k-target);
        padding: 8px 12px;
        border: 3px solid var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
      }
      a.button {
        display: inline-flex;
        align-items: center;
        min-height: var(--k-target);
        padding: 8px 18px;
        border: 3px solid var(--k-secondary-border);
        border-radius: var(--k-radius);
        background: var(--k-secondary-bg);
        color: var(--k-secondary-fg);
        font-weight: 600;
        text-decoration: none;
      }
      a.button:focus {
        outline: 5px solid var(--k-focus);
        outline-offset: 4px;
        box-shadow: 0 0 0 4px var(--k-focus-halo);
      }
    `,
  ];

  constructor() {
    super();
    this.month = todayIn(centreTimeZone.value).slice(0, 7);
    this.memberId = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.printCopy.remove();
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3>${t('employment.sheet.heading')}</h3>
      <div class="controls">
        <label class="field">
          <span>${t('employment.sheet.month')}</span>
          <input type="month" name="month" .value=${this.month} @change=${(e: Event) => this.pickMonth((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>${t('employment.sheet.scope')}</span>
          <select name="member" @change=${(e: Event) => (this.memberId = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.memberId === ''}>${t('employment.sheet.centre')}</option>
            ${this.members.map((m) => html`<option value=${m.memberId} ?selected=${this.memberId === m.memberId}>${m.memberName}</option>`)}
          </select>
        </label>
        <button @click=${() => window.print()}>${t('employment.sheet.print')}</button>
        <a class="button" download href=${employmentApi.paySheetCsvUrl(this.month, this.memberId || undefined)}>${t('employment.sheet.csv')}</a>
      </div>
      ${this.sheet.render({
        pending: () => (this.sheet.value ? paySheetTables(this.i18n, this.sheet.value) : html`<p role="status">${t('employment.loading')}</p>`),
        complete: (sheet) => paySheetTables(this.i18n, sheet),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  private pickMonth(month: string): void {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    this.month = month;
    this.memberId = '';
  }
}

customElements.define('kiosk-employment-sheet', KioskEmploymentSheet);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-employment-sheet': KioskEmploymentSheet;
  }
}
