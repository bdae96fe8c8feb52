import { html } from 'lit';
import { centreTimeZone } from '../controllers/i18n-controller.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import './schedule/kiosk-schedule-week.js';
import './schedule/kiosk-session-form.js';
import './schedule/kiosk-session-roster.js';
import type { HeadingFocus } from './schedule/focus-heading.js';
import type { ScheduleStep } from './schedule/schedule-step.js';
import { mondayOf } from './schedule/week-dates.js';
import { staffViewStyles } from './staff-styles.js';
import { todayIn } from './zoned-time.js';

/**
 * Staff mode's 活动安排: the week planner, the session form (new or a whole series) and one date's
 * roster, moved between by `kiosk-schedule-go`. Keeps the week shown, so leaving a roster or a form
 * comes back to the same week.
 */
export class KioskStaffSchedule extends KioskScreen {
  static override properties = {
    /** counts the records of the live stream (any change anywhere): what is shown is read again */
    records: { type: Number },
    step: { state: true },
    from: { state: true },
  };
  declare records: number;
  declare step: ScheduleStep;
  /** the Monday of the week the planner shows */
  declare from: string;
  /** counts steps: a roster shown again reads its data again */
  private revision = 0;

  static override styles = [...staffViewStyles];

  constructor() {
    super();
    this.records = 0;
    this.from = mondayOf(todayIn(centreTimeZone.value));
    this.step = { to: 'week' };
    this.addEventListener('kiosk-schedule-go', (e) => {
      e.stopPropagation();
      void this.go(e.detail);
    });
  }

  override render() {
    const notice = this.step.to === 'week' ? (this.step.notice ?? '') : '';
    // the status line stays in place from view to view, so that what it says when it changes is announced
    return html`<p role="status" class=${notice ? 'ok' : ''}>${notice}</p>${this.renderView()}`;
  }

  private renderView() {
    const s = this.step;
    switch (s.to) {
      case 'week':
        return html`<kiosk-schedule-week from=${this.from} .records=${this.records}></kiosk-schedule-week>`;
      case 'new':
        return html`<kiosk-session-form .sessionId=${null} date=${s.date}></kiosk-session-form>`;
      case 'edit':
        return html`<kiosk-session-form .sessionId=${s.sessionId}></kiosk-session-form>`;
      case 'roster':
        return html`<kiosk-session-roster
          sessionId=${s.sessionId}
          date=${s.date}
          notice=${s.notice ?? ''}
          .revision=${this.revision}
          .records=${this.records}
        ></kiosk-session-roster>`;
    }
  }

  /** Escape/Backspace: from a form or a roster back to the week planner; false on the planner itself. */
  back(): boolean {
    if (this.step.to === 'week') return false;
    void this.go({ to: 'week' });
    return true;
  }

  private async go(step: ScheduleStep): Promise<void> {
    if (step.to === 'week' && step.from) this.from = step.from;
    this.revision += 1;
    const sameView = step.to === this.step.to;
    this.step = step;
    await this.updateComplete;
    // a new view starts at its heading (a screen reader hears where it is); paging weeks keeps the focus on the button pressed
    if (sameView && step.to === 'week' && !step.notice) return;
    const view = this.renderRoot.querySelector<KioskScreen & HeadingFocus>('kiosk-schedule-week, kiosk-session-form, kiosk-session-roster');
    await view?.focusHeading();
  }
}

customElements.define('kiosk-staff-schedule', KioskStaffSchedule);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-schedule': KioskStaffSchedule;
  }
}
