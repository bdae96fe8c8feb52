import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { DisabilityCategory } from '../../../../../edge-server/src/api-types.js';
import { lendingInventoryApi, type CatalogueEntry, type CatalogueInput, type ChecklistVocabulary, type DeviceCategory } from '../../../api/lending-inventory.js';
import { DEVICE_CATEGORY_ORDER, DEVICE_KINDS } from '../../../components/device-kinds.js';
import { pictogram } from '../../../components/pictograms.js';
import type { MessageKey } from '../../../i18n/catalogue.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { wholeNumber } from '../../employment/rule-words.js';
import { staffViewStyles } from '../../staff-styles.js';
import { inventoryFormStyles } from './form-styles.js';
import { explainFailure } from './error-words.js';

const DISABILITIES: readonly DisabilityCategory[] = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'];
const GRADES = [1, 2, 3, 4] as const;

/** Creates a catalogue entry, or a new version of one (`entry` set): every field, the checklists picked from the vocabulary. */
export class KioskLendingCatalogueForm extends KioskScreen {
  static override properties = {
    entry: { attribute: false },
    saved: { attribute: false },
    name: { state: true },
    category: { state: true },
    disabilities: { state: true },
    grades: { state: true },
    assessment: { state: true },
    loanDays: { state: true },
    bufferDays: { state: true },
    lifeYears: { state: true },
    checks: { state: true },
    cleaning: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  /** null: a new entry */
  declare entry: CatalogueEntry | null;
  declare saved: (entry: CatalogueEntry) => void;
  declare name: string;
  declare category: DeviceCategory;
  declare disabilities: DisabilityCategory[];
  declare grades: number[];
  declare assessment: boolean;
  declare loanDays: string;
  declare bufferDays: string;
  declare lifeYears: string;
  /** null until the vocabulary arrives (then the category's defaults, or the entry's) */
  declare checks: string[] | null;
  declare cleaning: string[] | null;
  declare problem: string;
  declare busy: boolean;

  private readonly checklists = new Task(this, {
    task: async (_args, { signal }) => {
      const lists = await lendingInventoryApi.checklists(signal);
      if (this.checks === null) this.useDefaults(lists);
      return lists;
    },
    args: () => [] as const,
  });

  static override styles = [...staffViewStyles, inventoryFormStyles];

  constructor() {
    super();
    this.entry = null;
    this.saved = () => undefined;
    this.name = '';
    this.category = 'wheelchair';
    this.disabilities = [];
    this.grades = [];
    this.assessment = false;
    this.loanDays = '30';
    this.bufferDays = '1';
    this.lifeYears = '5';
    this.checks = null;
    this.cleaning = null;
    this.problem = '';
    this.busy = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('entry') && this.entry) {
      const e = this.entry;
      this.name = e.name;
      this.category = e.category;
      this.disabilities = [...e.eligibleDisability];
      this.grades = [...e.eligibleGrades];
      this.assessment = e.assessmentRequired;
      this.loanDays = String(e.loanDays);
      this.bufferDays = String(e.bufferDays);
      this.lifeYears = String(e.serviceLifeYears);
      this.checks = [...e.checkoutChecklist];
      this.cleaning = [...e.cleaningChecklist];
    }
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const number = (name: string, label: string, value: string, set: (v: string) => void) => html`<label class="field">
      <span>${label}</span>
      <input type="number" inputmode="numeric" min="0" name=${name} .value=${value} @input=${(e: InputEvent) => set((e.target as HTMLInputElement).value)} />
    </label>`;
    return html`<fieldset>
      <legend>${this.entry ? t('lendingInventory.catalogue.editHeading', { name: this.entry.name }) : t('lendingInventory.catalogue.addHeading')}</legend>
      <label class="field"><span>${t('lendingInventory.catalogue.name')}</span>
        <input name="entry-name" data-primary maxlength="60" .value=${this.name} @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)} /></label>
      <fieldset>
        <legend>${t('lendingInventory.catalogue.category')}</legend>
        <div class="options">${DEVICE_CATEGORY_ORDER.map((c) => html`<label class="choice">
          <input type="radio" name="category" .checked=${this.category === c} @change=${() => this.pickCategory(c)} />
          ${pictogram(DEVICE_KINDS[c].pictogram)}<span>${t(DEVICE_KINDS[c].word)}</span>
        </label>`)}</div>
      </fieldset>
      <fieldset>
        <legend>${t('lendingInventory.catalogue.disabilities')}</legend>
        <div class="options">${DISABILITIES.map((d) => this.tick('disability', t(`lending.disability.${d}`), this.disabilities.includes(d), (on) => (this.disabilities = toggled(this.disabilities, d, on))))}</div>
      </fieldset>
      <fieldset>
        <legend>${t('lendingInventory.catalogue.grades')}</legend>
        <div class="options">${GRADES.map((g) => this.tick('grade', t('lending.grade', { grade: g }), this.grades.includes(g), (on) => (this.grades = toggled(this.grades, g, on))))}</div>
      </fieldset>
      <div class="options">${this.tick('assessment', t('lendingInventory.catalogue.assessment'), this.assessment, (on) => (this.assessment = on))}</div>
      <div class="options">
        ${number('loan-days', t('lendingInventory.catalogue.loanDays'), this.loanDays, (v) => (this.loanDays = v))}
        ${number('buffer-days', t('lendingInventory.catalogue.bufferDays'), this.bufferDays, (v) => (this.bufferDays = v))}
        ${number('life-years', t('lendingInventory.catalogue.lifeYears'), this.lifeYears, (v) => (this.lifeYears = v))}
      </div>
      ${this.checklists.render({
        pending: () => html`<p role="status">${t('lendingInventory.loading')}</p>`,
        complete: (lists) => this.renderChecklists(lists),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
      <div class="actions"><button class="primary" ?disabled=${this.busy} @click=${() => void this.submit()}>${t('lendingInventory.catalogue.save')}</button></div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </fieldset>`;
  }

