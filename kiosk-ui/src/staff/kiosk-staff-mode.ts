import { css, html, nothing, type PropertyValues } from 'lit';
import type { AttendanceLine, StaffCard } from '../../../edge-server/src/api-types.js';
import { api } from '../api/client.js';
import { activeAlertsStore } from '../controllers/active-alerts-controller.js';
import { enrolmentStore, memberAtReader } from '../controllers/enrolment-store.js';
import { centreTimeZone } from '../controllers/i18n-controller.js';
import { IdleController } from '../controllers/idle-controller.js';
import { StoreController } from '../controllers/store.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import '../screens/kiosk-timeout-warning.js';
import { screenStyles } from '../styles/theme.js';
import './kiosk-staff-alerts.js';
import './kiosk-staff-assist.js';
import './kiosk-staff-correction.js';
import './kiosk-staff-fingerprints.js';
import './kiosk-staff-today.js';
import './kiosk-staff-schedule.js';
import './kiosk-staff-employment.js';
import './kiosk-staff-rehab.js';
import './kiosk-staff-volunteers.js';
import './kiosk-staff-satisfaction.js';
import './kiosk-staff-lending.js';
import './kiosk-staff-sync.js';
import { staffNavStyles, staffStyles } from './staff-styles.js';
import { todayIn } from './zoned-time.js';

type View =
  | { name: 'today' }
  | { name: 'assist' }
  | { name: 'fingerprints' }
  | { name: 'alerts' }
  | { name: 'schedule' }
  | { name: 'employment' }
  | { name: 'rehab' }
  | { name: 'volunteers' }
  | { name: 'satisfaction' }
  | { name: 'lending' }
  | { name: 'sync' }
  | { name: 'correct'; line: AttendanceLine };

/** The centre's service records, one nav button each after the attendance and alert views. */
const SERVICE_VIEWS = ['schedule', 'employment', 'rehab', 'volunteers', 'satisfaction', 'lending', 'sync'] as const;

/** Staff mode: today, assisted check-in/out, corrections, fingerprints, alerts; signs itself out when left alone. */
export class KioskStaffMode extends KioskScreen {
  static override properties = {
    staff: { attribute: false },
    idleTimeoutSec: { type: Number },
    revision: { type: Number },
    /** the view staff mode opens on (alerts when a staff member signed in to acknowledge an emergency) */
    startView: { attribute: false },
    view: { state: true },
    notice: { state: true },
  };
  declare staff: StaffCard;
  declare idleTimeoutSec: number;
  declare revision: number;
  declare startView: 'today' | 'alerts';
  declare view: View;
  declare notice: string;

  private readonly idle = new IdleController(this, {
    onWarn: () => void this.focusWarning(),
    onExpire: () => void this.signOut(),
  });
  private readonly activeAlerts = new StoreController(this, activeAlertsStore);
  private stopFollowingEnrolment: (() => void) | null = null;
  private pausedForEnrolment = false;

