import { Hono } from 'hono';
import { z } from 'zod';
import type { SatisfactionMonth } from '../api-types.js';
import type { AppDeps } from '../app.js';
import { requireMemberVisit, type MemberEnv } from './member-visit.js';
import { monthQuery } from './month-query.js';
import type { StaffEnv } from './staff.js';
import { readJson } from './validate.js';

const answerBody = z.object({
  questionId: z.string().min(1).max(64),
  score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], { error: 'a score is 1 to 5, or null to skip' }).nullable(),
  named: z.boolean().optional(),
});

/** `POST /api/member/survey`: the member at the screen answers or skips the question they were asked. */
export function memberSurveyRoutes(deps: AppDeps): Hono<MemberEnv> {
  return new Hono<MemberEnv>().post('/survey', requireMemberVisit(deps), async (c) => {
    const body = await readJson(c, answerBody);
    deps.services.surveys.answer(c.var.member.id, body);
    return c.body(null, 204);
  });
}

/** Staff: the month's satisfaction per service kind. */
export function staffSurveyRoutes(deps: AppDeps): Hono<StaffEnv> {
  return new Hono<StaffEnv>().get('/satisfaction', (c) => c.json<SatisfactionMonth>(deps.services.surveys.month(monthQuery(c, deps))));
}
