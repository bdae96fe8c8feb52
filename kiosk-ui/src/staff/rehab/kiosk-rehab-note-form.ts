import { css, html, nothing } from 'lit';
import type { NoteInput, RehabGoal } from '../../api/employment.js';
import { centreTimeZone } from '../../controllers/i18n-controller.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import { todayIn } from '../zoned-time.js';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** An outcome note for a session attended (session optional), with an optional 1–5 rating per goal. */
export class KioskRehabNoteForm extends KioskScreen {
  static override properties = {
    goals: { attribute: false },
    save: { attribute: false },
    date: { state: true },
    sessionId: { state: true },
    note: { state: true },
    ratings: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare goals: RehabGoal[];
  declare save: (note: NoteInput) => Promise<string | null>;
  declare date: string;
  declare sessionId: string;
  declare note: string;
  /** goalId → rating; a goal left out is not rated this time */
  declare ratings: Record<string, number>;
  declare problem: string;
  declare busy: boolean;

  static override styles = [
    ...staffViewStyles,
    css`
      textarea {
        font: inherit;
        min-height: 4em;
        padding: 8px 16px;
        border: 3px solid var(--k-border);
        border-radius: var(--k-radius);
      }
      textarea:focus {
        outline: 5px solid var(--k-focus);
        outline-offset: 4px;
      }
      fieldset {
        display: grid;
        gap: 12px;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
      }
    `,
  ];

  constructor() {
    super();
    this.goals = [];
    this.save = async () => null;
    this.date = todayIn(centreTimeZone.value);
    this.sessionId = '';
    this.note = '';
    this.ratings = {};
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<fieldset>
      <legend>${t('employment.rehab.noteHeading')}</legend>
      <div class="row">
        <label class="field">
          <span>${t('employment.rehab.noteDate')}</span>
          <input type="date" name="note-date" .value=${this.date} max=${todayIn(centreTimeZone.value)}
            @input=${(e: InputEvent) => (this.date = (e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>${t('employment.rehab.session')}</span>
          <input name="session" maxlength="64" .value=${this.sessionId} @input=${(e: InputEvent) => (this.sessionId = (e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <label class="field">
        <span>${t('employment.rehab.note')}</span>
        <textarea name="note" maxlength="500" .value=${this.note} @input=${(e: InputEvent) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
      </label>
      ${this.goals.map((g) => html`<fieldset>
        <legend>${t('employment.rehab.rate', { goal: g.text })}</legend>
        <div class="options">
          ${RATINGS.map((r) => html`<label class="choice">
            <input type="radio" name=${`rate-${g.goalId}`} .checked=${this.ratings[g.goalId] === r} @change=${() => this.rate(g.goalId, r)} />
            <span>${r}</span>
          </label>`)}
          <label class="choice">
            <input type="radio" name=${`rate-${g.goalId}`} .checked=${this.ratings[g.goalId] === undefined} @change=${() => this.rate(g.goalId, null)} />
            <span>${t('employment.rehab.noRating')}</span>
          </label>
        </div>
      </fieldset>`)}
      <div class="actions"><button class="primary" ?disabled=${this.busy} @click=${() => void this.submit()}>${t('employment.rehab.saveNote')}</button></div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </fieldset>`;
  }

  private rate(goalId: string, rating: number | null): void {
    const next = { ...this.ratings };
    if (rating === null) delete next[goalId];
    else next[goalId] = rating;
    this.ratings = next;
  }

  private async submit(): Promise<void> {
    if (!this.note.trim()) return void (this.problem = this.i18n.t('employment.rehab.needNote'));
    this.busy = true;
    this.problem = '';
    try {
      const problem = await this.save({
        date: this.date, sessionId: this.sessionId.trim() || null, note: this.note.trim(),
        ratings: Object.entries(this.ratings).map(([goalId, rating]) => ({ goalId, rating })),
      });
      if (problem) this.problem = problem;
      else {
        this.note = '';
        this.sessionId = '';
        this.ratings = {};
      }
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-rehab-note-form', KioskRehabNoteForm);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-rehab-note-form': KioskRehabNoteForm;
  }
}
