import { css, html, nothing } from 'lit';
import { api, type BiometricStatus, type Finger } from '../api/client.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent, type FingerprintStep } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { consentByFields, consentByProblem, NO_CHOICE, type ConsentByChoice } from './consent-by.js';
import './kiosk-confirm-dialog.js';
import { staffViewStyles } from './staff-styles.js';

/**
 * One member's fingerprint status for staff: the consent in force (or that the member uses a card),
 * the enrolled fingers with Remove, Enrol, and Withdraw consent, which deletes every fingerprint.
 */
export class KioskStaffFingerprintStatus extends KioskScreen {
  static override properties = {
    status: { attribute: false },
    /** what was just done (shown once) */
    notice: { type: String },
    removing: { state: true },
    withdrawing: { state: true },
    who: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare status: BiometricStatus;
  declare notice: string;
  declare removing: Finger | null;
  declare withdrawing: boolean;
  declare who: ConsentByChoice;
  declare problem: string;
  declare busy: boolean;

  static override styles = [
    ...staffViewStyles,
    css`
      h3 {
        margin: 0 0 8px;
        font-size: 22px;
      }
      .warn,
      .ok {
        display: flex;
        align-items: center;
        gap: 12px;
      }
    `,
  ];

  constructor() {
    super();
    this.notice = '';
    this.removing = null;
    this.withdrawing = false;
    this.who = NO_CHOICE;
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const s = this.status;
    const name = s.member.name;
    const consent = s.consent;
    return html`
      <h2 tabindex="-1">${t('fp.statusHeading', { name })}</h2>
      <p role="status" class=${this.notice ? 'ok' : ''}>${this.notice}</p>
      ${s.reader !== 'ok' ? html`<p class="warn">${pictogram('card')}<span>${t('fp.readerDown')}</span></p>` : nothing}
      ${s.pendingSensorDeletions > 0
        ? html`<p class="warn">${pictogram('wait')}<span>${t('fp.pendingDeletions', { count: s.pendingSensorDeletions })}</span></p>`
        : nothing}
      ${consent
        ? html`<div class="ok">
            ${pictogram('yes')}
            <span>
              <strong>${t('fp.consentGiven')}</strong>:
              ${consent.by === 'guardian' ? t('fp.consentByGuardian', { guardian: consent.guardianName ?? '' }) : t('fp.consentBySelf')}
              <br />${t('fp.consentRecorded', { when: this.i18n.dateTime(consent.givenAt), staff: consent.staffName })}
            </span>
          </div>`
        : html`<p class="warn">${pictogram('card')}<span>${t('fp.noConsent', { name })}</span></p>`}
      ${consent ? this.renderFingers() : nothing}
      <div class="actions">
        ${consent && s.reader === 'ok'
          ? html`<button class="primary" @click=${() => this.step({ to: 'finger' })}>${pictogram('finger')}<span>${t('fp.enrol')}</span></button>`
          : nothing}
        ${consent
          ? html`<button @click=${this.askWithdraw}>${t('fp.withdraw')}</button>`
          : html`<button class="primary" @click=${() => this.step({ to: 'consent' })}>${t('fp.askConsent')}</button>`}
        <button @click=${() => this.step({ to: 'pick' })}>${t('fp.otherMember')}</button>
      </div>
      <kiosk-confirm-dialog
        .open=${this.removing !== null}
        .busy=${this.busy}
        .heading=${this.removing ? t('fp.removeQuestion', { name, finger: t(`finger.${this.removing}`) }) : ''}
        .confirmLabel=${t('fp.remove')}
        @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => void this.answerRemove(e.detail.confirmed)}
      >
        <p>${t('fp.removeExplain')}</p>
        ${this.problem && this.removing ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      </kiosk-confirm-dialog>
      <kiosk-confirm-dialog
        .open=${this.withdrawing}
        .busy=${this.busy}
        .heading=${t('fp.withdrawQuestion', { name })}
        .confirmLabel=${t('fp.withdrawConfirm')}
        @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => void this.answerWithdraw(e.detail.confirmed)}
      >
        <p><strong>${t('fp.withdrawExplain', { name })}</strong></p>
        ${consentByFields(t, 'withdraw', this.who, (who) => (this.who = who))}
        ${this.problem && this.withdrawing ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      </kiosk-confirm-dialog>
    `;
  }

  private renderFingers() {
    const t = this.i18n.t.bind(this.i18n);
    const fingers = this.status.fingers;
    return html`<section aria-labelledby="fingers">
      <h3 id="fingers">${t('fp.fingers')}</h3>
      ${fingers.length === 0
        ? html`<p>${t('fp.noFingers')}</p>`
        : html`<ul class="rows">
            ${fingers.map(
              (f) => html`<li>
                <span><strong>${t(`finger.${f.finger}`)}</strong> · ${t('fp.enrolledAt', { when: this.i18n.dateTime(f.enrolledAt) })}</span>
                <button aria-label=${t('fp.removeLabel', { finger: t(`finger.${f.finger}`) })} @click=${() => this.askRemove(f.finger)}>
                  ${t('fp.remove')}
                </button>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private askRemove(finger: Finger): void {
    this.problem = '';
    this.removing = finger;
  }

  private askWithdraw(): void {
    this.problem = '';
    this.who = NO_CHOICE;
    this.withdrawing = true;
  }

  private async answerRemove(confirmed: boolean): Promise<void> {
    const finger = this.removing;
    if (!confirmed || !finger) return void (this.removing = null);
    await this.act(async () => {
      await api.removeFinger(this.status.member.id, finger);
      this.removing = null;
      this.step({ to: 'status', notice: this.i18n.t('fp.removed', { finger: this.i18n.t(`finger.${finger}`) }) });
    });
  }

  private async answerWithdraw(confirmed: boolean): Promise<void> {
    if (!confirmed) return void (this.withdrawing = false);
    const missing = consentByProblem(this.i18n.t.bind(this.i18n), this.who);
    if (missing) return void (this.problem = missing);
    const { by, guardianName } = this.who;
    await this.act(async () => {
      await api.withdrawConsent(this.status.member.id, by!, by === 'guardian' ? guardianName.trim() : undefined);
      this.withdrawing = false;
      this.step({ to: 'status', notice: this.i18n.t('fp.withdrawn', { name: this.status.member.name }) });
    });
  }

  /** Runs a change on the server; the dialog stays open with a plain message if it fails. */
  private async act(change: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      await change();
    } catch {
      this.problem = this.i18n.t('fp.failed');
    } finally {
      this.busy = false;
    }
  }

  private step(detail: FingerprintStep): void {
    fireEvent(this, 'kiosk-fingerprint-step', detail);
  }
}

customElements.define('kiosk-staff-fingerprint-status', KioskStaffFingerprintStatus);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-fingerprint-status': KioskStaffFingerprintStatus;
  }
}
