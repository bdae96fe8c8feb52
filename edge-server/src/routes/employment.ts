import { Hono } from 'hono';
import { z } from 'zod';
import type { EmploymentTask, PayPreview, PaySheet, WorkLog } from '../api-types.js';
import type { AppDeps } from '../app.js';
import { paySheetCsv } from '../domain/employment/pay-sheet.js';
import type { StaffEnv } from './staff.js';
import { parseQuery, readJson } from './validate.js';

/** Upper bounds that keep every product of integers exact and catch typing slips (an extra 0). */
const MAX_RATE_CENTS = 1_000_000; // ¥10,000 per piece or hour
const MAX_MINUTES = 24 * 60;
const MAX_PIECES = 100_000;

const id = z.string().min(1).max(64);
const day = z.string().max(10);
const rule = {
  basis: z.enum(['per_piece', 'per_hour']),
  rateCents: z.number().int().min(0).max(MAX_RATE_CENTS),
  effectiveFrom: day,
};
const taskBody = z.object({ name: z.string().trim().min(1).max(40), ...rule });
const ruleBody = z.object(rule);
const work = {
  taskId: id,
  date: day,
  minutes: z.number().int().min(1).max(MAX_MINUTES),
  pieces: z.number().int().min(0).max(MAX_PIECES),
};
const workBody = z.object({ memberId: id, ...work });
// The preview is a GET: its numbers arrive as query text.
const previewQuery = z.object({
  taskId: id, date: day, minutes: z.coerce.number().int().min(1).max(MAX_MINUTES), pieces: z.coerce.number().int().min(0).max(MAX_PIECES),
});
const voidBody = z.object({ reason: z.string().trim().min(1).max(200) });
const sheetQuery = z.object({ month: z.string().max(7), memberId: id.optional() });

/** Staff: assisted employment under `/api/staff/employment`. */
export function staffEmploymentRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { employment } = deps.services;
  const sheet = (query: Record<string, string>): PaySheet => {
    const q = parseQuery(sheetQuery, query);
    return employment.paySheet(q.month, deps.config.centre.name, q.memberId);
  };
  return new Hono<StaffEnv>()
    .get('/employment/tasks', (c) => c.json<{ tasks: EmploymentTask[] }>({ tasks: employment.tasks() }))
    .post('/employment/tasks', async (c) => {
      const body = await readJson(c, taskBody);
      return c.json<EmploymentTask>(employment.addTask(c.var.staff.id, body), 201);
    })
    .post('/employment/tasks/:id/rules', async (c) => {
      const body = await readJson(c, ruleBody);
      return c.json<EmploymentTask>(employment.addRule(c.var.staff.id, c.req.param('id'), body), 201);
    })
    .get('/employment/pay-preview', (c) => c.json<PayPreview>(employment.preview(parseQuery(previewQuery, c.req.query()))))
    .get('/employment/work-logs', (c) => {
      const date = c.req.query('date');
      const logs = employment.logsOn(date);
      return c.json<{ logs: WorkLog[] }>({ logs });
    })
    .post('/employment/work-logs', async (c) => {
      const body = await readJson(c, workBody);
      return c.json<WorkLog>(employment.log(c.var.staff.id, body), 201);
    })
    .post('/employment/work-logs/:id/void', async (c) => {
      const { reason } = await readJson(c, voidBody);
      return c.json<WorkLog>(employment.void(c.var.staff.id, c.req.param('id'), reason));
    })
    .get('/employment/pay-sheet', (c) => c.json<PaySheet>(sheet(c.req.query())))
    .get('/employment/pay-sheet.csv', (c) => {
      const s = sheet(c.req.query());
      const member = c.req.query('memberId') ? `-${s.members[0]?.memberName ?? ''}` : '';
      const filename = `工资表-${s.month}${member}.csv`;
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="pay-sheet-${s.month}.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`);
      return c.body(paySheetCsv(s));
    });
}
