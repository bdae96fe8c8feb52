import type { CheckKey, ItemCondition, Loan, RefusalCode } from '../../api-types.js';
import { formatWithOffset } from '../../clock.js';
import type { Db } from '../../db/connection.js';
import { renewalsOfLoan, type LoanViewRow } from '../../db/lending-loans.repo.js';
import { daysBetween } from '../sessions/dates.js';

/** Whole days after `dueOn` that `day` is (0 when not late). */
export function daysLateOn(dueOn: string, day: string): number {
  return Math.max(0, daysBetween(dueOn, day));
}

/** A stored loan as the API shows it: renewals, closure, and days late today (open) or at return. */
export function toLoan(db: Db, row: LoanViewRow, today: string, timeZone: string): Loan {
  const at = (ms: number): string => formatWithOffset(ms, timeZone);
  const codes = JSON.parse(row.overrideCodes) as RefusalCode[];
  return {
    id: row.id, itemId: row.itemId, tagCode: row.tagCode, itemName: row.itemName, category: row.category,
    memberId: row.memberId, memberName: row.memberName, staffId: row.staffId,
    checkedOutAt: at(row.checkedOutAt), dueOn: row.currentDueOn, conditionOut: row.conditionOut,
    checklistOut: JSON.parse(row.checklistOut) as Record<CheckKey, boolean>,
    acknowledgement: { method: row.ackMethod, by: row.ackBy, guardianName: row.guardianName },
    override: row.overrideReason !== null ? { codes, reason: row.overrideReason } : null,
    renewals: renewalsOfLoan(db, row.id).map((r) => ({ fromDueOn: r.fromDueOn, toDueOn: r.toDueOn, reason: r.reason, staffId: r.staffId, at: at(r.recordedAt) })),
    state: row.closureOutcome ?? 'open',
    daysLate: row.closureOutcome === null ? daysLateOn(row.currentDueOn, today) : row.lateDays ?? 0,
    closure: row.closureOutcome === null ? null : {
      outcome: row.closureOutcome,
      condition: row.closureCondition as ItemCondition | null,
      checklist: JSON.parse(row.closureChecklist ?? '{}') as Record<CheckKey, boolean>,
      damageNotes: row.damageNotes,
      staffId: row.closureStaffId ?? '',
      at: at(row.closedAt ?? 0),
    },
  };
}
