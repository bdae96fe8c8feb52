import { css, html } from 'lit';
import type { KioskOutcome, SurveyPrompt } from '../../../edge-server/src/api-types.js';
import { communityApi } from '../api/community.js';
import { ACTIVITY_KINDS } from '../components/activity-kinds.js';
import { pictogram, type PictogramName } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { centredScreen, screenStyles } from '../styles/theme.js';
import { UNDO_SECONDS } from './kiosk-confirm-checkout.js';
import { KioskScreen } from './kiosk-screen.js';

type CheckedOut = Extract<KioskOutcome, { kind: 'checked_out' }>;
type Score = 1 | 2 | 3 | 4 | 5;

const SCORES: { score: Score; face: PictogramName; word: MessageKey }[] = [
  { score: 1, face: 'face1', word: 'community.survey.score1' },
  { score: 2, face: 'face2', word: 'community.survey.score2' },
  { score: 3, face: 'face3', word: 'community.survey.score3' },
  { score: 4, face: 'face4', word: 'community.survey.score4' },
  { score: 5, face: 'face5', word: 'community.survey.score5' },
];

/**
 * The satisfaction question after a goodbye: five faces with their words, spoken, skippable,
 * anonymous unless the member presses "写上我的名字". A face chosen can be taken back for a few
 * seconds (撤销) before it is sent; leaving the screen meanwhile sends nothing. Then thanks.
 */
export class KioskSurvey extends KioskScreen {
  static override properties = {
    outcome: { attribute: false },
    phase: { state: true },
    named: { state: true },
    busy: { state: true },
    remaining: { state: true },
  };
  declare outcome: CheckedOut;
  /** `chosen`: a face was pressed and can be taken back for `remaining` seconds */
  declare phase: 'ask' | 'chosen' | 'thanks';
  declare remaining: number;
  private chosen: Score = 3;
  private countdown: ReturnType<typeof setInterval> | undefined;
  declare named: boolean;
  declare busy: boolean;

  static override styles = [
    screenStyles,
    centredScreen,
    css`
      .faces {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 12px;
      }
      /* the five faces, and skip (where the focus starts), are primary-sized (≥ 96 px tall) */
      .faces button,
      button[data-primary] {
        min-height: var(--k-primary-h);
      }
      .faces button {
        flex-direction: column;
        gap: 6px;
        min-width: 150px;
        padding: 12px 10px;
      }
      .faces .picto {
        width: 2.6em;
        height: 2.6em;
      }
      button[aria-pressed='true'] {
        background: var(--k-primary-bg);
        color: var(--k-primary-fg);
      }
    `,
  ];

  constructor() {
    super();
    this.phase = 'ask';
    this.named = false;
    this.busy = false;
    this.remaining = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.countdown);
  }

  private get survey(): SurveyPrompt {
    return this.outcome.survey!;
  }

  /** What the screen says now (spoken on entry and again in the other language). */
  prompt(): string {
    const t = this.i18n.t.bind(this.i18n);
    if (this.phase === 'thanks') return t('community.survey.thanks');
    if (this.phase === 'chosen') return t('community.survey.chosen', { word: t(SCORES[this.chosen - 1]!.word) });
    return `${this.question()} ${t('community.survey.hint')}`;
  }

  private question(): string {
    const about = this.survey.about;
    const t = this.i18n.t.bind(this.i18n);
    return about === null ? t('community.survey.question') : t('community.survey.questionAbout', { kind: t(ACTIVITY_KINDS[about].word) });
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.phase === 'thanks') {
      return html`
        ${pictogram('heart', 'picto')}
        <h1>${t('community.survey.thanks')}</h1>
        <button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'idle' })}>
          ${pictogram('yes')}<span>${t('community.survey.done')}</span>
        </button>
      `;
    }
    if (this.phase === 'chosen') {
      const s = SCORES[this.chosen - 1]!;
      return html`
        ${pictogram(s.face, 'picto')}
        <h1>${this.prompt()}</h1>
        <p role="status">${t('community.survey.countdown', { seconds: this.remaining })}</p>
        <button class="primary" data-primary ?disabled=${this.busy} @click=${() => void this.undo()}>
          ${pictogram('back')}<span>${t('confirm.undo')}</span>
        </button>
      `;
    }
    return html`
      <h1>${this.question()}</h1>
      <p>${t('community.survey.hint')}</p>
      <div class="faces" role="group" aria-label=${this.question()}>
        ${SCORES.map((s) => html`<button ?disabled=${this.busy} @click=${() => void this.choose(s.score)}>
          ${pictogram(s.face)}<span>${t(s.word)}</span>
        </button>`)}
      </div>
      <div class="row">
        <button aria-pressed=${this.named ? 'true' : 'false'} @click=${() => (this.named = !this.named)}>
          ${pictogram('yes')}<span>${t('community.survey.named')}</span>
        </button>
        <button data-primary ?disabled=${this.busy} @click=${() => void this.skip()}>
          ${pictogram('back')}<span>${t('community.survey.skip')}</span>
        </button>
      </div>
    `;
  }

  /** A face was pressed: say which, and send it unless taken back within the undo seconds. */
  private async choose(score: Score): Promise<void> {
    const seconds = Math.round(UNDO_SECONDS * this.profileCtl.profile.timeoutScale);
    const endsAt = Date.now() + seconds * 1000;
    this.chosen = score;
    this.remaining = seconds;
    this.phase = 'chosen';
    this.countdown = setInterval(() => {
      const left = Math.ceil((endsAt - Date.now()) / 1000);
      if (left > 0) {
        this.remaining = left;
        return;
      }
      clearInterval(this.countdown);
      void this.answer();
    }, 200);
    await this.updateComplete;
    fireEvent(this, 'kiosk-speak', { text: this.prompt() });
    await this.focusPrimary();
  }

  private async undo(): Promise<void> {
    clearInterval(this.countdown);
    this.phase = 'ask';
    await this.updateComplete;
    fireEvent(this, 'kiosk-speak', { text: this.prompt() });
    await this.focusPrimary();
  }

  private async answer(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await communityApi.answerSurvey(this.outcome.visit.token, { questionId: this.survey.questionId, score: this.chosen, named: this.named });
      this.phase = 'thanks';
      fireEvent(this, 'kiosk-speak', { text: this.prompt() });
      await this.focusPrimary();
    } catch {
      this.phase = 'ask';
      fireEvent(this, 'kiosk-say', { text: this.i18n.t('community.survey.failed') });
    } finally {
      this.busy = false;
    }
  }

  /** Skipping needs no answer to arrive: the member was counted as asked when the question came. */
  private async skip(): Promise<void> {
    this.busy = true;
    await communityApi.answerSurvey(this.outcome.visit.token, { questionId: this.survey.questionId, score: null }).catch(() => undefined);
    fireEvent(this, 'kiosk-navigate', { to: 'idle' });
  }
}

customElements.define('kiosk-survey', KioskSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-survey': KioskSurvey;
  }
}
