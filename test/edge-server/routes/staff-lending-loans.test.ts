import { beforeEach, describe, expect, it } from 'vitest';
import type { Eligibility, ItemHistory, Loan, LoanSummary, MemberLending, OverdueLine } from '../../../edge-server/src/api-types.js';
import { addEntry, addItem, checklistFor, cleaningFor } from '../../support/lending-fixtures.js';
import { count, errorOf, STAFF_ID, staffCookie, storedEvents } from '../helpers.js';
import { expectErrors, useStaffArea } from './staff-area.js';

/** Demo members (edge-server/src/demo-data.ts); the test clock is 2026-12-03 09:00 in Shanghai. */
const ZHANG = 'mem_demo_01'; // 张伟 肢体 grade 2, slot 1, card 100001
const LI = 'mem_demo_02'; // 李秀英 视力 grade 2
const LIU = 'mem_demo_04'; // 刘小明, guardian 刘建华 13812345678
const INACTIVE = 'mem_demo_13';
const DAY = 86_400_000;

const WITNESSED = { method: 'staff_witnessed', by: 'self' } as const;

describe('staff: the loan desk (check-out, return, cleaning, renewal, loss)', () => {
  const area = useStaffArea('/api/staff/lending');
  // Moving the clock by days outlasts the staff session: later() signs 王芳 in again.
  let cookie: string;
  const get = async (path: string, withCookie = true) => area.kiosk.app.request(`/api/staff/lending${path}`, { headers: withCookie ? { cookie } : {} });
  const post = (path: string, body: unknown) => area.kiosk.post(`/api/staff/lending${path}`, body, { cookie });
  async function later(ms: number): Promise<void> {
    area.kiosk.clock.advance(ms);
    cookie = await staffCookie(area.kiosk);
  }
  let wheelchairs: string;
  let chair: string;
  let spare: string;

  beforeEach(() => {
    cookie = area.cookie;
    wheelchairs = addEntry(area.kiosk.db, { name: '手动轮椅', eligibleDisability: ['肢体'], loanDays: 30, bufferDays: 2 });
    chair = addItem(area.kiosk.db, wheelchairs, { tagCode: 'LND-0001' });
    spare = addItem(area.kiosk.db, wheelchairs, { tagCode: 'LND-0002' });
  });

  const checkoutBody = (patch: Record<string, unknown> = {}) => ({
    memberId: ZHANG, itemId: chair, dueOn: '2027-01-02', condition: 'good', checklist: checklistFor('wheelchair'), acknowledgement: WITNESSED, ...patch,
  });
  async function lend(patch: Record<string, unknown> = {}): Promise<Loan> {
    const res = await post('/loans', checkoutBody(patch));
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    return (await res.json()) as Loan;
  }
  const status = (itemId: string) =>
    (area.kiosk.db.prepare('SELECT status FROM lending_item_states WHERE item_id = ? ORDER BY seq DESC LIMIT 1').get(itemId) as { status: string }).status;
  const events = (type: string) => storedEvents(area.kiosk).filter((e) => e.type === type);
  const audit = (action: string) => (area.kiosk.db.prepare('SELECT target, detail FROM audit_log WHERE action = ?').all(action) as { target: string; detail: string }[])
    .map((a) => ({ target: a.target, detail: JSON.parse(a.detail) as Record<string, unknown> }));
  const unchanged = () => ({
    loans: count(area.kiosk, 'lending_loans'), states: count(area.kiosk, 'lending_item_states'), events: count(area.kiosk, 'events'),
    closures: count(area.kiosk, 'lending_loan_closures'), cleanings: count(area.kiosk, 'lending_cleanings'), renewals: count(area.kiosk, 'lending_loan_renewals'),
  });

  it('needs a signed-in staff member for every route', async () => {
    for (const path of ['/eligibility?memberId=x&itemId=y', `/members/${ZHANG}`, '/loans/x', '/loans/x/summary', '/overdue', '/reservations', `/catalogue/${wheelchairs}/waitlist`, '/identify/x']) {
      expect((await get(path, false)).status, path).toBe(401);
    }
    const before = unchanged();
    for (const path of ['/loans', '/loans/x/return', '/loans/x/renew', '/loans/x/lost', `/items/${chair}/cleaning`, '/identify', `/members/${ZHANG}/assessments`, '/reservations']) {
      expect((await area.kiosk.post(`/api/staff/lending${path}`, checkoutBody())).status, path).toBe(401);
    }
    expect(unchanged()).toEqual(before);
  });

  it('lends an available item: on_loan, the loan, the §6 event with the due day\'s end, and an audit line', async () => {
    const loan = await lend();
    expect(loan).toMatchObject({
      itemId: chair, tagCode: 'LND-0001', itemName: '手动轮椅', category: 'wheelchair', memberId: ZHANG, memberName: '张伟', staffId: STAFF_ID,
      checkedOutAt: '2026-12-03T09:00:00.000+08:00', dueOn: '2027-01-02', conditionOut: 'good', state: 'open', daysLate: 0,
      acknowledgement: { method: 'staff_witnessed', by: 'self', guardianName: null }, override: null, renewals: [], closure: null,
    });
    expect(status(chair)).toBe('on_loan');
    expect(events('loan.checked_out').map((e) => e.data)).toEqual([{
      loanId: loan.id, itemId: chair, memberId: ZHANG, staffId: STAFF_ID, dueAt: '2027-01-02T23:59:59.999+08:00', condition: 'good',
      checklist: checklistFor('wheelchair'), acknowledgement: { method: 'staff_witnessed', by: 'self' },
    }]);
    expect(events('item.status_changed').map((e) => e.data)).toEqual([{ itemId: chair, from: 'available', to: 'on_loan', reason: 'checked_out', loanId: loan.id, staffId: STAFF_ID }]);
    expect(audit('lending.checkout')).toEqual([{ target: loan.id, detail: { itemId: chair, memberId: ZHANG, dueOn: '2027-01-02', acknowledgement: 'staff_witnessed', by: 'self' } }]);
    expect((await (await get(`/loans/${loan.id}`)).json()) as Loan).toEqual(loan);
  });

  it('refuses to lend the same item twice (409 item_not_available) and changes nothing', async () => {
    await lend();
    const before = unchanged();
    const res = await post('/loans', checkoutBody({ memberId: 'mem_demo_08' }));
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('item_not_available');
    expect(unchanged()).toEqual(before);
  });

  it('refuses an ineligible member with the refusals, and lends on an override with a reason kept out of the event', async () => {
    const before = unchanged();
    const refused = await post('/loans', checkoutBody({ memberId: LI }));
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { code: string }; refusals: { code: string; overridable: boolean }[] };
    expect(body.error.code).toBe('not_eligible');
    expect(body.refusals).toEqual([{ code: 'wrong_disability_category', overridable: true, detail: { eligible: ['肢体'], member: '视力' } }]);
    expect(unchanged()).toEqual(before);
    const loan = await lend({ memberId: LI, override: { reason: '医生建议临时使用' } });
    expect(loan.override).toEqual({ codes: ['wrong_disability_category'], reason: '医生建议临时使用' });
    const [event] = events('loan.checked_out');
    expect(event!.data.override).toEqual({ codes: ['wrong_disability_category'] });
    expect(JSON.stringify(event!.data)).not.toContain('医生');
    expect(audit('lending.checkout')[0]!.detail.override).toEqual({ codes: ['wrong_disability_category'], reason: '医生建议临时使用' });
  });

  it('never overrides a refusal that is a fact: an inactive member is not lent to', async () => {
    const before = unchanged();
    const res = await post('/loans', checkoutBody({ memberId: INACTIVE, override: { reason: '试试' } }));
    expect(res.status).toBe(409);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: 'not_eligible' }, refusals: [{ code: 'member_inactive', overridable: false }] });
    expect(unchanged()).toEqual(before);
  });

  it('does not lend a device that failed a check (failed brakes), nor one whose checklist skips a check', async () => {
    const before = unchanged();
    const failed = await post('/loans', checkoutBody({ checklist: { ...checklistFor('wheelchair'), brakes: false } }));
    expect(failed.status).toBe(409);
    expect((await failed.json()) as unknown).toMatchObject({ error: { code: 'checklist_failed' }, failed: ['brakes'] });
    const { brakes: _skipped, ...partial } = checklistFor('wheelchair');
    await expectErrors([
      [post('/loans', checkoutBody({ checklist: partial })), 400, 'checklist_incomplete'],
      [post('/loans', checkoutBody({ checklist: { ...checklistFor('wheelchair'), lens: true } })), 400, 'checklist_incomplete'],
      [post('/loans', checkoutBody({ dueOn: '2026-12-02' })), 400, 'invalid_due_on'],
      [post('/loans', checkoutBody({ dueOn: '2027-12-05' })), 400, 'invalid_due_on'],
      [post('/loans', checkoutBody({ dueOn: '2027-02-30' })), 400, 'invalid_date'],
      [post('/loans', checkoutBody({ acknowledgement: { method: 'staff_witnessed', by: 'guardian' } })), 400, 'guardian_name_required'],
      [post('/loans', checkoutBody({ acknowledgement: { method: 'fingerprint', captureId: 'nope' } })), 404, 'capture_not_found'],
      [post('/loans', checkoutBody({ memberId: 'mem_nobody' })), 404, 'member_not_found'],
      [post('/loans', checkoutBody({ itemId: 'itm_nobody' })), 404, 'item_not_found'],
      [post('/loans', checkoutBody({ condition: 'shiny' })), 400, 'invalid_body'],
      [post('/loans', checkoutBody({ override: { reason: '' } })), 400, 'invalid_body'],
      [post('/loans', '{"memberId":'), 400, 'malformed_json'],
    ]);
    expect(unchanged()).toEqual(before);
  });

  it("records a guardian's witnessed acknowledgement with the guardian's name (on the kiosk, not in the event)", async () => {
    const loan = await lend({ memberId: LIU, acknowledgement: { method: 'staff_witnessed', by: 'guardian', guardianName: '刘建华' }, override: { reason: '肢体之外' } });
    expect(loan.acknowledgement).toEqual({ method: 'staff_witnessed', by: 'guardian', guardianName: '刘建华' });
    expect(JSON.stringify(events('loan.checked_out')[0]!.data)).not.toContain('刘建华');
  });

  it('takes a returned item into cleaning, with late days and damage notes kept in the table and audit only', async () => {
    const loan = await lend({ dueOn: '2026-12-10' });
    await later(10 * DAY); // 2026-12-13: three days late
    const res = await post(`/loans/${loan.id}/return`, { condition: 'damaged', checklist: { ...checklistFor('wheelchair'), brakes: false }, damageNotes: '左刹车松动' });
    expect(res.status).toBe(200);
    const returned = (await res.json()) as Loan;
    expect(returned).toMatchObject({ state: 'returned', daysLate: 3, closure: { outcome: 'returned', condition: 'damaged', damageNotes: '左刹车松动', staffId: STAFF_ID } });
    expect(status(chair)).toBe('cleaning');
    const [event] = events('loan.returned');
    expect(event!.data).toEqual({
      loanId: loan.id, itemId: chair, condition: 'damaged', checklist: { ...checklistFor('wheelchair'), brakes: false }, staffId: STAFF_ID,
      late: true, daysLate: 3, damaged: true,
    });
    expect(audit('lending.return')[0]!.detail).toMatchObject({ damageNotes: '左刹车松动', daysLate: 3 });
    const before = unchanged();
    await expectErrors([
      [post(`/loans/${loan.id}/return`, { condition: 'good', checklist: checklistFor('wheelchair') }), 409, 'already_closed'],
      [post(`/loans/${loan.id}/lost`, { note: '找不到' }), 409, 'already_closed'],
      [post('/loans/nope/return', { condition: 'good', checklist: checklistFor('wheelchair') }), 404, 'loan_not_found'],
    ]);
    expect(unchanged()).toEqual(before);
  });

  it('returns on time without a late flag', async () => {
    const loan = await lend();
    await post(`/loans/${loan.id}/return`, { condition: 'good', checklist: checklistFor('wheelchair') });
    expect(events('loan.returned')[0]!.data).toMatchObject({ late: false, daysLate: 0 });
    expect(events('loan.returned')[0]!.data).not.toHaveProperty('damaged');
  });

  it('puts a cleaned item back on the shelf only with every cleaning step done, and only from cleaning', async () => {
    const loan = await lend();
    const before = unchanged();
    await expectErrors([
      [post(`/items/${chair}/cleaning`, { checklist: cleaningFor('wheelchair'), outcome: 'available' }), 409, 'not_in_cleaning'],
    ]);
    await post(`/loans/${loan.id}/return`, { condition: 'good', checklist: checklistFor('wheelchair') });
    const afterReturn = unchanged();
    expect(afterReturn.closures).toBe(before.closures + 1);
    await expectErrors([
      [post(`/items/${chair}/cleaning`, { checklist: { ...cleaningFor('wheelchair'), disinfected: false }, outcome: 'available' }), 400, 'cleaning_incomplete'],
      [post(`/items/${chair}/cleaning`, { checklist: { wiped: true }, outcome: 'available' }), 400, 'cleaning_incomplete'],
      [post(`/items/${chair}/cleaning`, { checklist: cleaningFor('wheelchair'), outcome: 'retired' }), 400, 'invalid_body'],
      [post('/items/nope/cleaning', { checklist: cleaningFor('wheelchair'), outcome: 'available' }), 404, 'item_not_found'],
    ]);
    expect(unchanged()).toEqual(afterReturn);
    const res = await post(`/items/${chair}/cleaning`, { checklist: cleaningFor('wheelchair'), outcome: 'available', note: '已消毒' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ itemId: chair, outcome: 'available', reservationId: null });
    expect(status(chair)).toBe('available');
    expect(events('item.cleaned').map((e) => e.data)).toEqual([{ itemId: chair, loanId: loan.id, checklist: cleaningFor('wheelchair'), outcome: 'available', staffId: STAFF_ID }]);
    expect(audit('lending.clean')).toHaveLength(1);
  });

  it('sends a damaged item from cleaning to maintenance', async () => {
    const loan = await lend();
    await post(`/loans/${loan.id}/return`, { condition: 'damaged', checklist: checklistFor('wheelchair') });
    const res = await post(`/items/${chair}/cleaning`, { checklist: cleaningFor('wheelchair'), outcome: 'maintenance' });
    expect(((await res.json()) as { outcome: string }).outcome).toBe('maintenance');
    expect(status(chair)).toBe('maintenance');
  });

  it('sets a cleaned item aside for a reservation starting within the buffer days and tells the desk', async () => {
    const loan = await lend({ dueOn: '2026-12-04' });
    const reserved = await post('/reservations', { memberId: 'mem_demo_08', catalogueId: wheelchairs, itemId: chair, from: '2026-12-08', to: '2026-12-20' });
    expect(reserved.status).toBe(201);
    const reservationId = ((await reserved.json()) as { id: string }).id;
    await later(3 * DAY); // 12-06: the reservation starts within the two buffer days
    await post(`/loans/${loan.id}/return`, { condition: 'good', checklist: checklistFor('wheelchair') });
    const told: unknown[] = [];
    area.kiosk.bus.subscribe('lending', (m) => told.push(m));
    const res = await post(`/items/${chair}/cleaning`, { checklist: cleaningFor('wheelchair'), outcome: 'available' });
    expect(await res.json()).toEqual({ itemId: chair, outcome: 'reserved', reservationId });
    expect(status(chair)).toBe('reserved');
    expect(told).toEqual([{ kind: 'ready', itemId: chair, reservationId }]);
    // another member cannot take it; the one who reserved it can, and the reservation is fulfilled
    const other = await post('/loans', checkoutBody({ dueOn: '2026-12-07' }));
    expect((await errorOf(other)).code).toBe('item_not_available');
    const taken = await lend({ memberId: 'mem_demo_08', dueOn: '2026-12-20' });
    expect(events('reservation.fulfilled').map((e) => e.data)).toEqual([{ reservationId, loanId: taken.id }]);
    expect(events('item.status_changed').at(-1)!.data).toMatchObject({ from: 'reserved', to: 'on_loan' });
  });

  it('sets aside one clean item per any-item reservation that waits, not more', async () => {
    const first = await lend({ itemId: chair, dueOn: '2026-12-04' });
    const second = await lend({ itemId: spare, memberId: 'mem_demo_08', dueOn: '2026-12-04' });
    const reserved = await post('/reservations', { memberId: 'mem_demo_12', catalogueId: wheelchairs, from: '2026-12-07', to: '2026-12-10' });
    expect(reserved.status).toBe(201);
    const reservationId = ((await reserved.json()) as { id: string }).id;
    await later(2 * DAY); // 12-05: the reservation starts within the two buffer days
    for (const loan of [first, second]) await post(`/loans/${loan.id}/return`, { condition: 'good', checklist: checklistFor('wheelchair') });
    const cleanChair = await post(`/items/${chair}/cleaning`, { checklist: cleaningFor('wheelchair'), outcome: 'available' });
    expect(await cleanChair.json()).toEqual({ itemId: chair, outcome: 'reserved', reservationId });
    const cleanSpare = await post(`/items/${spare}/cleaning`, { checklist: cleaningFor('wheelchair'), outcome: 'available' });
    expect(await cleanSpare.json()).toEqual({ itemId: spare, outcome: 'available', reservationId: null });
  });

  it('ends the waiting of the member who borrows an item of the entry', async () => {
    const waited = await post(`/catalogue/${wheelchairs}/waitlist`, { memberId: ZHANG });
    const waitlistId = ((await waited.json()) as { id: string }).id;
    await lend();
    expect(events('lending.waitlist_left').map((e) => e.data)).toEqual([{ waitlistId, catalogueId: wheelchairs, memberId: ZHANG, outcome: 'lent' }]);
    const list = (await (await get(`/catalogue/${wheelchairs}/waitlist`)).json()) as { waiting: unknown[] };
    expect(list.waiting).toEqual([]);
  });

  it('renews to a later day, and not past the buffer before somebody else\'s reservation (409 reserved_after)', async () => {
    const loan = await lend({ dueOn: '2026-12-10' });
    const res = await post(`/loans/${loan.id}/renew`, { dueOn: '2026-12-20', reason: '康复中' });
    expect(res.status).toBe(200);
    const renewed = (await res.json()) as Loan;
    expect(renewed.dueOn).toBe('2026-12-20');
    expect(renewed.renewals).toEqual([{ fromDueOn: '2026-12-10', toDueOn: '2026-12-20', reason: '康复中', staffId: STAFF_ID, at: '2026-12-03T09:00:00.000+08:00' }]);
    expect(events('loan.renewed').map((e) => e.data)).toEqual([{ loanId: loan.id, itemId: chair, memberId: ZHANG, fromDueOn: '2026-12-10', toDueOn: '2026-12-20', staffId: STAFF_ID }]);
    expect((await post('/reservations', { memberId: LI, catalogueId: wheelchairs, itemId: chair, from: '2027-01-05', to: '2027-01-10' })).status).toBe(201);
    const before = unchanged();
    const refused = await post(`/loans/${loan.id}/renew`, { dueOn: '2027-01-04' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: { code: 'reserved_after' }, nextReservationFrom: '2027-01-05' });
    await expectErrors([
      [post(`/loans/${loan.id}/renew`, { dueOn: '2026-12-15' }), 400, 'invalid_due_on'],
      [post(`/loans/${loan.id}/renew`, { dueOn: 'soon' }), 400, 'invalid_date'],
      [post('/loans/nope/renew', { dueOn: '2026-12-25' }), 404, 'loan_not_found'],
    ]);
    expect(unchanged()).toEqual(before);
    expect((await post(`/loans/${loan.id}/renew`, { dueOn: '2027-01-02' })).status).toBe(200);
  });

  it('records a lost item: the loan closes and the item is retired', async () => {
    const loan = await lend({ dueOn: '2026-12-05' });
    await later(4 * DAY);
    const res = await post(`/loans/${loan.id}/lost`, { note: '家属说丢在医院' });
    expect(res.status).toBe(200);
    expect((await res.json()) as Loan).toMatchObject({ state: 'lost', daysLate: 2, closure: { outcome: 'lost', damageNotes: '家属说丢在医院' } });
    expect(status(chair)).toBe('retired');
    expect(events('loan.lost').map((e) => e.data)).toEqual([{ loanId: loan.id, itemId: chair, memberId: ZHANG, staffId: STAFF_ID, daysLate: 2 }]);
    expect(audit('lending.lost')[0]!.detail).toMatchObject({ note: '家属说丢在医院' });
    expect((await post(`/loans/${loan.id}/lost`, {})).status).toBe(400);
  });

  it('tells the desk whether a member may borrow, with the suggested due day', async () => {
    const ok = (await (await get(`/eligibility?memberId=${ZHANG}&itemId=${chair}`)).json()) as Eligibility;
    expect(ok).toEqual({ memberId: ZHANG, catalogueId: wheelchairs, itemId: chair, eligible: true, refusals: [], suggestedDueOn: '2027-01-02' });
    await post('/reservations', { memberId: LI, catalogueId: wheelchairs, itemId: chair, from: '2026-12-20', to: '2026-12-25' });
    const shortened = (await (await get(`/eligibility?memberId=${ZHANG}&itemId=${chair}`)).json()) as Eligibility;
    expect(shortened).toMatchObject({ eligible: true, suggestedDueOn: '2026-12-17' });
    const entry = (await (await get(`/eligibility?memberId=${LI}&catalogueId=${wheelchairs}`)).json()) as Eligibility;
    expect(entry).toMatchObject({ itemId: null, eligible: false, refusals: [{ code: 'wrong_disability_category' }] });
    await expectErrors([
      [get(`/eligibility?memberId=${ZHANG}`), 400, 'invalid_query'],
      [get(`/eligibility?memberId=nobody&itemId=${chair}`), 404, 'member_not_found'],
      [get(`/eligibility?memberId=${ZHANG}&itemId=nope`), 404, 'item_not_found'],
      [get(`/eligibility?memberId=${ZHANG}&catalogueId=nope`), 404, 'catalogue_not_found'],
    ]);
  });

  it('requires a valid assessment where the entry says so, and records one (lending.assessed)', async () => {
    const walkers = addEntry(area.kiosk.db, { name: '助行器', category: 'walker', assessmentRequired: true });
    const walker = addItem(area.kiosk.db, walkers);
    const refused = (await (await get(`/eligibility?memberId=${ZHANG}&itemId=${walker}`)).json()) as Eligibility;
    expect(refused.refusals.map((r) => r.code)).toEqual(['assessment_required']);
    const before = count(area.kiosk, 'lending_assessments');
    await expectErrors([
      [post(`/members/${ZHANG}/assessments`, { catalogueId: 'nope', assessedOn: '2026-12-01' }), 404, 'catalogue_not_found'],
      [post('/members/nobody/assessments', { catalogueId: walkers, assessedOn: '2026-12-01' }), 404, 'member_not_found'],
      [post(`/members/${ZHANG}/assessments`, { catalogueId: walkers, assessedOn: '2026-12-31' }), 400, 'future_date'],
      [post(`/members/${ZHANG}/assessments`, { catalogueId: walkers, assessedOn: '2026-12-01', validUntil: '2026-11-01' }), 400, 'invalid_range'],
      [post(`/members/${ZHANG}/assessments`, { catalogueId: walkers, assessedOn: '1.12.2026' }), 400, 'invalid_date'],
      [post(`/members/${ZHANG}/assessments`, { catalogueId: walkers }), 400, 'invalid_body'],
    ]);
    expect(count(area.kiosk, 'lending_assessments')).toBe(before);
    const res = await post(`/members/${ZHANG}/assessments`, { catalogueId: walkers, assessedOn: '2026-12-01', validUntil: '2027-06-01', note: '康复师评估' });
    expect(res.status).toBe(201);
    const assessment = (await res.json()) as { id: string };
    expect(assessment).toMatchObject({ catalogueId: walkers, catalogueName: '助行器', assessedOn: '2026-12-01', validUntil: '2027-06-01', note: '康复师评估' });
    expect(events('lending.assessed').map((e) => e.data)).toEqual([{
      assessmentId: assessment.id, memberId: ZHANG, catalogueId: walkers, assessedOn: '2026-12-01', validUntil: '2027-06-01', staffId: STAFF_ID,
    }]);
    expect(audit('lending.assess')).toHaveLength(1);
    expect(((await (await get(`/eligibility?memberId=${ZHANG}&itemId=${walker}`)).json()) as Eligibility).eligible).toBe(true);
  });

  it("shows a member's lending at a glance and the take-home summary", async () => {
    const past = await lend({ itemId: spare, dueOn: '2026-12-05' });
    await post(`/loans/${past.id}/return`, { condition: 'good', checklist: checklistFor('wheelchair') });
    const open = await lend();
    const member = (await (await get(`/members/${ZHANG}`)).json()) as MemberLending;
    expect(member).toMatchObject({ memberId: ZHANG, memberName: '张伟', disabilityCategory: '肢体', disabilityGrade: 2, guardianContact: null });
    // newest first; 张伟 also has the demo's crutches (demo/lending-loans.ts)
    expect(member.open.map((l) => l.id)).toEqual([open.id, 'loan_demo_1']);
    expect(member.past.map((l) => l.id)).toEqual([past.id]);
    const summary = (await (await get(`/loans/${open.id}/summary`)).json()) as LoanSummary;
    expect(summary).toEqual({
      loanId: open.id, memberName: '张伟', itemName: '手动轮椅', category: 'wheelchair', photoPath: null, tagCode: 'LND-0001',
      checkedOutOn: '2026-12-03', dueOn: '2027-01-02', centreName: '阳光残疾人之家（演示）', centrePhone: null, staffName: '王芳',
    });
    await expectErrors([[get('/members/nobody'), 404, 'member_not_found'], [get('/loans/nope/summary'), 404, 'loan_not_found'], [get('/loans/nope'), 404, 'loan_not_found']]);
  });

  it("gives a member's own accessibility profile with their lending, for the screens the borrower reads", async () => {
    const profileOf = async (id: string) => ((await (await get(`/members/${id}`)).json()) as MemberLending).profile;
    expect(await profileOf(LI)).toEqual({ speech: true, largeText: true, highContrast: false, easyRead: false, timeoutScale: 1 });
    expect(await profileOf('mem_demo_05')).toEqual({ speech: false, largeText: false, highContrast: false, easyRead: false, timeoutScale: 2 });
    expect(await profileOf(ZHANG)).toEqual({ speech: true, largeText: false, highContrast: false, easyRead: false, timeoutScale: 1 });
  });

  it("tells an item's history newest first: states, loans, cleanings and maintenance", async () => {
    const loan = await lend();
    await post(`/loans/${loan.id}/return`, { condition: 'damaged', checklist: checklistFor('wheelchair'), damageNotes: '坐垫破损' });
    await post(`/items/${chair}/cleaning`, { checklist: cleaningFor('wheelchair'), outcome: 'maintenance', note: '送修' });
    const fixed = await post(`/items/${chair}/maintenance`, { doneOn: '2026-12-03', description: '更换坐垫', costCents: 8000, outcome: 'available' });
    expect(fixed.status).toBe(201);
    const res = await get(`/items/${chair}/history`);
    expect(res.status).toBe(200);
    const history = (await res.json()) as ItemHistory;
    expect(history.item).toMatchObject({ id: chair, tagCode: 'LND-0001', status: 'available' });
    expect(history.states.map((s) => [s.seq, s.status, s.reason])).toEqual([
      [5, 'available', 'maintenance'], [4, 'maintenance', 'cleaned'], [3, 'cleaning', 'returned'], [2, 'on_loan', 'checked_out'], [1, 'available', 'registered'],
    ]);
    expect(history.loans).toMatchObject([{ id: loan.id, state: 'returned', closure: { damageNotes: '坐垫破损' } }]);
    expect(history.cleanings).toMatchObject([{ loanId: loan.id, outcome: 'maintenance', note: '送修', checklist: cleaningFor('wheelchair') }]);
    expect(history.maintenance).toMatchObject([{ description: '更换坐垫', costCents: 8000 }]);
    await expectErrors([[get('/items/nope/history'), 404, 'item_not_found']]);
  });

  it('lists overdue loans to call about, oldest first, with the guardian\'s phone', async () => {
    const first = await lend({ memberId: LIU, dueOn: '2026-12-04', override: { reason: '家属代借' } });
    const second = await lend({ itemId: spare, dueOn: '2026-12-06' });
    await later(5 * DAY); // 2026-12-08
    const { overdue: all } = (await (await get('/overdue')).json()) as { overdue: OverdueLine[] };
    // the demo's walker, five days late on the 3rd, is the oldest
    expect(all[0]).toMatchObject({ loanId: 'loan_demo_2', memberName: '杨丽华', guardianContact: '杨明 13987654321', daysLate: 10 });
    const overdue = all.slice(1);
    expect(overdue).toEqual([
      { loanId: first.id, memberId: LIU, memberName: '刘小明', guardianContact: '刘建华 13812345678', itemId: chair, itemName: '手动轮椅', tagCode: 'LND-0001', dueOn: '2026-12-04', daysLate: 4 },
      { loanId: second.id, memberId: ZHANG, memberName: '张伟', guardianContact: null, itemId: spare, itemName: '手动轮椅', tagCode: 'LND-0002', dueOn: '2026-12-06', daysLate: 2 },
    ]);
    // an overdue loan stands in the way of the next one, unless overridden
    const another = addItem(area.kiosk.db, wheelchairs);
    const refused = await post('/loans', checkoutBody({ itemId: another, dueOn: '2026-12-20' }));
    expect(await refused.json()).toMatchObject({ refusals: [{ code: 'has_overdue', detail: { loans: [{ loanId: second.id, tagCode: 'LND-0002', dueOn: '2026-12-06' }] } }] });
  });
});
