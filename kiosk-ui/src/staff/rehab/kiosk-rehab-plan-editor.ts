import { css, html, nothing } from 'lit';
import type { GoalInput, RehabGoal } from '../../api/employment.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';

const MAX_GOALS = 10;

interface Row { goalId?: string; text: string; targetDate: string }

/**
 * Starts or reviews a plan: the goals in force are copied in (kept goals keep their id, so their
 * ratings continue); goals can be reworded, removed or added. `save` answers null or a message.
 */
export class KioskRehabPlanEditor extends KioskScreen {
  static override properties = {
    goals: { attribute: false },
    save: { attribute: false },
    cancel: { attribute: false },
    rows: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare goals: RehabGoal[];
  declare save: (goals: GoalInput[]) => Promise<string | null>;
  declare cancel: () => void;
  declare rows: Row[];
  declare problem: string;
  declare busy: boolean;

  static override styles = [
    ...staffViewStyles,
    css`
      ol {
        display: grid;
        gap: 12px;
        padding-inline-start: 1.5em;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
      }
      li label.field:first-child {
        flex: 1 1 16em;
      }
    `,
  ];

  constructor() {
    super();
    this.goals = [];
    this.save = async () => null;
    this.cancel = () => undefined;
    this.rows = [];
    this.problem = '';
    this.busy = false;
  }

  /** The goals in force are copied in once, when the editor opens. */
  protected override willUpdate(): void {
    if (this.hasUpdated) return;
    this.rows = this.goals.length > 0
      ? this.goals.map((g) => ({ goalId: g.goalId, text: g.text, targetDate: g.targetDate ?? '' }))
      : [{ text: '', targetDate: '' }];
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<fieldset>
      <legend>${t('employment.rehab.editor')}</legend>
      <ol>
        ${this.rows.map((row, i) => html`<li>
          <label class="field">
            <span>${t('employment.rehab.goalText', { n: i + 1 })}</span>
            <input name="goal-text" maxlength="200" .value=${row.text} @input=${(e: InputEvent) => this.change(i, { text: (e.target as HTMLInputElement).value })} />
          </label>
          <label class="field">
            <span>${t('employment.rehab.targetDate', { n: i + 1 })}</span>
            <input type="date" name="goal-date" .value=${row.targetDate} @input=${(e: InputEvent) => this.change(i, { targetDate: (e.target as HTMLInputElement).value })} />
          </label>
          <button ?disabled=${this.rows.length === 1} @click=${() => (this.rows = this.rows.filter((_, j) => j !== i))}>
            ${t('employment.rehab.removeGoal', { n: i + 1 })}
          </button>
        </li>`)}
      </ol>
      <div class="actions">
        <button ?disabled=${this.rows.length >= MAX_GOALS} @click=${() => (this.rows = [...this.rows, { text: '', targetDate: '' }])}>
          ${t('employment.rehab.addGoal')}
        </button>
        <button class="primary" ?disabled=${this.busy} @click=${() => void this.submit()}>${t('employment.rehab.savePlan')}</button>
        <button @click=${() => this.cancel()}>${t('employment.cancel')}</button>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </fieldset>`;
  }

  private change(i: number, patch: Partial<Row>): void {
    this.rows = this.rows.map((row, j) => (j === i ? { ...row, ...patch } : row));
  }

  private async submit(): Promise<void> {
    if (this.rows.some((r) => !r.text.trim())) return void (this.problem = this.i18n.t('employment.rehab.needGoalText'));
    this.busy = true;
    this.problem = '';
    try {
      const problem = await this.save(this.rows.map((r) => ({ goalId: r.goalId, text: r.text.trim(), targetDate: r.targetDate || null })));
      if (problem) this.problem = problem;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-rehab-plan-editor', KioskRehabPlanEditor);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-rehab-plan-editor': KioskRehabPlanEditor;
  }
}
