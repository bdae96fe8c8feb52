import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { ActivityKind, SessionDetail, StaffCard } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../api/client.js';
import { sessionsApi } from '../../api/sessions.js';
import { ACTIVITY_KIND_ORDER, ACTIVITY_KINDS } from '../../components/activity-kinds.js';
import { pictogram } from '../../components/pictograms.js';
import { fireEvent } from '../../fire-event.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { dayText } from '../alert-words.js';
import { staffViewStyles } from '../staff-styles.js';
import { focusHeadingWhen, type HeadingFocus } from './focus-heading.js';
import { fieldError, formFieldStyles, inputField } from './form-fields.js';
import './kiosk-session-change-dialog.js';
import type { ChangeRequest } from './kiosk-session-change-dialog.js';
import { scheduleStyles } from './schedule-styles.js';
import {
  checkDraft,
  draftOf,
  emptyDraft,
  serverFieldErrors,
  ROOM_MAX,
  TITLE_MAX,
  type FieldErrors,
  type SessionDraft,
} from './session-draft.js';
import { mondayOf } from './week-dates.js';

interface Loaded {
  detail: SessionDetail | null;
  colleagues: StaffCard[];
}

/**
 * Create a session, or change a whole series (`sessionId`): title, kind, room, lead, places, date,
 * times, repeat and last date. Every problem is said next to its field, the server's too. A series
 * being edited can be cancelled as a whole (asked first, with a reason).
 */
export class KioskSessionForm extends KioskScreen implements HeadingFocus {
  static override properties = {
    /** the series to change; null: a new session */
    sessionId: { attribute: false },
    /** the first date offered for a new session */
    date: { type: String },
    draft: { state: true },
    errors: { state: true },
    problem: { state: true },
    busy: { state: true },
    change: { state: true },
  };
  declare sessionId: string | null;
  declare date: string;
  declare draft: SessionDraft | null;
  declare errors: FieldErrors;
  declare problem: string;
  declare busy: boolean;
  declare change: ChangeRequest | null;

  private readonly loaded = new Task(this, {
    task: async ([sessionId], { signal }): Promise<Loaded> => {
      const [detail, { staff }] = await Promise.all([
        sessionId ? sessionsApi.detail(sessionId, signal) : Promise.resolve(null),
        sessionsApi.colleagues(signal),
      ]);
      return { detail, colleagues: staff };
    },
    args: () => [this.sessionId] as const,
    // the fields start from the series as stored (or empty on the date offered), once per load
    onComplete: ({ detail }) => {
      this.draft = detail ? draftOf(detail) : emptyDraft(this.date);
    },
  });

  static override styles = [
    ...staffViewStyles,
    scheduleStyles,
    formFieldStyles,
    css`
      form {
        display: grid;
        gap: 16px;
        max-width: 860px;
      }
      .pair {
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
      }
      .pair > * {
        flex: 1 1 14em;
      }
      .choice[data-kind] {
        border-left: 8px solid var(--kind-colour);
      }
    `,
  ];

  constructor() {
    super();
    this.sessionId = null;
    this.date = '';
    this.draft = null;
    this.errors = {};
    this.problem = '';
    this.busy = false;
    this.change = null;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return this.loaded.render({
      pending: () => html`<p role="status">${t('app.loading')}</p>`,
      complete: (loaded) => this.renderForm(loaded),
      error: (err) => html`<p class="error" role="alert">
          ${err instanceof ApiFailure && err.status === 404 ? t('schedule.error.notFound') : t('mode.loadFailed')}
        </p>
        <div class="actions">
          <button @click=${() => void this.loaded.run()}>${t('mode.retry')}</button>
          <button @click=${this.back}>${t('schedule.form.back')}</button>
        </div>`,
    });
  }

