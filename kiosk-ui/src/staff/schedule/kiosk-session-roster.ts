import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { RosterLine, SessionAttendanceStatus, SessionRoster } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../api/client.js';
import { sessionsApi } from '../../api/sessions.js';
import { fireEvent, type KioskEventMap } from '../../fire-event.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { centreTimeZone } from '../../controllers/i18n-controller.js';
import { dayText } from '../alert-words.js';
import { todayIn } from '../zoned-time.js';
import '../kiosk-leave-dialog.js';
import { staffViewStyles } from '../staff-styles.js';
import { focusHeadingWhen, type HeadingFocus } from './focus-heading.js';
import { formFieldStyles } from './form-fields.js';
import './kiosk-session-change-dialog.js';
import type { ChangeRequest } from './kiosk-session-change-dialog.js';
import { clockTime, heldOn, kindBadge, occurrenceFacts, timeText } from './occurrence-words.js';
import './kiosk-roster-signup.js';
import { MARKS, rosterFailure, rosterLine, rosterStyles, WALK_IN_MARKS } from './roster-line.js';
import { scheduleStyles } from './schedule-styles.js';

type LeaveRequest = KioskEventMap['kiosk-leave-request'];

/**
 * One date of a session: who signed up (checked in today or not, on leave), the waiting list in
 * order, and who is here without signing up. One sheet marks present / absent / excused for everyone
 * with one save (a walk-in marked is added). Staff also sign members up or onto the waiting list,
 * remove a sign-up, record a leave slip, and cancel or move this date.
 */
export class KioskSessionRoster extends KioskScreen implements HeadingFocus {
  static override properties = {
    sessionId: { type: String },
    date: { type: String },
    /** what just happened (from the step that opened this roster) */
    notice: { type: String },
    /** bumped by the owner on every step, so that coming back here reads the roster again */
    revision: { type: Number },
    /** bumped for every record of the live stream: a sign-up made at the kiosk shows at once */
    records: { type: Number },
    marks: { state: true },
    problem: { state: true },
    busy: { state: true },
    change: { state: true },
    leave: { state: true },
  };
  declare sessionId: string;
  declare date: string;
  declare notice: string;
  declare revision: number;
  declare records: number;
  /** marks chosen on screen and not saved yet */
  declare marks: ReadonlyMap<string, SessionAttendanceStatus>;
  declare problem: string;
  declare busy: boolean;
  declare change: ChangeRequest | null;
  declare leave: LeaveRequest | null;

  private readonly roster = new Task(this, {
    task: ([sessionId, date], { signal }) => sessionsApi.roster(sessionId, date, signal),
    args: () => [this.sessionId, this.date, this.revision, this.records] as const,
  });

  static override styles = [
    ...staffViewStyles,
    ...scheduleStyles,
    formFieldStyles,
    rosterStyles,
    css`
      .facts-line {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
      }
    `,
  ];

