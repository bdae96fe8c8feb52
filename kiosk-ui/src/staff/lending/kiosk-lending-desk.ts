import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { ApiFailure } from '../../api/client.js';
import { lendingDeskApi, type Loan } from '../../api/lending-desk.js';
import type { AccessibilityProfile } from '../../../../edge-server/src/api-types.js';
import { onLendingMessage } from '../../controllers/connection-controller.js';
import { profileStore } from '../../controllers/profile-controller.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffNavStyles, staffViewStyles } from '../staff-styles.js';
import type { CheckoutDraft } from './desk/checkout-draft.js';
import './desk/desk-events.js';
import type { DeskDetail } from './desk/desk-events.js';
import './desk/kiosk-desk-acknowledge.js';
import './desk/kiosk-desk-cleaning.js';
import './desk/kiosk-desk-identify.js';
import './desk/kiosk-desk-lend.js';
import './desk/kiosk-desk-member.js';
import './desk/kiosk-desk-renew.js';
import './desk/kiosk-desk-return.js';
import './desk/kiosk-desk-summary.js';
import { reservationFor } from './desk/ready-words.js';

type Step =
  | { to: 'identify' }
  | { to: 'member' }
  | { to: 'lend' }
  | { to: 'acknowledge'; draft: CheckoutDraft }
  | { to: 'summary'; loanId: string }
  | { to: 'return' | 'renew'; loan: Loan }
  | { to: 'cleaning' };

/**
 * 借出与归还: the loan desk, one step at a time — who the member is, their lending, lend (eligibility,
 * checklist), the member's acknowledgement, the easy-read summary; return, renew, lost; cleaning.
 * A reserved device coming back clean is announced here, with whom it is for.
 */
export class KioskLendingDesk extends KioskScreen {
  static override properties = {
    step: { state: true },
    memberId: { state: true },
    notice: { state: true },
    ready: { state: true },
    returnTag: { state: true },
    problem: { state: true },
  };
  /** the loan last sent to the acknowledgement: going back to the loan form keeps what staff set */
  private draft: CheckoutDraft | null = null;
  declare step: Step;
  declare memberId: string;
  declare notice: string;
  declare ready: string;
  declare returnTag: string;
  declare problem: string;

  private off: (() => void) | null = null;
  /** the borrower's own profile, for their acknowledgement and summary (from the draft) */
  private borrowerProfile: AccessibilityProfile | null = null;
  /** while the borrower's screens show: the profile put in force, and the staff view's to put back after */
  private applied: { profile: AccessibilityProfile; restore: AccessibilityProfile } | null = null;
  /** an assessment was recorded while lending: the member's view is loaded again on the way back */
  private stale = false;

  private readonly lending = new Task(this, {
    task: async ([id], { signal }) => (id ? lendingDeskApi.member(id, signal) : null),
    args: () => [this.memberId] as const,
  });

  static override styles = [
    ...staffViewStyles,
    staffNavStyles,
    css`
      .steps {
        display: grid;
        gap: var(--k-gap);
      }
      .ready {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: center;
        justify-content: space-between;
      }
      .scan {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
      }
      .scan label {
        flex: 1 1 16em;
      }
    `,
  ];

