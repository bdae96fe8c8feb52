import type { CleaningRecord, ItemHistory, LoanSummary, MemberLending, OverdueLine } from '../../api-types.js';
import { formatWithOffset, localDate } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import { assessmentsOfMember, cleaningsOfItem, insertAssessment } from '../../db/lending-desk.repo.js';
import { itemStateChain } from '../../db/lending-item-states.repo.js';
import { listMaintenanceOfItem } from '../../db/lending-maintenance.repo.js';
import { findLoan, listOverdueLoans, loansOfItem, loansOfMember } from '../../db/lending-loans.repo.js';
import { reservationsOfMember } from '../../db/lending-reservations.repo.js';
import { findStaffById } from '../../db/staff.repo.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { checkDay, entryOrThrow, memberOrThrow } from './desk-rules.js';
import type { InventoryService } from './inventory.js';
import { centreToday, itemView } from './item-view.js';
import { daysLateOn, toLoan } from './loan-views.js';
import { loanNotFound } from './loans.js';
import { toReservation } from './reservations.js';
import type { WaitlistService } from './waitlist.js';

export interface AssessmentInput { catalogueId: string; assessedOn: string; validUntil?: string | null; note?: string | null }
type AssessmentView = MemberLending['assessments'][number];

/** The loan desk's reading side: a member at a glance, the take-home summary, the overdue call list; and assessments. */
export class LendingDesk {
  constructor(private readonly ctx: DomainContext, private readonly waitlist: WaitlistService, private readonly inventory: InventoryService) {}

  /** Everything that happened to an item, newest first: its state chain, loans, maintenance and cleanings. */
  history(itemId: string): ItemHistory {
    const item = itemView(this.ctx, itemId);
    const tz = this.ctx.timeZone();
    const today = centreToday(this.ctx);
    return {
      item,
      states: itemStateChain(this.ctx.db, itemId).map((s) => ({
        seq: s.seq, status: s.status, condition: s.condition, location: s.location, nextServiceOn: s.nextServiceOn, reason: s.reason,
        loanId: s.loanId, staffId: s.staffId, at: formatWithOffset(s.recordedAt, tz),
      })),
      loans: loansOfItem(this.ctx.db, itemId).map((l) => toLoan(this.ctx.db, l, today, tz)),
      maintenance: listMaintenanceOfItem(this.ctx.db, itemId).map((m) => this.inventory.toMaintenance(m)),
      cleanings: cleaningsOfItem(this.ctx.db, itemId).map((c) => ({
        id: c.id, itemId: c.itemId, loanId: c.loanId, checklist: JSON.parse(c.checklist) as CleaningRecord['checklist'], outcome: c.outcome,
        note: c.note, staffId: c.staffId, at: formatWithOffset(c.recordedAt, tz),
      })),
    };
  }

  member(memberId: string): MemberLending {
    const member = memberOrThrow(this.ctx.db, memberId);
    const today = centreToday(this.ctx);
    const tz = this.ctx.timeZone();
    const loans = loansOfMember(this.ctx.db, memberId).map((l) => toLoan(this.ctx.db, l, today, tz));
    return {
      memberId, memberName: member.name, disabilityCategory: member.disabilityCategory, disabilityGrade: member.disabilityGrade,
      guardianContact: member.guardianContact, profile: member.profile,
      open: loans.filter((l) => l.state === 'open'),
      past: loans.filter((l) => l.state !== 'open'),
      reservations: reservationsOfMember(this.ctx.db, memberId).filter((r) => r.state === 'active').map((r) => toReservation(r, tz)),
      waiting: this.waitlist.ofMember(memberId),
      assessments: this.assessments(memberId),
    };
  }

  assess(staffId: string, memberId: string, input: AssessmentInput): AssessmentView {
    const { db } = this.ctx;
    checkDay('assessedOn', input.assessedOn);
    if (input.validUntil != null) checkDay('validUntil', input.validUntil);
    const id = this.ctx.log.write((append) => {
      memberOrThrow(db, memberId);
      entryOrThrow(db, input.catalogueId);
      if (input.assessedOn > centreToday(this.ctx)) throw new DomainError('invalid', 'future_date', 'An assessment cannot be recorded for a day that has not come yet');
      const validUntil = input.validUntil ?? null;
      if (validUntil !== null && validUntil < input.assessedOn) throw new DomainError('invalid', 'invalid_range', 'validUntil is on or after assessedOn');
      const now = this.ctx.clock.now();
      const rowId = newRecordId(now);
      const event = append('lending.assessed', {
        assessmentId: rowId, memberId, catalogueId: input.catalogueId, assessedOn: input.assessedOn, validUntil, staffId,
      }, now);
      insertAssessment(db, {
        id: rowId, memberId, catalogueId: input.catalogueId, assessedOn: input.assessedOn, validUntil, note: input.note?.trim() || null,
        staffId, recordedAt: now, eventId: event.id,
      });
      recordAudit(db, { at: now, actorKind: 'staff', actorId: staffId, action: 'lending.assess', target: memberId, detail: { assessmentId: rowId, ...input } });
      return rowId;
    });
    return this.assessments(memberId).find((a) => a.id === id)!;
  }

  summary(loanId: string, centre: { name: string; phone: string | null }): LoanSummary {
    const loan = findLoan(this.ctx.db, loanId);
    if (!loan) throw loanNotFound(loanId);
    return {
      loanId, memberName: loan.memberName, itemName: loan.itemName, category: loan.category, photoPath: loan.photoPath, tagCode: loan.tagCode,
      checkedOutOn: localDate(loan.checkedOutAt, this.ctx.timeZone()), dueOn: loan.currentDueOn,
      centreName: centre.name, centrePhone: centre.phone, staffName: findStaffById(this.ctx.db, loan.staffId)?.name ?? '',
    };
  }

  /** Open loans past their due day, the longest overdue first: who to call. */
  overdue(): OverdueLine[] {
    const today = centreToday(this.ctx);
    return listOverdueLoans(this.ctx.db, today).map((o) => ({ ...o, daysLate: daysLateOn(o.dueOn, today) }));
  }

  private assessments(memberId: string): AssessmentView[] {
    const names = new Map<string, string>();
    return assessmentsOfMember(this.ctx.db, memberId).map((a) => {
      if (!names.has(a.catalogueId)) names.set(a.catalogueId, entryOrThrow(this.ctx.db, a.catalogueId).name);
      return { id: a.id, catalogueId: a.catalogueId, catalogueName: names.get(a.catalogueId)!, assessedOn: a.assessedOn, validUntil: a.validUntil, note: a.note };
    });
  }
}