  constructor() {
    super();
    this.sessionId = '';
    this.date = '';
    this.notice = '';
    this.revision = 0;
    this.records = 0;
    this.marks = new Map();
    this.problem = '';
    this.busy = false;
    this.change = null;
    this.leave = null;
    // a change made in the dialog moves on (to this roster again, or the week): the dialog is done
    this.addEventListener('kiosk-schedule-go', () => (this.change = null));
    this.addEventListener('kiosk-roster-changed', (e) => {
      e.stopPropagation();
      void this.reload(e.detail.notice);
    });
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      ${this.roster.render({
        pending: () => (this.roster.value ? this.renderRoster(this.roster.value) : html`<p role="status">${t('app.loading')}</p>`),
        complete: (roster) => this.renderRoster(roster),
        error: (err) => html`<p class="error" role="alert">
            ${err instanceof ApiFailure && err.status === 404 ? t('schedule.error.notFound') : t('mode.loadFailed')}
          </p>
          <div class="actions">
            <button @click=${() => void this.roster.run()}>${t('mode.retry')}</button>
            <button @click=${this.back}>${t('schedule.roster.back')}</button>
          </div>`,
      })}
      <kiosk-session-change-dialog .request=${this.change} @kiosk-dialog-answer=${() => (this.change = null)}></kiosk-session-change-dialog>
      <kiosk-leave-dialog .request=${this.leave} @kiosk-leave-closed=${this.onLeaveClosed}></kiosk-leave-dialog>
    `;
  }

  private renderRoster(roster: SessionRoster) {
    const t = this.i18n.t.bind(this.i18n);
    const occ = roster.occurrence;
    const cancelled = occ.status === 'cancelled';
    // attendance is marked on the day or later, never on a cancelled date
    const markable = !cancelled && heldOn(occ) <= todayIn(centreTimeZone.value);
    // a date that has taken place keeps its roster and marks, but is no longer cancelled, moved or signed up for
    const open = !cancelled && Date.parse(occ.endsAt) > Date.now();
    return html`
      <h2 tabindex="-1">${t('schedule.roster.heading', { title: occ.title, date: dayText(this.i18n, occ.date) })}</h2>
      <p class="facts-line">
        ${kindBadge(this.i18n, occ)}<span>${timeText(this.i18n, occ)}</span>
        <span>${occ.room ? t('schedule.room', { room: occ.room }) : t('schedule.noRoom')}</span>
        ${occ.lead ? html`<span>${t('schedule.leadBy', { name: occ.lead.name })}</span>` : nothing}
        ${occurrenceFacts(this.i18n, occ)}
      </p>
      <p role="status" class=${this.notice ? 'ok' : ''}>${this.notice}</p>
      <div class="actions">
        <button @click=${this.back}>${t('schedule.roster.back')}</button>
        <button @click=${() => fireEvent(this, 'kiosk-schedule-go', { to: 'edit', sessionId: occ.sessionId })}>${t('schedule.roster.editSeries')}</button>
        ${!open
          ? nothing
          : html`<button @click=${() => this.ask('cancel-date', roster)}>${t('schedule.change.cancelDate')}</button>
              <button @click=${() => this.ask('move-date', roster)}>${t('schedule.change.moveDate')}</button>`}
      </div>
      <form novalidate @submit=${this.saveMarks}>
        ${this.renderSheet('signed-up', t('schedule.roster.signedUp', { count: roster.signedUp.length }), roster.signedUp, markable ? MARKS : null, open)}
        ${this.renderSheet('walk-ins', t('schedule.roster.walkIns', { count: roster.walkIns.length }), roster.walkIns, markable ? WALK_IN_MARKS : null, open)}
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        ${markable
          ? html`<div class="actions">
              <button type="submit" class="primary" data-primary ?disabled=${this.busy}>${t('schedule.roster.save')}</button>
            </div>`
          : cancelled
            ? nothing
            : html`<p>${t('schedule.roster.notYet')}</p>`}
      </form>
      ${this.renderWaiting(roster.waiting, open)}
      ${!open ? nothing : html`<kiosk-roster-signup sessionId=${this.sessionId} date=${this.date}></kiosk-roster-signup>`}
    `;
  }

  /** `marks`: what can be marked on this sheet, null when nothing can be marked today; `open`: sign-ups can still change */
  private renderSheet(list: 'signed-up' | 'walk-ins', heading: string, lines: RosterLine[], marks: readonly SessionAttendanceStatus[] | null, open: boolean) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<section aria-labelledby=${`${list}-heading`}>
      <h3 id=${`${list}-heading`}>${heading}</h3>
      ${list === 'walk-ins' && lines.length > 0 && marks ? html`<p>${t('schedule.roster.walkInsExplain')}</p>` : nothing}
      ${lines.length === 0
        ? html`<p>${t('schedule.roster.nobody')}</p>`
        : html`<ul class="sheet" data-list=${list}>
            ${lines.map((line) =>
              rosterLine(this.i18n, {
                line,
                chosen: this.marks.get(line.memberId) ?? line.mark,
                marks: marks ?? [],
                onMark: marks ? (status) => this.choose(line.memberId, status) : null,
                // walk-ins are here today: no leave slip and no sign-up to remove
                actions:
                  list === 'signed-up'
                    ? html`${line.onLeave
                          ? nothing
                          : html`<button type="button" aria-label=${t('schedule.roster.leaveFor', { name: line.name })} @click=${() => this.askLeave(line)}>
                              ${t('schedule.roster.recordLeave')}
                            </button>`}
                        ${open
                          ? html`<button type="button" aria-label=${t('schedule.roster.removeFor', { name: line.name })} @click=${() => void this.removeSignUp(line)}>
                              ${t('schedule.roster.remove')}
                            </button>`
                          : nothing}`
                    : nothing,
              }),
            )}
          </ul>`}
    </section>`;
  }

