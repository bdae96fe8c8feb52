import { html, nothing } from 'lit';
import { lendingInventoryApi, type Item, type MaintenanceInput } from '../../../api/lending-inventory.js';
import { centreTimeZone } from '../../../controllers/i18n-controller.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { fenFromYuan, yuan } from '../../employment/money.js';
import { staffViewStyles } from '../../staff-styles.js';
import { inventoryFormStyles } from './form-styles.js';
import { todayIn } from '../../zoned-time.js';
import { explainFailure } from './error-words.js';

/** A maintenance record for one item: the day, what was done, the cost in yuan (saved as fen), next service, outcome. */
export class KioskLendingMaintenanceForm extends KioskScreen {
  static override properties = {
    item: { attribute: false },
    saved: { attribute: false },
    doneOn: { state: true },
    description: { state: true },
    cost: { state: true },
    nextServiceOn: { state: true },
    outcome: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare item: Item;
  /** called with the words to show once the record is saved */
  declare saved: (message: string) => void;
  declare doneOn: string;
  declare description: string;
  declare cost: string;
  declare nextServiceOn: string;
  declare outcome: MaintenanceInput['outcome'];
  declare problem: string;
  declare busy: boolean;

  static override styles = [...staffViewStyles, inventoryFormStyles];

  constructor() {
    super();
    this.saved = () => undefined;
    this.doneOn = todayIn(centreTimeZone.value);
    this.description = '';
    this.cost = '0';
    this.nextServiceOn = '';
    this.outcome = 'available';
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const outcomes: MaintenanceInput['outcome'][] = ['available', 'maintenance'];
    return html`<fieldset>
      <legend>${t('lendingInventory.maintenance.heading', { tag: this.item.tagCode })}</legend>
      <div class="options">
        <label class="field"><span>${t('lendingInventory.maintenance.doneOn')}</span>
          <input type="date" name="done-on" data-primary max=${todayIn(centreTimeZone.value)} .value=${this.doneOn} @input=${(e: InputEvent) => (this.doneOn = (e.target as HTMLInputElement).value)} /></label>
        <label class="field"><span>${t('lendingInventory.maintenance.cost')}</span>
          <input name="cost" inputmode="decimal" .value=${this.cost} @input=${(e: InputEvent) => (this.cost = (e.target as HTMLInputElement).value)} /></label>
        <label class="field"><span>${t('lendingInventory.maintenance.nextService')}</span>
          <input type="date" name="next-service" .value=${this.nextServiceOn} @input=${(e: InputEvent) => (this.nextServiceOn = (e.target as HTMLInputElement).value)} /></label>
      </div>
      <label class="field"><span>${t('lendingInventory.maintenance.description')}</span>
        <textarea name="description" maxlength="500" .value=${this.description} @input=${(e: InputEvent) => (this.description = (e.target as HTMLTextAreaElement).value)}></textarea></label>
      <div class="options" role="radiogroup" aria-label=${t('lendingInventory.maintenance.outcome')}>
        ${outcomes.map((o) => html`<label class="choice">
          <input type="radio" name="outcome" .checked=${this.outcome === o} @change=${() => (this.outcome = o)} />
          <span>${t(`lendingInventory.maintenance.outcome.${o}`)}</span>
        </label>`)}
      </div>
      <div class="actions"><button class="primary" ?disabled=${this.busy} @click=${() => void this.submit()}>${t('lendingInventory.maintenance.save')}</button></div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </fieldset>`;
  }

  private async submit(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const costCents = fenFromYuan(this.cost);
    if (!this.doneOn) return void (this.problem = t('lendingInventory.maintenance.needDate'));
    if (!this.description.trim()) return void (this.problem = t('lendingInventory.maintenance.needDescription'));
    if (costCents === null) return void (this.problem = t('lendingInventory.maintenance.badCost'));
    this.busy = true;
    this.problem = '';
    try {
      await lendingInventoryApi.recordMaintenance(this.item.id, {
        doneOn: this.doneOn, description: this.description.trim(), costCents, nextServiceOn: this.nextServiceOn || null, outcome: this.outcome,
      });
      this.saved(t('lendingInventory.maintenance.saved', { tag: this.item.tagCode, yuan: yuan(costCents) }));
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-lending-maintenance-form', KioskLendingMaintenanceForm);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-maintenance-form': KioskLendingMaintenanceForm;
  }
}
