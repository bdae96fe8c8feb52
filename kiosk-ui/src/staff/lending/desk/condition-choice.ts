import { html } from 'lit';
import type { ItemCondition } from '../../../api/lending-desk.js';
import type { I18nController } from '../../../controllers/i18n-controller.js';

export const CONDITIONS: readonly ItemCondition[] = ['new', 'good', 'fair', 'worn', 'damaged'];

/** The device's condition as one radio group (lending.condition.*). */
export function conditionChoice(i18n: I18nController, value: ItemCondition, onChange: (c: ItemCondition) => void) {
  const t = i18n.t.bind(i18n);
  return html`<fieldset>
    <legend>${t('lendingDesk.condition')}</legend>
    <div class="options">
      ${CONDITIONS.map((c) => html`<label class="choice">
        <input type="radio" name="condition" .checked=${value === c} @change=${() => onChange(c)} /><span>${t(`lending.condition.${c}`)}</span>
      </label>`)}
    </div>
  </fieldset>`;
}
