import { Task } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { loadingStates, monthField, thisMonth } from './month-field.js';

/** A staff report for one month: a month picker (this month first) and the report read for it. */
export abstract class MonthlyView<T> extends KioskScreen {
  static override properties = { month: { state: true } };
  declare month: string;

  private readonly report = new Task(this, {
    task: ([month], { signal }) => this.load(month, signal),
    args: () => [this.month] as const,
  });

  constructor() {
    super();
    this.month = thisMonth();
  }

  protected abstract load(month: string, signal: AbortSignal): Promise<T>;

  protected abstract renderReport(report: T): TemplateResult;

  /** The month picker and, below it, the report (or that it is loading, or failed). */
  protected renderMonthly(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      ${monthField(t('community.staff.month'), this.month, (m) => (this.month = m))}
      ${this.report.render({ ...loadingStates(t), complete: (r) => this.renderReport(r) })}
    `;
  }
}
