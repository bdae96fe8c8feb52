import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { lendingInventoryApi, type Stocktake, type StocktakeScanResult, type StocktakeSummary } from '../../api/lending-inventory.js';
import { statusWord } from '../../components/device-kinds.js';
import { pictogram, type PictogramName } from '../../components/pictograms.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import { explainFailure } from './inventory/error-words.js';

/** Each scan's result as a pictogram next to its words. */
const SCAN_PICTOGRAMS: Record<StocktakeScanResult['result'], PictogramName> = { scanned: 'yes', already_scanned: 'wait', unknown_tag: 'no' };

/**
 * 盘点: start, then scan every item on the shelf (the wedge scanner types the tag and Enter into the big
 * field, which keeps the focus); each scan is said in a live region; the scanned and missing lists grow
 * as it goes; finishing leaves the missing list on screen.
 */
export class KioskLendingStocktake extends KioskScreen {
  static override properties = {
    stocktake: { state: true },
    tag: { state: true },
    said: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare stocktake: Stocktake | null;
  declare tag: string;
  /** the last scan: its result (for the pictogram) and its words */
  declare said: { result: StocktakeScanResult['result']; text: string } | null;
  declare problem: string;
  declare busy: boolean;

  /** An open stocktake (e.g. from before a reload or on another screen) is offered to go on with. */
  private readonly open = new Task(this, {
    task: async (_args, { signal }): Promise<StocktakeSummary | null> =>
      (await lendingInventoryApi.stocktakes(signal)).stocktakes.find((st) => !st.finished) ?? null,
    args: () => [] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      input[name='scan'] {
        font-size: 32px;
        min-height: 80px;
        width: 100%;
        font-family: monospace;
      }
      .said {
        font-size: 26px;
        font-weight: 700;
        display: flex;
        align-items: center;
        gap: 12px;
        min-height: 1.5em;
      }
      .lists {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22em), 1fr));
        gap: var(--k-gap);
      }
      h4 {
        margin: 0;
        font-size: 22px;
      }
      ol {
        margin: 4px 0 0;
        padding-inline-start: 1.5em;
        display: grid;
        gap: 4px;
        overflow-wrap: anywhere;
      }
    `,
  ];

  constructor() {
    super();
    this.stocktake = null;
    this.tag = '';
    this.said = null;
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const s = this.stocktake;
    return html`
      <h3>${t('lending.part.stocktake')}</h3>
      ${s === null
        ? html`<p>${t('lendingInventory.stocktake.explain')}</p>
            <div class="actions">
              ${this.open.value ? this.renderResume(this.open.value) : nothing}
              <button class="primary" name="start" ?disabled=${this.busy} @click=${() => void this.start()}>${t('lendingInventory.stocktake.start')}</button>
            </div>`
        : s.finished
          ? html`<p class="ok" role="status" data-stocktake="finished">${t('lendingInventory.stocktake.finished', { scanned: s.scanned.length, missing: s.missing.length })}</p>
              <div class="actions"><button name="start-again" @click=${() => void this.start()}>${t('lendingInventory.stocktake.again')}</button></div>`
          : this.renderScanning(s)}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${s ? this.renderLists(s) : nothing}
    `;
  }

  private renderScanning(s: Stocktake) {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <label class="field">
        <span>${pictogram('scan')} ${t('lendingInventory.stocktake.scan')}</span>
        <input name="scan" data-primary autocomplete="off" spellcheck="false" .value=${this.tag}
          @input=${(e: InputEvent) => (this.tag = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void this.scan()}
          @blur=${(e: FocusEvent) => e.relatedTarget === null && this.focusScan()} />
      </label>
      <p class="said" role="status" aria-live="assertive" data-said=${this.said?.result ?? ''}>${this.said
        ? html`${pictogram(SCAN_PICTOGRAMS[this.said.result])}<span>${this.said.text}</span>`
        : nothing}</p>
      <div class="actions">
        <button name="finish" ?disabled=${this.busy} @click=${() => void this.finish(s)}>${t('lendingInventory.stocktake.finish')}</button>
      </div>
    `;
  }

  private renderResume(open: StocktakeSummary) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<button name="resume" ?disabled=${this.busy} @click=${() => void this.resume(open.id)}>
      ${t('lendingInventory.stocktake.resume', { at: open.startedAt.slice(0, 16).replace('T', ' '), count: open.scanned })}
    </button>`;
  }

  private renderLists(s: Stocktake) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="lists">
      <section data-list="missing">
        <h4>${t('lendingInventory.stocktake.missing', { count: s.missing.length })}</h4>
        ${s.missing.length === 0 ? html`<p>${t('lendingInventory.stocktake.noneMissing')}</p>` : html`<ol>
          ${s.missing.map((m) => html`<li>${t('lendingInventory.stocktake.missingLine', { tag: m.tagCode, name: m.name, status: t(statusWord(m.status)), location: m.location ?? '—' })}</li>`)}
        </ol>`}
      </section>
      <section data-list="scanned">
        <h4>${t('lendingInventory.stocktake.scanned', { count: s.scanned.length })}</h4>
        <ol>${s.scanned.map((m) => html`<li>${m.tagCode} · ${m.name}</li>`)}</ol>
      </section>
      ${s.unexpected.length ? html`<section data-list="unexpected">
        <h4>${t('lendingInventory.stocktake.unexpected', { count: s.unexpected.length })}</h4>
        <ol>${s.unexpected.map((m) => html`<li>${t('lendingInventory.stocktake.unexpectedLine', { tag: m.tagCode, name: m.name, status: t(statusWord(m.status)) })}</li>`)}</ol>
      </section>` : nothing}
    </div>`;
  }

  /** The scanner types into whatever has the focus: the field takes it back unless another control took it. */
  private focusScan(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name=scan]')?.focus());
  }

  private async start(): Promise<void> {
    this.busy = true;
    this.problem = '';
    this.said = null;
    try {
      this.stocktake = await lendingInventoryApi.startStocktake();
      this.focusScan();
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    } finally {
      this.busy = false;
    }
  }

  private async resume(id: string): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      this.stocktake = await lendingInventoryApi.stocktake(id);
      this.focusScan();
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    } finally {
      this.busy = false;
    }
  }

  private async scan(): Promise<void> {
    const tag = this.tag.trim();
    const s = this.stocktake;
    this.tag = '';
    if (!tag || !s) return;
    this.problem = '';
    try {
      const result = await lendingInventoryApi.scan(s.id, tag);
      this.said = { result: result.result, text: this.sayScan(result) };
      this.stocktake = await lendingInventoryApi.stocktake(s.id);
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    }
    this.focusScan();
  }

  private sayScan(r: StocktakeScanResult): string {
    const t = this.i18n.t.bind(this.i18n);
    if (r.result === 'unknown_tag') return t('lendingInventory.stocktake.unknown', { tag: r.tagCode });
    return t(r.result === 'scanned' ? 'lendingInventory.stocktake.ok' : 'lendingInventory.stocktake.already', { tag: r.item.tagCode, name: r.item.name });
  }

  private async finish(s: Stocktake): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      this.stocktake = await lendingInventoryApi.finishStocktake(s.id);
      this.said = null;
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-lending-stocktake', KioskLendingStocktake);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-stocktake': KioskLendingStocktake;
  }
}
