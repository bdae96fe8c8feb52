import { Hono } from 'hono';
import { z } from 'zod';
import type {
  MemberOccurrence, MemberToday, MemberWeek, SessionDetail, SessionOccurrence, SessionRoster, StaffCard, StaffWeek,
} from '../api-types.js';
import type { AppDeps } from '../app.js';
import { DomainError } from '../domain/errors.js';
import { requireMemberVisit, type MemberEnv } from './member-visit.js';
import type { StaffEnv } from './staff.js';
import { readJson } from './validate.js';

// Shapes only; calendar validity, time order and references are the domain's checks.
const id = z.string().min(1).max(64);
const date = z.string().min(10).max(10);
const time = z.string().min(5).max(5);
const reason = z.string().trim().min(1).max(200);
const kind = z.enum(['day_care', 'assisted_employment', 'skills_training', 'rehabilitation', 'culture_sports', 'other']);

const sessionInput = z.object({
  title: z.string().trim().min(1).max(60),
  kind,
  room: z.string().trim().max(40).nullable().transform((r) => r || null),
  leadStaffId: id.nullable(),
  capacity: z.number().int('capacity is a whole number').min(1, 'capacity is at least 1').max(1000).nullable(),
  date,
  start: time,
  end: time,
  repeat: z.enum(['none', 'weekly']),
  until: date.nullable(),
});
// An edit may say from which date it applies (default: see ScheduleService.update).
const sessionEdit = sessionInput.extend({ effectiveFrom: date.optional() });
const memberSignup = z.object({ sessionId: id, date, waitlist: z.boolean().optional() });
const memberCancel = z.object({ sessionId: id, date });
const seriesCancel = z.object({ reason, from: date.optional() });
const dateCancel = z.object({ reason });
const dateMove = z.object({ toDate: date, start: time, end: time, reason });
const staffSignup = z.object({ memberId: id, waitlist: z.boolean().optional() });
const staffCancel = z.object({ memberId: id });
const marks = z.object({
  marks: z.array(z.object({ memberId: id, status: z.enum(['present', 'absent', 'excused']) })).min(1).max(500),
});

/** `?from=YYYY-MM-DD` (optional); anything else there is a 400, not a silent default. */
function fromQuery(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length !== 10) throw new DomainError('invalid', 'invalid_date', 'from is a calendar date YYYY-MM-DD, e.g. 2026-12-03');
  return value;
}

/** `/api/member/*` for sessions: today for you, this week, sign up and cancel (header `X-Member-Visit`). */
export function memberSessionRoutes(deps: AppDeps): Hono<MemberEnv> {
  const { sessions } = deps.services;
  return new Hono<MemberEnv>()
    .use(requireMemberVisit(deps))
    .get('/today', (c) => c.json<MemberToday>(sessions.memberToday(c.var.member.id)))
    .get('/week', (c) => c.json<MemberWeek>(sessions.memberWeek(c.var.member.id, fromQuery(c.req.query('from')))))
    .post('/signups', async (c) => {
      const body = await readJson(c, memberSignup);
      return c.json<MemberOccurrence>(sessions.signUp(c.var.member.id, body.sessionId, body.date, body.waitlist ?? false));
    })
    .post('/signups/cancel', async (c) => {
      const body = await readJson(c, memberCancel);
      return c.json<MemberOccurrence>(sessions.cancelSignup(c.var.member.id, body.sessionId, body.date));
    });
}

/** Staff: the week planner, series and dates, rosters and session attendance, the lead picker. */
export function staffSessionRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { sessions } = deps.services;
  return new Hono<StaffEnv>()
    .get('/schedule/week', (c) => c.json<StaffWeek>(sessions.week(fromQuery(c.req.query('from')))))
    .get('/colleagues', (c) => c.json<{ staff: StaffCard[] }>({ staff: sessions.colleagues() }))
    .post('/sessions', async (c) => {
      const body = await readJson(c, sessionInput);
      return c.json<SessionDetail>(sessions.create(c.var.staff.id, body), 201);
    })
    .get('/sessions/:id', (c) => c.json<SessionDetail>(sessions.detail(c.req.param('id'))))
    .put('/sessions/:id', async (c) => {
      const body = await readJson(c, sessionEdit);
      return c.json<SessionDetail>(sessions.update(c.var.staff.id, c.req.param('id'), body));
    })
    .post('/sessions/:id/cancel', async (c) => {
      const body = await readJson(c, seriesCancel);
      return c.json<SessionDetail>(sessions.cancelSeries(c.var.staff.id, c.req.param('id'), body.reason, body.from));
    })
    .get('/sessions/:id/dates/:date', (c) => c.json<SessionRoster>(sessions.roster(c.req.param('id'), c.req.param('date'))))
    .post('/sessions/:id/dates/:date/cancel', async (c) => {
      const body = await readJson(c, dateCancel);
      return c.json<SessionOccurrence>(sessions.cancelDate(c.var.staff.id, c.req.param('id'), c.req.param('date'), body.reason));
    })
    .post('/sessions/:id/dates/:date/move', async (c) => {
      const body = await readJson(c, dateMove);
      return c.json<SessionOccurrence>(sessions.moveDate(c.var.staff.id, c.req.param('id'), c.req.param('date'), body));
    })
    .post('/sessions/:id/dates/:date/attendance', async (c) => {
      const body = await readJson(c, marks);
      return c.json<SessionRoster>(sessions.mark(c.var.staff.id, c.req.param('id'), c.req.param('date'), body));
    })
    .post('/sessions/:id/dates/:date/signups', async (c) => {
      const body = await readJson(c, staffSignup);
      return c.json<SessionRoster>(sessions.signUpByStaff(c.var.staff.id, c.req.param('id'), c.req.param('date'), body.memberId, body.waitlist ?? false));
    })
    .post('/sessions/:id/dates/:date/signups/cancel', async (c) => {
      const body = await readJson(c, staffCancel);
      return c.json<SessionRoster>(sessions.cancelByStaff(c.var.staff.id, c.req.param('id'), c.req.param('date'), body.memberId));
    });
}
