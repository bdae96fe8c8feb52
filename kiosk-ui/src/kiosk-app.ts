import { Task } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { HardwareHealth, KioskInfo, KioskOutcome, MemberCard, MemberVisit, StaffCard } from '../../edge-server/src/api-types.js';
import { api } from './api/client.js';
import { emergencyPrompt, type EmergencyBannerMode, type KioskEmergencyBanner } from './components/kiosk-emergency-banner.js';
import { pictogram } from './components/pictograms.js';
import { ActiveAlertsController, openEmergency } from './controllers/active-alerts-controller.js';
import { CardWedgeController } from './controllers/card-wedge-controller.js';
import { ClockController } from './controllers/clock-controller.js';
import { ConnectionController } from './controllers/connection-controller.js';
import { enrolmentStore } from './controllers/enrolment-store.js';
import { I18nController, centreTimeZone, languageStore } from './controllers/i18n-controller.js';
import { IdleController } from './controllers/idle-controller.js';
import { KeyboardNavController } from './controllers/keyboard-nav-controller.js';
import { NEUTRAL_PROFILE, ProfileController, profileStore } from './controllers/profile-controller.js';
import { SpeechController } from './controllers/speech-controller.js';
import { fireEvent, type KioskEventMap } from './fire-event.js';
import { greetingKey } from './i18n/greeting.js';
import './screens/kiosk-card.js';
import './screens/kiosk-confirm-checkout.js';
import './screens/kiosk-goodbye.js';
import './screens/kiosk-idle.js';
import './screens/kiosk-inactive.js';
import type { SessionsStart } from './screens/kiosk-member-sessions.js';
import './screens/kiosk-member-sessions.js';
import './screens/kiosk-not-recognised.js';
import './screens/kiosk-survey.js';
import './screens/kiosk-volunteer.js';
import type { KioskScreen } from './screens/kiosk-screen.js';
import './screens/kiosk-timeout-warning.js';
import './screens/kiosk-welcome.js';
import './staff/kiosk-pin-pad.js';
import './staff/kiosk-staff-choice.js';
import './staff/kiosk-staff-clocked.js';
import './staff/kiosk-staff-mode.js';
import { kioskAppStyles } from './kiosk-app-styles.js';

type Outcome<K extends KioskOutcome['kind']> = Extract<KioskOutcome, { kind: K }>;

export type Screen =
  | { name: 'idle' }
  | { name: 'card' }
  | { name: 'welcome'; outcome: Outcome<'checked_in'> }
  | { name: 'sessions'; member: MemberCard; visit: MemberVisit; start: SessionsStart }
  | { name: 'goodbye'; outcome: Outcome<'checked_out'> }
  | { name: 'confirm'; outcome: Outcome<'confirm_checkout'> }
  | { name: 'not-recognised'; via: 'finger' | 'card' }
  | { name: 'inactive' }
  | { name: 'survey'; outcome: Outcome<'checked_out'> }
  | { name: 'volunteer' }
  | { name: 'staff-choice'; outcome: Outcome<'staff_identified'> }
  | { name: 'staff-clocked'; outcome: Outcome<'staff_clocked'> }
  | { name: 'pin'; staff: StaffCard; identToken: string }
  | { name: 'staff-mode'; staff: StaffCard; idleTimeoutSec: number; alerts?: boolean };

/** Screens a member may see: they get the call-staff and repeat buttons and the member timeouts. */
const MEMBER_SCREENS: ReadonlySet<Screen['name']> = new Set([
  'idle', 'card', 'welcome', 'goodbye', 'confirm', 'not-recognised', 'inactive',
  'sessions', 'survey', 'volunteer',
]);
/** Screens where an identification from the reader must not pull the staff member away. */
const STAFF_WORK_SCREENS: ReadonlySet<Screen['name']> = new Set(['pin', 'staff-mode']);

/** How long the "do you need more time?" warning stands before going back (× the member's timeoutScale). */
export const WARNING_SEC = 20;
const DEFAULT_IDLE_SEC = 30;

/** How the emergency banner stands: over the whole screen, as a strip over staff work, or not at all. */
type BannerShown = 'none' | 'full' | 'strip';

interface Notice {
  text: string;
  urgent: boolean;
}