  constructor() {
    super();
    this.step = { to: 'identify' };
    this.memberId = '';
    this.notice = '';
    this.ready = '';
    this.returnTag = '';
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.off = onLendingMessage((m) => {
      if (m.kind === 'ready') void this.announceReady(m.itemId, m.reservationId);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.applyBorrowerProfile(null);
    this.off?.();
    this.off = null;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <nav aria-label=${t('lending.part.desk')}>
        <button aria-current=${this.step.to === 'cleaning' ? 'false' : 'page'} @click=${() => this.go({ to: this.memberId ? 'member' : 'identify' })}>
          ${t('lendingDesk.nav.desk')}</button>
        <button aria-current=${this.step.to === 'cleaning' ? 'page' : 'false'} @click=${() => this.go({ to: 'cleaning' })}>${t('lendingDesk.nav.cleaning')}</button>
      </nav>
      ${this.ready ? html`<div class="warn ready" role="alert">
        <p data-ready>${this.ready}</p>
        <button @click=${() => (this.ready = '')}>${this.i18n.t('lendingDesk.readySeen')}</button>
      </div>` : nothing}
      <div class="steps"
        @lending-member=${(e: DeskDetail<'lending-member'>) => this.openMember(e.detail.memberId)}
        @lending-go=${(e: DeskDetail<'lending-go'>) => this.go(e.detail)}
        @lending-draft=${(e: DeskDetail<'lending-draft'>) => this.toAcknowledge(e.detail.draft)}
        @lending-checked-out=${(e: DeskDetail<'lending-checked-out'>) => this.checkedOut(e.detail.loan)}
        @lending-changed=${(e: DeskDetail<'lending-changed'>) => this.changed(e.detail.notice)}
        @lending-assessed=${(e: DeskDetail<'lending-assessed'>) => this.assessed(e.detail.notice)}>
        ${this.renderStep()}
      </div>
    `;
  }

  private renderStep() {
    const t = this.i18n.t.bind(this.i18n);
    const step = this.step;
    switch (step.to) {
      case 'identify':
        return html`${this.renderReturnByTag()}<kiosk-desk-identify></kiosk-desk-identify>`;
      case 'cleaning':
        return html`<kiosk-desk-cleaning></kiosk-desk-cleaning>`;
      case 'acknowledge':
        return html`<kiosk-desk-acknowledge .draft=${step.draft}></kiosk-desk-acknowledge>`;
      case 'summary':
        return html`<kiosk-desk-summary .loanId=${step.loanId}></kiosk-desk-summary>`;
      case 'return':
        return html`<kiosk-desk-return .loan=${step.loan}></kiosk-desk-return>`;
      case 'renew':
        return html`<kiosk-desk-renew .loan=${step.loan}></kiosk-desk-renew>`;
      case 'member':
      case 'lend':
        return this.lending.render({
          pending: () => html`<p role="status">${t('app.loading')}</p>`,
          complete: (m) => (!m ? nothing : step.to === 'lend'
            ? html`<kiosk-desk-lend .member=${m} .draft=${this.draft}></kiosk-desk-lend>`
            : html`<kiosk-desk-member .lending=${m} .notice=${this.notice}></kiosk-desk-member>`),
          error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>
            <div class="actions"><button @click=${() => this.go({ to: 'identify' })}>${t('lendingDesk.member.another')}</button></div>`,
        });
    }
  }

  private renderReturnByTag() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="scan">
        <label class="search">
          <span>${t('lendingDesk.return.scan')}</span>
          <input name="return-tag" autocomplete="off" .value=${this.returnTag}
            @input=${(e: InputEvent) => (this.returnTag = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void this.returnByTag(); } }} />
        </label>
        <button @click=${() => void this.returnByTag()}>${t('lendingDesk.return.find')}</button>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}`;
  }

  /** Escape/Backspace goes back one step (the staff view asks its part first). */
  back(): boolean {
    const step = this.step.to;
    if (step === 'acknowledge') {
      this.renderRoot.querySelector('kiosk-desk-acknowledge')?.back();
      return true;
    }
    if (step === 'identify') return false;
    this.go({ to: step === 'member' || step === 'cleaning' || !this.memberId ? 'identify' : 'member' });
    return true;
  }

  private go(step: Step): void {
    if (step.to === 'identify' || step.to === 'member') this.draft = null;
    if (step.to === 'identify') {
      this.memberId = '';
      this.notice = '';
    }
    this.problem = '';
    // the borrower's profile applies before their screen first renders and speaks
    this.applyBorrowerProfile(step.to === 'acknowledge' || step.to === 'summary' ? this.borrowerProfile : null);
    if (step.to === 'member' && this.stale) void this.lending.run();
    if (step.to === 'member' || step.to === 'identify') this.stale = false;
    this.step = step;
    void this.focusStep();
  }

  /** On the member's view the new assessment is listed at once; while lending it waits for the way back. */
  private assessed(notice: string): void {
    if (this.step.to === 'member') return this.changed(notice);
    this.stale = true;
  }

  /**
   * ACCESSIBILITY.md: once the member is known their profile applies (large text, high contrast, speech,
   * easy-read, slower timeouts) — here on the screens they read; the staff view's own comes back after
   * (unless something else, e.g. the kiosk leaving staff mode, has set another meanwhile).
   */
  private applyBorrowerProfile(profile: AccessibilityProfile | null): void {
    if (profile) {
      this.applied = { profile, restore: this.applied?.restore ?? profileStore.value };
      profileStore.set(profile);
      return;
    }
    const applied = this.applied;
    this.applied = null;
    if (applied && profileStore.value === applied.profile) profileStore.set(applied.restore);
  }

  private toAcknowledge(draft: CheckoutDraft): void {
    this.draft = draft;
    this.borrowerProfile = draft.member.profile;
    this.go({ to: 'acknowledge', draft });
  }

  private openMember(memberId: string): void {
    this.memberId = memberId;
    this.notice = '';
    void this.lending.run();
    this.go({ to: 'member' });
  }

  private checkedOut(loan: Loan): void {
    this.draft = null;
    this.notice = this.i18n.t('lendingDesk.lend.done', { item: loan.itemName, tag: loan.tagCode });
    void this.lending.run();
    this.go({ to: 'summary', loanId: loan.id });
  }

  private changed(notice: string): void {
    this.notice = notice;
    this.stale = false;
    void this.lending.run();
    this.step = { to: this.memberId ? 'member' : 'identify' };
    if (!this.memberId) this.problem = '';
    void this.focusStep();
  }

  private async returnByTag(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const tag = this.returnTag.trim();
    if (!tag) return void (this.problem = t('lendingDesk.lend.scanFirst'));
    try {
      const item = await lendingDeskApi.byTag(tag);
      if (!item.loan) return void (this.problem = t('lendingDesk.return.notOnLoan', { tag, status: t(`lending.status.${item.status}`) }));
      const loan = await lendingDeskApi.loan(item.loan.id);
      this.returnTag = '';
      this.memberId = loan.memberId;
      this.go({ to: 'return', loan });
    } catch (err) {
      this.problem = err instanceof ApiFailure && err.status === 404 ? t('lendingDesk.lend.unknownTag', { tag }) : t('lendingDesk.error.failed');
    }
  }

  private async announceReady(itemId: string, reservationId: string): Promise<void> {
    const item = await lendingDeskApi.item(itemId).catch(() => null);
    const reservation = await reservationFor({ id: itemId, catalogueId: item?.catalogueId ?? '' }, reservationId);
    if (!reservation) return;
    this.ready = this.i18n.t('lendingDesk.ready', { item: reservation.catalogueName, tag: reservation.tagCode ?? '', name: reservation.memberName });
  }

  private async focusStep(): Promise<void> {
    await this.updateComplete;
    if (this.step.to === 'member' || this.step.to === 'lend') await this.lending.taskComplete.catch(() => undefined);
    await this.updateComplete;
    const child = this.renderRoot.querySelector<KioskScreen>('.steps > *:not(div):not(p)');
    if (!child) return;
    await child.updateComplete;
    // the member-facing steps are shown whole, below the staff chrome
    if (this.step.to === 'acknowledge' || this.step.to === 'summary') child.scrollIntoView({ block: 'start' });
    const root = child.renderRoot;
    const target = root.querySelector<HTMLElement>('[data-primary]') ?? root.querySelector<HTMLElement>('h3[tabindex], h2[tabindex]');
    target?.focus();
  }
}

customElements.define('kiosk-lending-desk', KioskLendingDesk);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-desk': KioskLendingDesk;
  }
}
