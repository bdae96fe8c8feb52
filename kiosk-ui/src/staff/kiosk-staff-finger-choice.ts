import { css, html, nothing } from 'lit';
import { api, ApiFailure, type BiometricStatus, type Finger } from '../api/client.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { HANDS, isRecommended } from './fingers.js';
import { staffViewStyles } from './staff-styles.js';

/**
 * Which finger to enrol: ten buttons by hand, index fingers marked as suggested, fingers already
 * enrolled shown as such and not choosable. Choosing one starts the enrolment on the reader.
 */
export class KioskStaffFingerChoice extends KioskScreen {
  static override properties = {
    status: { attribute: false },
    notice: { type: String },
    problem: { state: true },
    /** the reader is busy with an enrolment started elsewhere: offer to stop it */
    busyElsewhere: { state: true },
    starting: { state: true },
  };
  declare status: BiometricStatus;
  declare notice: string;
  declare problem: string;
  declare busyElsewhere: boolean;
  declare starting: boolean;

  static override styles = [
    ...staffViewStyles,
    css`
      .hands {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
        gap: var(--k-gap);
      }
      .fingers {
        display: grid;
        gap: 10px;
      }
      .fingers button {
        justify-content: space-between;
      }
      .tag {
        font-size: 18px;
        font-weight: 700;
        padding: 2px 10px;
        border: 2px solid currentColor;
        border-radius: 999px;
      }
    `,
  ];

  constructor() {
    super();
    this.notice = '';
    this.problem = '';
    this.busyElsewhere = false;
    this.starting = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h2 tabindex="-1">${t('enrol.chooseFinger', { name: this.status.member.name })}</h2>
      <p role="status" class=${this.notice ? 'ok' : ''}>${this.notice}</p>
      <p>${t('enrol.recommendTwo')}</p>
      <div class="hands">
        ${HANDS.map(
          ({ hand, fingers }) => html`<fieldset>
            <legend>${t(`hand.${hand}`)}</legend>
            <div class="fingers">${fingers.map((f) => this.renderFinger(f))}</div>
          </fieldset>`,
        )}
      </div>
      ${this.starting ? html`<p role="status">${t('enrol.starting')}</p>` : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        ${this.busyElsewhere ? html`<button @click=${this.stopOther}>${t('enrol.stopOther')}</button>` : nothing}
        <button @click=${() => fireEvent(this, 'kiosk-fingerprint-step', { to: 'status' })}>
          ${pictogram('back')}<span>${t('frame.back')}</span>
        </button>
      </div>
    `;
  }

  private renderFinger(finger: Finger) {
    const t = this.i18n.t.bind(this.i18n);
    const enrolled = this.status.fingers.some((f) => f.finger === finger);
    const tag = enrolled ? t('enrol.alreadyEnrolled') : isRecommended(finger) ? `★ ${t('enrol.recommended')}` : '';
    return html`<button ?disabled=${enrolled} @click=${() => void this.start(finger)}>
      <span>${t(`finger.${finger}`)}</span>${tag ? html`<span class="tag">${tag}</span>` : nothing}
    </button>`;
  }

  private async start(finger: Finger): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    if (this.starting) return;
    this.starting = true;
    this.problem = '';
    this.busyElsewhere = false;
    try {
      const enrolment = await api.startEnrolment(this.status.member.id, finger);
      fireEvent(this, 'kiosk-fingerprint-step', { to: 'enrol', enrolment });
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : '';
      if (code === 'consent_required') return fireEvent(this, 'kiosk-fingerprint-step', { to: 'consent' });
      this.busyElsewhere = code === 'enrolment_in_progress';
      this.problem =
        code === 'enrolment_in_progress' ? t('enrol.busy')
        : code === 'reader_unavailable' ? t('failure.reader_unavailable')
        : t('fp.failed');
    } finally {
      this.starting = false;
    }
  }

  /** Stops an enrolment left running (e.g. from before a reload); the staff member then chooses again. */
  private async stopOther(): Promise<void> {
    try {
      const current = await api.currentEnrolment();
      await api.cancelEnrolment(current.id);
    } catch {
      // it has ended by itself meanwhile
    }
    this.busyElsewhere = false;
    this.problem = '';
  }
}

customElements.define('kiosk-staff-finger-choice', KioskStaffFingerChoice);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-finger-choice': KioskStaffFingerChoice;
  }
}
