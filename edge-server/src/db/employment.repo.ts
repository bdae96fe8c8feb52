import type { PayBasis } from '../api-types.js';
import type { Db } from './connection.js';
import { statements } from './statements.js';

export interface TaskRow { id: string; name: string; staffId: string | null; createdAt: number }
export interface PayRuleRow {
  id: string; taskId: string; basis: PayBasis; rateCents: number; effectiveFrom: string; staffId: string | null; recordedAt: number;
}
export interface WorkLogRow {
  id: string; memberId: string; taskId: string; ruleId: string; workDate: string; minutes: number; pieces: number;
  payCents: number; staffId: string | null; recordedAt: number; eventId: string;
}
export interface WorkVoidRow { id: string; workLogId: string; reason: string; staffId: string; recordedAt: number; eventId: string }

/** A work log joined with what a reader needs: names, the rule it was paid by, and its void if any. */
export interface WorkLogView extends WorkLogRow {
  memberName: string; taskName: string; basis: PayBasis; rateCents: number;
  voidReason: string | null; voidStaffId: string | null; voidedAt: number | null;
}

const LOG_VIEW = `SELECT l.id, l.member_id AS memberId, l.task_id AS taskId, l.rule_id AS ruleId, l.work_date AS workDate,
    l.minutes, l.pieces, l.pay_cents AS payCents, l.staff_id AS staffId, l.recorded_at AS recordedAt, l.event_id AS eventId,
    m.name AS memberName, t.name AS taskName, r.basis, r.rate_cents AS rateCents,
    v.reason AS voidReason, v.staff_id AS voidStaffId, v.recorded_at AS voidedAt
  FROM employment_work_logs l
  JOIN members m ON m.id = l.member_id
  JOIN employment_tasks t ON t.id = l.task_id
  JOIN employment_pay_rules r ON r.id = l.rule_id
  LEFT JOIN employment_work_voids v ON v.work_log_id = l.id`;

const sql = statements({
  insertTask: `INSERT INTO employment_tasks (id, name, staff_id, created_at) VALUES (@id, @name, @staffId, @createdAt)`,
  insertRule: `INSERT INTO employment_pay_rules (id, task_id, basis, rate_cents, effective_from, staff_id, recorded_at)
               VALUES (@id, @taskId, @basis, @rateCents, @effectiveFrom, @staffId, @recordedAt)`,
  insertLog: `INSERT INTO employment_work_logs (id, member_id, task_id, rule_id, work_date, minutes, pieces, pay_cents, staff_id, recorded_at, event_id)
              VALUES (@id, @memberId, @taskId, @ruleId, @workDate, @minutes, @pieces, @payCents, @staffId, @recordedAt, @eventId)`,
  insertVoid: `INSERT INTO employment_work_voids (id, work_log_id, reason, staff_id, recorded_at, event_id)
               VALUES (@id, @workLogId, @reason, @staffId, @recordedAt, @eventId)`,
  tasks: `SELECT id, name, staff_id AS staffId, created_at AS createdAt FROM employment_tasks ORDER BY created_at, name`,
  taskById: `SELECT id, name, staff_id AS staffId, created_at AS createdAt FROM employment_tasks WHERE id = ?`,
  taskByName: `SELECT id FROM employment_tasks WHERE name = ?`,
  rules: `SELECT id, task_id AS taskId, basis, rate_cents AS rateCents, effective_from AS effectiveFrom, staff_id AS staffId,
            recorded_at AS recordedAt FROM employment_pay_rules ORDER BY effective_from, recorded_at`,
  rulesOfTask: `SELECT id, task_id AS taskId, basis, rate_cents AS rateCents, effective_from AS effectiveFrom, staff_id AS staffId,
            recorded_at AS recordedAt FROM employment_pay_rules WHERE task_id = ? ORDER BY effective_from, recorded_at`,
  logById: `${LOG_VIEW} WHERE l.id = ?`,
  logsOnDay: `${LOG_VIEW} WHERE l.work_date = ? ORDER BY l.recorded_at`,
  logsBetween: `${LOG_VIEW} WHERE l.work_date >= ? AND l.work_date <= ? ORDER BY l.work_date, l.recorded_at`,
});

export function insertTask(db: Db, task: TaskRow): void {
  sql(db).insertTask.run(task);
}

export function insertPayRule(db: Db, rule: PayRuleRow): void {
  sql(db).insertRule.run(rule);
}

export function insertWorkLog(db: Db, log: WorkLogRow): void {
  sql(db).insertLog.run(log);
}

export function insertWorkVoid(db: Db, row: WorkVoidRow): void {
  sql(db).insertVoid.run(row);
}

export function listTasks(db: Db): TaskRow[] {
  return sql(db).tasks.all() as TaskRow[];
}

export function findTask(db: Db, id: string): TaskRow | undefined {
  return sql(db).taskById.get(id) as TaskRow | undefined;
}

export function taskNameTaken(db: Db, name: string): boolean {
  return sql(db).taskByName.get(name) !== undefined;
}

/** Every rule version, oldest effective date first; `taskId` narrows to one task. */
export function listPayRules(db: Db, taskId?: string): PayRuleRow[] {
  return (taskId === undefined ? sql(db).rules.all() : sql(db).rulesOfTask.all(taskId)) as PayRuleRow[];
}

export function findWorkLog(db: Db, id: string): WorkLogView | undefined {
  return sql(db).logById.get(id) as WorkLogView | undefined;
}

export function workLogsOnDay(db: Db, date: string): WorkLogView[] {
  return sql(db).logsOnDay.all(date) as WorkLogView[];
}

/** Logs with `from <= work_date <= to` (inclusive local dates). */
export function workLogsBetween(db: Db, from: string, to: string): WorkLogView[] {
  return sql(db).logsBetween.all(from, to) as WorkLogView[];
}
