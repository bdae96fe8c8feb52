import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing, type PropertyValues } from 'lit';
import { api, ApiFailure, type StaffSessionInfo } from '../api/client.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { screenStyles } from '../styles/theme.js';
import { staffStyles } from './staff-styles.js';

const MAX_PIN = 8;

/** PIN entry for staff mode (after finger or card): masked field, 44 px+ keypad, keyboard digits. */
export class KioskPinPad extends KioskScreen {
  static override properties = {
    identToken: { type: String },
    staffName: { type: String },
    pin: { state: true },
    problem: { state: true },
  };
  declare identToken: string;
  declare staffName: string;
  declare pin: string;
  /** what went wrong with the last try; the server spends the ident token on every try */
  declare problem: string;

  private readonly signIn = new Task(this, {
    autoRun: false,
    task: async ([token, pin]: readonly [string, string]): Promise<StaffSessionInfo> => {
      try {
        const session = await api.staffSignIn(token, pin);
        fireEvent(this, 'kiosk-staff-session', { idleTimeoutSec: session.idleTimeoutSec });
        return session;
      } catch (err) {
        this.problem = this.errorText(err);
        throw err;
      }
    },
  });

  static override styles = [
    screenStyles,
    staffStyles,
    css`
      :host {
        padding: var(--k-gap);
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 12px;
      }
      form {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--k-gap);
      }
      label {
        display: flex;
        align-items: center;
        gap: 12px;
      }
      input {
        width: 8em;
        font-size: 28px;
        text-align: center;
        letter-spacing: 0.3em;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, 96px);
        gap: 10px;
      }
      .keys button {
        min-width: 96px;
        min-height: 64px;
        padding: 0;
        font-size: 28px;
      }
      .keys button.word {
        font-size: 20px;
      }
      .actions {
        display: flex;
        gap: var(--k-gap);
      }
      .actions button {
        min-width: 160px;
      }
    `,
  ];

  constructor() {
    super();
    this.identToken = '';
    this.staffName = '';
    this.pin = '';
    this.problem = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // a new identification (finger again after a wrong PIN) gives a fresh token: try again
    if (changed.has('identToken')) this.problem = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    // after a failed try the token is spent: the staff member identifies again first
    const busy = this.signIn.status === TaskStatus.PENDING || this.problem !== '';
    return html`
      <h1>${t('pin.heading')}</h1>
      <p>${this.staffName}</p>
      <form @submit=${this.submit}>
        <label>
          <span>${t('pin.label')}</span>
          <input
            type="password"
            inputmode="numeric"
            autocomplete="off"
            maxlength=${MAX_PIN}
            data-primary
            ?disabled=${busy}
            .value=${this.pin}
            @input=${(e: InputEvent) => (this.pin = (e.target as HTMLInputElement).value.replace(/\D/g, ''))}
            @keydown=${this.onKeyDown}
          />
        </label>
        <div class="keys" role="group" aria-label=${t('pin.label')}>
          ${['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(
            (d) => html`<button type="button" ?disabled=${busy} @click=${() => this.press(d)}>${d}</button>`,
          )}
          <button type="button" class="word" ?disabled=${busy} @click=${() => (this.pin = '')}>${t('pin.clear')}</button>
          <button type="button" ?disabled=${busy} @click=${() => this.press('0')}>0</button>
          <button type="button" class="word" ?disabled=${busy} @click=${() => (this.pin = this.pin.slice(0, -1))}>
            ${t('pin.delete')}
          </button>
        </div>
        <p role="status">${this.signIn.status === TaskStatus.PENDING ? t('pin.checking') : nothing}</p>
        <p role="alert">${this.problem ? html`<span class="error">${this.problem}</span>` : nothing}</p>
        <div class="actions">
          <button type="button" data-cancel ?disabled=${this.signIn.status === TaskStatus.PENDING} @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'idle' })}>
            ${pictogram('back')}<span>${t('staff.cancel')}</span>
          </button>
          <button class="primary" type="submit" ?disabled=${busy || this.pin.length === 0}>
            ${pictogram('yes')}<span>${t('pin.submit')}</span>
          </button>
        </div>
      </form>
    `;
  }

  private press(digit: string): void {
    if (this.pin.length < MAX_PIN) this.pin += digit;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      fireEvent(this, 'kiosk-navigate', { to: 'idle' });
    }
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (!this.pin) return;
    const pin = this.pin;
    this.pin = '';
    await this.signIn.run([this.identToken, pin]);
    if (this.signIn.status !== TaskStatus.ERROR) return;
    // The field and keys are disabled now (focus fell to the page while they were): keep keyboard
    // focus on a control that still works. Only now is Cancel enabled again, so not in the task.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-cancel]')?.focus();
  }

  private errorText(err: unknown): string {
    const t = this.i18n.t.bind(this.i18n);
    if (err instanceof ApiFailure) {
      if (err.code === 'wrong_pin') {
        const left = err.body['attemptsLeft'];
        return `${typeof left === 'number' ? t('pin.wrong', { attempts: left }) : err.message} ${t('pin.again')}`;
      }
      if (err.code === 'locked') {
        const until = err.body['lockedUntil'];
        return t('pin.locked', { time: typeof until === 'string' ? this.i18n.time(until) : '' });
      }
      if (err.code === 'token_expired') return t('staff.expired');
    }
    return t('staff.failed');
  }
}

customElements.define('kiosk-pin-pad', KioskPinPad);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-pin-pad': KioskPinPad;
  }
}
