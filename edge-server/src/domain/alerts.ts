import type { AlertInfo, AlertKind, AlertSeverity, AlertSummary } from '../api-types.js';
import { formatWithOffset } from '../clock.js';
import {
  findAlert, insertAlert, insertAlertTransition, listRecentAlerts, listUnresolvedAlerts,
  type AlertRow,
} from '../db/alerts.repo.js';
import { recordAudit } from '../db/audit.repo.js';
import { findMemberById } from '../db/members.repo.js';
import { findStaffById } from '../db/staff.repo.js';
import { newRecordId } from '../ids.js';
import type { DomainContext } from './context.js';
import { DomainError } from './errors.js';

const SEVERITY: Record<AlertKind, AlertSeverity> = {
  emergency_call: 'critical',
  help_requested: 'warning',
  door_ajar: 'warning',
  after_hours_motion: 'warning',
  no_show: 'info',
  device_fault: 'warning',
  loan_overdue: 'info',
};

const HISTORY_DAYS = 7;

/**
 * Alerts: raised by people (call staff) and by monitoring rules, acknowledged and resolved by staff
 * with a note. Each step is an event (`alert.raised` / `alert.acknowledged` / `alert.resolved`) and
 * a row that is never written over; staff steps are audited. Every change is published on the bus
 * as an AlertSummary (no personal data) for the kiosk banner and the staff console.
 */
export class AlertService {
  constructor(private readonly ctx: DomainContext) {}

  /** "Call staff" on a member screen: a `help_requested` alert, with the member when one is identified. */
  requestHelp(memberId: string | null): { alertId: string } {
    if (memberId !== null && !findMemberById(this.ctx.db, memberId)) {
      throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
    }
    return { alertId: this.raise('help_requested', memberId ? { memberId } : {}).id };
  }

  /**
   * Raises an alert. With `onceWhileUnresolved`, an unresolved alert of the same kind (and with the same
   * values of the `sameDetail` keys, e.g. the same device) is returned instead of raising another: a door
   * held open is one alert, not one a minute.
   */
  raise(
    kind: AlertKind,
    detail: Record<string, unknown>,
    options: { onceWhileUnresolved?: boolean; sameDetail?: string[]; at?: number } = {},
  ): AlertSummary {
    const { summary, raised } = this.ctx.log.write((append) => {
      if (options.onceWhileUnresolved) {
        const keys = options.sameDetail ?? [];
        const existing = listUnresolvedAlerts(this.ctx.db)
          .find((a) => a.kind === kind && keys.every((k) => a.detail[k] === detail[k]));
        if (existing) return { summary: this.summary(existing), raised: false };
      }
      const now = options.at ?? this.ctx.clock.now();
      const id = newRecordId(now);
      const severity = SEVERITY[kind];
      const event = append('alert.raised', { alertId: id, kind, severity, ...detail }, now);
      insertAlert(this.ctx.db, { id, kind, severity, raisedAt: now, detail, eventId: event.id });
      return { summary: this.summary(findAlert(this.ctx.db, id)!), raised: true };
    });
    if (raised) this.ctx.bus.publish('alert', summary);
    return summary;
  }

  acknowledge(staffId: string, alertId: string, note: string | null): AlertInfo {
    return this.transition(staffId, alertId, 'acknowledged', note);
  }

  resolve(staffId: string, alertId: string, note: string | null): AlertInfo {
    return this.transition(staffId, alertId, 'resolved', note);
  }

  get(alertId: string): AlertInfo {
    const row = findAlert(this.ctx.db, alertId);
    if (!row) throw new DomainError('not_found', 'alert_not_found', `No alert ${alertId}`);
    return this.info(row);
  }

  /** Unresolved alerts first (emergencies on top, newest first), then the last week's resolved ones. */
  console(): { open: AlertInfo[]; history: AlertInfo[] } {
    const open = listUnresolvedAlerts(this.ctx.db)
      .sort((a, b) => Number(b.severity === 'critical') - Number(a.severity === 'critical') || b.raisedAt - a.raisedAt);
    const since = this.ctx.clock.now() - HISTORY_DAYS * 86_400_000;
    const history = listRecentAlerts(this.ctx.db, since, 200).filter((a) => a.state === 'resolved');
    return { open: open.map((a) => this.info(a)), history: history.map((a) => this.info(a)) };
  }

  /** Open and acknowledged alerts as summaries (what the kiosk frame needs for its banner). */
  active(): AlertSummary[] {
    return listUnresolvedAlerts(this.ctx.db).map((a) => this.summary(a));
  }

  private transition(staffId: string, alertId: string, action: 'acknowledged' | 'resolved', note: string | null): AlertInfo {
    const summary = this.ctx.log.write((append) => {
      const alert = findAlert(this.ctx.db, alertId);
      if (!alert) throw new DomainError('not_found', 'alert_not_found', `No alert ${alertId}`);
      if (alert.state === 'resolved') throw new DomainError('conflict', 'alert_resolved', 'This alert is already resolved');
      if (action === 'acknowledged' && alert.state === 'acknowledged') {
        throw new DomainError('conflict', 'alert_acknowledged', 'This alert is already acknowledged');
      }
      const now = this.ctx.clock.now();
      const type = action === 'acknowledged' ? 'alert.acknowledged' : 'alert.resolved';
      const event = append(type, { alertId, kind: alert.kind, severity: alert.severity, staffId, ...(note ? { note } : {}) }, now);
      insertAlertTransition(this.ctx.db, { alertId, action, staffId, note, at: now, eventId: event.id });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: `alert.${action === 'acknowledged' ? 'acknowledge' : 'resolve'}`,
        target: alertId, detail: { kind: alert.kind, note },
      });
      return this.summary(findAlert(this.ctx.db, alertId)!);
    });
    this.ctx.bus.publish('alert', summary);
    return this.get(alertId);
  }

  private summary(row: AlertRow): AlertSummary {
    return { id: row.id, kind: row.kind as AlertKind, severity: row.severity, state: row.state, raisedAt: this.iso(row.raisedAt) };
  }

  private info(row: AlertRow): AlertInfo {
    const staffName = (id: string | null) => (id ? findStaffById(this.ctx.db, id)?.name ?? id : null);
    return {
      ...this.summary(row),
      detail: row.detail,
      acknowledgedAt: row.acknowledgedAt === null ? null : this.iso(row.acknowledgedAt),
      acknowledgedBy: staffName(row.acknowledgedBy),
      resolvedAt: row.resolvedAt === null ? null : this.iso(row.resolvedAt),
      resolvedBy: staffName(row.resolvedBy),
      notes: row.notes,
    };
  }

  private iso(ms: number): string {
    return formatWithOffset(ms, this.ctx.timeZone());
  }
}
