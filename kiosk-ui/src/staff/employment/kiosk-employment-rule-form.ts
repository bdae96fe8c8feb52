import { css, html, nothing } from 'lit';
import type { PayBasis, RuleInput } from '../../api/employment.js';
import { centreTimeZone } from '../../controllers/i18n-controller.js';
import type { MessageKey } from '../../i18n/catalogue.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';
import { todayIn } from '../zoned-time.js';
import { fenFromYuan } from './money.js';

/** What the form hands over; `name` only when it asks for one (a new task). */
export type RuleFormInput = RuleInput & { name: string };

/**
 * A pay rule: how it is paid (per piece / per hour), the rate in yuan (to the fen), from which day;
 * with a task name for a new task. `save` answers null when done, or the message to show.
 */
export class KioskEmploymentRuleForm extends KioskScreen {
  static override properties = {
    withName: { type: Boolean, attribute: 'with-name' },
    legend: { attribute: false },
    submitLabel: { attribute: false },
    save: { attribute: false },
    name: { state: true },
    basis: { state: true },
    rate: { state: true },
    from: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare withName: boolean;
  declare legend: string;
  declare submitLabel: string;
  declare save: (input: RuleFormInput) => Promise<string | null>;
  declare name: string;
  declare basis: PayBasis;
  declare rate: string;
  declare from: string;
  declare problem: string;
  declare busy: boolean;

  static override styles = [
    ...staffViewStyles,
    css`
      fieldset {
        display: grid;
        gap: 12px;
      }
    `,
  ];

  constructor() {
    super();
    this.withName = false;
    this.legend = '';
    this.submitLabel = '';
    this.save = async () => null;
    this.name = '';
    this.basis = 'per_piece';
    this.rate = '';
    this.from = todayIn(centreTimeZone.value);
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const bases: [PayBasis, MessageKey][] = [['per_piece', 'employment.basis.per_piece'], ['per_hour', 'employment.basis.per_hour']];
    return html`<fieldset>
      <legend>${this.legend}</legend>
      ${this.withName
        ? html`<label class="field"><span>${t('employment.tasks.name')}</span>
            <input name="task-name" maxlength="40" .value=${this.name} @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)} /></label>`
        : nothing}
      <div class="options" role="radiogroup" aria-label=${t('employment.tasks.basis')}>
        ${bases.map(([b, key]) => html`<label class="choice">
          <input type="radio" name="basis" .checked=${this.basis === b} @change=${() => (this.basis = b)} /><span>${t(key)}</span>
        </label>`)}
      </div>
      <label class="field">
        <span>${t(this.basis === 'per_piece' ? 'employment.tasks.ratePiece' : 'employment.tasks.rateHour')}</span>
        <input name="rate" inputmode="decimal" .value=${this.rate} @input=${(e: InputEvent) => (this.rate = (e.target as HTMLInputElement).value)} />
      </label>
      <label class="field">
        <span>${t('employment.tasks.from')}</span>
        <input type="date" name="from" .value=${this.from} @input=${(e: InputEvent) => (this.from = (e.target as HTMLInputElement).value)} />
      </label>
      <div class="actions"><button class="primary" ?disabled=${this.busy} @click=${() => void this.submit()}>${this.submitLabel}</button></div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </fieldset>`;
  }

  private async submit(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const rateCents = fenFromYuan(this.rate);
    if (this.withName && !this.name.trim()) return void (this.problem = t('employment.tasks.needName'));
    if (rateCents === null) return void (this.problem = t('employment.tasks.badRate'));
    if (!this.from) return void (this.problem = t('employment.error.invalid_date'));
    this.busy = true;
    this.problem = '';
    try {
      const problem = await this.save({ name: this.name.trim(), basis: this.basis, rateCents, effectiveFrom: this.from });
      if (problem) this.problem = problem;
      else {
        this.name = '';
        this.rate = '';
      }
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-employment-rule-form', KioskEmploymentRuleForm);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-employment-rule-form': KioskEmploymentRuleForm;
  }
}
