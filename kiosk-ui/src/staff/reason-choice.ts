import { html, nothing } from 'lit';
import { translate, type MessageKey, type MessageParams } from '../i18n/catalogue.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A reason chosen from a short list, or written in for `other`. Nothing is chosen beforehand. */
export interface ReasonChoice<R extends string> {
  reason: R | null;
  otherText: string;
}

export interface ReasonFieldsOptions<R extends string> {
  legend: MessageKey;
  /** the radio group's name (unique in its shadow root) */
  name: string;
  reasons: readonly R[];
  label: (reason: R) => MessageKey;
  /** the label of the text field shown for `other` */
  otherLabel: MessageKey;
}

/** The reason fieldset of staff forms (assisted check-in, leave): radio buttons, and a text field for "other". */
export function reasonFields<R extends string>(
  t: Translate,
  options: ReasonFieldsOptions<R>,
  choice: ReasonChoice<R>,
  onChange: (choice: ReasonChoice<R>) => void,
) {
  return html`<fieldset>
    <legend>${t(options.legend)}</legend>
    <div class="options">
      ${options.reasons.map(
        (r) => html`<label class="choice">
          <input type="radio" name=${options.name} .checked=${choice.reason === r} @change=${() => onChange({ ...choice, reason: r })} />
          <span>${t(options.label(r))}</span>
        </label>`,
      )}
    </div>
    ${choice.reason === 'other'
      ? html`<label class="search"
          ><span>${t(options.otherLabel)}</span
          ><input autocomplete="off" maxlength="200" .value=${choice.otherText}
            @input=${(e: InputEvent) => onChange({ ...choice, otherText: (e.target as HTMLInputElement).value })}
        /></label>`
      : nothing}
  </fieldset>`;
}

/**
 * The reason to record, or '' when none is given yet. A listed reason is recorded in Chinese whatever
 * the screen language, so reports read the same; "other" is recorded as written.
 */
export function reasonText<R extends string>(choice: ReasonChoice<R>, label: (reason: R) => MessageKey): string {
  if (choice.reason === null) return '';
  return choice.reason === 'other' ? choice.otherText.trim() : translate('zh-CN', label(choice.reason));
}
