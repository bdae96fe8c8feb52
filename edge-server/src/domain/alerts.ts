import { newRecordId } from '../ids.js';
import { insertAlert } from '../db/alerts.repo.js';
import { findMemberById } from '../db/members.repo.js';
import type { DomainContext } from './context.js';
import { DomainError } from './errors.js';

/** Alerts raised at the kiosk. The monitoring issue adds sensor rules, acknowledgement and resolution. */
export class AlertService {
  constructor(private readonly ctx: DomainContext) {}

  /** "Call staff" on a member screen: a `help_requested` alert, with the member when one is identified. */
  requestHelp(memberId: string | null): { alertId: string } {
    if (memberId !== null && !findMemberById(this.ctx.db, memberId)) {
      throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
    }
    return this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const alertId = newRecordId(now);
      const data: Record<string, unknown> = { alertId, kind: 'help_requested', severity: 'warning' };
      if (memberId) data.memberId = memberId;
      const event = append('alert.raised', data, now);
      insertAlert(this.ctx.db, { id: alertId, kind: 'help_requested', severity: 'warning', raisedAt: now, detail: { memberId }, eventId: event.id });
      return { alertId };
    });
  }
}