  private renderWaiting(waiting: RosterLine[], open: boolean) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<section aria-labelledby="waiting-heading">
      <h3 id="waiting-heading">${t('schedule.roster.waiting', { count: waiting.length })}</h3>
      ${waiting.length === 0
        ? html`<p>${t('schedule.roster.nobody')}</p>`
        : html`<ol class="waiting" data-list="waiting">
            ${waiting.map(
              (line) => html`<li data-member=${line.memberId}>
                <span class="position">${t('schedule.roster.position', { position: line.waitingPosition ?? '' })}</span>
                <span class="name">${line.name}</span>
                ${open
                  ? html`<button type="button" aria-label=${t('schedule.roster.removeWaitingFor', { name: line.name })} @click=${() => void this.removeSignUp(line)}>
                      ${t('schedule.roster.removeWaiting')}
                    </button>`
                  : nothing}
              </li>`,
            )}
          </ol>`}
    </section>`;
  }

  private choose(memberId: string, status: SessionAttendanceStatus | null): void {
    const marks = new Map(this.marks);
    if (status) marks.set(memberId, status);
    else marks.delete(memberId);
    this.marks = marks;
    this.problem = '';
  }

  private ask(action: 'cancel-date' | 'move-date', roster: SessionRoster): void {
    const occ = roster.occurrence;
    this.change = { action, sessionId: occ.sessionId, date: occ.date, title: occ.title, start: clockTime(occ.startsAt), end: clockTime(occ.endsAt) };
  }

  private askLeave(line: RosterLine): void {
    this.leave = { memberId: line.memberId, name: line.name, date: this.date };
  }

  private readonly onLeaveClosed = async (e: CustomEvent<KioskEventMap['kiosk-leave-closed']>): Promise<void> => {
    const { recorded, name } = e.detail;
    this.leave = null;
    if (!recorded) return;
    await this.reload(this.i18n.t('schedule.roster.leaveDone', { name }));
  };

  private readonly saveMarks = async (ev: SubmitEvent): Promise<void> => {
    ev.preventDefault();
    const roster = this.roster.value;
    if (!roster || this.busy) return;
    const saved = new Map([...roster.signedUp, ...roster.walkIns].map((l) => [l.memberId, l.mark]));
    const marks = [...this.marks].filter(([id, status]) => saved.get(id) !== status).map(([memberId, status]) => ({ memberId, status }));
    if (marks.length === 0) {
      this.problem = this.i18n.t('schedule.roster.nothingToSave');
      return;
    }
    await this.act(async () => {
      await sessionsApi.mark(this.sessionId, this.date, { marks });
      this.marks = new Map();
      return this.i18n.t('schedule.roster.savedMarks', { count: marks.length });
    }, '');
  };

  private async removeSignUp(line: RosterLine): Promise<void> {
    await this.act(async () => {
      await sessionsApi.cancelSignUp(this.sessionId, this.date, line.memberId);
      this.marks = new Map([...this.marks].filter(([id]) => id !== line.memberId));
      return this.i18n.t('schedule.roster.removed', { name: line.name });
    }, line.name);
  }

  /** Run one change; then read the roster again and say what happened, or say why it did not (about `name`). */
  private async act(change: () => Promise<string>, name: string): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      await this.reload(await change());
    } catch (err) {
      this.problem = rosterFailure(this.i18n, err, name);
    } finally {
      this.busy = false;
    }
  }

  private async reload(notice: string): Promise<void> {
    this.notice = notice;
    await this.roster.run();
    await this.updateComplete;
    // the button pressed may be gone (a removed sign-up, a leave recorded): the focus must not fall to nothing
    if (!(this.renderRoot as ShadowRoot).activeElement) await this.focusHeading();
  }

  private readonly back = (): void => {
    fireEvent(this, 'kiosk-schedule-go', { to: 'week' });
  };

  async focusHeading(): Promise<void> {
    await focusHeadingWhen(this, this.roster.taskComplete);
  }
}

customElements.define('kiosk-session-roster', KioskSessionRoster);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-session-roster': KioskSessionRoster;
  }
}