  static override styles = [
    screenStyles,
    staffStyles,
    staffNavStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto 1fr;
        gap: var(--k-gap);
        padding: var(--k-gap);
        min-height: 100%;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--k-gap);
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        padding: 2px 10px;
        border: 2px solid currentColor;
        border-radius: 999px;
        font-size: 18px;
        font-weight: 700;
      }
    `,
  ];

  constructor() {
    super();
    this.idleTimeoutSec = 120;
    this.revision = 0;
    this.startView = 'today';
    this.view = { name: 'today' };
    this.notice = '';
    this.addEventListener('pointerdown', () => this.idle.activity());
    this.addEventListener('keydown', () => this.idle.activity());
    this.addEventListener('kiosk-more-time', (e) => {
      e.stopPropagation();
      this.idle.extend();
    });
    this.addEventListener('kiosk-staff-correct', (e) => {
      this.view = { name: 'correct', line: e.detail.line };
    });
    this.addEventListener('kiosk-staff-done', (e) => {
      this.notice = e.detail.message;
      this.view = { name: 'today' };
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated && changed.has('startView') && this.startView === 'alerts') this.view = { name: 'alerts' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.armIdle();
    this.stopFollowingEnrolment = enrolmentStore.subscribe((state) => this.pauseWhileMemberAtReader(memberAtReader(state)));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFollowingEnrolment?.();
    this.stopFollowingEnrolment = null;
  }

  private armIdle(): void {
    const warn = Math.min(20, Math.max(5, Math.floor(this.idleTimeoutSec / 3)));
    this.idle.arm(Math.max(1, this.idleTimeoutSec - warn), warn);
  }

  /** The member presses the reader, nobody touches the screen: the sign-out timer waits, then starts afresh. */
  private pauseWhileMemberAtReader(busy: boolean): void {
    if (busy === this.pausedForEnrolment) return;
    this.pausedForEnrolment = busy;
    if (busy) this.idle.disarm();
    else this.armIdle();
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const v = this.view;
    const unresolved = this.activeAlerts.value.length;
    return html`
      <header>
        <h1>${t('mode.title', { name: this.staff.name })}</h1>
        <button @click=${() => void this.signOut()}>${t('mode.signOut')}</button>
      </header>
      <div>
        <nav aria-label=${t('mode.title', { name: this.staff.name })}>
          <button aria-current=${v.name === 'today' ? 'page' : 'false'} data-primary @click=${() => this.go({ name: 'today' })}>
            ${t('mode.today')}
          </button>
          <button aria-current=${v.name === 'assist' ? 'page' : 'false'} @click=${() => this.go({ name: 'assist' })}>
            ${t('mode.assist')}
          </button>
          <button aria-current=${v.name === 'fingerprints' ? 'page' : 'false'} @click=${() => this.go({ name: 'fingerprints' })}>
            ${t('mode.fingerprints')}
          </button>
          <button data-view="alerts" aria-current=${v.name === 'alerts' ? 'page' : 'false'} @click=${() => this.go({ name: 'alerts' })}>
            ${pictogram('siren')}<span>${t('mode.alerts')}</span>
            ${unresolved > 0 ? html`<span class="badge">${t('alerts.badge', { count: unresolved })}</span>` : nothing}
          </button>
          ${SERVICE_VIEWS.map(
            (name) => html`<button data-view=${name} aria-current=${v.name === name ? 'page' : 'false'} @click=${() => this.go({ name })}>
              ${t(`mode.${name}`)}
            </button>`,
          )}
        </nav>
        ${this.idle.phase === 'warning'
          ? html`<kiosk-timeout-warning staff .seconds=${this.idle.secondsLeft}></kiosk-timeout-warning>`
          : nothing}
        <p role="status" class=${this.notice ? 'ok' : ''}>${this.notice}</p>
      </div>
      <div class="view">${this.renderView(v)}</div>
    `;
  }

  private renderView(v: View) {
    switch (v.name) {
      case 'today':
        return html`<kiosk-staff-today .revision=${this.revision}></kiosk-staff-today>`;
      case 'assist':
        return html`<kiosk-staff-assist></kiosk-staff-assist>`;
      case 'fingerprints':
        return html`<kiosk-staff-fingerprints></kiosk-staff-fingerprints>`;
      case 'alerts':
        return html`<kiosk-staff-alerts></kiosk-staff-alerts>`;
      case 'schedule':
        return html`<kiosk-staff-schedule .records=${this.revision}></kiosk-staff-schedule>`;
      case 'employment':
        return html`<kiosk-staff-employment></kiosk-staff-employment>`;
      case 'rehab':
        return html`<kiosk-staff-rehab></kiosk-staff-rehab>`;
      case 'volunteers':
        return html`<kiosk-staff-volunteers></kiosk-staff-volunteers>`;
      case 'satisfaction':
        return html`<kiosk-staff-satisfaction></kiosk-staff-satisfaction>`;
      case 'lending':
        return html`<kiosk-staff-lending></kiosk-staff-lending>`;
      case 'sync':
        return html`<kiosk-staff-sync></kiosk-staff-sync>`;
      case 'correct':
        return html`<kiosk-staff-correction .line=${v.line} date=${todayIn(centreTimeZone.value)}></kiosk-staff-correction>`;
    }
  }

  /** Show the alert console (the emergency strip's "open alerts"). */
  showAlerts(): void {
    if (this.view.name !== 'alerts') this.go({ name: 'alerts' });
    else void this.renderRoot.querySelector('kiosk-staff-alerts')?.focusHeading();
  }

  /** Escape/Backspace from a sub-view goes back to today's list. */
  back(): boolean {
    if (this.view.name === 'today') return false;
    if (this.view.name === 'fingerprints' && this.renderRoot.querySelector('kiosk-staff-fingerprints')?.back()) return true;
    if (this.view.name === 'schedule' && this.renderRoot.querySelector('kiosk-staff-schedule')?.back()) return true;
    if (this.view.name === 'lending' && this.renderRoot.querySelector('kiosk-staff-lending')?.back()) return true;
    this.go({ name: 'today' });
    return true;
  }

  private go(view: View): void {
    this.notice = '';
    this.view = view;
  }

  private async focusWarning(): Promise<void> {
    await this.updateComplete;
    await this.renderRoot.querySelector('kiosk-timeout-warning')?.focusPrimary();
  }

  private async signOut(): Promise<void> {
    this.idle.disarm();
    try {
      await api.staffSignOut();
    } catch {
      // the session also ends on the server by itself after idleTimeoutSec
    }
    fireEvent(this, 'kiosk-navigate', { to: 'idle' });
  }
}

customElements.define('kiosk-staff-mode', KioskStaffMode);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-mode': KioskStaffMode;
  }
}
