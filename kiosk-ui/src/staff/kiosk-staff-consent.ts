import { css, html, nothing } from 'lit';
import { api, ApiFailure, type BiometricStatus } from '../api/client.js';
import { pictogram } from '../components/pictograms.js';
import { SpeechController } from '../controllers/speech-controller.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { consentByFields, consentByProblem, NO_CHOICE, type ConsentByChoice } from './consent-by.js';
import { staffViewStyles } from './staff-styles.js';

const POINTS = ['consent.p2', 'consent.p3', 'consent.p4', 'consent.p5', 'consent.p6'] as const;

/**
 * Consent before any fingerprint: a plain explanation to read to (or by) the member, also spoken;
 * then who agrees (the member, or the guardian by name) and Confirm. "No" keeps the member on the card.
 */
export class KioskStaffConsent extends KioskScreen {
  static override properties = {
    status: { attribute: false },
    who: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare status: BiometricStatus;
  declare who: ConsentByChoice;
  declare problem: string;
  declare busy: boolean;

  private readonly speech = new SpeechController(this);

  static override styles = [
    ...staffViewStyles,
    css`
      .explain {
        font-size: var(--k-text-small);
        padding: 16px 20px;
        border: 3px solid var(--k-secondary-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
      }
      .explain ul {
        margin: 12px 0 0;
        padding-inline-start: 1.2em;
        display: grid;
        gap: 8px;
      }
    `,
  ];

  constructor() {
    super();
    this.who = NO_CHOICE;
    this.problem = '';
    this.busy = false;
  }

  protected override firstUpdated(): void {
    this.readAloud();
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const name = this.status.member.name;
    return html`
      <h2 tabindex="-1">${t('consent.heading', { name })}</h2>
      <p>${t('consent.readAloud', { name })}</p>
      <div class="explain">
        <p><strong>${t('consent.p1', { name })}</strong></p>
        <ul>
          ${POINTS.map((key) => html`<li>${t(key)}</li>`)}
        </ul>
      </div>
      <div class="actions">
        <button @click=${this.readAloud}>${pictogram('speaker')}<span>${t('frame.repeat')}</span></button>
      </div>
      ${consentByFields(t, 'give', this.who, (who) => (this.who = who))}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button @click=${this.decline}>${pictogram('card')}<span>${t('consent.decline')}</span></button>
        <button class="primary" ?disabled=${this.busy} @click=${this.confirm}>${pictogram('yes')}<span>${t('consent.confirm')}</span></button>
      </div>
    `;
  }

  /** Say the explanation (the same words as shown). */
  private readAloud(): void {
    const t = this.i18n.t.bind(this.i18n);
    this.speech.say([t('consent.p1', { name: this.status.member.name }), ...POINTS.map((key) => t(key))].join(' '));
  }

  private decline(): void {
    this.speech.stop();
    fireEvent(this, 'kiosk-fingerprint-step', { to: 'status', notice: this.i18n.t('consent.declined', { name: this.status.member.name }) });
  }

  private async confirm(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const missing = consentByProblem(t, this.who);
    if (missing) {
      this.problem = missing;
      return;
    }
    const { by, guardianName } = this.who;
    this.busy = true;
    this.problem = '';
    try {
      await api.giveConsent(this.status.member.id, by!, by === 'guardian' ? guardianName.trim() : undefined);
      this.speech.stop();
      fireEvent(this, 'kiosk-fingerprint-step', { to: 'finger', notice: t('consent.recorded') });
    } catch (err) {
      this.problem = err instanceof ApiFailure && err.code === 'guardian_name_required' ? t('fp.needGuardianName') : t('fp.failed');
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-staff-consent', KioskStaffConsent);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-consent': KioskStaffConsent;
  }
}
