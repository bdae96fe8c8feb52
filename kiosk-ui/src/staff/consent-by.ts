import { html, nothing } from 'lit';
import type { ConsentBy } from '../api/client.js';
import type { MessageKey, MessageParams } from '../i18n/catalogue.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Who gives (or withdraws) consent: the member, or the guardian by name. Nothing is chosen or filled in beforehand. */
export interface ConsentByChoice {
  by: ConsentBy | null;
  guardianName: string;
}

export const NO_CHOICE: ConsentByChoice = { by: null, guardianName: '' };

const LABELS = {
  give: { legend: 'consent.who', self: 'consent.bySelf', guardian: 'consent.byGuardian' },
  withdraw: { legend: 'fp.withdrawWho', self: 'fp.withdrawBySelf', guardian: 'fp.withdrawByGuardian' },
} as const satisfies Record<string, Record<string, MessageKey>>;

/** The "who" fieldset shared by giving and withdrawing consent; the guardian's name field has a visible label. */
export function consentByFields(
  t: Translate,
  mode: keyof typeof LABELS,
  choice: ConsentByChoice,
  onChange: (choice: ConsentByChoice) => void,
) {
  const labels = LABELS[mode];
  const radio = (by: ConsentBy) => html`<label class="choice">
    <input type="radio" name=${`${mode}-by`} .checked=${choice.by === by} @change=${() => onChange({ ...choice, by })} />
    <span>${t(labels[by === 'self' ? 'self' : 'guardian'])}</span>
  </label>`;
  return html`<fieldset class="who">
    <legend>${t(labels.legend)}</legend>
    <div class="options">${radio('self')} ${radio('guardian')}</div>
    ${choice.by === 'guardian'
      ? html`<label class="field">
          <span>${t('fp.guardianName')}</span>
          <input name="guardian-name" autocomplete="off" maxlength="50" .value=${choice.guardianName}
            @input=${(e: InputEvent) => onChange({ ...choice, guardianName: (e.target as HTMLInputElement).value })} />
        </label>`
      : nothing}
  </fieldset>`;
}

/** What is still missing from the choice, or null when it is complete. */
export function consentByProblem(t: Translate, choice: ConsentByChoice): string | null {
  if (!choice.by) return t('fp.needWho');
  if (choice.by === 'guardian' && !choice.guardianName.trim()) return t('fp.needGuardianName');
  return null;
}
