import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { ApiFailure, type MemberMatch } from '../../api/client.js';
import { employmentApi, type EmploymentTask, type PayPreview } from '../../api/employment.js';
import { centreTimeZone } from '../../controllers/i18n-controller.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import '../kiosk-member-picker.js';
import { staffViewStyles } from '../staff-styles.js';
import { todayIn } from '../zoned-time.js';
import { yuan } from './money.js';
import { ruleText, wholeNumber } from './rule-words.js';

const MAX_MINUTES = 24 * 60;
const MAX_PIECES = 100_000;

/** Logs one member's work on one task and day; shows the pay it will get (from the server) before saving. */
export class KioskEmploymentLog extends KioskScreen {
  static override properties = {
    member: { state: true },
    taskId: { state: true },
    date: { state: true },
    minutes: { state: true },
    pieces: { state: true },
    message: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare member: MemberMatch | null;
  declare taskId: string;
  declare date: string;
  declare minutes: string;
  declare pieces: string;
  declare message: string;
  declare problem: string;
  declare busy: boolean;

  private readonly tasks = new Task(this, {
    task: async (_args, { signal }) => (await employmentApi.tasks(signal)).tasks.filter((t) => t.current !== null),
    args: () => [] as const,
  });

  /** The server's price for the form as it stands (null: the form is not complete yet). */
  private readonly preview = new Task(this, {
    task: async ([taskId, date, minutes, pieces], { signal }): Promise<PayPreview | null> => {
      const work = this.work(taskId, date, minutes, pieces);
      if (!work) return null;
      await new Promise((r) => setTimeout(r, 150));
      signal.throwIfAborted();
      return employmentApi.preview(work, signal);
    },
    args: () => [this.taskId, this.date, this.minutes, this.pieces] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      .numbers {
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
      }
      .numbers input {
        width: 9em;
      }
      .pay {
        font-size: 24px;
        font-weight: 700;
      }
    `,
  ];

  constructor() {
    super();
    this.member = null;
    this.taskId = '';
    this.date = todayIn(centreTimeZone.value);
    this.minutes = '';
    this.pieces = '0';
    this.message = '';
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3>${t('employment.log.heading')}</h3>
      <kiosk-member-picker
        .selectedId=${this.member?.id ?? ''}
        @kiosk-member-picked=${(e: CustomEvent<{ member: MemberMatch }>) => {
          this.member = e.detail.member;
          this.message = '';
        }}
      ></kiosk-member-picker>
      <p role="status">${this.member ? t('employment.log.member', { name: this.member.name }) : t('employment.log.pickMember')}</p>
      ${this.tasks.render({
        pending: () => html`<p role="status">${t('employment.loading')}</p>`,
        complete: (tasks) => this.renderTasks(tasks),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
      <div class="numbers">
        <label class="field">
          <span>${t('employment.log.date')}</span>
          <input type="date" name="date" .value=${this.date} max=${todayIn(centreTimeZone.value)}
            @input=${(e: InputEvent) => (this.date = (e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>${t('employment.log.minutes')}</span>
          <input type="number" name="minutes" inputmode="numeric" min="1" max=${MAX_MINUTES} .value=${this.minutes}
            @input=${(e: InputEvent) => (this.minutes = (e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>${t('employment.log.pieces')}</span>
          <input type="number" name="pieces" inputmode="numeric" min="0" max=${MAX_PIECES} .value=${this.pieces}
            @input=${(e: InputEvent) => (this.pieces = (e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <p role="status" data-preview>${this.renderPreview()}</p>
      <div class="actions">
        <button class="primary" ?disabled=${this.busy} @click=${() => void this.save()}>${t('employment.log.save')}</button>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
    `;
  }

  private renderTasks(tasks: EmploymentTask[]) {
    const t = this.i18n.t.bind(this.i18n);
    if (tasks.length === 0) return html`<p role="status">${t('employment.tasks.none')}</p>`;
    return html`<fieldset>
      <legend>${t('employment.log.task')}</legend>
      <div class="options">
        ${tasks.map(
          (task) => html`<label class="choice">
            <input type="radio" name="task" .checked=${this.taskId === task.id} @change=${() => (this.taskId = task.id)} />
            <span>${task.name} · ${ruleText(this.i18n, task.current!)}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderPreview() {
    const t = this.i18n.t.bind(this.i18n);
    return this.preview.render({
      initial: () => t('employment.log.fillIn'),
      pending: () => t('employment.log.pricing'),
      complete: (p) => (p ? html`<span class="pay">${t('employment.log.willPay', { yuan: yuan(p.payCents) })}</span>
        <span>(${ruleText(this.i18n, p.rule)})</span>` : t('employment.log.fillIn')),
      error: (err) => html`<span class="error">${this.explain(err)}</span>`,
    });
  }

  private work(taskId: string, date: string, minutes: string, pieces: string) {
    const m = wholeNumber(minutes, 1, MAX_MINUTES);
    const p = wholeNumber(pieces, 0, MAX_PIECES);
    if (!taskId || !date || m === null || p === null) return null;
    return { taskId, date, minutes: m, pieces: p };
  }

  private explain(err: unknown): string {
    const code = err instanceof ApiFailure ? err.code : '';
    const known = ['no_pay_rule', 'future_date', 'invalid_date'] as const;
    const hit = known.find((k) => k === code);
    return hit ? this.i18n.t(`employment.error.${hit}`) : this.i18n.t('employment.error.failed');
  }

  private async save(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    this.message = '';
    const work = this.work(this.taskId, this.date, this.minutes, this.pieces);
    if (!this.member) return void (this.problem = t('employment.log.pickMember'));
    if (!work) return void (this.problem = t('employment.log.fillIn'));
    this.busy = true;
    this.problem = '';
    try {
      const log = await employmentApi.logWork({ memberId: this.member.id, ...work });
      this.message = t('employment.log.saved', { name: log.memberName, task: log.taskName, yuan: yuan(log.payCents) });
      this.minutes = '';
      this.pieces = '0';
    } catch (err) {
      this.problem = this.explain(err);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-employment-log', KioskEmploymentLog);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-employment-log': KioskEmploymentLog;
  }
}
