import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { ApiFailure } from '../../api/client.js';
import { employmentApi, type EmploymentTask } from '../../api/employment.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import './kiosk-employment-rule-form.js';
import type { RuleFormInput } from './kiosk-employment-rule-form.js';
import { ruleText } from './rule-words.js';

/** Tasks and their pay rule versions: add a task, or a new rule version from a day on (old logs keep their pay). */
export class KioskEmploymentTasks extends KioskScreen {
  static override properties = {
    editing: { state: true },
    message: { state: true },
  };
  /** the task getting a new rule version */
  declare editing: string | null;
  declare message: string;

  private readonly tasks = new Task(this, {
    task: async (_args, { signal }) => (await employmentApi.tasks(signal)).tasks,
    args: () => [] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      ol {
        margin: 4px 0 0;
      }
      ul.rows > li {
        align-items: start;
      }
      .task {
        display: grid;
        gap: 6px;
        flex: 1 1 20em;
      }
    `,
  ];

  constructor() {
    super();
    this.editing = null;
    this.message = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3>${t('employment.tasks.heading')}</h3>
      ${this.message ? html`<p class="ok" role="status">${this.message}</p>` : nothing}
      ${this.tasks.render({
        pending: () => html`<p role="status">${t('employment.loading')}</p>`,
        complete: (tasks) => this.renderTasks(tasks),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
      <kiosk-employment-rule-form
        with-name
        .legend=${t('employment.tasks.add')}
        .submitLabel=${t('employment.tasks.addSave')}
        .save=${(input: RuleFormInput) => this.saved(employmentApi.addTask(input.name, input), 'employment.tasks.added')}
      ></kiosk-employment-rule-form>
    `;
  }

  private renderTasks(tasks: EmploymentTask[]) {
    const t = this.i18n.t.bind(this.i18n);
    if (tasks.length === 0) return html`<p role="status">${t('employment.tasks.none')}</p>`;
    return html`<ul class="rows">
      ${tasks.map((task) => html`<li>
        <div class="task">
          <strong>${task.name}</strong>
          <span>${task.current ? t('employment.tasks.current', { rule: ruleText(this.i18n, task.current) }) : t('employment.tasks.noCurrent')}</span>
          <span>${t('employment.tasks.versions')}</span>
          <ol>
            ${task.rules.map((r) => html`<li>${t('employment.tasks.version', { from: r.effectiveFrom, rule: ruleText(this.i18n, r) })}</li>`)}
          </ol>
          ${this.editing === task.id
            ? html`<kiosk-employment-rule-form
                .legend=${t('employment.tasks.newRuleFor', { task: task.name })}
                .submitLabel=${t('employment.tasks.ruleSave')}
                .save=${(input: RuleFormInput) => this.saved(employmentApi.addRule(task.id, input), 'employment.tasks.ruleAdded')}
              ></kiosk-employment-rule-form>`
            : nothing}
        </div>
        ${this.editing === task.id
          ? html`<button @click=${() => (this.editing = null)}>${t('employment.cancel')}</button>`
          : html`<button @click=${() => this.edit(task.id)}>${t('employment.tasks.newRule', { task: task.name })}</button>`}
      </li>`)}
    </ul>`;
  }

  private edit(taskId: string): void {
    this.editing = taskId;
    this.message = '';
  }

  private async saved(pending: Promise<EmploymentTask>, done: 'employment.tasks.added' | 'employment.tasks.ruleAdded'): Promise<string | null> {
    try {
      const task = await pending;
      this.editing = null;
      this.message = this.i18n.t(done, { task: task.name });
      void this.tasks.run();
      return null;
    } catch (err) {
      if (err instanceof ApiFailure && err.code === 'task_exists') return this.i18n.t('employment.error.task_exists');
      if (err instanceof ApiFailure && err.code === 'invalid_date') return this.i18n.t('employment.error.invalid_date');
      return this.i18n.t('employment.error.failed');
    }
  }
}

customElements.define('kiosk-employment-tasks', KioskEmploymentTasks);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-employment-tasks': KioskEmploymentTasks;
  }
}
