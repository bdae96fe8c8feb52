import { recordAudit } from '../db/audit.repo.js';
import { insertLeave } from '../db/leaves.repo.js';
import { findMemberById } from '../db/members.repo.js';
import { newRecordId } from '../ids.js';
import type { DomainContext } from './context.js';
import { DomainError } from './errors.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Leave slips (请假) recorded by staff: `leave.recorded`; an excused absence, never a no-show. */
export class LeaveService {
  constructor(private readonly ctx: DomainContext) {}

  record(staffId: string, input: { memberId: string; from: string; to: string; reason: string }): { leaveId: string } {
    const member = findMemberById(this.ctx.db, input.memberId);
    if (!member) throw new DomainError('not_found', 'member_not_found', `No member with id ${input.memberId}`);
    if (!DAY.test(input.from) || !DAY.test(input.to) || Number.isNaN(Date.parse(input.from)) || Number.isNaN(Date.parse(input.to))) {
      throw new DomainError('invalid', 'invalid_date', 'Dates are YYYY-MM-DD, e.g. 2026-12-03');
    }
    if (input.from > input.to) throw new DomainError('invalid', 'invalid_range', 'The leave ends before it starts');
    return this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const leaveId = newRecordId(now);
      const event = append('leave.recorded', { leaveId, memberId: member.id, from: input.from, to: input.to, reason: input.reason, staffId });
      insertLeave(this.ctx.db, {
        id: leaveId, memberId: member.id, fromDate: input.from, toDate: input.to, reason: input.reason, staffId, recordedAt: now, eventId: event.id,
      });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'leave.record', target: member.id,
        detail: { leaveId, from: input.from, to: input.to },
      });
      return { leaveId };
    });
  }
}
