import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { MemberOccurrence, MemberVisit } from '../../../edge-server/src/api-types.js';
import { memberSessionsApi } from '../api/member-sessions.js';
import { ApiFailure } from '../api/client.js';
import { activityCardStyles } from '../components/activity-card.js';
import { spokenDetail } from '../components/occurrence-words.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';
import { renderExpired, renderResult, renderRetry, sessionAnswerStyles } from './member-sessions/session-answers.js';
import {
  HELD_WORDS,
  HeldCancel,
  RESULT_WORDS,
  heldChange,
  refusal,
  sendChoice,
  sendUndo,
  type Change,
} from './member-sessions/session-requests.js';
import { renderSessionDetail, sessionDetailStyles, type SessionAction } from './member-sessions/session-detail.js';
import {
  listPageSize,
  pageCount,
  renderToday,
  renderWeekDay,
  sessionListStyles,
  spokenToday,
  spokenWeekDay,
  todayList,
} from './member-sessions/session-lists.js';

/** Seconds a member has to take back a sign-up or a cancel (× their timeoutScale). */
export const SESSION_UNDO_SECONDS = 5;

/** Where the sessions screen opens (from the welcome screen's cards and its "本周活动" choice). */
export type SessionsStart = { view: 'today' } | { view: 'week' } | { view: 'detail'; occurrence: MemberOccurrence };

type ListView = { name: 'today'; page: number } | { name: 'week'; day: number; page: number };
type View =
  | ListView
  /** `notice`: what just happened (undone, or the last place just went), shown as it is said */
  | { name: 'detail'; occurrence: MemberOccurrence; from: ListView; notice?: string }
  /**
   * `held`: a cancel not sent yet (the occurrence is still as it was); it is sent when the seconds run out,
   * on "好的" or when the screen is left. Otherwise the change is recorded and `occurrence` shows it.
   */
  | { name: 'result'; occurrence: MemberOccurrence; change: Change; held: boolean; from: ListView; seconds: number }
  | { name: 'expired' };

type ResultView = Extract<View, { name: 'result' }>;

const TODAY: ListView = { name: 'today', page: 0 };

/**
 * A checked-in member's sessions: today's list, this week (a day at a time), one session's detail with
 * sign-up / waiting list / cancel, and a few seconds to undo each choice. Owns its sub-steps so the app
 * only knows "the sessions screen"; each step speaks its prompt (`kiosk-speak`) and puts the focus on
 * its main choice. Requests carry the visit token from the check-in; an expired visit asks for the
 * finger or card again.
 */
export class KioskMemberSessions extends KioskScreen {
  static override properties = { visit: { attribute: false }, start: { attribute: false }, view: { state: true }, busy: { state: true }, listNotice: { state: true } };
  declare visit: MemberVisit;
  declare start: SessionsStart;
  declare view: View;
  /** a sign-up or cancel is on its way: further presses are ignored until it answers */
  declare busy: boolean;
  /** what was just recorded (a held cancel, once sent), shown above the list and said before it */
  declare listNotice: string | undefined;
  /** the cancel the result step is holding, sent if the screen goes away before its seconds run out */
  private held: HeldCancel | undefined;
  private countdown: ReturnType<typeof setInterval> | undefined;
  private expiredTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly today = new Task(this, {
    autoRun: false,
    task: ([visit]: readonly [MemberVisit], { signal }) => memberSessionsApi.today(visit, signal),
    // (onComplete runs before the task's value is set: use the result it is given)
    onComplete: (today) => this.enterView(spokenToday(today, this.listPage, this.pageSize, this.i18n)),
    onError: (err) => this.failed(err),
  });

  private readonly week = new Task(this, {
    autoRun: false,
    task: ([visit]: readonly [MemberVisit], { signal }) => memberSessionsApi.week(visit, undefined, signal),
    onComplete: (week) => this.enterView(spokenWeekDay(week.days, this.view.name === 'week' ? this.view.day : 0, this.listPage, this.pageSize, this.i18n)),
    onError: (err) => this.failed(err),
  });

