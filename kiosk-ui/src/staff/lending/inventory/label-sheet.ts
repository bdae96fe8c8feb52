import { html, render, unsafeCSS } from 'lit';
import type { ItemLabel } from '../../../api/lending-inventory.js';
import type { I18nController } from '../../../controllers/i18n-controller.js';

/** The server's QR SVG as an image source (the CSP allows data: images and no inline script). */
export function qrSource(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A page of labels: each the QR code, the tag code and the device's name under it. */
export function labelSheet(i18n: I18nController, labels: readonly ItemLabel[]) {
  return html`<ul class="labels">
    ${labels.map((l) => html`<li class="label" data-label=${l.tagCode}>
      <img src=${qrSource(l.qrSvg)} alt=${i18n.t('lendingInventory.labels.qrAlt', { tag: l.tagCode })} width="160" height="160" />
      <strong class="code">${l.tagCode}</strong>
      <span>${l.name}</span>
    </li>`)}
  </ul>`;
}

const LABEL_RULES = `
  .labels { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
  .label { display: grid; justify-items: center; gap: 4px; padding: 12px; border: 2px dashed currentColor; break-inside: avoid; text-align: center; }
  .label img { width: 160px; height: 160px; background: #fff; }
  .label .code { font-family: monospace; font-size: 1.1em; overflow-wrap: anywhere; }
`;

/** On screen, inside the labels view's shadow root. */
export const labelSheetStyles = unsafeCSS(LABEL_RULES);

/**
 * Printing the labels only: a light-DOM copy at the end of <body>, hidden on screen; in print everything
 * else in <body> (the kiosk frame, whose shadow roots a print rule could not reach) is hidden.
 */
const printSheet = new CSSStyleSheet();
printSheet.replaceSync(`
  @media screen { .lending-labels-print { display: none; } }
  @media print {
    body > :not(.lending-labels-print) { display: none !important; }
    .lending-labels-print { display: block; font: 11pt/1.3 sans-serif; color: #000; background: #fff; }
    ${LABEL_RULES}
    .labels { grid-template-columns: repeat(3, 1fr); }
  }
`);

export class LabelPrintCopy {
  private root: HTMLElement | null = null;

  /** Puts (or refreshes) the labels in the print copy. */
  show(i18n: I18nController, labels: readonly ItemLabel[]): void {
    if (!this.root) {
      this.root = document.createElement('div');
      this.root.className = 'lending-labels-print';
      document.body.append(this.root);
      if (!document.adoptedStyleSheets.includes(printSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
    }
    render(labelSheet(i18n, labels), this.root);
  }

  remove(): void {
    this.root?.remove();
    this.root = null;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== printSheet);
  }
}
