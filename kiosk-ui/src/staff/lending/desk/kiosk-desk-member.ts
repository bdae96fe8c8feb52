import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { lendingDeskApi, type Loan, type MemberLending } from '../../../api/lending-desk.js';
import { DEVICE_KINDS } from '../../../components/device-kinds.js';
import { pictogram } from '../../../components/pictograms.js';
import { fireEvent } from '../../../fire-event.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { dayText } from '../../alert-words.js';
import '../../kiosk-confirm-dialog.js';
import { staffViewStyles } from '../../staff-styles.js';
import './desk-events.js';
import './kiosk-assessment-form.js';
import { disabilityWord, dueText } from './loan-words.js';

/** The member at the desk: their open loans (return, renew, lost), reservations, waiting and assessments (record one); lend another device. */
export class KioskDeskMember extends KioskScreen {
  static override properties = {
    lending: { attribute: false },
    notice: { attribute: false },
    losing: { state: true },
    lostNote: { state: true },
    problem: { state: true },
    busy: { state: true },
    assessing: { state: true },
  };
  declare lending: MemberLending;
  declare notice: string;
  declare losing: Loan | null;
  declare lostNote: string;
  declare problem: string;
  declare busy: boolean;
  /** the 记录评估 form is open */
  declare assessing: boolean;

