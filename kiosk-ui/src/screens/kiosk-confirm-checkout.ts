import { Task, TaskStatus } from '@lit/task';
import { css, html } from 'lit';
import type { KioskOutcome } from '../../../edge-server/src/api-types.js';
import { api, ApiFailure } from '../api/client.js';
import '../components/kiosk-avatar.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { centredScreen, screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

type ConfirmCheckout = Extract<KioskOutcome, { kind: 'confirm_checkout' }>;

/** Seconds a member has to take back "yes, I am leaving" before it is recorded (× their timeoutScale). */
export const UNDO_SECONDS = 4;

/**
 * A member who is already in put a finger on again: ask (one decision) whether they are leaving.
 * "Yes" is recorded only after a few seconds with a large Undo button (ACCESSIBILITY.md: undo after a
 * choice), so a slip of the hand never becomes a check-out and a correction.
 */
export class KioskConfirmCheckout extends KioskScreen {
  static override properties = { outcome: { attribute: false }, remaining: { state: true } };
  declare outcome: ConfirmCheckout;
  /** seconds left to undo, or null while the question is open */
  declare remaining: number | null;
  private countdown: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.remaining = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving this screen any other way (Escape, call staff, timeout) takes the "yes" back.
    this.stopCountdown();
  }

  private chooseLeave(): void {
    const seconds = Math.round(UNDO_SECONDS * this.profileCtl.profile.timeoutScale);
    const endsAt = Date.now() + seconds * 1000;
    this.remaining = seconds;
    fireEvent(this, 'kiosk-say', { text: this.i18n.t('confirm.leavingSpoken') });
    this.countdown = setInterval(() => {
      const left = Math.ceil((endsAt - Date.now()) / 1000);
      if (left > 0) {
        this.remaining = left;
        return;
      }
      this.stopCountdown();
      this.checkout.run([this.outcome.confirmToken]);
    }, 200);
    void this.focusPrimary();
  }

  private undo(): void {
    this.stopCountdown();
    this.remaining = null;
    fireEvent(this, 'kiosk-say', { text: this.i18n.t('confirm.undone') });
    void this.focusPrimary();
  }

  private stopCountdown(): void {
    clearInterval(this.countdown);
    this.countdown = undefined;
  }

  private readonly checkout = new Task(this, {
    autoRun: false,
    task: async ([token]: readonly [string]) => {
      try {
        fireEvent(this, 'kiosk-outcome', await api.checkout(token));
      } catch (err) {
        if (err instanceof ApiFailure && err.code === 'token_expired') {
          fireEvent(this, 'kiosk-say', { text: this.i18n.t('confirm.expired') });
          fireEvent(this, 'kiosk-navigate', { to: 'idle' });
        } else {
          fireEvent(this, 'kiosk-say', { text: this.i18n.t('staff.failed') });
        }
        throw err;
      }
    },
  });

  static override styles = [
    screenStyles,
    centredScreen,
    css`
      .who {
        display: flex;
        align-items: center;
        gap: var(--k-gap);
        flex-wrap: wrap;
        justify-content: center;
      }
      kiosk-avatar {
        width: calc(var(--k-h1) * 2);
        height: calc(var(--k-h1) * 2);
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: calc(var(--k-gap) * 2);
        width: 100%;
      }
      .choices button {
        flex: 1 1 280px;
        max-width: 420px;
        min-height: calc(var(--k-primary-h) * 1.4);
        font-size: var(--k-h1);
        flex-direction: column;
      }
      .choices .picto {
        width: 1.2em;
        height: 1.2em;
      }
    `,
  ];

  override render() {
    const o = this.outcome;
    const t = this.i18n.t.bind(this.i18n);
    const busy = this.checkout.status === TaskStatus.PENDING;
    if (this.remaining !== null) {
      return html`
        <div class="who">
          <kiosk-avatar .name=${o.member.name} .photoUrl=${o.member.photoUrl} alt=${t('welcome.photoAlt', { name: o.member.name })}></kiosk-avatar>
          <h2>${o.member.name}</h2>
        </div>
        <h1>${t('confirm.leaving')}</h1>
        <p role="status">${t('confirm.countdown', { seconds: this.remaining })}</p>
        <div class="choices">
          <button class="primary" data-primary ?disabled=${busy} @click=${() => this.undo()}>
            ${pictogram('back')}<span>${t('confirm.undo')}</span>
          </button>
        </div>
      `;
    }
    return html`
      <div class="who">
        <kiosk-avatar .name=${o.member.name} .photoUrl=${o.member.photoUrl} alt=${t('welcome.photoAlt', { name: o.member.name })}></kiosk-avatar>
        <h2>${o.member.name}</h2>
      </div>
      <h1>${t('confirm.question')}</h1>
      <div class="choices">
        <button class="primary" data-primary ?disabled=${busy} @click=${() => this.chooseLeave()}>
          ${pictogram('leave')}<span>${t('confirm.yes')}</span>
        </button>
        <button ?disabled=${busy} @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'idle' })}>
          ${pictogram('stay')}<span>${t('confirm.no')}</span>
        </button>
      </div>
    `;
  }
}

customElements.define('kiosk-confirm-checkout', KioskConfirmCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-confirm-checkout': KioskConfirmCheckout;
  }
}
