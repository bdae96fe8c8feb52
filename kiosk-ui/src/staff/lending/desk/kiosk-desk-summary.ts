import { Task } from '@lit/task';
import { css, html } from 'lit';
import { lendingDeskApi, type LoanSummary } from '../../../api/lending-desk.js';
import { pictogram } from '../../../components/pictograms.js';
import { SpeechController } from '../../../controllers/speech-controller.js';
import { fireEvent } from '../../../fire-event.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import './desk-events.js';
import { loanSummaryView, summaryLines, SummaryPrintCopy } from './loan-summary-view.js';
import { memberFloorStyles } from './member-floor-styles.js';

/** MEMBER-FACING: the easy-read loan summary, read aloud on arrival (再听一遍 repeats), printed on its own. */
export class KioskDeskSummary extends KioskScreen {
  static override properties = { loanId: { attribute: false } };
  declare loanId: string;

  private readonly speech = new SpeechController(this);
  private readonly printCopy = new SummaryPrintCopy();

  private readonly summary = new Task(this, {
    task: async ([id], { signal }) => {
      const s = await lendingDeskApi.summary(id, signal);
      this.printCopy.show(this.i18n, s);
      const lines = summaryLines(this.i18n, s);
      this.speech.say(`${lines.item}。${lines.due}。${lines.call}`);
      return s;
    },
    args: () => [this.loanId] as const,
  });

  static override styles = [
    ...memberFloorStyles,
    css`
      /* on screen the member reads three lines; the tag, date and staff name are for the printed copy */
      .summary .facts {
        display: none;
      }
      .summary .big {
        font-size: var(--k-text);
      }
      .summary .big .picto {
        vertical-align: middle;
      }
    `,
  ];

  constructor() {
    super();
    this.loanId = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h2 tabindex="-1">${t('lendingDesk.summary.heading')}</h2>
      ${this.summary.render({
        pending: () => html`<p role="status">${t('app.loading')}</p>`,
        complete: (s: LoanSummary) => loanSummaryView(this.i18n, s),
        error: () => html`<p class="status error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
      <div class="choices">
        <button @click=${() => this.speech.repeat()}>${pictogram('speaker')}<span>${t('frame.repeat')}</span></button>
        <button @click=${() => window.print()}>${pictogram('book')}<span>${t('lendingDesk.summary.print')}</span></button>
        <button class="primary" data-primary @click=${() => fireEvent(this, 'lending-go', { to: 'member' })}>
          ${pictogram('yes')}<span>${t('lendingDesk.summary.done')}</span></button>
      </div>
    `;
  }

  override firstUpdated(): void {
    // shown whole once the summary is in (it sits below the staff chrome)
    void this.summary.taskComplete.then(() => this.updateComplete).then(() => this.scrollIntoView({ block: 'start' }), () => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.printCopy.remove();
  }
}

customElements.define('kiosk-desk-summary', KioskDeskSummary);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-desk-summary': KioskDeskSummary;
  }
}
