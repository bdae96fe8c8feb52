import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { lendingDeskApi, type Loan, type OverdueLine } from '../../api/lending-desk.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { dayText } from '../alert-words.js';
import { staffViewStyles } from '../staff-styles.js';
import type { DeskDetail } from './desk/desk-events.js';
import './desk/kiosk-desk-return.js';

/** 逾期未还: the call list, oldest first — who to call (the guardian's phone), what to bring back, how late; take it back here. */
export class KioskLendingOverdue extends KioskScreen {
  static override properties = { returning: { state: true }, notice: { state: true }, problem: { state: true } };
  declare returning: Loan | null;
  declare notice: string;
  declare problem: string;

  private readonly lines = new Task(this, {
    task: async (_a, { signal }) => (await lendingDeskApi.overdue(signal)).overdue,
    args: () => [] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      .line {
        display: grid;
        gap: 4px;
      }
      .late {
        font-weight: 700;
      }
      a {
        color: inherit;
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        min-width: 44px;
      }
      a:focus {
        outline: 5px solid var(--k-focus);
        outline-offset: 4px;
        box-shadow: 0 0 0 4px var(--k-focus-halo);
      }
    `,
  ];

  constructor() {
    super();
    this.returning = null;
    this.notice = '';
    this.problem = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.returning) {
      return html`<kiosk-desk-return .loan=${this.returning}
        @lending-go=${() => (this.returning = null)}
        @lending-changed=${(e: DeskDetail<'lending-changed'>) => this.returned(e.detail.notice)}></kiosk-desk-return>`;
    }
    return html`
      <h3 tabindex="-1">${t('lendingDesk.overdue.heading')}</h3>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.lines.render({
        pending: () => html`<p role="status">${t('app.loading')}</p>`,
        complete: (lines) => (lines.length === 0 ? html`<p>${t('lendingDesk.overdue.none')}</p>` : html`<ul class="rows" data-overdue>
          ${lines.map((l) => this.renderLine(l))}</ul>`),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  private renderLine(l: OverdueLine) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<li data-loan=${l.loanId}>
      <span class="line">
        <span><strong>${l.memberName}</strong> · ${l.itemName} · ${l.tagCode}</span>
        <span>${t('lendingDesk.loan.due', { date: dayText(this.i18n, l.dueOn) })} ·
          <span class="late">${t('lendingDesk.loan.late', { days: l.daysLate })}</span></span>
        <span>${t('lendingDesk.overdue.call')}
          ${l.guardianContact ? html`<a href=${`tel:${l.guardianContact.replace(/[^\d+]/g, '')}`}>${l.guardianContact}</a>` : t('lendingDesk.overdue.noPhone')}</span>
      </span>
      <button aria-label=${t('lendingDesk.member.returnOf', { item: l.itemName, tag: l.tagCode })} @click=${() => void this.startReturn(l)}>
        ${t('lendingDesk.member.return')}</button>
    </li>`;
  }

  /** Escape/Backspace: out of a return first. */
  back(): boolean {
    if (!this.returning) return false;
    this.returning = null;
    return true;
  }

  private async startReturn(line: OverdueLine): Promise<void> {
    this.notice = '';
    try {
      this.returning = await lendingDeskApi.loan(line.loanId);
      this.problem = '';
    } catch {
      this.problem = this.i18n.t('lendingDesk.error.failed');
    }
  }

  private returned(notice: string): void {
    this.returning = null;
    this.notice = notice;
    void this.lines.run();
  }
}

customElements.define('kiosk-lending-overdue', KioskLendingOverdue);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-overdue': KioskLendingOverdue;
  }
}
