import { css, html, nothing } from 'lit';
import type { I18nController } from '../../controllers/i18n-controller.js';
import type { FieldError } from './session-draft.js';

export interface InputFieldOptions {
  name: string;
  label: string;
  type: 'text' | 'date' | 'time';
  value: string;
  error: FieldError | undefined;
  onInput: (value: string) => void;
  maxlength?: number;
  /** e.g. "numeric" for the capacity (a text field: an empty value must stay possible) */
  inputmode?: 'numeric';
  /** a line under the label saying what the field means (e.g. what leaving it empty does) */
  hint?: string;
}

/**
 * A labelled input with its problem in words right under it, tied to it by `aria-describedby` and
 * read out when it appears (`role=alert`).
 */
export function inputField(i18n: I18nController, o: InputFieldOptions) {
  const errorId = `${o.name}-error`;
  const hintId = `${o.name}-hint`;
  const describedBy = [o.hint ? hintId : '', o.error ? errorId : ''].filter(Boolean).join(' ');
  return html`<label class="field" data-field=${o.name}>
    <span>${o.label}</span>
    ${o.hint ? html`<span class="field-hint" id=${hintId}>${o.hint}</span>` : nothing}
    <input
      name=${o.name}
      type=${o.type}
      autocomplete="off"
      maxlength=${o.maxlength ?? nothing}
      inputmode=${o.inputmode ?? nothing}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${o.value}
      @input=${(e: InputEvent) => o.onInput((e.target as HTMLInputElement).value)}
    />
    ${fieldError(i18n, errorId, o.error)}
  </label>`;
}

/** The words under a field (nothing when it is fine). */
export function fieldError(i18n: I18nController, id: string, error: FieldError | undefined) {
  return error ? html`<span class="field-error" id=${id} role="alert">${i18n.t(error.key, error.params)}</span>` : nothing;
}

export const formFieldStyles = css`
  .field-hint {
    font-weight: 400;
  }
  .field-error {
    color: var(--k-alert-fg);
    background: var(--k-alert-bg);
    border-left: 6px solid currentColor;
    padding: 4px 10px;
    font-weight: 700;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-width: 5px;
    border-style: double;
  }
  /* a field never grows past its column, so large text and narrow screens reflow instead of spilling */
  label.field {
    min-width: 0;
  }
  label.field input,
  label.field select {
    width: 100%;
    min-width: 0;
    box-sizing: border-box;
  }
  select {
    font: inherit;
    color: inherit;
    min-height: 48px;
    padding: 4px 12px;
    border: 3px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-surface);
  }
`;
