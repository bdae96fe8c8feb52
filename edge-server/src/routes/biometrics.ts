import { Hono } from 'hono';
import { z } from 'zod';
import type { BiometricStatus, EnrolmentState, Finger } from '../api-types.js';
import type { AppDeps } from '../app.js';
import { DomainError } from '../domain/errors.js';
import type { StaffEnv } from './staff.js';
import { readJson } from './validate.js';

export const FINGERS = [
  'right_thumb', 'right_index', 'right_middle', 'right_ring', 'right_little',
  'left_thumb', 'left_index', 'left_middle', 'left_ring', 'left_little',
] as const satisfies readonly Finger[];

const memberId = z.string().min(1).max(64);
const finger = z.enum(FINGERS);
const consentBody = z.object({
  by: z.enum(['self', 'guardian']),
  guardianName: z.string().trim().min(1).max(50).optional(),
});
const enrolBody = z.object({ memberId, finger, presses: z.union([z.literal(2), z.literal(3)]).optional() });

function param<T>(schema: z.ZodType<T>, value: string | undefined, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError('invalid', 'invalid_path', `${what} is not valid`);
  return parsed.data;
}

/**
 * Consent and fingerprint enrolment for staff (mounted behind the staff session check).
 * Progress of an enrolment also arrives live on SSE as `enrolment` messages.
 */
export function biometricRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { biometrics, enrolments } = deps.services;
  return new Hono<StaffEnv>()
    .get('/members/:id/biometrics', (c) =>
      c.json<BiometricStatus>(biometrics.status(param(memberId, c.req.param('id'), 'member id'))))
    .post('/members/:id/consent', async (c) => {
      const body = await readJson(c, consentBody);
      return c.json<BiometricStatus>(biometrics.giveConsent(c.var.staff.id, param(memberId, c.req.param('id'), 'member id'), body), 201);
    })
    .post('/members/:id/consent/withdraw', async (c) => {
      const body = await readJson(c, consentBody);
      return c.json<BiometricStatus>(await biometrics.withdrawConsent(c.var.staff.id, param(memberId, c.req.param('id'), 'member id'), body));
    })
    .delete('/members/:id/fingers/:finger', async (c) =>
      c.json<BiometricStatus>(await biometrics.removeFinger(
        c.var.staff.id, param(memberId, c.req.param('id'), 'member id'), param(finger, c.req.param('finger'), 'finger'),
      )))
    .post('/enrolments', async (c) => {
      const body = await readJson(c, enrolBody);
      return c.json<EnrolmentState>(await enrolments.start(c.var.staff.id, body), 201);
    })
    .get('/enrolments/current', (c) => {
      const state = enrolments.current();
      if (!state) throw new DomainError('not_found', 'no_enrolment', 'No enrolment is in progress');
      return c.json<EnrolmentState>(state);
    })
    .get('/enrolments/:id', (c) => c.json<EnrolmentState>(enrolments.get(c.req.param('id'))))
    .post('/enrolments/:id/cancel', (c) => c.json<EnrolmentState>(enrolments.cancel(c.var.staff.id, c.req.param('id'))));
}
