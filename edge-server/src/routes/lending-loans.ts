import { Hono } from 'hono';
import { z } from 'zod';
import type {
  Eligibility, IdentifyCapture, ItemHistory, Loan, LoanSummary, MemberLending, OverdueLine, Reservation, WaitlistEntry,
} from '../api-types.js';
import type { AppDeps } from '../app.js';
import type { StaffEnv } from './staff.js';
import { parseQuery, readJson } from './validate.js';

const id = z.string().min(1).max(64);
const day = z.string().max(10);
const reason = z.string().trim().min(1).max(200);
const note = z.string().trim().max(500);
const condition = z.enum(['new', 'good', 'fair', 'worn', 'damaged']);
const checklist = z.record(z.string().min(1).max(40), z.boolean()).refine((r) => Object.keys(r).length <= 40, 'at most 40 checks');

const identifyBody = z.object({ purpose: z.enum(['member', 'acknowledge']), memberId: id.optional() });
const cardBody = z.object({ cardNumber: z.string().trim().min(1).max(32) });
const assessmentBody = z.object({ catalogueId: id, assessedOn: day, validUntil: day.nullable().optional(), note: note.nullable().optional() });
const eligibilityQuery = z.union([
  z.object({ memberId: id, itemId: id }),
  z.object({ memberId: id, catalogueId: id }),
]);
const checkoutBody = z.object({
  memberId: id,
  itemId: id,
  dueOn: day,
  condition,
  checklist,
  acknowledgement: z.discriminatedUnion('method', [
    z.object({ method: z.enum(['fingerprint', 'card']), captureId: id }),
    z.object({ method: z.literal('staff_witnessed'), by: z.enum(['self', 'guardian']), guardianName: z.string().trim().max(40).optional() }),
  ]),
  override: z.object({ reason }).optional(),
  reservationId: id.optional(),
});
const renewBody = z.object({ dueOn: day, reason: reason.optional() });
const returnBody = z.object({ condition, checklist, damageNotes: note.optional() });
const lostBody = z.object({ note: reason });
const cleaningBody = z.object({ checklist, outcome: z.enum(['available', 'maintenance']), note: note.optional() });
const reservationBody = z.object({ memberId: id, catalogueId: id, itemId: id.optional(), from: day, to: day });
const reservationQuery = z.object({ catalogueId: id.optional(), state: z.enum(['active', 'cancelled', 'fulfilled', 'expired']).optional() });
const waitBody = z.object({ memberId: id, note: note.optional() });
const reasonBody = z.object({ reason });

/** Staff: the loan desk under `/api/staff/lending` — captures, eligibility, loans, returns, cleaning, reservations, waiting lists. */
export function staffLendingLoanRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { loans, loanReturns, lendingCaptures: captures, lendingDesk: desk, reservations, waitlist } = deps.services;
  const staffId = (c: { var: { staff: { id: string } } }): string => c.var.staff.id;
  return new Hono<StaffEnv>()
    .post('/identify', async (c) => {
      const body = await readJson(c, identifyBody);
      return c.json<IdentifyCapture>(captures.start(body.purpose, body.memberId ?? null), 201);
    })
    .get('/identify/:id', (c) => c.json<IdentifyCapture>(captures.get(c.req.param('id'))))
    .post('/identify/:id/card', async (c) => {
      const { cardNumber } = await readJson(c, cardBody);
      return c.json<IdentifyCapture>(captures.card(c.req.param('id'), cardNumber));
    })
    .post('/identify/:id/cancel', (c) => c.json<IdentifyCapture>(captures.cancel(c.req.param('id'))))
    .get('/members/:id', (c) => c.json<MemberLending>(desk.member(c.req.param('id'))))
    .post('/members/:id/assessments', async (c) => {
      const body = await readJson(c, assessmentBody);
      return c.json(desk.assess(staffId(c), c.req.param('id'), body), 201);
    })
    .get('/eligibility', (c) => {
      const q = parseQuery(eligibilityQuery, c.req.query());
      return c.json<Eligibility>(loans.eligibility(q.memberId, 'itemId' in q ? { itemId: q.itemId } : { catalogueId: q.catalogueId }));
    })
    .post('/loans', async (c) => c.json<Loan>(loans.checkout(staffId(c), await readJson(c, checkoutBody)), 201))
    .get('/loans/:id', (c) => c.json<Loan>(loans.get(c.req.param('id'))))
    .get('/loans/:id/summary', (c) => c.json<LoanSummary>(desk.summary(c.req.param('id'), deps.config.centre)))
    .post('/loans/:id/renew', async (c) => {
      const body = await readJson(c, renewBody);
      return c.json<Loan>(loans.renew(staffId(c), c.req.param('id'), body.dueOn, body.reason ?? null));
    })
    .post('/loans/:id/return', async (c) => c.json<Loan>(loanReturns.giveBack(staffId(c), c.req.param('id'), await readJson(c, returnBody))))
    .post('/loans/:id/lost', async (c) => {
      const body = await readJson(c, lostBody);
      return c.json<Loan>(loanReturns.lost(staffId(c), c.req.param('id'), body.note));
    })
    .get('/items/:id/history', (c) => c.json<ItemHistory>(desk.history(c.req.param('id'))))
    .post('/items/:id/cleaning', async (c) => c.json(loanReturns.clean(staffId(c), c.req.param('id'), await readJson(c, cleaningBody))))
    .get('/overdue', (c) => c.json<{ overdue: OverdueLine[] }>({ overdue: desk.overdue() }))
    .get('/reservations', (c) => c.json<{ reservations: Reservation[] }>({ reservations: reservations.list(parseQuery(reservationQuery, c.req.query())) }))
    .post('/reservations', async (c) => c.json<Reservation>(reservations.create(staffId(c), await readJson(c, reservationBody)), 201))
    .post('/reservations/:id/cancel', async (c) => {
      const body = await readJson(c, reasonBody);
      return c.json<Reservation>(reservations.cancel(staffId(c), c.req.param('id'), body.reason));
    })
    .get('/catalogue/:id/waitlist', (c) => c.json<{ waiting: WaitlistEntry[] }>({ waiting: waitlist.list(c.req.param('id')) }))
    .post('/catalogue/:id/waitlist', async (c) => {
      const body = await readJson(c, waitBody);
      return c.json<WaitlistEntry>(waitlist.add(staffId(c), c.req.param('id'), body.memberId, body.note?.trim() || null), 201);
    })
    .post('/waitlist/:id/remove', async (c) => {
      const body = await readJson(c, reasonBody);
      return c.json(waitlist.remove(staffId(c), c.req.param('id'), body.reason));
    });
}
