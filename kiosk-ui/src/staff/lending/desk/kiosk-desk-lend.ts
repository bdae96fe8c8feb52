import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { ApiFailure } from '../../../api/client.js';
import { lendingDeskApi, type CatalogueEntry, type Eligibility, type Item, type ItemCondition, type MemberLending } from '../../../api/lending-desk.js';
import { DEVICE_KINDS } from '../../../components/device-kinds.js';
import { pictogram } from '../../../components/pictograms.js';
import { fireEvent } from '../../../fire-event.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { dayText } from '../../alert-words.js';
import { staffViewStyles } from '../../staff-styles.js';
import { checkList, checkProblem, type CheckAnswers } from './check-list.js';
import { conditionChoice } from './condition-choice.js';
import type { CheckoutDraft } from './checkout-draft.js';
import './desk-events.js';
import './kiosk-assessment-form.js';
import { refusalText } from './refusal-words.js';

/**
 * Lending a device to the member at the desk: the item (its tag scanned, or chosen from an entry's
 * available items), the eligibility check in words (an override with a reason where staff may), the due
 * date, the condition and the entry's checklist; where an assessment is missing, records one and checks again. Sends the draft on to the member's acknowledgement.
 */
export class KioskDeskLend extends KioskScreen {
  static override properties = {
    member: { attribute: false },
    /** the loan as it was before going on to the acknowledgement (coming back restores it) */
    draft: { attribute: false },
    item: { state: true },
    entryId: { state: true },
    tag: { state: true },
    dueOn: { state: true },
    condition: { state: true },
    checks: { state: true },
    overrideReason: { state: true },
    problem: { state: true },
    assessing: { state: true },
  };
  declare member: MemberLending;
  declare draft: CheckoutDraft | null;
  declare item: Item | null;
  declare entryId: string;
  declare tag: string;
  declare dueOn: string;
  declare condition: ItemCondition;
  declare checks: CheckAnswers;
  declare overrideReason: string;
  declare problem: string;
  /** the 记录评估 form is open for the item's entry (offered when an assessment is missing) */
  declare assessing: boolean;

  private readonly catalogue = new Task(this, {
    task: (_a, { signal }) => lendingDeskApi.activeEntries(signal),
    args: () => [] as const,
  });

  private readonly available = new Task(this, {
    task: async ([catalogueId], { signal }) =>
      catalogueId ? (await lendingDeskApi.items({ status: 'available', catalogueId }, signal)).items : [],
    args: () => [this.entryId] as const,
  });

