import { css, html, nothing, type PropertyValues } from 'lit';
import { api, type BiometricStatus, type EnrolmentState } from '../api/client.js';
import { pictogram } from '../components/pictograms.js';
import { EnrolmentFollower } from '../controllers/enrolment-follower.js';
import { SpeechController } from '../controllers/speech-controller.js';
import { fireEvent, type FingerprintStep } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { EnrolmentGuide, type Guidance } from './enrolment-guide.js';
import { nextSuggestion } from './fingers.js';
import { staffViewStyles } from './staff-styles.js';

type Phase = 'pressing' | 'testing' | 'result';

const phaseOf = (s: EnrolmentState): Phase => (s.status === 'pressing' || s.status === 'testing' ? s.status : 'result');

/**
 * One enrolment as it happens: a big instruction for each step (shown, spoken, announced), the press
 * counter, plain advice when a press must be repeated, Cancel at any time; then the test press and
 * the result, each with a way on. The member is pressing, not touching the screen.
 */
export class KioskStaffEnrol extends KioskScreen {
  static override properties = {
    /** the enrolment as the server started it */
    enrolment: { attribute: false },
    /** the member's status before this enrolment */
    status: { attribute: false },
    cancelling: { state: true },
  };
  declare enrolment: EnrolmentState;
  declare status: BiometricStatus;
  declare cancelling: boolean;

  private readonly guide = new EnrolmentGuide();
  private readonly speech = new SpeechController(this);
  private readonly follower = new EnrolmentFollower(this, (s) => this.onState(s));
  private spokenKey = '';
  private phase: Phase | null = null;

  static override styles = [
    ...staffViewStyles,
    css`
      .guide {
        display: grid;
        gap: 12px;
      }
      .instruction {
        font-size: calc(var(--k-h1) * 1.4);
        font-weight: 700;
        line-height: 1.25;
      }
      .counter {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--k-gap);
        font-size: var(--k-h2);
        font-weight: 600;
      }
      .dots {
        display: flex;
        gap: 10px;
      }
      .dots span {
        display: inline-grid;
        place-items: center;
        width: 48px;
        height: 48px;
        border: 3px dashed var(--k-border);
        border-radius: 50%;
      }
      .dots .now {
        border: 5px double var(--k-fg);
      }
      .dots .done {
        border: 3px solid var(--k-primary-bg);
        background: var(--k-primary-bg);
        color: var(--k-primary-fg);
      }
    `,
  ];

  constructor() {
    super();
    this.cancelling = false;
  }

  private get state(): EnrolmentState {
    return this.follower.state ?? this.enrolment;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('enrolment')) this.follower.follow(this.enrolment);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // leaving the screen mid-way: stop the reader so it does not take the next finger for this enrolment
    if (phaseOf(this.state) !== 'result') void api.cancelEnrolment(this.state.id).catch(() => undefined);
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const s = this.state;
    const finger = t(`finger.${s.finger}`);
    const g = this.guide.words(t, finger);
    const phase = phaseOf(s);
    const heading = phase === 'pressing' ? t('enrol.heading', { finger }) : phase === 'testing' ? t('enrol.testTitle', { finger }) : g.instruction;
    const tone = phase !== 'result' ? '' : s.status === 'done' ? 'ok' : 'warn';
    return html`
      <h2 tabindex="-1">${heading}</h2>
      <div class="guide ${tone}" role="status">
        ${phase !== 'result' ? html`<p class="instruction">${g.instruction}</p>` : nothing}
        ${g.advice ? html`<p class="warn">${g.advice}</p>` : nothing}
        ${g.detail ? html`<p>${g.detail}</p>` : nothing}
      </div>
      ${g.counter ? this.renderCounter(g.counter) : nothing}
      ${phase === 'result' ? this.renderResult(s) : this.renderWhileActing(phase)}
    `;
  }

  private renderCounter(c: NonNullable<Guidance['counter']>) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="counter">
      <p>${t('enrol.counter', { press: c.press, presses: c.presses })}</p>
      <div class="dots" role="img" aria-label=${t('enrol.progress', { done: c.done, presses: c.presses })}>
        ${Array.from({ length: c.presses }, (_, i) =>
          html`<span class=${i < c.done ? 'done' : i === c.done ? 'now' : ''}>${i < c.done ? '✓' : i + 1}</span>`)}
      </div>
    </div>`;
  }

  private renderWhileActing(phase: Phase) {
    const t = this.i18n.t.bind(this.i18n);
    const stop = phase === 'testing' ? t('enrol.skipTest') : this.cancelling ? t('enrol.cancelling') : t('enrol.cancel');
    return html`<div class="actions">
      <button @click=${() => this.speech.repeat()}>${pictogram('speaker')}<span>${t('frame.repeat')}</span></button>
      <button @click=${() => void this.cancel()}>${pictogram('no')}<span>${stop}</span></button>
    </div>`;
  }

  private renderResult(s: EnrolmentState) {
    const t = this.i18n.t.bind(this.i18n);
    const go = (step: FingerprintStep) => () => fireEvent(this, 'kiosk-fingerprint-step', step);
    const back = html`<button @click=${go({ to: 'status' })}>${pictogram('back')}<span>${t('frame.back')}</span></button>`;
    if (s.status === 'done') {
      const second = nextSuggestion([...this.status.fingers.map((f) => f.finger), s.finger]);
      return html`
        ${second ? html`<p>${t('enrol.offerSecond', { finger: t(`finger.${second}`) })}</p>` : nothing}
        <div class="actions">
          ${second ? html`<button class="primary" @click=${go({ to: 'finger' })}>${pictogram('finger')}<span>${t('enrol.second')}</span></button>` : nothing}
          <button class=${second ? '' : 'primary'} @click=${go({ to: 'status' })}>${pictogram('yes')}<span>${t('enrol.finish')}</span></button>
        </div>`;
    }
    if (s.failure === 'reader_unavailable') return html`<div class="actions">${back}</div>`;
    const again = s.status === 'cancelled' || s.failure === 'timeout' ? t('enrol.tryAgain') : t('enrol.otherFinger');
    return html`<div class="actions">
      <button class="primary" @click=${go({ to: 'finger' })}>${pictogram('finger')}<span>${again}</span></button>
      ${back}
    </div>`;
  }

  /** Escape/Backspace: while the member is at the reader, that is Cancel (or, in the test, skip it). */
  back(): boolean {
    if (phaseOf(this.state) === 'result') return false;
    void this.cancel();
    return true;
  }

  private async cancel(): Promise<void> {
    if (this.cancelling) return;
    this.cancelling = true;
    try {
      this.follower.offer(await api.cancelEnrolment(this.state.id));
    } catch {
      // not reached the server: the button is there to press again
      this.cancelling = false;
    }
  }

  private onState(s: EnrolmentState): void {
    this.guide.observe(s);
    const t = this.i18n.t.bind(this.i18n);
    const g = this.guide.words(t, t(`finger.${s.finger}`));
    if (g.key !== this.spokenKey) {
      this.spokenKey = g.key;
      this.speech.say(g.spoken);
    }
    const phase = phaseOf(s);
    if (phase === this.phase) return;
    this.phase = phase;
    this.cancelling = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }
}

customElements.define('kiosk-staff-enrol', KioskStaffEnrol);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-enrol': KioskStaffEnrol;
  }
}
