import { html, render, unsafeCSS } from 'lit';
import type { PaySheet } from '../../api/employment.js';
import type { I18nController } from '../../controllers/i18n-controller.js';
import { yuan } from './money.js';
import { ruleText } from './rule-words.js';

/** The pay sheet as tables: one per member (each log line, then the member's totals), then the grand total. */
export function paySheetTables(i18n: I18nController, sheet: PaySheet) {
  const t = i18n.t.bind(i18n);
  return html`<div class="sheet">
    <h3>${t('employment.sheet.title', { centre: sheet.centreName, month: sheet.month })}</h3>
    ${sheet.members.length === 0 ? html`<p>${t('employment.sheet.empty')}</p>` : ''}
    ${sheet.members.map((m) => html`<table>
      <caption>${m.memberName}</caption>
      <thead><tr>
        <th scope="col">${t('employment.sheet.date')}</th><th scope="col">${t('employment.sheet.task')}</th>
        <th scope="col">${t('employment.sheet.rule')}</th><th scope="col" class="num">${t('employment.sheet.minutes')}</th>
        <th scope="col" class="num">${t('employment.sheet.pieces')}</th><th scope="col" class="num">${t('employment.sheet.pay')}</th>
      </tr></thead>
      <tbody>${m.lines.map((l) => html`<tr>
        <td>${l.date}</td><td>${l.taskName}</td><td>${ruleText(i18n, l)}</td>
        <td class="num">${l.minutes}</td><td class="num">${l.pieces}</td><td class="num">${yuan(l.payCents)}</td>
      </tr>`)}</tbody>
      <tfoot><tr>
        <th scope="row" colspan="3">${t('employment.sheet.subtotal', { name: m.memberName })}</th>
        <td class="num">${m.totals.minutes}</td><td class="num">${m.totals.pieces}</td><td class="num">${yuan(m.totals.payCents)}</td>
      </tr></tfoot>
    </table>`)}
    <p class="grand" data-total>${t('employment.sheet.grandTotal', { yuan: yuan(sheet.grandTotal.payCents), minutes: sheet.grandTotal.minutes, pieces: sheet.grandTotal.pieces })}</p>
  </div>`;
}

const TABLE_RULES = `
  .sheet table { border-collapse: collapse; width: 100%; margin: 0 0 16px; }
  .sheet caption { text-align: start; font-weight: 700; padding: 4px 0; }
  .sheet th, .sheet td { border: 1px solid currentColor; padding: 4px 8px; text-align: start; }
  .sheet .num { text-align: end; font-variant-numeric: tabular-nums; }
  .sheet .grand { font-weight: 700; }
`;

/** On screen, inside the pay sheet view's shadow root. */
export const paySheetStyles = unsafeCSS(TABLE_RULES);

/**
 * Printing the sheet only: a light-DOM copy of the sheet at the end of <body>, hidden on screen; in
 * print everything else in <body> is hidden (the kiosk frame lives in shadow roots a print rule
 * inside one of them could not reach).
 */
const printSheet = new CSSStyleSheet();
printSheet.replaceSync(`
  @media screen { .employment-print { display: none; } }
  @media print {
    body > :not(.employment-print) { display: none !important; }
    .employment-print { display: block; font: 12pt/1.4 sans-serif; color: #000; background: #fff; }
    ${TABLE_RULES}
  }
`);

export class PrintCopy {
  private root: HTMLElement | null = null;

  /** Puts (or refreshes) the sheet in the print copy. */
  show(i18n: I18nController, sheet: PaySheet): void {
    if (!this.root) {
      this.root = document.createElement('div');
      this.root.className = 'employment-print';
      document.body.append(this.root);
      if (!document.adoptedStyleSheets.includes(printSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
    }
    render(paySheetTables(i18n, sheet), this.root);
  }

  remove(): void {
    this.root?.remove();
    this.root = null;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== printSheet);
  }
}
