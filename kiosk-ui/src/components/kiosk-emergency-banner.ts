import { css, html, nothing, type PropertyValues } from 'lit';
import type { AlertSummary } from '../api/client.js';
import { fireEvent } from '../fire-event.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { sendTypedCard } from '../screens/kiosk-card.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { screenStyles } from '../styles/theme.js';
import { pictogram } from './pictograms.js';

/**
 * Where the banner stands: `full` covers every member screen (nobody but staff can take it away);
 * `pin` and `staff` are a strip above the PIN pad and staff mode, once a staff member has come.
 */
export type EmergencyBannerMode = 'full' | 'pin' | 'staff';

/** What the kiosk says when the banner appears in `mode` (and again for "hear again"). */
export function emergencyPrompt(mode: EmergencyBannerMode): MessageKey {
  return mode === 'full' ? 'emergency.spoken' : 'emergency.staffSpoken';
}

/**
 * An emergency call that staff have not acknowledged yet. Full size: calm words for members (help is
 * coming, stay where you are), what staff must do, "hear again", and the way for staff to identify
 * (finger or card, or the card number typed in) — which leads to the PIN and the alert console.
 * Never moves or flashes (WCAG 2.3.1): a steady, high-contrast block.
 */
export class KioskEmergencyBanner extends KioskScreen {
  static override properties = {
    mode: { type: String, reflect: true },
    alert: { attribute: false },
    identifying: { state: true },
  };
  declare mode: EmergencyBannerMode;
  declare alert: AlertSummary;
  /** the staff part shows the card number field */
  declare identifying: boolean;

  static override styles = [
    screenStyles,
    css`
      :host([mode='full']) {
        padding: var(--k-gap);
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr));
        gap: var(--k-gap);
        align-content: start;
      }
      .message {
        display: flex;
        flex-direction: column;
        align-items: center;
        text-align: center;
        gap: var(--k-gap);
        padding: var(--k-gap);
        background: var(--k-help-bg);
        color: var(--k-help-fg);
        border: 6px solid var(--k-help-fg);
        outline: 4px solid var(--k-help-bg);
        border-radius: var(--k-radius);
      }
      .message [role='alert'] {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 12px;
      }
      .message .big {
        width: min(16vh, 128px);
        height: min(16vh, 128px);
      }
      .calm {
        font-size: var(--k-h2);
        font-weight: 700;
      }
      .staff {
        display: flex;
        flex-direction: column;
        gap: var(--k-gap);
        padding: var(--k-gap);
        border: 4px solid var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
      }
      .staff p {
        font-size: var(--k-text-small);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
        align-items: end;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      input {
        width: 9em;
        letter-spacing: 0.1em;
      }
      /* a strip over staff work stays small, so the work below keeps its room at 200 % zoom */
      .strip {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 14px;
        margin-top: 6px;
        padding: 6px 12px;
        background: var(--k-help-bg);
        color: var(--k-help-fg);
        border: 3px solid var(--k-help-fg);
        outline: 3px solid var(--k-help-bg);
        border-radius: var(--k-radius);
        font-size: 20px;
        font-weight: 700;
        line-height: 1.3;
      }
      .strip p {
        flex: 1 1 12em;
      }
      .strip button {
        min-height: 44px;
        padding: 4px 16px;
      }
    `,
  ];

  constructor() {
    super();
    this.mode = 'full';
    this.identifying = false;
  }

  override render() {
    return this.mode === 'full' ? this.renderFull() : this.renderStrip();
  }

  private renderFull() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <div class="message">
        <div role="alert">
          ${pictogram('siren', 'big')}
          <h1>${t('emergency.heading')}</h1>
          <p class="calm">${t('emergency.calm')}</p>
          <p>${t('emergency.pressedAt', { time: this.i18n.time(this.alert.raisedAt) })}</p>
        </div>
        <button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-repeat', {})}>
          ${pictogram('speaker')}<span>${t('frame.repeat')}</span>
        </button>
      </div>
      <section class="staff" aria-labelledby="staff-heading">
        <h2 id="staff-heading">${t('emergency.staffHeading')}</h2>
        <p>${t('emergency.staffWhat')}</p>
        ${this.identifying ? this.renderIdentify() : html`<div>
              <button data-staff @click=${() => (this.identifying = true)}>${pictogram('key')}<span>${t('emergency.staffAck')}</span></button>
            </div>`}
      </section>
    `;
  }

  private renderIdentify() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<p role="status"><strong>${t('emergency.identify')}</strong></p>
      <form @submit=${this.onSubmit}>
        <label>
          <span>${t('card.label')}</span>
          <input name="card" autocomplete="off" inputmode="numeric" enterkeyhint="done" />
        </label>
        <button type="submit">${pictogram('yes')}<span>${t('card.submit')}</span></button>
        <button type="button" @click=${() => this.back()}>${pictogram('back')}<span>${t('frame.back')}</span></button>
      </form>`;
  }

  private renderStrip() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="strip" role="alert">
      ${pictogram('siren')}
      <p>${t(this.mode === 'pin' ? 'emergency.stripPin' : 'emergency.stripStaff')}</p>
      ${this.mode === 'staff'
        ? html`<button data-primary @click=${() => fireEvent(this, 'kiosk-open-alerts', {})}>${t('emergency.openAlerts')}</button>`
        : nothing}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('identifying') || changed.get('identifying') === undefined) return;
    // the staff part changed under the finger that opened or closed it: keep the focus there
    const target = this.identifying ? 'input' : 'button[data-staff]';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  /** Escape/Backspace: closes the card number field; the banner itself stays. */
  back(): boolean {
    if (!this.identifying) return false;
    this.identifying = false;
    return true;
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    sendTypedCard(this, e.target as HTMLFormElement);
  }
}

customElements.define('kiosk-emergency-banner', KioskEmergencyBanner);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-emergency-banner': KioskEmergencyBanner;
  }
}
