import { html, nothing } from 'lit';
import type { MemberMatch } from '../../../../edge-server/src/api-types.js';
import { sessionsApi } from '../../api/sessions.js';
import { fireEvent } from '../../fire-event.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import '../kiosk-member-picker.js';
import { staffViewStyles } from '../staff-styles.js';
import { rosterFailure } from './roster-line.js';
import { scheduleStyles } from './schedule-styles.js';

/**
 * A roster's "sign a member up": the member search, then 报名 or 排候补. A full session says so and
 * offers the waiting list. Done: `kiosk-roster-changed` with what happened (the roster reads itself again).
 */
export class KioskRosterSignup extends KioskScreen {
  static override properties = {
    sessionId: { type: String },
    date: { type: String },
    picked: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare sessionId: string;
  declare date: string;
  declare picked: MemberMatch | null;
  declare problem: string;
  declare busy: boolean;

  static override styles = [...staffViewStyles, ...scheduleStyles];

  constructor() {
    super();
    this.sessionId = '';
    this.date = '';
    this.picked = null;
    this.problem = '';
    this.busy = false;
    this.addEventListener('kiosk-member-picked', (e) => {
      e.stopPropagation();
      this.picked = e.detail.member;
      this.problem = '';
    });
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const picked = this.picked;
    return html`<section aria-labelledby="add-heading">
      <h3 id="add-heading">${t('schedule.roster.add')}</h3>
      <p>${t('schedule.roster.addExplain')}</p>
      <kiosk-member-picker .selectedId=${picked?.id ?? null}></kiosk-member-picker>
      ${picked
        ? html`<p>${t('schedule.roster.chosen', { name: picked.name })}</p>
            <div class="actions">
              <button class="primary" ?disabled=${this.busy} aria-label=${t('schedule.roster.signUpFor', { name: picked.name })}
                @click=${() => void this.signUp(picked, false)}>${t('schedule.roster.signUp')}</button>
              <button ?disabled=${this.busy} aria-label=${t('schedule.roster.waitlistFor', { name: picked.name })}
                @click=${() => void this.signUp(picked, true)}>${t('schedule.roster.waitlist')}</button>
            </div>`
        : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </section>`;
  }

  private async signUp(member: MemberMatch, waitlist: boolean): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    this.busy = true;
    this.problem = '';
    try {
      const roster = await sessionsApi.signUp(this.sessionId, this.date, member.id, waitlist);
      const position = roster.waiting.find((l) => l.memberId === member.id)?.waitingPosition;
      this.picked = null;
      const notice = position
        ? t('schedule.roster.waitlistDone', { name: member.name, position })
        : t('schedule.roster.signedUpDone', { name: member.name });
      fireEvent(this, 'kiosk-roster-changed', { notice });
    } catch (err) {
      this.problem = rosterFailure(this.i18n, err, member.name);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-roster-signup', KioskRosterSignup);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-roster-signup': KioskRosterSignup;
  }
}