  private renderChecklists(lists: ChecklistVocabulary) {
    const t = this.i18n.t.bind(this.i18n);
    const checks = this.checks ?? [];
    const cleaning = this.cleaning ?? [];
    // the vocabulary is the fixed one of domain/lending/checklists.ts, each key with its words in the catalogue
    return html`<fieldset>
        <legend>${t('lendingInventory.catalogue.checks')}</legend>
        <div class="options">${lists.checks.map((k) => this.tick('check', t(`lending.check.${k}` as MessageKey), checks.includes(k), (on) => (this.checks = toggled(checks, k, on))))}</div>
      </fieldset>
      <fieldset>
        <legend>${t('lendingInventory.catalogue.cleaning')}</legend>
        <div class="options">${lists.cleaning.map((k) => this.tick('clean', t(`lending.clean.${k}` as MessageKey), cleaning.includes(k), (on) => (this.cleaning = toggled(cleaning, k, on))))}</div>
      </fieldset>`;
  }

  private tick(name: string, label: string, checked: boolean, set: (on: boolean) => void) {
    return html`<label class="choice">
      <input type="checkbox" name=${name} .checked=${checked} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} /><span>${label}</span>
    </label>`;
  }

  /** A new entry follows its category's default checklists; an entry being edited keeps what it has. */
  private pickCategory(category: DeviceCategory): void {
    this.category = category;
    if (!this.entry && this.checklists.value) this.useDefaults(this.checklists.value);
  }

  private useDefaults(lists: ChecklistVocabulary): void {
    const defaults = lists.defaults[this.category];
    this.checks = [...defaults.checks];
    this.cleaning = [...defaults.cleaning];
  }

  private input(): CatalogueInput | string {
    const t = this.i18n.t.bind(this.i18n);
    const name = this.name.trim();
    const loanDays = wholeNumber(this.loanDays, 1, 366);
    const bufferDays = wholeNumber(this.bufferDays, 0, 30);
    const serviceLifeYears = wholeNumber(this.lifeYears, 1, 50);
    if (!name) return t('lendingInventory.catalogue.needName');
    if (loanDays === null) return t('lendingInventory.catalogue.badLoanDays');
    if (bufferDays === null) return t('lendingInventory.catalogue.badBufferDays');
    if (serviceLifeYears === null) return t('lendingInventory.catalogue.badLifeYears');
    if (!this.checks?.length || !this.cleaning?.length) return t('lendingInventory.catalogue.needChecklists');
    return {
      name, category: this.category, eligibleDisability: this.disabilities, eligibleGrades: [...this.grades].sort(), assessmentRequired: this.assessment,
      loanDays, bufferDays, serviceLifeYears, checkoutChecklist: this.checks, cleaningChecklist: this.cleaning,
    };
  }

  private async submit(): Promise<void> {
    const input = this.input();
    if (typeof input === 'string') return void (this.problem = input);
    this.busy = true;
    this.problem = '';
    try {
      this.saved(await (this.entry ? lendingInventoryApi.updateEntry(this.entry.id, input) : lendingInventoryApi.addEntry(input)));
    } catch (err) {
      this.problem = explainFailure(this.i18n, err);
    } finally {
      this.busy = false;
    }
  }
}

function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const rest = list.filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

customElements.define('kiosk-lending-catalogue-form', KioskLendingCatalogueForm);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-catalogue-form': KioskLendingCatalogueForm;
  }
}
