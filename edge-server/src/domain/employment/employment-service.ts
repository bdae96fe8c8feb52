import type { EmploymentTask, PayBasis, PayPreview, PayRule, PaySheet, WorkLog } from '../../api-types.js';
import { formatWithOffset, localDate } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import {
  findTask, findWorkLog, insertPayRule, insertTask, insertWorkLog, insertWorkVoid, listPayRules, listTasks, taskNameTaken,
  workLogsBetween, workLogsOnDay, type PayRuleRow, type WorkLogView,
} from '../../db/employment.repo.js';
import { findMemberById } from '../../db/members.repo.js';
import { newRecordId } from '../../ids.js';
import { isCalendarDay, isMonth, monthDays } from '../calendar-day.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';
import { buildPaySheet } from './pay-sheet.js';
import { payCents, ruleInForce } from './pay.js';

export interface RuleInput { basis: PayBasis; rateCents: number; effectiveFrom: string }
export interface WorkInput { memberId: string; taskId: string; date: string; minutes: number; pieces: number }

/**
 * Assisted employment (辅助性就业): tasks and their pay rule versions, work logs paid by the rule in
 * force on their day (`employment.work_logged`, pay fixed when logged), voids, monthly pay sheets.
 */
export class EmploymentService {
  constructor(private readonly ctx: DomainContext) {}

  tasks(): EmploymentTask[] {
    const rules = listPayRules(this.ctx.db);
    const today = this.today();
    return listTasks(this.ctx.db).map((t) => {
      const own = rules.filter((r) => r.taskId === t.id);
      const current = ruleInForce(own, today);
      return { id: t.id, name: t.name, rules: own.map((r) => this.toRule(r)), current: current ? this.toRule(current) : null };
    });
  }

