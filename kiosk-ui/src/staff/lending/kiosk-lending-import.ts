import { css, html, nothing } from 'lit';
import { lendingInventoryApi, type ImportProblem, type ImportReport } from '../../api/lending-inventory.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import { explainFailure } from './inventory/error-words.js';
import { problemField, problemWords } from './inventory/import-words.js';

/** The server takes at most 2 MiB of CSV. */
const MAX_BYTES = 2 * 1024 * 1024;

/**
 * 导入: a CSV file chosen or pasted; 检查 (a dry run) lists every bad row with what to fix; 导入 only once
 * the check found nothing (the import is all or nothing), then says how many items were created.
 */
export class KioskLendingImport extends KioskScreen {
  static override properties = {
    csv: { state: true },
    file: { state: true },
    report: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  /** the text pasted */
  declare csv: string;
  /** the file chosen (sent as it is, instead of the text) */
  declare file: File | null;
  /** the last answer, for the text as it is now (null after any change) */
  declare report: ImportReport | null;
  declare problem: string;
  declare busy: boolean;

  static override styles = [
    ...staffViewStyles,
    css`
      input[type='file'] {
        max-width: 100%;
      }
      textarea {
        font-family: monospace;
        min-height: 160px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        border: 1px solid var(--k-border);
        padding: 6px 10px;
        text-align: start;
        vertical-align: top;
        overflow-wrap: anywhere;
      }
      .columns {
        font-family: monospace;
        overflow-wrap: anywhere;
      }
    `,
  ];

  constructor() {
    super();
    this.csv = '';
    this.file = null;
    this.report = null;
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const checked = this.report?.dryRun === true && this.report.problems.length === 0 && this.report.rows > 0;
    return html`
      <h3>${t('lending.part.import')}</h3>
      <p>${t('lendingInventory.import.explain')}</p>
      <p class="columns">tag_code,serial,catalogue,condition,location,acquired_on,next_service_on</p>
      <label class="field">
        <span>${t('lendingInventory.import.file')}</span>
        <input type="file" name="csv-file" accept=".csv,text/csv" @change=${(e: Event) => this.chooseFile(e.target as HTMLInputElement)} />
      </label>
      ${this.file ? html`<p role="status">${t('lendingInventory.import.fileRead', { name: this.file.name })}</p>` : nothing}
      <label class="field">
        <span>${t('lendingInventory.import.paste')}</span>
        <textarea name="csv-text" spellcheck="false" .value=${this.csv} @input=${(e: InputEvent) => this.setSource((e.target as HTMLTextAreaElement).value, null)}></textarea>
      </label>
      <div class="actions">
        <button name="check" ?disabled=${this.busy || (!this.file && !this.csv.trim())} @click=${() => void this.send(true)}>${t('lendingInventory.import.check')}</button>
        <button name="import" class="primary" ?disabled=${this.busy || !checked} @click=${() => void this.send(false)}>${t('lendingInventory.import.run')}</button>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}
    `;
  }

  private renderReport(r: ImportReport) {
    const t = this.i18n.t.bind(this.i18n);
    if (!r.dryRun && r.problems.length === 0) {
      return html`<p class="ok" role="status" data-import="done">${t('lendingInventory.import.created', { count: r.created })}</p>`;
    }
    if (r.problems.length === 0) {
      return html`<p class="ok" role="status" data-import="clean">${t('lendingInventory.import.clean', { rows: r.rows })}</p>`;
    }
    return html`<p class="error" role="alert" data-import="problems">${t('lendingInventory.import.problems', { count: r.problems.length, rows: r.rows })}</p>
      <table data-import="problems">
        <caption class="visually-hidden">${t('lendingInventory.import.tableCaption')}</caption>
        <thead><tr>
          <th scope="col">${t('lendingInventory.import.line')}</th>
          <th scope="col">${t('lendingInventory.import.field')}</th>
          <th scope="col">${t('lendingInventory.import.fix')}</th>
        </tr></thead>
        <tbody>${r.problems.map((p: ImportProblem) => html`<tr>
          <td>${p.line}</td><td>${problemField(this.i18n, p.field)}</td><td>${problemWords(this.i18n, p)}</td>
        </tr>`)}</tbody>
      </table>`;
  }

  /** Pasted text or a chosen file, whichever came last; any earlier answer no longer holds. */
  private setSource(csv: string, file: File | null): void {
    this.csv = csv;
    this.file = file;
    this.report = null;
    this.problem = '';
    if (!file) {
      const picker = this.renderRoot.querySelector<HTMLInputElement>('input[name=csv-file]');
      if (picker) picker.value = '';
    }
  }

  private chooseFile(input: HTMLInputElement): void {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      this.setSource('', null);
      this.problem = this.i18n.t('lendingInventory.import.tooBig');
      return;
    }
    this.setSource('', file);
  }

  private async send(dryRun: boolean): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      this.report = await lendingInventoryApi.importCsv(this.file ?? this.csv, dryRun);
    } catch (err) {
      this.report = null;
      this.problem = explainFailure(this.i18n, err);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-lending-import', KioskLendingImport);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-import': KioskLendingImport;
  }
}