  /** Entry names for the waiting lists the member is on (a waiting-list line carries the entry's id only). */
  private readonly entryNames = new Task(this, {
    task: async ([waiting], { signal }) => {
      if (waiting === 0) return new Map<string, string>();
      const { entries } = await lendingDeskApi.catalogue(signal);
      return new Map(entries.map((e) => [e.id, e.name]));
    },
    args: () => [this.lending?.waiting.length ?? 0] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      .loan {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
      }
      .late {
        font-weight: 700;
      }
      h4 {
        margin: 8px 0 0;
      }
    `,
  ];

  constructor() {
    super();
    this.notice = '';
    this.losing = null;
    this.lostNote = '';
    this.problem = '';
    this.busy = false;
    this.assessing = false;
  }

  override render() {
    const m = this.lending;
    const t = this.i18n.t.bind(this.i18n);
    const facts = [
      m.disabilityCategory ? t('lendingDesk.member.disability', { category: disabilityWord(this.i18n, m.disabilityCategory) }) : '',
      m.disabilityGrade !== null ? t('lending.grade', { grade: m.disabilityGrade }) : '',
      m.guardianContact ? t('lendingDesk.member.guardian', { contact: m.guardianContact }) : '',
    ].filter(Boolean);
    return html`
      <h3 tabindex="-1">${t('lendingDesk.member.heading', { name: m.memberName })}</h3>
      ${facts.length ? html`<p>${facts.join(' · ')}</p>` : nothing}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button class="primary" data-primary @click=${() => fireEvent(this, 'lending-go', { to: 'lend' })}>${t('lendingDesk.member.lend')}</button>
        <button @click=${() => fireEvent(this, 'lending-go', { to: 'identify' })}>${t('lendingDesk.member.another')}</button>
        <button aria-expanded=${String(this.assessing)} @click=${() => void this.openAssessment()}>${t('lendingDesk.member.assess')}</button>
      </div>
      ${this.assessing ? html`<kiosk-assessment-form .memberId=${m.memberId}
        @lending-assess-closed=${() => (this.assessing = false)}></kiosk-assessment-form>` : nothing}
      <h4>${t('lendingDesk.member.open')}</h4>
      ${m.open.length === 0 ? html`<p>${t('lendingDesk.member.noOpen')}</p>` : html`<ul class="rows">
        ${m.open.map((l) => html`<li>
          <span class="loan">${pictogram(DEVICE_KINDS[l.category].pictogram)}<span>${l.itemName} · ${l.tagCode}</span>
            <span class=${l.daysLate > 0 ? 'late' : ''}>${dueText(this.i18n, l)}</span></span>
          <span class="actions">
            <button aria-label=${t('lendingDesk.member.returnOf', { item: l.itemName, tag: l.tagCode })}
              @click=${() => fireEvent(this, 'lending-go', { to: 'return', loan: l })}>${t('lendingDesk.member.return')}</button>
            <button aria-label=${t('lendingDesk.member.renewOf', { item: l.itemName, tag: l.tagCode })}
              @click=${() => fireEvent(this, 'lending-go', { to: 'renew', loan: l })}>${t('lendingDesk.member.renew')}</button>
            <button aria-label=${t('lendingDesk.member.lostOf', { item: l.itemName, tag: l.tagCode })}
              @click=${() => this.askLost(l)}>${t('lendingDesk.member.lost')}</button>
          </span>
        </li>`)}
      </ul>`}
      ${m.reservations.length ? html`<h4>${t('lendingDesk.member.reservations')}</h4><ul class="rows">
        ${m.reservations.map((r) => html`<li>${r.catalogueName}${r.tagCode ? ` · ${r.tagCode}` : ''} ·
          ${t('lendingDesk.reservation.span', { from: dayText(this.i18n, r.from), to: dayText(this.i18n, r.to) })}</li>`)}
      </ul>` : nothing}
      ${m.waiting.length ? html`<h4>${t('lendingDesk.member.waiting')}</h4><ul class="rows">
        ${m.waiting.map((w) => html`<li>${this.entryNames.value?.get(w.catalogueId) ?? ''} · ${t('lendingDesk.waitlist.position', { position: w.position })}${w.note ? ` · ${w.note}` : ''}</li>`)}
      </ul>` : nothing}
      ${m.assessments.length ? html`<h4>${t('lendingDesk.member.assessments')}</h4><ul class="rows">
        ${m.assessments.map((a) => html`<li>${a.catalogueName} · ${t('lendingDesk.member.assessedOn', { date: dayText(this.i18n, a.assessedOn) })}
          ${a.validUntil ? ` · ${t('lendingDesk.member.validUntil', { date: dayText(this.i18n, a.validUntil) })}` : ''}</li>`)}
      </ul>` : nothing}
      ${m.past.length ? html`<h4>${t('lendingDesk.member.past')}</h4><ul class="rows">
        ${m.past.slice(0, 10).map((l) => html`<li>${l.itemName} · ${l.tagCode} · ${t(`lendingDesk.loanState.${l.state}`)}</li>`)}
      </ul>` : nothing}
      ${this.renderLostDialog()}
    `;
  }

  private renderLostDialog() {
    const t = this.i18n.t.bind(this.i18n);
    const loan = this.losing;
    return html`<kiosk-confirm-dialog ?open=${loan !== null} ?busy=${this.busy}
      .heading=${t('lendingDesk.lost.heading')} .confirmLabel=${t('lendingDesk.lost.confirm')}
      @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => void this.answerLost(e.detail.confirmed)}>
      ${loan ? html`<p>${t('lendingDesk.lost.body', { item: loan.itemName, tag: loan.tagCode })}</p>
        <label class="field"><span>${t('lendingDesk.lost.note')}</span>
          <textarea name="lost-note" aria-invalid=${this.problem && !this.lostNote.trim() ? 'true' : 'false'} .value=${this.lostNote}
            @input=${(e: InputEvent) => (this.lostNote = (e.target as HTMLTextAreaElement).value)}></textarea></label>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}` : nothing}
    </kiosk-confirm-dialog>`;
  }

  /** Opens 记录评估 with the focus on its first choice (saving it reloads the member, with the new line listed). */
  private async openAssessment(): Promise<void> {
    this.assessing = true;
    await this.updateComplete;
    const form = this.renderRoot.querySelector('kiosk-assessment-form');
    await form?.updateComplete;
    form?.focusFirst();
  }

  private askLost(loan: Loan): void {
    this.losing = loan;
    this.lostNote = '';
    this.problem = '';
  }

  private async answerLost(confirmed: boolean): Promise<void> {
    const loan = this.losing;
    if (!loan) return;
    if (!confirmed) {
      this.losing = null;
      this.problem = '';
      return;
    }
    const t = this.i18n.t.bind(this.i18n);
    const note = this.lostNote.trim();
    if (!note) return void (this.problem = t('lendingDesk.lost.noteNeeded'));
    this.busy = true;
    try {
      await lendingDeskApi.lost(loan.id, note);
      this.losing = null;
      this.problem = '';
      fireEvent(this, 'lending-changed', { notice: t('lendingDesk.lost.done', { item: loan.itemName, tag: loan.tagCode }) });
    } catch {
      this.problem = t('lendingDesk.error.failed');
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-desk-member', KioskDeskMember);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-desk-member': KioskDeskMember;
  }
}
