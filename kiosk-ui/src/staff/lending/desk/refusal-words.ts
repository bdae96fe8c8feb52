import type { ItemStatus, Loan, Refusal } from '../../../api/lending-desk.js';
import type { I18nController } from '../../../controllers/i18n-controller.js';
import { disabilityWord } from './loan-words.js';
import { dayText } from '../../alert-words.js';

const STATUSES: readonly string[] = ['available', 'on_loan', 'reserved', 'cleaning', 'maintenance', 'retired'];

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/**
 * One refusal of the eligibility check in plain words: which categories or grades the device is for,
 * that an assessment comes first, which overdue device to bring back (named from the member's open
 * loans), whose reservation is in the way.
 */
export function refusalText(i18n: I18nController, refusal: Refusal, openLoans: readonly Loan[] = []): string {
  const t = i18n.t.bind(i18n);
  const d = refusal.detail;
  switch (refusal.code) {
    case 'wrong_disability_category': {
      const categories = list(d['eligible']).filter((c): c is string => typeof c === 'string').map((c) => disabilityWord(i18n, c));
      return categories.length
        ? t('lendingDesk.refusal.wrong_disability_category', { categories: categories.join('、') })
        : t('lendingDesk.refusal.wrong_unknown');
    }
    case 'wrong_grade': {
      const grades = list(d['eligible']).filter((g): g is number => typeof g === 'number').map((g) => t('lending.grade', { grade: g }));
      return grades.length ? t('lendingDesk.refusal.wrong_grade', { grades: grades.join('、') }) : t('lendingDesk.refusal.wrong_unknown');
    }
    case 'assessment_required': {
      const last = text(d['lastAssessedOn']);
      return last
        ? t('lendingDesk.refusal.assessment_expired', { date: dayText(i18n, text(d['validUntil']) ?? last) })
        : t('lendingDesk.refusal.assessment_required');
    }
    case 'has_overdue': {
      const items = list(d['loans']).map((l) => {
        const loan = (l ?? {}) as Record<string, unknown>;
        const open = openLoans.find((o) => o.id === loan['loanId']);
        const tag = text(loan['tagCode']) ?? open?.tagCode ?? '';
        const due = text(loan['dueOn']);
        const name = open ? `${open.itemName} ${tag}` : tag;
        return due ? t('lendingDesk.refusal.overdueItem', { item: name, date: dayText(i18n, due) }) : name;
      });
      return t('lendingDesk.refusal.has_overdue', { items: items.join('；') });
    }
    case 'item_not_available': {
      const status = text(d['status']);
      return status && STATUSES.includes(status)
        ? t('lendingDesk.refusal.item_status', { status: t(`lending.status.${status as ItemStatus}`) })
        : t('lendingDesk.refusal.item_not_available');
    }
    case 'reserved_for_other': {
      const from = text(d['from']);
      const to = text(d['to']);
      return from && to
        ? t('lendingDesk.refusal.reserved_span', { from: dayText(i18n, from), to: dayText(i18n, to) })
        : t('lendingDesk.refusal.reserved_for_other');
    }
    case 'member_inactive':
      return t('lendingDesk.refusal.member_inactive');
    case 'catalogue_retired':
      return t('lendingDesk.refusal.catalogue_retired');
  }
}
