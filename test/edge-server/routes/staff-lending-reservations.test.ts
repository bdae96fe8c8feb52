import { beforeEach, describe, expect, it } from 'vitest';
import type { Reservation, WaitlistEntry } from '../../../edge-server/src/api-types.js';
import { addEntry, addItem, checklistFor } from '../../support/lending-fixtures.js';
import { count, STAFF_ID, storedEvents } from '../helpers.js';
import { expectErrors, useStaffArea } from './staff-area.js';

const ZHANG = 'mem_demo_01';
const LI = 'mem_demo_02';
const WANG = 'mem_demo_03';

describe('staff: reservations and waiting lists', () => {
  const area = useStaffArea('/api/staff/lending');
  const { get, post } = area;
  let entry: string;
  let a: string;
  let b: string;

  beforeEach(() => {
    entry = addEntry(area.kiosk.db, { name: '助行器', category: 'walker', bufferDays: 2 });
    a = addItem(area.kiosk.db, entry, { tagCode: 'RSV-A' });
    b = addItem(area.kiosk.db, entry, { tagCode: 'RSV-B' });
  });

  async function reserve(body: Record<string, unknown>): Promise<Reservation> {
    const res = await post('/reservations', { memberId: ZHANG, catalogueId: entry, ...body });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    return (await res.json()) as Reservation;
  }
  const events = (type: string) => storedEvents(area.kiosk).filter((e) => e.type === type);
  const rows = () => ({ reservations: count(area.kiosk, 'lending_reservations'), ends: count(area.kiosk, 'lending_reservation_ends'), events: count(area.kiosk, 'events') });

  it('needs a signed-in staff member', async () => {
    const before = rows();
    expect((await get('/reservations', false)).status).toBe(401);
    expect((await area.kiosk.post('/api/staff/lending/reservations', { memberId: ZHANG, catalogueId: entry, from: '2026-12-05', to: '2026-12-06' })).status).toBe(401);
    expect((await area.kiosk.post(`/api/staff/lending/catalogue/${entry}/waitlist`, { memberId: ZHANG })).status).toBe(401);
    expect(rows()).toEqual(before);
  });

  it('reserves one item with the §6 event and an audit line, and lists it', async () => {
    const r = await reserve({ itemId: a, from: '2026-12-10', to: '2026-12-20' });
    expect(r).toMatchObject({ memberId: ZHANG, memberName: '张伟', catalogueId: entry, catalogueName: '助行器', itemId: a, tagCode: 'RSV-A', from: '2026-12-10', to: '2026-12-20', state: 'active' });
    expect(events('reservation.created').map((e) => e.data)).toEqual([{ reservationId: r.id, itemId: a, memberId: ZHANG, from: '2026-12-10', to: '2026-12-20' }]);
    expect(area.kiosk.db.prepare(`SELECT actor_id AS actorId FROM audit_log WHERE action = 'lending.reserve'`).all()).toEqual([{ actorId: STAFF_ID }]);
    const list = (await (await get(`/reservations?catalogueId=${entry}&state=active`)).json()) as { reservations: Reservation[] };
    expect(list.reservations.map((x) => x.id)).toEqual([r.id]);
  });

  it('refuses a reservation that meets an open loan or another reservation of the item within the buffer, saying when it would fit', async () => {
    const lent = await post('/loans', {
      memberId: LI, itemId: a, dueOn: '2026-12-10', condition: 'good', checklist: checklistFor('walker'),
      acknowledgement: { method: 'staff_witnessed', by: 'self' },
    });
    expect(lent.status).toBe(201);
    await reserve({ itemId: a, from: '2026-12-13', to: '2026-12-15' });
    const before = rows();
    const res = await post('/reservations', { memberId: WANG, catalogueId: entry, itemId: a, from: '2026-12-12', to: '2026-12-14' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'reservation_conflict' }, nextFreeOn: '2026-12-18' });
    expect(rows()).toEqual(before);
  });

  it('takes any-item reservations until every lendable item of the entry is taken on some day', async () => {
    await reserve({ from: '2026-12-10', to: '2026-12-12' });
    await reserve({ memberId: LI, from: '2026-12-11', to: '2026-12-14' });
    const res = await post('/reservations', { memberId: WANG, catalogueId: entry, from: '2026-12-12', to: '2026-12-13' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'reservation_conflict' }, nextFreeOn: '2026-12-15' });
    const anyItem = events('reservation.created')[0]!.data;
    expect(anyItem).toEqual({ reservationId: anyItem.reservationId, catalogueId: entry, memberId: ZHANG, from: '2026-12-10', to: '2026-12-12' });
    // an item-specific one for those days no longer fits either
    expect((await post('/reservations', { memberId: WANG, catalogueId: entry, itemId: b, from: '2026-12-11', to: '2026-12-11' })).status).toBe(409);
  });

  it('refuses bad reservations and changes nothing', async () => {
    const other = addEntry(area.kiosk.db, { name: '轮椅' });
    const retired = addEntry(area.kiosk.db, { retired: true });
    const before = rows();
    await expectErrors([
      [post('/reservations', { memberId: ZHANG, catalogueId: entry, from: '2026-12-02', to: '2026-12-04' }), 400, 'invalid_range'],
      [post('/reservations', { memberId: ZHANG, catalogueId: entry, from: '2026-12-09', to: '2026-12-05' }), 400, 'invalid_range'],
      [post('/reservations', { memberId: ZHANG, catalogueId: entry, from: '2026-12-05', to: '2028-01-01' }), 400, 'invalid_range'],
      [post('/reservations', { memberId: ZHANG, catalogueId: entry, from: '12/05', to: '2026-12-06' }), 400, 'invalid_date'],
      [post('/reservations', { memberId: ZHANG, catalogueId: other, itemId: a, from: '2026-12-05', to: '2026-12-06' }), 400, 'item_not_of_entry'],
      [post('/reservations', { memberId: ZHANG, catalogueId: retired, from: '2026-12-05', to: '2026-12-06' }), 409, 'catalogue_retired'],
      [post('/reservations', { memberId: 'nobody', catalogueId: entry, from: '2026-12-05', to: '2026-12-06' }), 404, 'member_not_found'],
      [post('/reservations', { memberId: ZHANG, catalogueId: 'nope', from: '2026-12-05', to: '2026-12-06' }), 404, 'catalogue_not_found'],
      [post('/reservations', { memberId: ZHANG, catalogueId: entry, itemId: 'nope', from: '2026-12-05', to: '2026-12-06' }), 404, 'item_not_found'],
      [post('/reservations', { memberId: ZHANG }), 400, 'invalid_body'],
      [post('/reservations', 'nope'), 400, 'malformed_json'],
      [get('/reservations?state=gone'), 400, 'invalid_query'],
    ]);
    expect(rows()).toEqual(before);
  });

  it('cancels a reservation once, with its event', async () => {
    const r = await reserve({ itemId: a, from: '2026-12-10', to: '2026-12-20' });
    const res = await post(`/reservations/${r.id}/cancel`, { reason: '家属取消' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Reservation).state).toBe('cancelled');
    expect(events('reservation.cancelled').map((e) => e.data)).toEqual([{ reservationId: r.id, itemId: a, memberId: ZHANG, from: '2026-12-10', to: '2026-12-20' }]);
    const before = rows();
    await expectErrors([
      [post(`/reservations/${r.id}/cancel`, { reason: '再次' }), 409, 'reservation_ended'],
      [post('/reservations/nope/cancel', { reason: '无' }), 404, 'reservation_not_found'],
      [post(`/reservations/${r.id}/cancel`, {}), 400, 'invalid_body'],
    ]);
    expect(rows()).toEqual(before);
    // the days are free again
    await reserve({ memberId: LI, itemId: a, from: '2026-12-10', to: '2026-12-20' });
  });

  it('keeps a first-come-first-served waiting list per entry', async () => {
    const first = await post(`/catalogue/${entry}/waitlist`, { memberId: LI, note: '需要高度可调' });
    expect(first.status).toBe(201);
    const second = (await (await post(`/catalogue/${entry}/waitlist`, { memberId: WANG })).json()) as WaitlistEntry;
    expect(second.position).toBe(2);
    const list = (await (await get(`/catalogue/${entry}/waitlist`)).json()) as { waiting: WaitlistEntry[] };
    expect(list.waiting.map((w) => [w.memberName, w.position, w.note])).toEqual([['李秀英', 1, '需要高度可调'], ['王建国', 2, null]]);
    const firstId = list.waiting[0]!.id;
    expect(events('lending.waitlisted').map((e) => e.data)).toEqual([
      { waitlistId: firstId, catalogueId: entry, memberId: LI }, { waitlistId: second.id, catalogueId: entry, memberId: WANG },
    ]);
    const before = count(area.kiosk, 'lending_waitlist');
    await expectErrors([
      [post(`/catalogue/${entry}/waitlist`, { memberId: LI }), 409, 'already_waiting'],
      [post('/catalogue/nope/waitlist', { memberId: LI }), 404, 'catalogue_not_found'],
      [post(`/catalogue/${entry}/waitlist`, { memberId: 'nobody' }), 404, 'member_not_found'],
      [get('/catalogue/nope/waitlist'), 404, 'catalogue_not_found'],
    ]);
    expect(count(area.kiosk, 'lending_waitlist')).toBe(before);
    expect((await post(`/waitlist/${firstId}/remove`, { reason: '已自购' })).status).toBe(200);
    expect(events('lending.waitlist_left').map((e) => e.data)).toEqual([{ waitlistId: firstId, catalogueId: entry, memberId: LI, outcome: 'removed' }]);
    const after = (await (await get(`/catalogue/${entry}/waitlist`)).json()) as { waiting: WaitlistEntry[] };
    expect(after.waiting.map((w) => [w.memberId, w.position])).toEqual([[WANG, 1]]);
    await expectErrors([
      [post(`/waitlist/${firstId}/remove`, { reason: '再次' }), 409, 'waitlist_ended'],
      [post('/waitlist/nope/remove', { reason: '无' }), 404, 'waitlist_not_found'],
    ]);
    // the catalogue counts who waits
    const catalogue = (await (await get(`/catalogue/${entry}`)).json()) as { waiting: number };
    expect(catalogue.waiting).toBe(1);
  });
});
