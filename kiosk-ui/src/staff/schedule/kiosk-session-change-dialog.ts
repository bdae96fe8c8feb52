import { css, html, nothing, type PropertyValues } from 'lit';
import { ApiFailure } from '../../api/client.js';
import { sessionsApi } from '../../api/sessions.js';
import { fireEvent } from '../../fire-event.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { dayText } from '../alert-words.js';
import '../kiosk-confirm-dialog.js';
import { staffViewStyles } from '../staff-styles.js';
import { fieldError, formFieldStyles, inputField } from './form-fields.js';
import type { FieldErrors } from './session-draft.js';
import { isLocalDate, isLocalTime } from './week-dates.js';

/** A change to a session that is asked about first: cancel one date, move one date, cancel the series. */
export interface ChangeRequest {
  action: 'cancel-date' | 'move-date' | 'cancel-series';
  sessionId: string;
  /** the occurrence's scheduled date (for the series: its first date) */
  date: string;
  title: string;
  /** the occurrence's times, `HH:MM`, offered when moving it */
  start: string;
  end: string;
}

interface MoveFields {
  toDate: string;
  start: string;
  end: string;
  reason: string;
}

const REASON_MAX = 200;
/** how far a date may be moved (the server's rule, said in the error) */
const MOVE_WINDOW_DAYS = 60;

/**
 * Asks before cancelling or moving (a reason is required; a move also takes the new date and times).
 * Done: `kiosk-schedule-go` to where the change shows (the roster, or the week for a whole series).
 * Closed without a change: `kiosk-dialog-answer` with `confirmed: false`.
 */
