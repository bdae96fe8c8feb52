import { html, render } from 'lit';
import type { LoanSummary } from '../../../api/lending-desk.js';
import { DEVICE_KINDS } from '../../../components/device-kinds.js';
import { pictogram } from '../../../components/pictograms.js';
import type { I18nController } from '../../../controllers/i18n-controller.js';
import { dayText } from '../../alert-words.js';

/** What the summary says aloud (and shows as its lines): the device, when it comes back, who to call. */
export function summaryLines(i18n: I18nController, s: LoanSummary): { item: string; due: string; call: string } {
  const t = i18n.t.bind(i18n);
  return {
    item: t('lendingDesk.summary.item', { name: s.memberName, item: s.itemName }),
    due: t('lendingDesk.ack.due', { date: dayText(i18n, s.dueOn) }),
    call: s.centrePhone ? t('lendingDesk.summary.call', { centre: s.centreName, phone: s.centrePhone }) : t('lendingDesk.summary.callStaff', { centre: s.centreName }),
  };
}

/** The easy-read summary: a big picture of the device, what it is, the due date, who to call. */
export function loanSummaryView(i18n: I18nController, s: LoanSummary) {
  const lines = summaryLines(i18n, s);
  return html`<div class="summary what">
    <div class="device">${s.photoPath ? html`<img src=${s.photoPath} alt=${s.itemName} />` : pictogram(DEVICE_KINDS[s.category].pictogram)}</div>
    <div class="words">
      <p class="big" data-summary-item>${lines.item}</p>
      <p class="big" data-summary-due>${pictogram('calendar')} ${lines.due}</p>
      <p class="big" data-summary-call>${pictogram('phone')} ${lines.call}</p>
      <p class="facts">${i18n.t('lendingDesk.summary.facts', { tag: s.tagCode, date: dayText(i18n, s.checkedOutOn), staff: s.staffName })}</p>
    </div>
  </div>`;
}

const PRINT_RULES = `
  @media screen { .loan-summary-print { display: none; } }
  @media print {
    body > :not(.loan-summary-print) { display: none !important; }
    .loan-summary-print { display: block; font: 20pt/1.5 sans-serif; color: #000; background: #fff; text-align: center; }
    .loan-summary-print .device { width: 6cm; height: 6cm; margin: 0 auto; }
    .loan-summary-print .device svg, .loan-summary-print .device img { width: 100%; height: 100%; }
    .loan-summary-print .big { font-size: 26pt; font-weight: 700; }
    .loan-summary-print .picto { width: 1.2em; height: 1.2em; vertical-align: middle; }
  }
`;
let printSheet: CSSStyleSheet | null = null;

/** Made when first printed (not at import, so the words above can be used without a DOM). */
function printStyles(): CSSStyleSheet {
  if (!printSheet) {
    printSheet = new CSSStyleSheet();
    printSheet.replaceSync(PRINT_RULES);
  }
  return printSheet;
}

/**
 * Printing the summary only: a light-DOM copy at the end of <body>, hidden on screen; in print everything
 * else in <body> is hidden (the kiosk frame lives in shadow roots a print rule inside one could not reach).
 */
export class SummaryPrintCopy {
  private root: HTMLElement | null = null;

  show(i18n: I18nController, summary: LoanSummary): void {
    if (!this.root) {
      this.root = document.createElement('div');
      this.root.className = 'loan-summary-print';
      document.body.append(this.root);
      const sheet = printStyles();
      if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    render(loanSummaryView(i18n, summary), this.root);
  }

  remove(): void {
    this.root?.remove();
    this.root = null;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== printSheet);
  }
}
