import { Task } from '@lit/task';
import { html, type PropertyValues } from 'lit';
import { api, type BiometricStatus, type EnrolmentState, type MemberMatch } from '../api/client.js';
import type { FingerprintStep } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import './kiosk-member-picker.js';
import './kiosk-staff-consent.js';
import './kiosk-staff-enrol.js';
import './kiosk-staff-finger-choice.js';
import './kiosk-staff-fingerprint-status.js';
import { staffViewStyles } from './staff-styles.js';

type Step = FingerprintStep['to'];

/**
 * Fingerprint enrolment in staff mode, one step at a time: choose the member → their status →
 * consent (if not yet given) → choose a finger → guided presses and test. Each step's heading takes
 * the focus; Escape goes one step back.
 */
export class KioskStaffFingerprints extends KioskScreen {
  static override properties = {
    member: { state: true },
    step: { state: true },
    enrolment: { state: true },
    notice: { state: true },
  };
  declare member: Pick<MemberMatch, 'id' | 'name'> | null;
  declare step: Step;
  declare enrolment: EnrolmentState | null;
  declare notice: string;

  /** bumped to read the member's status again after every change */
  private revision = 0;
  private focusPending = false;

  private readonly status = new Task(this, {
    task: ([id], { signal }) => (id ? api.biometrics(id, signal) : Promise.resolve(null)),
    args: () => [this.member?.id ?? null, this.revision] as const,
  });

  static override styles = staffViewStyles;

  constructor() {
    super();
    this.member = null;
    this.step = 'pick';
    this.enrolment = null;
    this.notice = '';
    this.focusPending = true;
    this.addEventListener('kiosk-member-picked', (e) => {
      this.member = e.detail.member;
      this.go({ to: 'status' });
    });
    this.addEventListener('kiosk-fingerprint-step', (e) => this.go(e.detail));
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.step === 'pick' || !this.member) {
      return html`<h2 tabindex="-1">${t('fp.pickHeading')}</h2>
        <kiosk-member-picker></kiosk-member-picker>`;
    }
    const id = this.member.id;
    return this.status.render({
      pending: () => (this.status.value?.member.id === id ? this.renderStep(this.status.value) : html`<p role="status">${t('app.loading')}</p>`),
      complete: (status) => (status ? this.renderStep(status) : html``),
      error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>
        <div class="actions">
          <button @click=${() => void this.status.run()}>${t('mode.retry')}</button>
          <button @click=${() => this.go({ to: 'pick' })}>${t('fp.otherMember')}</button>
        </div>`,
    });
  }

  private renderStep(status: BiometricStatus) {
    switch (this.step) {
      case 'consent':
        return html`<kiosk-staff-consent .status=${status}></kiosk-staff-consent>`;
      case 'finger':
        return html`<kiosk-staff-finger-choice .status=${status} .notice=${this.notice}></kiosk-staff-finger-choice>`;
      case 'enrol':
        return this.enrolment
          ? html`<kiosk-staff-enrol .enrolment=${this.enrolment} .status=${status}></kiosk-staff-enrol>`
          : html``;
      default:
        return html`<kiosk-staff-fingerprint-status .status=${status} .notice=${this.notice}></kiosk-staff-fingerprint-status>`;
    }
  }

  /** Escape/Backspace: one step back (during an enrolment: cancel it). False on the first step. */
  back(): boolean {
    switch (this.step) {
      case 'pick':
        return false;
      case 'status':
        this.go({ to: 'pick' });
        return true;
      case 'enrol':
        if (this.renderRoot.querySelector('kiosk-staff-enrol')?.back()) return true;
        this.go({ to: 'status' });
        return true;
      default:
        this.go({ to: 'status' });
        return true;
    }
  }

  private go(step: FingerprintStep): void {
    this.notice = 'notice' in step ? (step.notice ?? '') : '';
    if (step.to === 'enrol') this.enrolment = step.enrolment;
    // the enrolment follows the status it started from; every other step reads it afresh
    else this.revision += 1;
    this.step = step.to;
    this.focusPending = true;
    this.requestUpdate();
  }

  protected override updated(_changed: PropertyValues<this>): void {
    if (!this.focusPending) return;
    this.focusPending = false;
    void this.focusHeading();
  }

  /** Once the step is drawn (its data loaded), put the focus on its heading. */
  private async focusHeading(): Promise<void> {
    if (this.step !== 'pick') await this.status.taskComplete.catch(() => undefined);
    await this.updateComplete;
    const own = this.renderRoot.querySelector<HTMLElement>('h2[tabindex]');
    if (own) return own.focus();
    const view = Array.from((this.renderRoot as ShadowRoot).children).find((el): el is KioskScreen => el instanceof KioskScreen);
    await view?.updateComplete;
    view?.renderRoot.querySelector<HTMLElement>('h2[tabindex]')?.focus();
  }
}

customElements.define('kiosk-staff-fingerprints', KioskStaffFingerprints);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-fingerprints': KioskStaffFingerprints;
  }
}
