import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { MemberMatch, StaffSessionInfo } from '../api-types.js';
import type { AppDeps } from '../app.js';
import { searchMembers } from '../db/members.repo.js';
import type { Staff } from '../db/staff.repo.js';
import { DomainError } from '../domain/errors.js';
import { toStaffCard } from '../domain/member-card.js';
import { isValidPin } from '../domain/pin.js';
import { staffAlertRoutes } from './alerts.js';
import { biometricRoutes } from './biometrics.js';
import { staffEmploymentRoutes } from './employment.js';
import { staffLendingLoanRoutes } from './lending-loans.js';
import { staffLendingInventoryRoutes } from './lending-inventory.js';
import { staffRehabRoutes } from './rehab.js';
import { staffSessionRoutes } from './sessions.js';
import { staffSurveyRoutes } from './surveys.js';
import { staffSyncRoutes } from './sync-status.js';
import { staffVolunteerRoutes } from './volunteers.js';
import { readJson } from './validate.js';

export const STAFF_COOKIE = 'jia_staff';

const identToken = z.string().min(8).max(128);
const reason = z.string().trim().min(1).max(200);
const clockBody = z.object({ identToken, direction: z.enum(['in', 'out']) });
const signInBody = z.object({ identToken, pin: z.string().refine(isValidPin, 'a PIN is 4 to 8 digits') });
const manualBody = z.object({ memberId: z.string().min(1).max(64), direction: z.enum(['in', 'out']), reason });
const correctionBody = z.object({
  attendanceId: z.string().min(1).max(64), field: z.enum(['occurredAt', 'voided']), to: z.string().min(1).max(64), reason,
});
const searchQuery = z.string().max(50);

export type StaffEnv = { Variables: { staff: Staff; sessionToken: string } };

/** Staff routes. Clocking in/out and signing in need a fresh identification; everything else a session. */
export function staffRoutes(deps: AppDeps): Hono {
  const { services, config } = deps;
  const idleTimeoutSec = config.staff.sessionIdleSec;

  const requireStaff = createMiddleware<StaffEnv>(async (c, next) => {
    const token = getCookie(c, STAFF_COOKIE);
    const staff = token ? services.staffAuth.authenticate(token) : undefined;
    if (!token || !staff) throw new DomainError('unauthenticated', 'not_signed_in', 'Staff sign-in required');
    c.set('staff', staff);
    c.set('sessionToken', token);
    await next();
  });

  const signedIn = new Hono<StaffEnv>()
    .use(requireStaff)
    .get('/session', (c) => c.json<StaffSessionInfo>({ staff: toStaffCard(c.var.staff), idleTimeoutSec }))
    .delete('/session', (c) => {
      services.staffAuth.signOut(c.var.sessionToken, c.var.staff.id);
      services.enrolments.staffLeft(c.var.staff.id);
      deleteCookie(c, STAFF_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/attendance/today', (c) => c.json(services.attendance.todayOverview()))
    .get('/members', (c) => {
      const parsed = searchQuery.safeParse(c.req.query('q') ?? '');
      if (!parsed.success) throw new DomainError('invalid', 'invalid_query', 'q is at most 50 characters');
      const present = new Set(services.attendance.todayOverview().present.map((l) => l.memberId));
      const members: MemberMatch[] = searchMembers(deps.db, parsed.data.trim()).map((m) => ({
        id: m.id, name: m.name, disabilityCategory: m.disabilityCategory, present: present.has(m.id),
      }));
      return c.json({ members });
    })
    .post('/attendance', async (c) => {
      const body = await readJson(c, manualBody);
      return c.json(services.attendance.recordByStaff(c.var.staff.id, body.memberId, body.direction, body.reason), 201);
    })
    .post('/attendance/corrections', async (c) => {
      const body = await readJson(c, correctionBody);
      return c.json(services.attendance.correct(c.var.staff.id, body), 201);
    })
    .route('/', biometricRoutes(deps))
    .route('/', staffAlertRoutes(deps))
    .route('/', staffEmploymentRoutes(deps))
    .route('/lending', staffLendingLoanRoutes(deps))
    .route('/', staffLendingInventoryRoutes(deps))
    .route('/', staffRehabRoutes(deps))
    .route('/', staffSessionRoutes(deps))
    .route('/', staffVolunteerRoutes(deps))
    .route('/', staffSurveyRoutes(deps))
    .route('/', staffSyncRoutes(deps));

  return new Hono()
    .post('/clock', async (c) => {
      const body = await readJson(c, clockBody);
      return c.json(services.identification.clock(body.identToken, body.direction));
    })
    .post('/session', async (c) => {
      const body = await readJson(c, signInBody);
      const identity = services.identification.staffIdentities.take(body.identToken);
      if (!identity) throw new DomainError('gone', 'token_expired', 'This identification has expired or was used; place the finger or card again');
      const { staff, sessionToken } = await services.staffAuth.signIn(identity.staffId, body.pin);
      setCookie(c, STAFF_COOKIE, sessionToken, { httpOnly: true, sameSite: 'Strict', path: '/', secure: config.secureCookies });
      return c.json<StaffSessionInfo>({ staff: toStaffCard(staff), idleTimeoutSec });
    })
    .route('/', signedIn);
}