  static override styles = [
    screenStyles,
    ...activityCardStyles,
    ...sessionDetailStyles,
    sessionListStyles,
    sessionAnswerStyles,
    css`
      :host {
        padding: var(--k-gap);
      }
    `,
  ];

  constructor() {
    super();
    this.busy = false;
    this.view = TODAY;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const s = this.start;
    if (s.view === 'detail') this.view = { name: 'detail', occurrence: s.occurrence, from: TODAY };
    else this.showList(s.view === 'week' ? { name: 'week', day: 0, page: 0 } : TODAY);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the screen during a held cancel's countdown (idle timeout, another member's finger) sends it:
    // the member chose to cancel and saw it would happen; only Undo takes it back. Nobody is left to see
    // the answer, so it is sent and forgotten (the visit token still holds for a while after check-in).
    void this.held?.send()?.catch(() => undefined);
    clearInterval(this.countdown);
    clearTimeout(this.expiredTimer);
  }

  /** The prompt of the step in front (kiosk-app speaks it on entering the screen and on a language switch). */
  message(): string | null {
    const v = this.view;
    switch (v.name) {
      case 'today':
        return this.today.value ? spokenToday(this.today.value, v.page, this.pageSize, this.i18n) : null;
      case 'week':
        return this.week.value ? spokenWeekDay(this.week.value.days, v.day, v.page, this.pageSize, this.i18n) : null;
      case 'detail':
        return spokenDetail(v.occurrence, this.i18n);
      case 'result': {
        const result = this.resultText(v);
        if (v.held) return this.i18n.t('memberSessions.heldSpoken', { title: v.occurrence.title, result, seconds: v.seconds });
        return this.i18n.t('memberSessions.resultSpoken', { title: v.occurrence.title, result });
      }
      case 'expired':
        return this.i18n.t('memberSessions.expired');
    }
  }

  /** Escape/Backspace: one step back; from today's list, back to the start. */
  back(): void {
    const v = this.view;
    if (v.name === 'result') return this.finishResult(v);
    if (v.name === 'detail') return this.showList(v.from);
    if (v.name === 'week') return this.showList(TODAY);
    fireEvent(this, 'kiosk-navigate', { to: 'idle' });
  }

  override render() {
    const v = this.view;
    const opts = { i18n: this.i18n, easyRead: this.easyRead, notice: this.listNotice, onOpen: (o: MemberOccurrence) => this.openDetail(o), size: this.pageSize };
    const loading = html`<p role="status">${pictogram('wait')} ${this.i18n.t('memberSessions.loading')}</p>`;
    switch (v.name) {
      case 'today':
        return this.today.render({
          pending: () => loading,
          complete: (today) =>
            renderToday(today, {
              ...opts,
              page: v.page,
              onMore: () => this.turnPage(todayList(today).length),
              onWeek: () => this.showList({ name: 'week', day: 0, page: 0 }),
              onDone: () => this.done(),
            }),
          error: () => renderRetry(this.i18n, () => this.showList(v), () => this.done()),
        });
      case 'week':
        return this.week.render({
          pending: () => loading,
          complete: (week) =>
            renderWeekDay(week.days, v.day, {
              ...opts,
              page: v.page,
              onMore: () => this.turnPage(week.days[v.day]!.sessions.length),
              onDay: (day) => this.showDay(day),
              onBack: () => this.back(),
            }),
          error: () => renderRetry(this.i18n, () => this.showList(v), () => this.done()),
        });
      case 'detail':
        return html`<div aria-busy=${this.busy ? 'true' : 'false'}>
          ${v.notice ? html`<p class="notice" role="status">${pictogram('speaker')}<span>${v.notice}</span></p>` : nothing}
          ${renderSessionDetail(v.occurrence, { ...opts, onAction: (a) => void this.act(v.occurrence, a), onBack: () => this.back() })}
        </div>`;
      case 'result':
        return renderResult({
          i18n: this.i18n,
          look: v.change === 'signed_up' ? 'yes' : v.change === 'waiting' ? 'wait' : 'no',
          heading: this.resultText(v),
          title: v.occurrence.title,
          countdown: this.i18n.t(v.held ? 'memberSessions.countdownHeld' : 'memberSessions.countdown', { seconds: v.seconds }),
          onUndo: () => void this.undo(v),
          onOk: () => this.finishResult(v),
        });
      case 'expired':
        return renderExpired(this.i18n, () => this.done());
    }
  }

  /** "将取消报名" while a cancel is held, "已取消报名" / "报名成功" once recorded. */
  private resultText(v: { occurrence: MemberOccurrence; change: Change; held: boolean }): string {
    const words = v.held && (v.change === 'cancelled' || v.change === 'left_waitlist') ? HELD_WORDS[v.change] : RESULT_WORDS[v.change];
    return this.i18n.t(words, { position: v.occurrence.waitingPosition ?? '?' });
  }

  /** Back to a list, read fresh: a place given from the waiting list (or taken elsewhere) shows at once. */
  private showList(view: ListView, notice?: string): void {
    this.stopCountdown();
    this.listNotice = notice;
    this.view = view;
    void (view.name === 'today' ? this.today : this.week).run([this.visit]);
  }

  /** The page of the list in front (0 when no list is). */
  private get listPage(): number {
    return this.view.name === 'today' || this.view.name === 'week' ? this.view.page : 0;
  }

  private get pageSize(): number {
    return listPageSize(this.profileCtl.profile);
  }

  private showDay(day: number): void {
    this.listNotice = undefined;
    this.view = { name: 'week', day, page: 0 };
    this.enterView(this.message() ?? '');
  }

  /** The next page of the list in front (after the last, the first again). */
  private turnPage(count: number): void {
    const v = this.view;
    if (v.name !== 'today' && v.name !== 'week') return;
    this.listNotice = undefined;
    this.view = { ...v, page: (v.page + 1) % pageCount(count, this.pageSize) };
    this.enterView(this.message() ?? '');
  }

  private openDetail(o: MemberOccurrence): void {
    const from = this.view.name === 'week' || this.view.name === 'today' ? this.view : TODAY;
    this.listNotice = undefined;
    this.view = { name: 'detail', occurrence: o, from };
    this.enterView(spokenDetail(o, this.i18n));
  }

  private done(): void {
    fireEvent(this, 'kiosk-navigate', { to: 'idle' });
  }

  /** Sign up or join the line (sent at once), or cancel either (held); then a few seconds to undo. */
  private async act(o: MemberOccurrence, action: SessionAction): Promise<void> {
    if (this.busy || this.view.name !== 'detail') return;
    const from = this.view.from;
    const held = heldChange(action);
    if (held) {
      this.held = new HeldCancel(this.visit, o, held);
      return this.showResult(o, held, true, from);
    }
    this.busy = true;
    try {
      const { updated, change } = await sendChoice(this.visit, o, action);
      this.showResult(updated, change, false, from);
    } catch (err) {
      this.refused(err, o, from);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Undo a held cancel = drop it (nothing was sent: the place or position is exactly as it was); undo a
   * sign-up = cancel it. Then the session again, as it now stands.
   */
  private async undo(v: ResultView): Promise<void> {
    if (this.busy) return;
    this.stopCountdown();
    const undone = this.i18n.t('memberSessions.undone');
    if (v.held) {
      this.held?.drop();
      return this.showDetail(v.occurrence, v.from, undone);
    }
    this.busy = true;
    try {
      this.showDetail(await sendUndo(this.visit, v.occurrence), v.from, undone);
    } catch (err) {
      this.refused(err, v.occurrence, v.from);
    } finally {
      this.busy = false;
    }
  }

  /** The seconds ran out, or "好的" / Escape: send a held cancel, then back to the list it came from. */
  private finishResult(v: ResultView): void {
    if (v.held) void this.sendHeld(v);
    else this.showList(v.from);
  }

  private async sendHeld(v: ResultView): Promise<void> {
    const sending = this.busy ? null : this.held?.send();
    if (!sending) return;
    this.stopCountdown();
    this.busy = true;
    try {
      await sending;
      this.showList(v.from, this.resultText({ ...v, held: false }));
    } catch (err) {
      // not recorded: the session as it was (still theirs), so they can try again or call staff
      // (focus on its main choice; the failure's words are said by `refused`)
      this.view = { name: 'detail', occurrence: v.occurrence, from: v.from };
      this.enterView('');
      this.refused(err, v.occurrence, v.from);
    } finally {
      this.busy = false;
    }
  }

  /** A refused request: the session as it now is when the refusal says so, otherwise what to do next. */
  private refused(err: unknown, o: MemberOccurrence, from: ListView): void {
    const r = refusal(err, o);
    if (r) this.showDetail(r.occurrence, from, this.i18n.t(r.notice));
    else this.failed(err);
  }

  /** The session again after an undo or a refused sign-up: what happened first, then the session. */
  private showDetail(occurrence: MemberOccurrence, from: ListView, notice: string): void {
    this.view = { name: 'detail', occurrence, from, notice };
    this.enterView(`${notice} ${spokenDetail(occurrence, this.i18n)}`);
  }

  private showResult(o: MemberOccurrence, change: Change, held: boolean, from: ListView): void {
    const seconds = Math.round(SESSION_UNDO_SECONDS * Math.max(1, this.profileCtl.profile.timeoutScale));
    const endsAt = Date.now() + seconds * 1000;
    this.view = { name: 'result', occurrence: o, change, held, from, seconds };
    this.enterView(this.message() ?? '');
    this.countdown = setInterval(() => {
      const left = Math.ceil((endsAt - Date.now()) / 1000);
      if (this.view.name !== 'result') return this.stopCountdown();
      if (left > 0) this.view = { ...this.view, seconds: left };
      else {
        this.stopCountdown();
        this.finishResult(this.view);
      }
    }, 200);
  }

  private stopCountdown(): void {
    clearInterval(this.countdown);
    this.countdown = undefined;
  }

  /**
   * A request failed. An expired visit asks for the finger or card again and goes back to the start;
   * anything else says what to do next and leaves the screen as it was.
   */
  private failed(err: unknown): void {
    if (err instanceof DOMException && err.name === 'AbortError') return;
    if (err instanceof ApiFailure && err.code === 'visit_expired') {
      this.stopCountdown();
      this.view = { name: 'expired' };
      this.enterView(this.i18n.t('memberSessions.expired'));
      const scale = Math.max(1, this.profileCtl.profile.timeoutScale);
      this.expiredTimer = setTimeout(() => this.done(), SESSION_UNDO_SECONDS * scale * 1000);
      return;
    }
    const network = err instanceof ApiFailure && err.status === 0;
    fireEvent(this, 'kiosk-say', { text: this.i18n.t(network ? 'memberSessions.network' : 'memberSessions.failed') });
  }

  /** A new step is drawn: say it (after what was just recorded, on a list) and give its main choice the focus. */
  private enterView(prompt: string): void {
    const listed = this.view.name === 'today' || this.view.name === 'week';
    const recorded = listed && this.listNotice ? this.i18n.t('memberSessions.recorded', { result: this.listNotice }) : '';
    const text = [recorded, prompt].filter(Boolean).join(' ');
    if (text) fireEvent(this, 'kiosk-speak', { text });
    // a task's onComplete runs before its render is requested: ask for it, so the focus lands on the new step
    this.requestUpdate();
    void this.focusPrimary();
  }
}

customElements.define('kiosk-member-sessions', KioskMemberSessions);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-member-sessions': KioskMemberSessions;
  }
}
