import { css, html, nothing } from 'lit';
import type { NoteInput, RehabGoal, RehabSessionAttended } from '../../api/employment.js';
import { centreTimeZone } from '../../controllers/i18n-controller.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import { todayIn } from '../zoned-time.js';
import { occurrenceKey, sessionLabel } from './session-label.js';

const RATINGS = [1, 2, 3, 4, 5] as const;
/** The choice "不关联活动" (no occurrence key can equal it: keys contain a NUL). */
const NO_SESSION = 'none';

/**
 * An outcome note, started by choosing the rehabilitation session attended it is for (or 不关联活动:
 * then a date is typed), with an optional 1–5 rating per goal. No session id is ever typed.
 */
export class KioskRehabNoteForm extends KioskScreen {
  static override properties = {
    goals: { attribute: false },
    sessions: { attribute: false },
    save: { attribute: false },
    date: { state: true },
    chosen: { state: true },
    note: { state: true },
    ratings: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare goals: RehabGoal[];
  /** the member's rehabilitation sessions attended, newest first */
  declare sessions: RehabSessionAttended[];
  declare save: (note: NoteInput) => Promise<string | null>;
  declare date: string;
  /** an occurrence key, NO_SESSION, or null while nothing is chosen yet */
  declare chosen: string | null;
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
    this.sessions = [];
    this.save = async () => null;
    this.date = todayIn(centreTimeZone.value);
    this.chosen = null;
    this.note = '';
    this.ratings = {};
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<fieldset>
      <legend>${t('employment.rehab.noteHeading')}</legend>
      <fieldset>
        <legend>${t('employment.rehab.chooseSession')}</legend>
        <div class="options">
          ${this.sessions.map((s) => this.choice(occurrenceKey(s.sessionId, s.date),
            s.noteId ? `${sessionLabel(t, s)}（${t('employment.rehab.hasNote')}）` : sessionLabel(t, s)))}
          ${this.choice(NO_SESSION, t('employment.rehab.noSession'))}
        </div>
      </fieldset>
      ${this.chosen === NO_SESSION
        ? html`<label class="field">
            <span>${t('employment.rehab.noteDate')}</span>
            <input type="date" name="note-date" .value=${this.date} max=${todayIn(centreTimeZone.value)}
              @input=${(e: InputEvent) => (this.date = (e.target as HTMLInputElement).value)} />
          </label>`
        : nothing}
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

  /** Chooses a session (the plan's 写记录) and moves the focus to the note. */
  async choose(sessionId: string, date: string): Promise<void> {
    this.chosen = occurrenceKey(sessionId, date);
    this.problem = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name="note"]')?.focus();
  }

  private choice(key: string, label: string) {
    return html`<label class="choice">
      <input type="radio" name="session" .checked=${this.chosen === key} @change=${() => (this.chosen = key)} />
      <span>${label}</span>
    </label>`;
  }

  /** The chosen occurrence's session id and date; a note without a session has the typed date. */
  private target(): { sessionId: string | null; date: string } | null {
    if (this.chosen === NO_SESSION) return { sessionId: null, date: this.date };
    const s = this.sessions.find((x) => occurrenceKey(x.sessionId, x.date) === this.chosen);
    return s ? { sessionId: s.sessionId, date: s.date } : null;
  }

  private rate(goalId: string, rating: number | null): void {
    const next = { ...this.ratings };
    if (rating === null) delete next[goalId];
    else next[goalId] = rating;
    this.ratings = next;
  }

  private async submit(): Promise<void> {
    const target = this.target();
    if (!target) return void (this.problem = this.i18n.t('employment.rehab.needSession'));
    if (!this.note.trim()) return void (this.problem = this.i18n.t('employment.rehab.needNote'));
    this.busy = true;
    this.problem = '';
    try {
      const problem = await this.save({
        ...target, note: this.note.trim(),
        ratings: Object.entries(this.ratings).map(([goalId, rating]) => ({ goalId, rating })),
      });
      if (problem) this.problem = problem;
      else {
        this.note = '';
        this.chosen = null;
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