/**
 * The kiosk: one screen at a time, driven by outcomes from the reader (SSE) and from the kiosk's own
 * requests. Owns the frame every member screen shares (centre, clock, language, repeat, call staff),
 * and the emergency banner that covers every screen while an emergency call waits for staff.
 */
export class KioskApp extends LitElement {
  static override properties = {
    screen: { state: true },
    notice: { state: true },
    misses: { state: true },
    cardBusy: { state: true },
    recordRevision: { state: true },
    fingerprintHealth: { state: true },
  };
  declare screen: Screen;
  declare notice: Notice | null;
  declare misses: number;
  declare cardBusy: boolean;
  declare recordRevision: number;
  /** the reader's health (from /api/kiosk, then live from the `hardware` event) */
  declare fingerprintHealth: HardwareHealth;

  private readonly i18n = new I18nController(this);
  /** reflects the profile in force as host attributes the theme keys on */
  private readonly profile = new ProfileController(this, true);
  private readonly speech = new SpeechController(this);
  private readonly clock = new ClockController(this);
  private readonly seenOutcomes = new Set<string>();
  private infoRevision = 0;
  private languageChosen = false;
  /** how the emergency banner stood at the last render (see `bannerMode`) */
  private shownEmergency: BannerShown = 'none';

  /** unresolved alerts: an open emergency call takes over every screen until staff acknowledge it */
  private readonly alerts = new ActiveAlertsController(this, () => this.onAlertsChanged());

  private readonly info = new Task(this, {
    task: ([], { signal }) => api.kiosk(signal),
    args: () => [this.infoRevision] as const,
    onComplete: (info) => this.applyInfo(info),
  });

  private readonly connection: ConnectionController = new ConnectionController(this, {
    onStateChange: (state) => {
      // said once per outage, like every other message a member sees
      if (state === 'reconnecting') this.speech.say(this.i18n.t('app.reconnecting'));
      // alerts raised or acknowledged while the stream was down are not replayed: read them again
      if (state === 'online') void this.alerts.refresh();
    },
    onOutcome: (o) => this.showOutcome(o),
    onRecord: () => {
      this.recordRevision += 1;
    },
    onHardware: (health) => {
      // said once when the reader goes, like the reconnecting notice
      if (this.fingerprintHealth === 'ok' && health.fingerprint !== 'ok') this.speech.say(this.i18n.t('app.readerDown'));
      this.fingerprintHealth = health.fingerprint;
    },
    onEnrolment: (state) => enrolmentStore.set(state),
    onAlert: (alert) => this.alerts.apply(alert),
    onReconnect: () => {
      this.infoRevision += 1;
      this.requestUpdate();
    },
  });