  addTask(staffId: string, input: { name: string } & RuleInput): EmploymentTask {
    const name = input.name.trim();
    if (taskNameTaken(this.ctx.db, name)) throw new DomainError('conflict', 'task_exists', `A task named ${name} exists already`);
    checkDay(input.effectiveFrom);
    const taskId = this.ctx.log.write(() => {
      const now = this.ctx.clock.now();
      const id = newRecordId(now);
      insertTask(this.ctx.db, { id, name, staffId, createdAt: now });
      this.appendRule(staffId, id, input, now);
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'employment.task_add', target: id, detail: { ...input, name } });
      return id;
    });
    return this.task(taskId);
  }

  /** A new rule version from `effectiveFrom` on; logs already made keep the pay they were given. */
  addRule(staffId: string, taskId: string, input: RuleInput): EmploymentTask {
    if (!findTask(this.ctx.db, taskId)) throw taskNotFound(taskId);
    checkDay(input.effectiveFrom);
    this.ctx.log.write(() => {
      const now = this.ctx.clock.now();
      const ruleId = this.appendRule(staffId, taskId, input, now);
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'employment.rule_add', target: taskId, detail: { ruleId, ...input } });
    });
    return this.task(taskId);
  }

  /** What a log would be paid, without saving it (the log form shows it before staff confirm). */
  preview(input: Omit<WorkInput, 'memberId'>): PayPreview {
    const { rule, pay } = this.price(input);
    return { payCents: pay, rule: this.toRule(rule) };
  }

  log(staffId: string, input: WorkInput): WorkLog {
    const member = findMemberById(this.ctx.db, input.memberId);
    if (!member) throw new DomainError('not_found', 'member_not_found', `No member with id ${input.memberId}`);
    const { rule, pay, taskName } = this.price(input);
    const id = this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const logId = newRecordId(now);
      const event = append('employment.work_logged', {
        workLogId: logId, memberId: member.id, date: input.date, minutes: input.minutes, task: taskName, taskId: input.taskId,
        pieces: input.pieces, payCents: pay, staffId,
      });
      insertWorkLog(this.ctx.db, {
        id: logId, memberId: member.id, taskId: input.taskId, ruleId: rule.id, workDate: input.date, minutes: input.minutes,
        pieces: input.pieces, payCents: pay, staffId, recordedAt: now, eventId: event.id,
      });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'employment.work_log', target: member.id,
        detail: { workLogId: logId, taskId: input.taskId, date: input.date, minutes: input.minutes, pieces: input.pieces, payCents: pay },
      });
      return logId;
    });
    return this.workLog(id);
  }

  /** Voids a mistaken log (appended with a reason; the log row stays as it was). */
  void(staffId: string, workLogId: string, reason: string): WorkLog {
    const log = findWorkLog(this.ctx.db, workLogId);
    if (!log) throw new DomainError('not_found', 'work_log_not_found', `No work log with id ${workLogId}`);
    if (log.voidedAt !== null) throw new DomainError('conflict', 'already_voided', 'This work log is voided already');
    this.ctx.log.write((append) => {
      const now = this.ctx.clock.now();
      const event = append('employment.work_voided', {
        workLogId, memberId: log.memberId, date: log.workDate, payCents: log.payCents, staffId, reason,
      });
      insertWorkVoid(this.ctx.db, { id: newRecordId(now), workLogId, reason, staffId, recordedAt: now, eventId: event.id });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'employment.work_void', target: log.memberId, detail: { workLogId, reason },
      });
    });
    return this.workLog(workLogId);
  }

  /** Every log of one day (voided ones too, marked), in the order they were recorded. */
  logsOn(date: string = this.today()): WorkLog[] {
    checkDay(date);
    return workLogsOnDay(this.ctx.db, date).map((l) => this.toWorkLog(l));
  }

  paySheet(month: string, centreName: string, memberId?: string): PaySheet {
    if (!isMonth(month)) throw new DomainError('invalid', 'invalid_month', 'A month is YYYY-MM, e.g. 2026-12');
    let member: { id: string; name: string } | undefined;
    if (memberId !== undefined) {
      member = findMemberById(this.ctx.db, memberId);
      if (!member) throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
    }
    const { first, last } = monthDays(month);
    const logs = workLogsBetween(this.ctx.db, first, last)
      .filter((l) => !member || l.memberId === member.id)
      .map((l) => this.toWorkLog(l));
    const sheet = buildPaySheet(month, centreName, logs);
    // One member's sheet is shown even for a month without work (all zeros), so staff see "nothing", not an error.
    if (member && sheet.members.length === 0) {
      sheet.members.push({ memberId: member.id, memberName: member.name, lines: [], totals: { minutes: 0, pieces: 0, payCents: 0 } });
    }
    return sheet;
  }

  private price(input: Omit<WorkInput, 'memberId'>): { rule: PayRuleRow; pay: number; taskName: string } {
    const task = findTask(this.ctx.db, input.taskId);
    if (!task) throw taskNotFound(input.taskId);
    checkDay(input.date);
    if (input.date > this.today()) throw new DomainError('invalid', 'future_date', 'Work cannot be logged for a day that has not come yet');
    const rule = ruleInForce(listPayRules(this.ctx.db, task.id), input.date);
    if (!rule) throw new DomainError('conflict', 'no_pay_rule', `Task ${task.name} has no pay rule in force on ${input.date}`);
    try {
      return { rule, pay: payCents(rule, input), taskName: task.name };
    } catch (err) {
      throw new DomainError('invalid', 'invalid_work', (err as Error).message);
    }
  }

  private appendRule(staffId: string, taskId: string, input: RuleInput, now: number): string {
    const id = newRecordId(now);
    insertPayRule(this.ctx.db, { id, taskId, basis: input.basis, rateCents: input.rateCents, effectiveFrom: input.effectiveFrom, staffId, recordedAt: now });
    return id;
  }

  private task(id: string): EmploymentTask {
    return this.tasks().find((t) => t.id === id)!;
  }

  private workLog(id: string): WorkLog {
    return this.toWorkLog(findWorkLog(this.ctx.db, id)!);
  }

  private today(): string {
    return localDate(this.ctx.clock.now(), this.ctx.timeZone());
  }

  private at(ms: number): string {
    return formatWithOffset(ms, this.ctx.timeZone());
  }

  private toRule(r: PayRuleRow): PayRule {
    return { id: r.id, taskId: r.taskId, basis: r.basis, rateCents: r.rateCents, effectiveFrom: r.effectiveFrom, recordedAt: this.at(r.recordedAt) };
  }

  private toWorkLog(l: WorkLogView): WorkLog {
    return {
      id: l.id, memberId: l.memberId, memberName: l.memberName, taskId: l.taskId, taskName: l.taskName, date: l.workDate,
      minutes: l.minutes, pieces: l.pieces, basis: l.basis, rateCents: l.rateCents, payCents: l.payCents,
      recordedAt: this.at(l.recordedAt), staffId: l.staffId,
      voided: l.voidedAt === null ? null : { reason: l.voidReason ?? '', at: this.at(l.voidedAt), staffId: l.voidStaffId ?? '' },
    };
  }
}

function checkDay(date: string): void {
  if (!isCalendarDay(date)) throw new DomainError('invalid', 'invalid_date', 'Dates are YYYY-MM-DD, e.g. 2026-12-03');
}

function taskNotFound(taskId: string): DomainError {
  return new DomainError('not_found', 'task_not_found', `No task with id ${taskId}`);
}
