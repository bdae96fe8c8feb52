import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { lendingInventoryApi, type Item, type ItemCondition } from '../../../api/lending-inventory.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { staffViewStyles } from '../../staff-styles.js';
import { inventoryFormStyles } from './form-styles.js';
import { explainFailure } from './error-words.js';

const CONDITIONS: readonly ItemCondition[] = ['new', 'good', 'fair', 'worn', 'damaged'];

/** Registers one item: its tag (typed or scanned), serial, catalogue entry, condition, location and dates. */
export class KioskLendingItemForm extends KioskScreen {
  static override properties = {
    registered: { attribute: false },
    tagCode: { state: true },
    serial: { state: true },
    catalogueId: { state: true },
    condition: { state: true },
    location: { state: true },
    acquiredOn: { state: true },
    nextServiceOn: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare registered: (item: Item) => void;
  declare tagCode: string;
  declare serial: string;
  declare catalogueId: string;
  declare condition: ItemCondition;
  declare location: string;
  declare acquiredOn: string;
  declare nextServiceOn: string;
  declare problem: string;
  declare busy: boolean;

  private readonly entries = new Task(this, {
    task: async (_args, { signal }) => (await lendingInventoryApi.catalogue(signal)).entries.filter((e) => !e.retired),
    args: () => [] as const,
  });

  static override styles = [...staffViewStyles, inventoryFormStyles];

  constructor() {
    super();
    this.registered = () => undefined;
    this.tagCode = '';
    this.serial = '';
    this.catalogueId = '';
    this.condition = 'new';
    this.location = '';
    this.acquiredOn = '';
    this.nextServiceOn = '';
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const text = (name: string, label: string, value: string, set: (v: string) => void, max = 60) => html`<label class="field">
      <span>${label}</span>
      <input name=${name} ?data-primary=${name === 'tag-code'} maxlength=${max} autocomplete="off" .value=${value} @input=${(e: InputEvent) => set((e.target as HTMLInputElement).value)} />
    </label>`;
    return html`<fieldset>
      <legend>${t('lendingInventory.register.heading')}</legend>
      <div class="options">
        ${text('tag-code', t('lendingInventory.register.tag'), this.tagCode, (v) => (this.tagCode = v), 64)}
        ${text('serial', t('lendingInventory.register.serial'), this.serial, (v) => (this.serial = v))}
        ${text('location', t('lendingInventory.register.location'), this.location, (v) => (this.location = v))}
      </div>
      <fieldset>
        <legend>${t('lendingInventory.register.entry')}</legend>
        ${this.entries.render({
          pending: () => html`<p role="status">${t('lendingInventory.loading')}</p>`,
          complete: (entries) => html`<div class="options">${entries.map((e) => html`<label class="choice">
            <input type="radio" name="catalogue" .checked=${this.catalogueId === e.id} @change=${() => (this.catalogueId = e.id)} /><span>${e.name}</span>
          </label>`)}</div>`,
          error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
        })}
      </fieldset>
      <div class="options" role="radiogroup" aria-label=${t('lendingInventory.item.condition')}>
        ${CONDITIONS.map((c) => html`<label class="choice">
          <input type="radio" name="condition" .checked=${this.condition === c} @change=${() => (this.condition = c)} /><span>${t(`lending.condition.${c}`)}</span>
        </label>`)}
      </div>
      <div class="options">
        <label class="field"><span>${t('lendingInventory.item.acquiredOn')}</span>
          <input type="date" name="acquired-on" .value=${this.acquiredOn} @input=${(e: InputEvent) => (this.acquiredOn = (e.target as HTMLInputElement).value)} /></label>
        <label class="field"><span>${t('lendingInventory.item.nextService')}</span>
          <input type="date" name="next-service-on" .value=${this.nextServiceOn} @input=${(e: InputEvent) => (this.nextServiceOn = (e.target as HTMLInputElement).value)} /></label>
      </div>
      <div class="actions"><button class="primary" ?disabled=${this.busy} @click=${() => void this.submit()}>${t('lendingInventory.register.save')}</button></div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </fieldset>`;
  }

  private async submit(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const tagCode = this.tagCode.trim();
    if (!tagCode) return void (this.problem = t('lendingInventory.register.needTag'));
    if (!this.catalogueId) return void (this.problem = t('lendingInventory.register.needEntry'));
    this.busy = true;
    this.problem = '';
    try {
      const item = await lendingInventoryApi.register({
        tagCode, serial: this.serial.trim() || null, catalogueId: this.catalogueId, condition: this.condition,
        location: this.location.trim() || null, acquiredOn: this.acquiredOn || null, nextServiceOn: this.nextServiceOn || null,
      });
      this.registered(item);
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-lending-item-form', KioskLendingItemForm);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-item-form': KioskLendingItemForm;
  }
}