  private readonly idle = new IdleController(this, {
    onWarn: () => {
      // behind the emergency banner nobody sees the screen: no question, back to the start
      if (this.covered) return this.go({ name: 'idle' });
      this.speech.say(this.i18n.t('timeout.spoken'));
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector('kiosk-timeout-warning')?.focusPrimary(),
      );
    },
    onExpire: () => this.go({ name: 'idle' }),
  });

  private readonly wedge = new CardWedgeController(this, (cardNumber) => void this.identifyCard(cardNumber));

  static override styles = kioskAppStyles;

  constructor() {
    super();
    this.screen = { name: 'idle' };
    this.notice = null;
    this.misses = 0;
    this.cardBusy = false;
    this.recordRevision = 0;
    this.fingerprintHealth = 'ok';
    new KeyboardNavController(this, () => this.back());
    this.addEventListener('pointerdown', () => this.idle.activity());
    this.addEventListener('keydown', () => this.idle.activity());
    this.listen('kiosk-outcome', (d) => this.showOutcome(d));
    this.listen('kiosk-navigate', (d) => this.navigate(d.to));
    this.listen('kiosk-call-staff', (d) => void this.callStaff(d.memberId));
    this.listen('kiosk-more-time', () => {
      this.idle.extend();
      // the screen comes back from behind the question: give its main choice the focus again
      void this.updateComplete.then(() => (this.renderRoot.querySelector('.screen > *') as KioskScreen | null)?.focusPrimary());
    });
    this.listen('kiosk-card', (d) => void this.identifyCard(d.cardNumber));
    this.listen('kiosk-say', (d) => this.announce(d.text, true));
    this.listen('kiosk-open-sessions', (d) => this.openSessions(d.start));
    this.listen('kiosk-staff-session', (d) => {
      if (this.screen.name !== 'pin') return;
      this.go({ name: 'staff-mode', staff: this.screen.staff, idleTimeoutSec: d.idleTimeoutSec, alerts: this.emergency !== null });
    });
    this.listen('kiosk-repeat', () => (this.covered ? this.speech.say(this.i18n.t(emergencyPrompt('full'))) : this.speech.repeat()));
    this.listen('kiosk-community-screen', (d) => this.openCommunityScreen(d.to));
    this.listen('kiosk-speak', (d) => this.speech.say(d.text));
    this.listen('kiosk-open-alerts', () => this.renderRoot.querySelector('kiosk-staff-mode')?.showAlerts());
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const emergency = this.emergency;
    const covered = this.covered;
    const member = MEMBER_SCREENS.has(this.screen.name) && !covered;
    const warning = this.idle.phase === 'warning' && !covered;
    const info = this.info.value;
    const other = this.i18n.lang === 'zh-CN' ? 'en' : 'zh-CN';
    return html`
      <header>
        <div class="centre">${info?.centre.name ?? ''}</div>
        <div class="clock">${pictogram('clock')}<span><span class="visually-hidden">${t('idle.clock')}</span>${this.i18n.time(this.clock.now)}</span></div>
        <button class="lang" lang=${other} aria-label=${t('lang.switchLabel')} @click=${this.toggleLanguage}>
          ${pictogram('language')}<span>${t('lang.switch')}</span>
        </button>
      </header>
      <div class="banners">
        ${emergency && !covered
          ? html`<kiosk-emergency-banner .mode=${this.stripMode()} .alert=${emergency}></kiosk-emergency-banner>`
          : nothing}
        <div role="status">
          ${this.connection.state === 'reconnecting'
            ? html`<p class="banner info">${pictogram('wait')}<span>${t('app.reconnecting')}</span></p>`
            : nothing}
        </div>
        <div role="status">
          ${member && this.fingerprintHealth !== 'ok'
            ? html`<p class="banner info">${pictogram('card')}<span>${t('app.readerDown')}</span></p>`
            : nothing}
        </div>
        <div role="status">
          ${this.notice && !this.notice.urgent ? html`<p class="banner ok">${pictogram('yes')}<span>${this.notice.text}</span></p>` : nothing}
        </div>
        <div role="alert">
          ${this.notice?.urgent ? html`<p class="banner alert">${pictogram('help')}<span>${this.notice.text}</span></p>` : nothing}
        </div>
      </div>
      <main>
        ${emergency && covered ? html`<kiosk-emergency-banner mode="full" .alert=${emergency}></kiosk-emergency-banner>` : nothing}
        ${warning ? html`<kiosk-timeout-warning .seconds=${this.idle.secondsLeft}></kiosk-timeout-warning>` : nothing}
        <!-- one decision at a time: the screen waits, hidden, behind the "more time?" question or the emergency -->
        <div class="screen" ?hidden=${warning || covered}>${this.renderScreen()}</div>
      </main>
      ${member
        ? html`<footer>
            <button @click=${() => this.speech.repeat()}>${pictogram('speaker')}<span>${t('frame.repeat')}</span></button>
            <button class="help" @click=${() => void this.callStaff(this.currentMemberId())}>
              ${pictogram('help')}<span>${t('frame.callStaff')}</span>
            </button>
          </footer>`
        : nothing}
    `;
  }

  private renderScreen() {
    const s = this.screen;
    switch (s.name) {
      case 'idle':
        return html`<kiosk-idle></kiosk-idle>`;
      case 'card':
        return html`<kiosk-card .busy=${this.cardBusy}></kiosk-card>`;
      case 'welcome':
        return html`<kiosk-welcome .outcome=${s.outcome}></kiosk-welcome>`;
      case 'sessions':
        return html`<kiosk-member-sessions .visit=${s.visit} .start=${s.start}></kiosk-member-sessions>`;
      case 'goodbye':
        return html`<kiosk-goodbye .outcome=${s.outcome}></kiosk-goodbye>`;
      case 'confirm':
        return html`<kiosk-confirm-checkout .outcome=${s.outcome}></kiosk-confirm-checkout>`;
      case 'not-recognised':
        return html`<kiosk-not-recognised .misses=${this.misses} .via=${s.via}></kiosk-not-recognised>`;
      case 'inactive':
        return html`<kiosk-inactive></kiosk-inactive>`;
      case 'survey':
        return html`<kiosk-survey .outcome=${s.outcome}></kiosk-survey>`;
      case 'volunteer':
        return html`<kiosk-volunteer></kiosk-volunteer>`;
      case 'staff-choice':
        return html`<kiosk-staff-choice .outcome=${s.outcome}></kiosk-staff-choice>`;
      case 'staff-clocked':
        return html`<kiosk-staff-clocked .outcome=${s.outcome}></kiosk-staff-clocked>`;
      case 'pin':
        return html`<kiosk-pin-pad .identToken=${s.identToken} .staffName=${s.staff.name}></kiosk-pin-pad>`;
      case 'staff-mode':
        return html`<kiosk-staff-mode
          .staff=${s.staff}
          .idleTimeoutSec=${s.idleTimeoutSec}
          .revision=${this.recordRevision}
          .startView=${s.alerts ? 'alerts' : 'today'}
        ></kiosk-staff-mode>`;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Reflected for tests and diagnostics: which screen is up, and whether the live stream is open.
    if (changed.has('screen')) this.setAttribute('screen', this.screen.name);
    this.setAttribute('connection', this.connection.state);
    const banner = this.bannerMode;
    if (banner === 'none') this.removeAttribute('emergency');
    else this.setAttribute('emergency', banner);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('screen')) void this.enterScreen(changed.get('screen') as Screen | undefined);
    void this.followEmergency();
  }

  /** The open emergency call, until a staff member acknowledges it. */
  private get emergency() {
    return openEmergency(this.alerts.alerts);
  }

  /** The emergency banner covers the screen: every screen but the PIN pad and staff mode (staff have come). */
  private get covered(): boolean {
    return this.emergency !== null && !STAFF_WORK_SCREENS.has(this.screen.name);
  }

  private get bannerMode(): BannerShown {
    if (!this.emergency) return 'none';
    return this.covered ? 'full' : 'strip';
  }

  private fullBanner(): KioskEmergencyBanner | null {
    return this.renderRoot.querySelector<KioskEmergencyBanner>('main > kiosk-emergency-banner');
  }

  private stripMode(): EmergencyBannerMode {
    return this.screen.name === 'pin' ? 'pin' : 'staff';
  }

  /**
   * An emergency call came or went: a member screen in front goes back to the start behind the banner
   * (nobody sees it); a staff member who was just identified goes straight to the PIN, the way to
   * acknowledge.
   */
  private onAlertsChanged(): void {
    const s = this.screen;
    if (!this.emergency) return;
    if (s.name === 'staff-choice') this.go({ name: 'pin', staff: s.outcome.staff, identToken: s.outcome.identToken });
    else if (!STAFF_WORK_SCREENS.has(s.name) && s.name !== 'idle') this.go({ name: 'idle' });
  }

  /** After a render: speak and move the focus when the banner appeared, changed size or went away. */
  private async followEmergency(): Promise<void> {
    const now = this.bannerMode;
    const before = this.shownEmergency;
    if (now === before) return;
    this.shownEmergency = now;
    const t = this.i18n.t.bind(this.i18n);
    if (now === 'full') {
      this.speech.say(t(emergencyPrompt('full')));
      await this.focusBanner();
    } else if (now === 'strip' && before === 'none') {
      this.speech.say(t(emergencyPrompt(this.stripMode())));
    } else if (now === 'none' && before === 'full') {
      this.announce(t('emergency.cleared'), false);
      const el = this.renderRoot.querySelector('.screen > *') as KioskScreen | null;
      await el?.focusPrimary();
    }
  }

  private async focusBanner(): Promise<void> {
    await this.fullBanner()?.focusPrimary();
  }

  /** After a screen is drawn: speak its prompt, put focus on its main choice, start its timeout. */
  private async enterScreen(previous: Screen | undefined): Promise<void> {
    const s = this.screen;
    const bannerWasUp = this.shownEmergency === 'full';
    this.wedge.enabled = !STAFF_WORK_SCREENS.has(s.name);
    this.armTimeout();
    const el = this.renderRoot.querySelector('.screen > *') as KioskScreen | null;
    await el?.updateComplete;
    if (this.covered) {
      // the screen changed behind the banner (a member's finger): the banner is what they see and hear
      if (s.name !== 'idle' && bannerWasUp) this.speech.say(this.i18n.t(emergencyPrompt('full')));
      await this.focusBanner();
    } else {
      const text = this.promptFor(s);
      if (text) this.speech.say(text);
      await el?.focusPrimary();
    }
    if (s.name === 'idle' && previous && previous.name !== 'idle') {
      fireEvent(this, 'kiosk-idle-entered', {});
    }
  }

  /** The words spoken on entering a screen; each is also what the screen shows. */
  private promptFor(s: Screen): string | null {
    const t = this.i18n.t.bind(this.i18n);
    switch (s.name) {
      case 'idle':
        return t('idle.prompt');
      case 'card':
        return t('card.prompt');
      case 'welcome': {
        const greeting = t(greetingKey(s.outcome.at));
        const welcome = t(s.outcome.repeat ? 'welcome.spokenRepeat' : 'welcome.spoken', { greeting, name: s.outcome.member.name });
        // then today's sessions (member-sessions), so a member who cannot see the screen hears them too
        const sessions = this.renderRoot.querySelector('kiosk-welcome')?.spokenActivities() ?? '';
        return sessions ? `${welcome} ${sessions}` : welcome;
      }
      case 'sessions':
        return this.renderRoot.querySelector('kiosk-member-sessions')?.message() ?? null;
      case 'goodbye':
        return t('goodbye.spoken', { name: s.outcome.member.name });
      case 'confirm':
        return t('confirm.spoken', { name: s.outcome.member.name });
      case 'not-recognised':
        return this.renderRoot.querySelector('kiosk-not-recognised')?.message() ?? t('unknown.prompt');
      case 'inactive':
        return t('inactive.prompt');
      case 'survey':
        return this.renderRoot.querySelector('kiosk-survey')?.prompt() ?? null;
      case 'volunteer':
        return this.renderRoot.querySelector('kiosk-volunteer')?.prompt() ?? null;
      case 'staff-choice':
        return t('staff.spoken', { name: s.outcome.staff.name });
      case 'staff-clocked':
        return this.renderRoot.querySelector('kiosk-staff-clocked')?.message() ?? null;
      case 'pin':
        return t('pin.heading');
      case 'staff-mode':
        return null;
    }
  }

  private armTimeout(): void {
    const s = this.screen;
    if (s.name === 'idle' || s.name === 'staff-mode') {
      this.idle.disarm();
      return;
    }
    const idleSec = this.info.value?.timeouts.idleSec ?? DEFAULT_IDLE_SEC;
    const scale = MEMBER_SCREENS.has(s.name) ? Math.max(1, profileStore.value.timeoutScale) : 1;
    this.idle.arm(idleSec * scale, WARNING_SEC * scale);
  }

  /** Show an outcome from the reader or from one of our requests (each outcome once). */
  private showOutcome(o: KioskOutcome): void {
    if (this.seenOutcomes.has(o.id)) return;
    this.seenOutcomes.add(o.id);
    // The kiosk page stays open for weeks: remember only the recent ids (a Set iterates oldest first).
    if (this.seenOutcomes.size > 100) this.seenOutcomes.delete(this.seenOutcomes.values().next().value as string);
    const s = this.screen;
    if (s.name === 'pin' && o.kind === 'staff_identified' && o.staff.id === s.staff.id) {
      // identified again after a wrong PIN: same screen, fresh token
      return this.go({ name: 'pin', staff: s.staff, identToken: o.identToken });
    }
    if (STAFF_WORK_SCREENS.has(s.name)) {
      // staff are working at the kiosk; the record still updates their lists
      this.recordRevision += 1;
      return;
    }
    switch (o.kind) {
      case 'checked_in':
        return this.go({ name: 'welcome', outcome: o }, o.member.profile);
      case 'confirm_checkout':
        return this.go({ name: 'confirm', outcome: o }, o.member.profile);
      case 'checked_out':
        return this.go({ name: 'goodbye', outcome: o }, o.member.profile);
      case 'not_recognised':
        this.misses += 1;
        return this.go({ name: 'not-recognised', via: o.method === 'card' ? 'card' : 'finger' }, NEUTRAL_PROFILE, true);
      case 'member_inactive':
        return this.go({ name: 'inactive' });
      case 'staff_identified':
        // during an emergency call staff are here to acknowledge it: straight to the PIN
        if (this.emergency) return this.go({ name: 'pin', staff: o.staff, identToken: o.identToken });
        return this.go({ name: 'staff-choice', outcome: o });
      case 'staff_clocked':
        return this.go({ name: 'staff-clocked', outcome: o });
    }
  }

  /**
   * Change screen. The profile applies at once (before the new screen speaks); the miss count only
   * survives from one "not recognised" to the next.
   */
  private go(screen: Screen, profile = NEUTRAL_PROFILE, keepMisses = false): void {
    if (!keepMisses) this.misses = 0;
    this.notice = null;
    profileStore.set(profile);
    this.cardBusy = false;
    // A new object even for the same screen name, so a repeat outcome is spoken again.
    this.screen = screen;
  }

  private navigate(to: KioskEventMap['kiosk-navigate']['to']): void {
    const s = this.screen;
    if (to === 'idle') return this.go({ name: 'idle' });
    if (to === 'card') return this.go({ name: 'card' }, NEUTRAL_PROFILE, true);
    if (to === 'pin' && s.name === 'staff-choice') {
      return this.go({ name: 'pin', staff: s.outcome.staff, identToken: s.outcome.identToken });
    }
  }

  /** The volunteers' screen (from the start screen), or the satisfaction question after a goodbye. */
  private openCommunityScreen(to: 'volunteer' | 'survey'): void {
    const s = this.screen;
    if (to === 'volunteer' && s.name === 'idle') return this.go({ name: 'volunteer' });
    if (to === 'survey' && s.name === 'goodbye' && s.outcome.survey) return this.go({ name: 'survey', outcome: s.outcome }, s.outcome.member.profile);
  }

  private back(): void {
    const s = this.screen;
    if (this.covered) {
      // members cannot put the banner away; Escape only closes its card number field
      this.fullBanner()?.back();
      return;
    }
    if (s.name === 'idle') return;
    if (s.name === 'staff-mode') {
      this.renderRoot.querySelector('kiosk-staff-mode')?.back();
      return;
    }
    if (s.name === 'sessions') {
      this.renderRoot.querySelector('kiosk-member-sessions')?.back();
      return;
    }
    this.go({ name: 'idle' });
  }

  /** From the welcome screen to the member's sessions, with their visit token and their profile kept. */
  private openSessions(start: SessionsStart): void {
    const s = this.screen;
    if (s.name !== 'welcome') return;
    this.go({ name: 'sessions', member: s.outcome.member, visit: s.outcome.visit, start }, s.outcome.member.profile);
  }

  private async identifyCard(cardNumber: string): Promise<void> {
    if (this.cardBusy || STAFF_WORK_SCREENS.has(this.screen.name)) return;
    this.cardBusy = true;
    try {
      this.showOutcome(await api.identifyCard(cardNumber));
    } catch {
      this.announce(this.i18n.t('card.failed'), true);
    } finally {
      this.cardBusy = false;
    }
  }

  private async callStaff(memberId: string | null): Promise<void> {
    try {
      await api.callStaff(memberId);
      this.announce(this.i18n.t('frame.helpSent'), false);
    } catch {
      this.announce(this.i18n.t('frame.helpFailed'), true);
    }
  }

  /** Show and speak a status (or, if urgent, an alert) at the same time. */
  private announce(text: string, urgent: boolean): void {
    this.notice = { text, urgent };
    this.speech.say(text);
  }

  private currentMemberId(): string | null {
    const s = this.screen;
    if (s.name === 'welcome' || s.name === 'goodbye' || s.name === 'confirm' || s.name === 'survey') return s.outcome.member.id;
    if (s.name === 'sessions') return s.member.id;
    return null;
  }

  private toggleLanguage(): void {
    this.languageChosen = true;
    languageStore.set(this.i18n.lang === 'zh-CN' ? 'en' : 'zh-CN');
    // say the current screen again in the new language
    void this.updateComplete.then(() => {
      const text = this.promptFor(this.screen);
      if (text) this.speech.say(text);
    });
  }

  private applyInfo(info: KioskInfo): void {
    centreTimeZone.set(info.centre.timezone);
    this.fingerprintHealth = info.hardware.fingerprint;
    if (!this.languageChosen) languageStore.set(info.language);
  }

  private listen<K extends keyof KioskEventMap>(type: K, handler: (detail: KioskEventMap[K]) => void): void {
    this.addEventListener(type, (e: Event) => handler((e as CustomEvent<KioskEventMap[K]>).detail));
  }
}

customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
