import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { employmentApi, type WorkLog } from '../../api/employment.js';
import { centreTimeZone } from '../../controllers/i18n-controller.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import { todayIn } from '../zoned-time.js';
import { yuan } from './money.js';

/** One day's work logs (today by default); a mistaken one is voided with a reason, never edited. */
export class KioskEmploymentDay extends KioskScreen {
  static override properties = {
    date: { state: true },
    voiding: { state: true },
    reason: { state: true },
    problem: { state: true },
    message: { state: true },
  };
  declare date: string;
  /** the log whose void reason is being asked for */
  declare voiding: string | null;
  declare reason: string;
  declare problem: string;
  declare message: string;

  private readonly logs = new Task(this, {
    task: async ([date], { signal }) => (await employmentApi.logsOn(date, signal)).logs,
    args: () => [this.date] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      .voided {
        text-decoration: line-through;
      }
      .void-form {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
        width: 100%;
      }
    `,
  ];

  constructor() {
    super();
    this.date = todayIn(centreTimeZone.value);
    this.voiding = null;
    this.reason = '';
    this.problem = '';
    this.message = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3>${t('employment.day.heading')}</h3>
      <label class="field">
        <span>${t('employment.log.date')}</span>
        <input type="date" name="day" .value=${this.date} @change=${(e: Event) => (this.date = (e.target as HTMLInputElement).value || this.date)} />
      </label>
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
      ${this.logs.render({
        pending: () => html`<p role="status">${t('employment.loading')}</p>`,
        complete: (logs) => this.renderLogs(logs),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  private renderLogs(logs: WorkLog[]) {
    const t = this.i18n.t.bind(this.i18n);
    if (logs.length === 0) return html`<p role="status">${t('employment.day.none')}</p>`;
    const total = logs.reduce((sum, l) => sum + (l.voided ? 0 : l.payCents), 0);
    return html`<ul class="rows" data-list="work-logs">
        ${logs.map((l) => html`<li>
          <span class=${l.voided ? 'voided' : ''}>
            ${t('employment.day.line', { name: l.memberName, task: l.taskName, minutes: l.minutes, pieces: l.pieces, yuan: yuan(l.payCents) })}
          </span>
          ${l.voided
            ? html`<span>${t('employment.day.voided', { reason: l.voided.reason })}</span>`
            : this.voiding === l.id
              ? this.renderVoidForm(l)
              : html`<button @click=${() => this.askReason(l.id)}>${t('employment.day.void', { name: l.memberName, task: l.taskName })}</button>`}
        </li>`)}
      </ul>
      <p>${t('employment.day.total', { yuan: yuan(total) })}</p>`;
  }

  private renderVoidForm(l: WorkLog) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="void-form">
      <label class="field">
        <span>${t('employment.day.reason')}</span>
        <input name="void-reason" maxlength="200" .value=${this.reason} @input=${(e: InputEvent) => (this.reason = (e.target as HTMLInputElement).value)} />
      </label>
      <button class="primary" @click=${() => void this.confirmVoid(l)}>${t('employment.day.confirmVoid')}</button>
      <button @click=${() => (this.voiding = null)}>${t('employment.cancel')}</button>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </div>`;
  }

  private askReason(id: string): void {
    this.voiding = id;
    this.reason = '';
    this.problem = '';
    this.message = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=void-reason]')?.focus());
  }

  private async confirmVoid(l: WorkLog): Promise<void> {
    const reason = this.reason.trim();
    if (!reason) return void (this.problem = this.i18n.t('employment.day.needReason'));
    try {
      await employmentApi.voidLog(l.id, reason);
      this.voiding = null;
      this.message = this.i18n.t('employment.day.voidDone', { name: l.memberName, task: l.taskName });
      void this.logs.run();
    } catch {
      this.problem = this.i18n.t('employment.error.failed');
    }
  }
}

customElements.define('kiosk-employment-day', KioskEmploymentDay);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-employment-day': KioskEmploymentDay;
  }
}
