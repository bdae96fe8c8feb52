import { html } from 'lit';
import type { I18nController } from '../../../controllers/i18n-controller.js';
import type { MessageKey } from '../../../i18n/catalogue.js';

/** Each check answered: true = fine, false = a problem found; a check not answered yet is absent. */
export type CheckAnswers = Record<string, boolean>;

/** The words for a check-out/return check (lending.check.*). */
export function checkWord(i18n: I18nController, key: string): string {
  return i18n.t(`lending.check.${key}` as MessageKey);
}

/** The checks in a fieldset, each answered 合格 / 有问题 (a radio pair, so "not answered" is visible). */
export function checkList(i18n: I18nController, keys: readonly string[], answers: CheckAnswers, onAnswer: (key: string, ok: boolean) => void) {
  const t = i18n.t.bind(i18n);
  return html`<fieldset>
    <legend>${t('lendingDesk.check.legend')}</legend>
    <ul class="rows">
      ${keys.map((key) => html`<li data-check=${key}>
        <span>${checkWord(i18n, key)}</span>
        <span class="options" role="radiogroup" aria-label=${checkWord(i18n, key)}>
          <label class="choice"><input type="radio" name=${`check-${key}`} .checked=${answers[key] === true}
            @change=${() => onAnswer(key, true)} /><span>${t('lendingDesk.check.ok')}</span></label>
          <label class="choice"><input type="radio" name=${`check-${key}`} .checked=${answers[key] === false}
            @change=${() => onAnswer(key, false)} /><span>${t('lendingDesk.check.problem')}</span></label>
        </span>
      </li>`)}
    </ul>
  </fieldset>`;
}

/** Why the checklist stops here, or null when every check is answered and fine. */
export function checkProblem(i18n: I18nController, keys: readonly string[], answers: CheckAnswers): string | null {
  const failed = keys.filter((k) => answers[k] === false);
  if (failed.length) return i18n.t('lendingDesk.check.failed', { checks: failed.map((k) => checkWord(i18n, k)).join('、') });
  const open = keys.filter((k) => answers[k] === undefined);
  if (open.length) return i18n.t('lendingDesk.check.unanswered', { checks: open.map((k) => checkWord(i18n, k)).join('、') });
  return null;
}