export class KioskSessionChangeDialog extends KioskScreen {
  static override properties = {
    request: { attribute: false },
    fields: { state: true },
    errors: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare request: ChangeRequest | null;
  declare fields: MoveFields;
  declare errors: Partial<Record<keyof MoveFields, FieldErrors['title']>>;
  declare problem: string;
  declare busy: boolean;

  static override styles = [
    ...staffViewStyles,
    formFieldStyles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  constructor() {
    super();
    this.request = null;
    this.fields = { toDate: '', start: '', end: '', reason: '' };
    this.errors = {};
    this.problem = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('request')) return;
    const r = this.request;
    this.fields = { toDate: r?.date ?? '', start: r?.start ?? '', end: r?.end ?? '', reason: '' };
    this.errors = {};
    this.problem = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const r = this.request;
    const f = this.fields;
    const moving = r?.action === 'move-date';
    const set = (patch: Partial<MoveFields>) => (this.fields = { ...f, ...patch });
    return html`<kiosk-confirm-dialog
      .open=${r !== null}
      .busy=${this.busy}
      .heading=${r ? this.question(r) : ''}
      .confirmLabel=${t(moving ? 'schedule.change.confirmMove' : 'schedule.change.confirmCancel')}
      @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => {
        e.stopPropagation();
        void this.answer(e.detail.confirmed);
      }}
    >
      <p>${r ? this.explain(r) : ''}</p>
      ${moving
        ? html`${inputField(this.i18n, { name: 'toDate', label: t('schedule.change.toDate'), type: 'date', value: f.toDate, error: this.errors.toDate, onInput: (toDate) => set({ toDate }) })}
            ${inputField(this.i18n, { name: 'moveStart', label: t('schedule.form.start'), type: 'time', value: f.start, error: this.errors.start, onInput: (start) => set({ start }) })}
            ${inputField(this.i18n, { name: 'moveEnd', label: t('schedule.form.end'), type: 'time', value: f.end, error: this.errors.end, onInput: (end) => set({ end }) })}`
        : nothing}
      <label class="field" data-field="reason">
        <span>${t('schedule.change.reason')}</span>
        <textarea
          name="reason"
          maxlength=${REASON_MAX}
          aria-invalid=${this.errors.reason ? 'true' : 'false'}
          aria-describedby=${this.errors.reason ? 'reason-error' : nothing}
          .value=${f.reason}
          @input=${(e: InputEvent) => set({ reason: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${fieldError(this.i18n, 'reason-error', this.errors.reason)}
      </label>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </kiosk-confirm-dialog>`;
  }

  private question(r: ChangeRequest): string {
    const params = { title: r.title, date: dayText(this.i18n, r.date) };
    if (r.action === 'cancel-series') return this.i18n.t('schedule.change.cancelSeriesQuestion', params);
    return this.i18n.t(r.action === 'move-date' ? 'schedule.change.moveQuestion' : 'schedule.change.cancelDateQuestion', params);
  }

  private explain(r: ChangeRequest): string {
    if (r.action === 'cancel-series') return this.i18n.t('schedule.change.cancelSeriesExplain');
    return this.i18n.t(r.action === 'move-date' ? 'schedule.change.moveExplain' : 'schedule.change.cancelDateExplain');
  }

  private check(r: ChangeRequest): typeof this.errors {
    const f = this.fields;
    const errors: typeof this.errors = {};
    if (!f.reason.trim()) errors.reason = { key: 'schedule.error.reasonRequired' };
    if (r.action !== 'move-date') return errors;
    if (!isLocalDate(f.toDate)) errors.toDate = { key: 'schedule.error.date' };
    if (!isLocalTime(f.start)) errors.start = { key: 'schedule.error.time' };
    if (!isLocalTime(f.end)) errors.end = { key: 'schedule.error.time' };
    else if (isLocalTime(f.start) && f.end <= f.start) errors.end = { key: 'schedule.error.endBeforeStart' };
    return errors;
  }

  private async answer(confirmed: boolean): Promise<void> {
    const r = this.request;
    if (!r) return;
    if (!confirmed) {
      fireEvent(this, 'kiosk-dialog-answer', { confirmed: false });
      return;
    }
    const errors = this.check(r);
    this.errors = errors;
    this.problem = '';
    if (Object.keys(errors).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = true;
    try {
      await this.apply(r);
    } catch (err) {
      this.problem = this.failure(err, r);
    } finally {
      this.busy = false;
    }
  }

  private async apply(r: ChangeRequest): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.fields;
    const reason = f.reason.trim();
    if (r.action === 'cancel-series') {
      await sessionsApi.cancelSeries(r.sessionId, reason);
      fireEvent(this, 'kiosk-schedule-go', { to: 'week', notice: t('schedule.change.seriesCancelled', { title: r.title }) });
    } else if (r.action === 'cancel-date') {
      await sessionsApi.cancelDate(r.sessionId, r.date, reason);
      const notice = t('schedule.change.dateCancelled', { title: r.title, date: dayText(this.i18n, r.date) });
      fireEvent(this, 'kiosk-schedule-go', { to: 'roster', sessionId: r.sessionId, date: r.date, notice });
    } else {
      await sessionsApi.moveDate(r.sessionId, r.date, { toDate: f.toDate, start: f.start, end: f.end, reason });
      const notice = t('schedule.change.dateMoved', { title: r.title, date: dayText(this.i18n, f.toDate), time: t('schedule.time', { start: f.start, end: f.end }) });
      fireEvent(this, 'kiosk-schedule-go', { to: 'roster', sessionId: r.sessionId, date: r.date, notice });
    }
  }

  /** The server's refusal in words, next to a field where it is about one. */
  private failure(err: unknown, r: ChangeRequest): string {
    const t = this.i18n.t.bind(this.i18n);
    if (!(err instanceof ApiFailure)) return t('schedule.error.failed');
    switch (err.code) {
      case 'invalid_range':
        // the end before the start, or a move further than the server allows
        this.errors = /ends before/.test(err.message)
          ? { end: { key: 'schedule.error.endBeforeStart' } }
          : { toDate: { key: 'schedule.error.moveTooFar', params: { days: MOVE_WINDOW_DAYS } } };
        return '';
      case 'invalid_date':
        this.errors = { toDate: { key: 'schedule.error.moveToPast' } };
        return '';
      case 'invalid_time':
        this.errors = { start: { key: 'schedule.error.time' } };
        return '';
      case 'session_cancelled':
        return t(r.action === 'cancel-series' ? 'schedule.change.seriesAlreadyCancelled' : 'schedule.change.alreadyCancelled');
      case 'session_ended':
        return t('schedule.change.alreadyHeld');
      default:
        return err.status === 404 ? t('schedule.error.notFound') : t('schedule.error.failed');
    }
  }
}

customElements.define('kiosk-session-change-dialog', KioskSessionChangeDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-session-change-dialog': KioskSessionChangeDialog;
  }
}
