import type { Loan } from '../../../api/lending-desk.js';
import type { I18nController } from '../../../controllers/i18n-controller.js';
import type { MessageKey } from '../../../i18n/catalogue.js';
import { dayText } from '../../alert-words.js';

const DISABILITIES: readonly string[] = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'];

/** "due 12 March 2027" or "due 12 March 2027 · 3 days late" for a loan line. */
export function dueText(i18n: I18nController, loan: Pick<Loan, 'dueOn' | 'daysLate'>): string {
  const due = i18n.t('lendingDesk.loan.due', { date: dayText(i18n, loan.dueOn) });
  return loan.daysLate > 0 ? `${due} · ${i18n.t('lendingDesk.loan.late', { days: loan.daysLate })}` : due;
}

/** The registry's disability category in words (lending.disability.*), or as recorded when unknown. */
export function disabilityWord(i18n: I18nController, category: string): string {
  return DISABILITIES.includes(category) ? i18n.t(`lending.disability.${category}` as MessageKey) : category;
}
