import type { PayBasis } from '../../api/employment.js';
import type { I18nController } from '../../controllers/i18n-controller.js';
import { yuan } from './money.js';

/** "每件 0.15 元" / "每小时 12.50 元". */
export function ruleText(i18n: I18nController, rule: { basis: PayBasis; rateCents: number }): string {
  return i18n.t(rule.basis === 'per_piece' ? 'employment.rule.perPiece' : 'employment.rule.perHour', { yuan: yuan(rule.rateCents) });
}

/** A whole number typed in a form field, or null when it is not one within [min, max]. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d{1,6}\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}
