import type { PayBasis } from '../api-types.js';
import { localDate } from '../clock.js';
import type { Db } from '../db/connection.js';
import { insertPayRule, insertTask, insertWorkLog, type PayRuleRow } from '../db/employment.repo.js';
import { insertNote, insertPlan } from '../db/rehab.repo.js';
import { payCents, ruleInForce } from '../domain/employment/pay.js';

const STAFF = 'stf_demo_01';
const DAY_MS = 86_400_000;

interface DemoTask { id: string; name: string; rules: { basis: PayBasis; rateCents: number; from: 'last' | 'this' }[] }

/** 纸盒折叠 got a raise on the 1st of this month, so the demo shows a second rule version at work. */
const TASKS: DemoTask[] = [
  { id: 'task_demo_beads', name: '手工串珠', rules: [{ basis: 'per_piece', rateCents: 15, from: 'last' }] },
  { id: 'task_demo_boxes', name: '纸盒折叠', rules: [{ basis: 'per_piece', rateCents: 12, from: 'last' }, { basis: 'per_piece', rateCents: 15, from: 'this' }] },
  { id: 'task_demo_packing', name: '包装', rules: [{ basis: 'per_hour', rateCents: 1250, from: 'last' }] },
];

/** [member, task, days before today, minutes, pieces] */
const LOGS: [string, string, number, number, number][] = [
  ['mem_demo_01', 'task_demo_beads', 30, 120, 85], ['mem_demo_01', 'task_demo_packing', 29, 95, 0],
  ['mem_demo_04', 'task_demo_boxes', 30, 150, 120], ['mem_demo_04', 'task_demo_boxes', 28, 140, 104],
  ['mem_demo_09', 'task_demo_beads', 29, 90, 60], ['mem_demo_08', 'task_demo_packing', 27, 173, 0],
  ['mem_demo_01', 'task_demo_beads', 1, 110, 78], ['mem_demo_04', 'task_demo_boxes', 1, 135, 98],
  ['mem_demo_09', 'task_demo_packing', 0, 100, 0], ['mem_demo_04', 'task_demo_boxes', 0, 60, 40],
];

function firstOfMonth(date: string, monthsBack: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - monthsBack, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * Demo tasks with pay rules, work logs this month and last, and one rehabilitation plan with notes.
 * Fixtures, like the rest of the demo data: `eventId` is the demo-seed marker, no events are written.
 * Logs that would fall before last month's first day or into another month are kept in range.
 */
export function seedDemoEmployment(db: Db, now: number, timeZone: string, eventId: string): void {
  const today = localDate(now, timeZone);
  const starts = { last: firstOfMonth(today, 1), this: firstOfMonth(today, 0) };
  const rules: PayRuleRow[] = [];
  for (const t of TASKS) {
    insertTask(db, { id: t.id, name: t.name, staffId: STAFF, createdAt: now });
    t.rules.forEach((r, i) => {
      const rule: PayRuleRow = {
        id: `${t.id}_rule_${i + 1}`, taskId: t.id, basis: r.basis, rateCents: r.rateCents, effectiveFrom: starts[r.from], staffId: STAFF, recordedAt: now,
      };
      insertPayRule(db, rule);
      rules.push(rule);
    });
  }
  LOGS.forEach(([memberId, taskId, daysBack, minutes, pieces], i) => {
    const at = now - daysBack * DAY_MS;
    const date = localDate(at, timeZone) < starts.last ? starts.last : localDate(at, timeZone);
    const rule = ruleInForce(rules.filter((r) => r.taskId === taskId), date)!;
    insertWorkLog(db, {
      id: `work_demo_${String(i + 1).padStart(2, '0')}`, memberId, taskId, ruleId: rule.id, workDate: date, minutes, pieces,
      payCents: payCents(rule, { minutes, pieces }), staffId: STAFF, recordedAt: at, eventId,
    });
  });
  const planId = 'rehab_demo_plan_1';
  insertPlan(db, { id: planId, memberId: 'mem_demo_04', version: 1, staffId: STAFF, recordedAt: now - 40 * DAY_MS, eventId }, [
    { goalId: 'goal_demo_buttons', position: 0, text: '独立扣好上衣纽扣', targetDate: firstOfMonth(today, -2) },
    { goalId: 'goal_demo_bus', position: 1, text: '在陪同下乘坐公交往返', targetDate: null },
  ]);
  const notes: [number, string, number, number][] = [
    [35, '能扣好两颗纽扣，需要提示。', 2, 1], [21, '扣纽扣速度提高，陪同乘车一站。', 3, 2], [7, '独立扣好四颗纽扣。', 4, 2],
  ];
  notes.forEach(([daysBack, note, buttons, bus], i) => {
    const at = now - daysBack * DAY_MS;
    insertNote(db, {
      id: `rehab_demo_note_${i + 1}`, memberId: 'mem_demo_04', planId, sessionId: null, noteDate: localDate(at, timeZone), note,
      staffId: STAFF, recordedAt: at, eventId,
    }, [{ goalId: 'goal_demo_buttons', rating: buttons }, { goalId: 'goal_demo_bus', rating: bus }]);
  });
}