  private readonly eligibility = new Task(this, {
    task: async ([memberId, itemId], { signal }): Promise<Eligibility | null> => {
      if (!itemId) return null;
      const answer = await lendingDeskApi.eligibility(memberId, itemId, signal);
      if (!this.dueOn) this.dueOn = answer.suggestedDueOn;
      return answer;
    },
    args: () => [this.member.memberId, this.item?.id ?? ''] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      .item {
        display: flex;
        gap: 16px;
        align-items: center;
      }
      .item .picto {
        width: 64px;
        height: 64px;
      }
      ul.entries,
      ul.pick {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
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
      ul.refusals {
        margin: 0;
        display: grid;
        gap: 8px;
      }
    `,
  ];

  constructor() {
    super();
    this.draft = null;
    this.item = null;
    this.entryId = '';
    this.tag = '';
    this.dueOn = '';
    this.condition = 'good';
    this.checks = {};
    this.overrideReason = '';
    this.problem = '';
    this.assessing = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    const d = this.draft;
    if (!changed.has('draft') || !d || d.member.id !== this.member.memberId) return;
    this.item = d.item;
    this.dueOn = d.input.dueOn;
    this.condition = d.input.condition;
    this.checks = { ...d.input.checklist };
    this.overrideReason = d.input.override?.reason ?? '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3 tabindex="-1">${t('lendingDesk.lend.heading', { name: this.member.memberName })}</h3>
      ${this.item ? this.renderItem(this.item) : this.renderFind()}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        ${this.item ? html`<button @click=${() => this.choose(null)}>${t('lendingDesk.lend.otherItem')}</button>` : nothing}
        <button @click=${() => fireEvent(this, 'lending-go', { to: 'member' })}>${t('lendingDesk.back')}</button>
      </div>
    `;
  }

  private renderFind() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <div class="scan">
        <label class="search">
          <span>${t('lendingDesk.lend.scan')}</span>
          <input name="tag" data-primary autocomplete="off" .value=${this.tag}
            @input=${(e: InputEvent) => (this.tag = (e.target as HTMLInputElement).value)}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); void this.scan(); } }} />
        </label>
        <button @click=${() => void this.scan()}>${t('lendingDesk.lend.find')}</button>
      </div>
      <fieldset>
        <legend>${t('lendingDesk.lend.orPick')}</legend>
        ${this.catalogue.render({
          pending: () => html`<p role="status">${t('app.loading')}</p>`,
          complete: (entries) => this.renderEntries(entries),
          error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
        })}
      </fieldset>
      ${this.entryId ? this.available.render({
        pending: () => html`<p role="status">${t('app.loading')}</p>`,
        complete: (items) => items.length === 0 ? html`<p>${t('lendingDesk.lend.noneFree')}</p>` : html`<ul class="pick">
          ${items.map((i) => html`<li><button @click=${() => this.choose(i)}>${i.tagCode}${i.location ? ` · ${i.location}` : ''} · ${t(`lending.condition.${i.condition}`)}</button></li>`)}
        </ul>`,
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      }) : nothing}
    `;
  }

  private renderEntries(entries: CatalogueEntry[]) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<ul class="entries">
      ${entries.map((e) => html`<li><button aria-pressed=${String(this.entryId === e.id)} @click=${() => (this.entryId = e.id)}>
        ${pictogram(DEVICE_KINDS[e.category].pictogram)}<span>${e.name} · ${t('lendingDesk.lend.free', { count: e.counts.available })}</span>
      </button></li>`)}
    </ul>`;
  }

  private renderItem(item: Item) {
    const t = this.i18n.t.bind(this.i18n);
    const entry = this.catalogue.value?.find((e) => e.id === item.catalogueId);
    return html`
      <p class="item">${pictogram(DEVICE_KINDS[item.category].pictogram)}
        <span data-item>${item.catalogueName} · ${item.tagCode} · ${t(`lending.status.${item.status}`)}</span></p>
      ${this.eligibility.render({
        pending: () => html`<p role="status">${t('lendingDesk.lend.checking')}</p>`,
        complete: (e) => (e ? this.renderEligibility(e, entry) : nothing),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  private renderEligibility(e: Eligibility, entry: CatalogueEntry | undefined) {
    const t = this.i18n.t.bind(this.i18n);
    const blocked = e.refusals.filter((r) => !r.overridable);
    const overridable = e.refusals.filter((r) => r.overridable);
    const keys = entry?.checkoutChecklist ?? [];
    return html`
      ${e.eligible ? html`<p class="ok" role="status">${t('lendingDesk.lend.eligible')}</p>` : html`<div class=${blocked.length ? 'error' : 'warn'} role="alert">
        <p>${t(blocked.length ? 'lendingDesk.lend.refused' : 'lendingDesk.lend.refusedOverridable')}</p>
        <ul class="refusals" data-refusals>${e.refusals.map((r) => html`<li>${refusalText(this.i18n, r, this.member.open)}</li>`)}</ul>
      </div>`}
      ${e.refusals.some((r) => r.code === 'assessment_required') ? this.renderAssess(e.catalogueId, entry) : nothing}
      ${blocked.length ? nothing : html`
        ${overridable.length ? html`<label class="field"><span>${t('lendingDesk.lend.overrideReason')}</span>
          <textarea name="override-reason" .value=${this.overrideReason}
            @input=${(ev: InputEvent) => (this.overrideReason = (ev.target as HTMLTextAreaElement).value)}></textarea></label>` : nothing}
        <label class="field"><span>${t('lendingDesk.lend.dueOn', { suggested: dayText(this.i18n, e.suggestedDueOn) })}</span>
          <input type="date" name="due-on" .value=${this.dueOn} @input=${(ev: InputEvent) => (this.dueOn = (ev.target as HTMLInputElement).value)} /></label>
        ${conditionChoice(this.i18n, this.condition, (c) => (this.condition = c))}
        ${keys.length ? checkList(this.i18n, keys, this.checks, (k, ok) => (this.checks = { ...this.checks, [k]: ok })) : nothing}
        <div class="actions"><button class="primary" @click=${() => this.next(e, keys)}>${t('lendingDesk.lend.toAcknowledge')}</button></div>
      `}
    `;
  }

  /** 为 … 记录评估: the assessment form for the item's entry; once saved the check runs again. */
  private renderAssess(catalogueId: string, entry: CatalogueEntry | undefined) {
    const t = this.i18n.t.bind(this.i18n);
    if (!this.assessing) {
      return html`<div class="actions"><button name="assess" @click=${() => void this.openAssessment()}>
        ${t('lendingDesk.lend.assessFor', { entry: entry?.name ?? this.item?.catalogueName ?? '' })}</button></div>`;
    }
    return html`<kiosk-assessment-form .memberId=${this.member.memberId} .catalogueId=${catalogueId}
      @lending-assess-closed=${() => (this.assessing = false)}
      @lending-assessed=${() => void this.assessed()}></kiosk-assessment-form>`;
  }

  private async openAssessment(): Promise<void> {
    this.assessing = true;
    await this.updateComplete;
    const form = this.renderRoot.querySelector('kiosk-assessment-form');
    await form?.updateComplete;
    form?.focusFirst();
  }

  private async assessed(): Promise<void> {
    this.assessing = false;
    this.problem = '';
    void this.eligibility.run();
    await this.focusForm();
  }

  private async scan(): Promise<void> {
    const tag = this.tag.trim();
    const t = this.i18n.t.bind(this.i18n);
    if (!tag) return void (this.problem = t('lendingDesk.lend.scanFirst'));
    try {
      this.choose(await lendingDeskApi.byTag(tag));
    } catch (err) {
      // the field is emptied for the next scan (the scanner types a whole tag)
      this.tag = '';
      this.problem = err instanceof ApiFailure && err.status === 404 ? t('lendingDesk.lend.unknownTag', { tag }) : t('lendingDesk.error.failed');
    }
  }

  private choose(item: Item | null): void {
    this.item = item;
    this.tag = '';
    this.problem = '';
    this.dueOn = '';
    this.checks = {};
    this.overrideReason = '';
    if (item) {
      this.condition = item.condition;
      void this.focusForm();
    }
  }

  /** After a scan the find field is gone: the focus goes to the form's first field (or 换一件 when refused outright). */
  private async focusForm(): Promise<void> {
    // the check starts when the item is rendered (its args change), so wait for that render first
    await this.updateComplete;
    await this.eligibility.taskComplete.catch(() => undefined);
    await this.updateComplete;
    const root = this.renderRoot;
    const first = root.querySelector<HTMLElement>('textarea[name="override-reason"], input[name="due-on"]') ?? root.querySelector<HTMLElement>('.actions button');
    first?.focus();
  }

  private next(e: Eligibility, keys: readonly string[]): void {
    const t = this.i18n.t.bind(this.i18n);
    const item = this.item;
    if (!item) return;
    const problem = checkProblem(this.i18n, keys, this.checks);
    if (problem) return void (this.problem = problem);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.dueOn)) return void (this.problem = t('lendingDesk.lend.dueNeeded'));
    const reason = this.overrideReason.trim();
    if (!e.eligible && !reason) return void (this.problem = t('lendingDesk.lend.reasonNeeded'));
    this.problem = '';
    fireEvent(this, 'lending-draft', {
      draft: {
        member: { id: this.member.memberId, name: this.member.memberName, guardianContact: this.member.guardianContact, profile: this.member.profile },
        item,
        photoPath: this.catalogue.value?.find((c) => c.id === item.catalogueId)?.photoPath ?? null,
        input: {
          memberId: this.member.memberId, itemId: item.id, dueOn: this.dueOn, condition: this.condition,
          checklist: Object.fromEntries(keys.map((k) => [k, true])),
          ...(e.eligible ? {} : { override: { reason } }),
        },
      },
    });
  }
}

customElements.define('kiosk-desk-lend', KioskDeskLend);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-desk-lend': KioskDeskLend;
  }
}
