import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { lendingInventoryApi, type Item, type ItemLabel } from '../../api/lending-inventory.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { inventoryFormStyles } from './inventory/form-styles.js';
import { staffViewStyles } from '../staff-styles.js';
import { explainFailure } from './inventory/error-words.js';
import './inventory/kiosk-lending-item-list.js';
import { LabelPrintCopy, labelSheet, labelSheetStyles } from './inventory/label-sheet.js';

/** 打印标签: choose items (a catalogue entry's, or ticked in the list), see the page of QR labels, print it. */
export class KioskLendingLabels extends KioskScreen {
  static override properties = {
    catalogueId: { state: true },
    ticked: { state: true },
    labels: { state: true },
    problem: { state: true },
  };
  declare catalogueId: string;
  /** items ticked in the list, by id */
  declare ticked: ReadonlySet<string>;
  /** the page made, or null while choosing */
  declare labels: ItemLabel[] | null;
  declare problem: string;

  private readonly printCopy = new LabelPrintCopy();

  private readonly entries = new Task(this, {
    task: async (_args, { signal }) => (await lendingInventoryApi.catalogue(signal)).entries,
    args: () => [] as const,
  });

  static override styles = [
    ...staffViewStyles,
    inventoryFormStyles,
    labelSheetStyles,
    css`
      .label {
        background: var(--k-surface);
      }
    `,
  ];

  constructor() {
    super();
    this.catalogueId = '';
    this.ticked = new Set();
    this.labels = null;
    this.problem = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.printCopy.remove();
  }

  back(): boolean {
    if (!this.labels) return false;
    this.closeSheet();
    return true;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.labels) return this.renderSheet(this.labels);
    return html`
      <h3>${t('lending.part.labels')}</h3>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <fieldset>
        <legend>${t('lendingInventory.labels.byEntry')}</legend>
        <div class="actions">
          <label class="field">
            <span>${t('lendingInventory.items.entry')}</span>
            <select name="label-entry" @change=${(e: Event) => (this.catalogueId = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${this.catalogueId === ''}>${t('lendingInventory.labels.pickEntry')}</option>
              ${(this.entries.value ?? []).map((c) => html`<option value=${c.id} ?selected=${this.catalogueId === c.id}>${c.name}</option>`)}
            </select>
          </label>
        </div>
        <div class="actions">
          <button name="labels-for-entry" ?disabled=${!this.catalogueId} @click=${() => void this.make({ catalogueId: this.catalogueId })}>${t('lendingInventory.labels.makeEntry')}</button>
        </div>
      </fieldset>
      <fieldset>
        <legend>${t('lendingInventory.labels.byTick')}</legend>
        <kiosk-lending-item-list selectable .selected=${this.ticked} .toggle=${(item: Item, on: boolean) => this.tick(item, on)}></kiosk-lending-item-list>
        <div class="actions">
          <button name="labels-for-ticked" class="primary" ?disabled=${this.ticked.size === 0} @click=${() => void this.make({ ids: [...this.ticked] })}>
            ${t('lendingInventory.labels.makeTicked', { count: this.ticked.size })}
          </button>
        </div>
      </fieldset>
    `;
  }

  private renderSheet(labels: ItemLabel[]) {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3>${t('lendingInventory.labels.sheetHeading', { count: labels.length })}</h3>
      <div class="actions">
        <button class="primary" name="print" @click=${() => window.print()}>${t('lendingInventory.labels.print')}</button>
        <button name="back-to-choice" @click=${() => this.closeSheet()}>${t('lendingInventory.labels.again')}</button>
      </div>
      ${labels.length === 0 ? html`<p role="status">${t('lendingInventory.labels.none')}</p>` : labelSheet(this.i18n, labels)}
    `;
  }

  private tick(item: Item, on: boolean): void {
    const next = new Set(this.ticked);
    if (on) next.add(item.id);
    else next.delete(item.id);
    this.ticked = next;
  }

  private async make(choice: { ids: string[] } | { catalogueId: string }): Promise<void> {
    this.problem = '';
    try {
      const labels = await lendingInventoryApi.labels(choice);
      this.labels = labels;
      if (this.isConnected) this.printCopy.show(this.i18n, labels);
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    }
  }

  private closeSheet(): void {
    this.labels = null;
    this.printCopy.remove();
  }
}

customElements.define('kiosk-lending-labels', KioskLendingLabels);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-labels': KioskLendingLabels;
  }
}
