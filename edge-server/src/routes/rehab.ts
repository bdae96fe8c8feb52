import { Hono } from 'hono';
import { z } from 'zod';
import type { RehabOverview, RehabPlanSummary } from '../api-types.js';
import type { AppDeps } from '../app.js';
import type { StaffEnv } from './staff.js';
import { readJson } from './validate.js';

const day = z.string().max(10);
const planBody = z.object({
  goals: z.array(z.object({
    goalId: z.string().min(1).max(64).optional(),
    text: z.string().trim().min(1).max(200),
    targetDate: day.nullable().optional(),
  })).min(1).max(10),
});
const noteBody = z.object({
  sessionId: z.string().trim().min(1).max(64).nullable().optional(),
  date: day,
  note: z.string().trim().min(1).max(500),
  ratings: z.array(z.object({ goalId: z.string().min(1).max(64), rating: z.number().int().min(1).max(5) })).max(10).default([]),
});

/** Staff: rehabilitation plans, outcome notes and progress under `/api/staff/rehab`. */
export function staffRehabRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { rehab } = deps.services;
  return new Hono<StaffEnv>()
    .get('/rehab/plans', (c) => c.json<{ plans: RehabPlanSummary[] }>({ plans: rehab.summaries() }))
    .get('/rehab/members/:memberId', (c) => c.json<RehabOverview>(rehab.overview(c.req.param('memberId'))))
    .post('/rehab/members/:memberId/plan', async (c) => {
      const { goals } = await readJson(c, planBody);
      return c.json<RehabOverview>(rehab.setPlan(c.var.staff.id, c.req.param('memberId'), goals), 201);
    })
    .post('/rehab/members/:memberId/notes', async (c) => {
      const body = await readJson(c, noteBody);
      return c.json<RehabOverview>(rehab.addNote(c.var.staff.id, c.req.param('memberId'), body), 201);
    });
}