  private renderForm({ detail, colleagues }: Loaded) {
    const t = this.i18n.t.bind(this.i18n);
    const d = this.draft;
    if (!d) return nothing;
    const e = this.errors;
    const set = (patch: Partial<SessionDraft>) => {
      this.draft = { ...d, ...patch };
    };
    return html`
      <h2 tabindex="-1">${detail ? t('schedule.form.editHeading', { title: detail.title }) : t('schedule.form.newHeading')}</h2>
      ${detail ? html`<p>${t('schedule.form.editExplain')}</p>` : nothing}
      ${detail?.cancelledFrom ? html`<p class="warn">${t('schedule.form.seriesCancelled', { date: dayText(this.i18n, detail.cancelledFrom) })}</p>` : nothing}
      <form novalidate @submit=${this.onSubmit}>
        <!-- maxlength leaves room past the limit: a pasted long title is said to be too long, not cut silently -->
        ${inputField(this.i18n, { name: 'title', label: t('schedule.form.title'), type: 'text', value: d.title, error: e.title, maxlength: TITLE_MAX * 2, onInput: (title) => set({ title }) })}
        <fieldset aria-describedby=${e.kind ? 'kind-error' : nothing} data-field="kind">
          <legend>${t('schedule.form.kind')}</legend>
          <div class="options">
            ${ACTIVITY_KIND_ORDER.map((kind) => this.kindChoice(kind, d.kind, (k) => set({ kind: k })))}
          </div>
          ${fieldError(this.i18n, 'kind-error', e.kind)}
        </fieldset>
        <div class="pair">
          ${inputField(this.i18n, { name: 'room', label: t('schedule.form.room'), type: 'text', value: d.room, error: e.room, maxlength: ROOM_MAX * 2, onInput: (room) => set({ room }) })}
          <label class="field" data-field="leadStaffId">
            <span>${t('schedule.form.lead')}</span>
            <select
              name="leadStaffId"
              aria-invalid=${e.leadStaffId ? 'true' : 'false'}
              aria-describedby=${e.leadStaffId ? 'leadStaffId-error' : nothing}
              @change=${(ev: Event) => set({ leadStaffId: (ev.target as HTMLSelectElement).value })}
            >
              <option value="" ?selected=${d.leadStaffId === ''}>${t('schedule.form.noLead')}</option>
              ${colleagues.map((s) => html`<option value=${s.id} ?selected=${d.leadStaffId === s.id}>${s.name}</option>`)}
            </select>
            ${fieldError(this.i18n, 'leadStaffId-error', e.leadStaffId)}
          </label>
        </div>
        ${inputField(this.i18n, { name: 'capacity', label: t('schedule.form.capacity'), type: 'text', inputmode: 'numeric', value: d.capacity, error: e.capacity, maxlength: 4, onInput: (capacity) => set({ capacity }) })}
        <div class="pair">
          ${inputField(this.i18n, { name: 'date', label: t('schedule.form.date'), type: 'date', value: d.date, error: e.date, onInput: (date) => set({ date }) })}
          ${inputField(this.i18n, { name: 'start', label: t('schedule.form.start'), type: 'time', value: d.start, error: e.start, onInput: (start) => set({ start }) })}
          ${inputField(this.i18n, { name: 'end', label: t('schedule.form.end'), type: 'time', value: d.end, error: e.end, onInput: (end) => set({ end }) })}
        </div>
        <fieldset>
          <legend>${t('schedule.form.repeat')}</legend>
          <div class="options">
            ${(['none', 'weekly'] as const).map(
              (repeat) => html`<label class="choice">
                <input type="radio" name="repeat" value=${repeat} .checked=${d.repeat === repeat} @change=${() => set({ repeat })} />
                <span>${t(`schedule.form.repeat.${repeat}`)}</span>
              </label>`,
            )}
          </div>
        </fieldset>
        ${d.repeat === 'weekly'
          ? inputField(this.i18n, { name: 'until', label: t('schedule.form.until'), type: 'date', value: d.until, error: e.until, onInput: (until) => set({ until }) })
          : nothing}
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="primary" data-primary ?disabled=${this.busy}>${t('schedule.form.save')}</button>
          <button type="button" @click=${this.back}>${t('schedule.form.back')}</button>
          ${detail && !detail.cancelledFrom
            ? html`<button type="button" @click=${() => this.askCancelSeries(detail)}>${t('schedule.form.cancelSeries')}</button>`
            : nothing}
        </div>
      </form>
      <kiosk-session-change-dialog .request=${this.change} @kiosk-dialog-answer=${() => (this.change = null)}></kiosk-session-change-dialog>
    `;
  }

  private kindChoice(kind: ActivityKind, chosen: ActivityKind | null, choose: (kind: ActivityKind) => void) {
    return html`<label class="choice" data-kind=${kind}>
      <input type="radio" name="kind" value=${kind} .checked=${chosen === kind} @change=${() => choose(kind)} />
      ${pictogram(ACTIVITY_KINDS[kind].pictogram)}<span>${this.i18n.t(ACTIVITY_KINDS[kind].word)}</span>
    </label>`;
  }

  private readonly onSubmit = async (ev: SubmitEvent): Promise<void> => {
    ev.preventDefault();
    const draft = this.draft;
    if (!draft || this.busy) return;
    const t = this.i18n.t.bind(this.i18n);
    const checked = checkDraft(draft);
    if (checked.errors) return this.showErrors(checked.errors, '');
    this.busy = true;
    this.problem = '';
    try {
      const saved = this.sessionId
        ? await sessionsApi.update(this.sessionId, checked.input)
        : await sessionsApi.create(checked.input);
      fireEvent(this, 'kiosk-schedule-go', { to: 'week', from: mondayOf(saved.date), notice: t('schedule.form.saved', { title: saved.title }) });
    } catch (err) {
      const errors = err instanceof ApiFailure ? serverFieldErrors(err.code, err.message) : {};
      await this.showErrors(errors, this.failure(err));
    } finally {
      this.busy = false;
    }
  };

  /** A refusal that is about no field in particular, in words. */
  private failure(err: unknown): string {
    const t = this.i18n.t.bind(this.i18n);
    if (!(err instanceof ApiFailure)) return t('schedule.error.failed');
    if (err.code === 'signups_on_dropped_dates') {
      const dates = Array.isArray(err.body['dates']) ? err.body['dates'].filter((d): d is string => typeof d === 'string') : [];
      return t('schedule.error.droppedDates', { dates: dates.map((d) => dayText(this.i18n, d)).join('、') });
    }
    return err.status === 404 ? t('schedule.error.notFound') : t('schedule.error.failed');
  }

  /** Show the problems and put the focus on the first field to fix. */
  private async showErrors(errors: FieldErrors, problem: string): Promise<void> {
    this.errors = errors;
    const fields = Object.keys(errors);
    this.problem = fields.length > 0 ? this.i18n.t('schedule.form.fixFields') : problem;
    await this.updateComplete;
    const first = this.renderRoot.querySelector<HTMLElement>(
      '[aria-invalid="true"], fieldset[aria-describedby] input',
    );
    first?.focus();
  }

  private askCancelSeries(detail: SessionDetail): void {
    this.change = { action: 'cancel-series', sessionId: detail.id, date: detail.date, title: detail.title, start: detail.start, end: detail.end };
  }

  private readonly back = (): void => {
    fireEvent(this, 'kiosk-schedule-go', { to: 'week' });
  };

  async focusHeading(): Promise<void> {
    await focusHeadingWhen(this, this.loaded.taskComplete);
  }
}

customElements.define('kiosk-session-form', KioskSessionForm);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-session-form': KioskSessionForm;
  }
}
