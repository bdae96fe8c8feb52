import { Task } from '@lit/task';
import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiFailure } from '../../api/client.js';
import { rehabApi, type GoalInput, type NoteInput, type RehabOverview } from '../../api/employment.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import './kiosk-rehab-note-form.js';
import './kiosk-rehab-plan-editor.js';
import './kiosk-rehab-progress.js';

/** One member's rehabilitation: the plan in force (start / review it), outcome notes, progress per goal. */
export class KioskRehabMember extends KioskScreen {
  static override properties = {
    memberId: { attribute: false },
    /** called after the plan or a note was saved (the member list shows who has a plan) */
    saved: { attribute: false },
    editing: { state: true },
    message: { state: true },
  };
  declare memberId: string;
  declare saved: () => void;
  declare editing: boolean;
  declare message: string;

  private readonly overview = new Task(this, {
    task: async ([memberId], { signal }) => rehabApi.overview(memberId, signal),
    args: () => [this.memberId] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      ul.notes {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      ul.notes li {
        border-bottom: 1px solid var(--k-border);
        padding-bottom: 8px;
      }
    `,
  ];

  constructor() {
    super();
    this.memberId = '';
    this.saved = () => undefined;
    this.editing = false;
    this.message = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // another member: their plan is shown, not the previous member's editor or message
    if (changed.has('memberId')) {
      this.editing = false;
      this.message = '';
    }
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
      ${this.overview.render({
        pending: () => (this.overview.value ? this.renderOverview(this.overview.value) : html`<p role="status">${t('employment.loading')}</p>`),
        complete: (o) => this.renderOverview(o),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  private renderOverview(o: RehabOverview) {
    const t = this.i18n.t.bind(this.i18n);
    const plan = o.plan;
    const goalText = new Map((plan?.goals ?? []).map((g) => [g.goalId, g.text]));
    return html`
      <h3>${t('employment.rehab.planOf', { name: o.member.name })}</h3>
      ${plan
        ? html`<p>${t(plan.version === 1 ? 'employment.rehab.started' : 'employment.rehab.reviewed', { version: plan.version, date: plan.recordedAt.slice(0, 10), staff: plan.staffName })}</p>
          <ol data-list="goals">${plan.goals.map((g) => html`<li>${g.text}${g.targetDate ? t('employment.rehab.by', { date: g.targetDate }) : ''}</li>`)}</ol>`
        : html`<p role="status">${t('employment.rehab.noPlan', { name: o.member.name })}</p>`}
      ${this.editing
        ? html`<kiosk-rehab-plan-editor
            .goals=${plan?.goals ?? []}
            .save=${(goals: GoalInput[]) => this.afterSave(rehabApi.setPlan(o.member.id, goals), 'employment.rehab.planSaved', () => (this.editing = false))}
            .cancel=${() => (this.editing = false)}
          ></kiosk-rehab-plan-editor>`
        : html`<div class="actions"><button @click=${() => this.edit()}>${t(plan ? 'employment.rehab.review' : 'employment.rehab.start')}</button></div>`}
      ${plan && !this.editing
        ? html`<kiosk-rehab-note-form
            .goals=${plan.goals}
            .save=${(note: NoteInput) => this.afterSave(rehabApi.addNote(o.member.id, note), 'employment.rehab.noteSaved')}
          ></kiosk-rehab-note-form>
          <kiosk-rehab-progress .progress=${o.progress}></kiosk-rehab-progress>`
        : nothing}
      <h4>${t('employment.rehab.notes')}</h4>
      ${o.notes.length === 0
        ? html`<p>${t('employment.rehab.noNotes')}</p>`
        : html`<ul class="notes" data-list="notes">${o.notes.map((n) => html`<li>
            <strong>${n.date}</strong>${n.sessionId ? html` · ${t('employment.rehab.sessionRef', { id: n.sessionId })}` : nothing}
            · ${t('employment.rehab.noteBy', { staff: n.staffName })}
            <div>${n.note}</div>
            ${n.ratings.length > 0
              ? html`<div>${n.ratings.map((r) => t('employment.rehab.ratingLine', { goal: goalText.get(r.goalId) ?? t('employment.rehab.oldGoal'), rating: r.rating })).join('；')}</div>`
              : nothing}
          </li>`)}</ul>`}
    `;
  }

  private edit(): void {
    this.editing = true;
    this.message = '';
  }

  private async afterSave(
    pending: Promise<RehabOverview>, done: 'employment.rehab.planSaved' | 'employment.rehab.noteSaved', then?: () => void,
  ): Promise<string | null> {
    try {
      const o = await pending;
      then?.();
      this.message = this.i18n.t(done, { name: o.member.name });
      void this.overview.run();
      this.saved();
      return null;
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : '';
      if (code === 'future_date') return this.i18n.t('employment.error.future_date');
      if (code === 'invalid_date') return this.i18n.t('employment.error.invalid_date');
      return this.i18n.t('employment.error.failed');
    }
  }
}

customElements.define('kiosk-rehab-member', KioskRehabMember);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-rehab-member': KioskRehabMember;
  }
}
