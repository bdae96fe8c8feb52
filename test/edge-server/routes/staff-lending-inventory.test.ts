import { describe, expect, it } from 'vitest';
import type { CatalogueEntry, Item, ItemPage, MaintenanceRecord, Stocktake, StocktakeScanResult } from '../../../edge-server/src/api-types.js';
import { count, STAFF_ID, storedEvents } from '../helpers.js';
import { expectErrors, useStaffArea } from './staff-area.js';

/** Demo fixtures (edge-server/src/demo/lending.ts); the test clock is 2026-12-03 09:00 in Shanghai. */
const WHEELCHAIR = 'cat_demo_wheelchair'; // 手动轮椅, DEV-0001…0005
const AVAILABLE = 'itm_demo_01'; // DEV-0001
const CLEANING = 'itm_demo_04'; // DEV-0004
const PAST_LIFE = 'itm_demo_05'; // DEV-0005
const MAINTENANCE = 'itm_demo_07'; // DEV-0007
const SERVICE_DUE = 'itm_demo_09'; // DEV-0009
const RETIRED = 'itm_demo_24'; // DEV-0024
const DEMO_ITEMS = 25;

const entryInput = {
  name: '四脚拐杖', category: 'crutches', eligibleDisability: ['肢体'], eligibleGrades: [3, 2, 3], assessmentRequired: false,
  loanDays: 30, bufferDays: 1, serviceLifeYears: 4,
};

describe('staff: lending catalogue and inventory', () => {
  const area = useStaffArea('/api/staff/lending');
  const { get, post } = area;
  const put = async (path: string, body: unknown): Promise<Response> => area.kiosk.app.request(`/api/staff/lending${path}`, {
    method: 'PUT', headers: { 'content-type': 'application/json', cookie: area.cookie }, body: JSON.stringify(body),
  });
  const json = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
    const r = await res;
    expect(r.status, await r.clone().text()).toBe(status);
    return (await r.json()) as T;
  };
  const audit = (action: string) => area.kiosk.db.prepare(`SELECT actor_id AS actorId, target FROM audit_log WHERE action = ?`).all(action);

  it('needs a signed-in staff member for every route', async () => {
    for (const path of ['/catalogue', '/checklists', '/items', `/items/${AVAILABLE}`, '/items/by-tag/DEV-0001', `/labels?ids=${AVAILABLE}`, '/stocktakes']) {
      expect((await get(path, false)).status, path).toBe(401);
    }
    for (const path of ['/catalogue', '/items', `/items/${AVAILABLE}/status`, `/items/${AVAILABLE}/maintenance`, '/stocktakes']) {
      expect((await area.kiosk.post(`/api/staff/lending${path}`, {})).status, path).toBe(401);
    }
    const csv = await area.kiosk.app.request('/api/staff/lending/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'tag_code\n' });
    expect(csv.status).toBe(401);
    expect(count(area.kiosk, 'lending_items')).toBe(DEMO_ITEMS);
  });

  it('lists the catalogue with items counted by status and the members waiting', async () => {
    area.kiosk.db.prepare(`INSERT INTO lending_waitlist (id, catalogue_id, member_id, staff_id, created_at) VALUES ('w1', ?, 'mem_demo_01', ?, 0), ('w2', ?, 'mem_demo_08', ?, 0)`)
      .run(WHEELCHAIR, STAFF_ID, WHEELCHAIR, STAFF_ID);
    area.kiosk.db.prepare(`INSERT INTO lending_waitlist_ends (id, waitlist_id, outcome, recorded_at) VALUES ('e1', 'w2', 'removed', 0)`).run();
    const { entries } = await json<{ entries: CatalogueEntry[] }>(get('/catalogue'));
    expect(entries).toHaveLength(8);
    const wheelchair = entries.find((e) => e.id === WHEELCHAIR)!;
    expect(wheelchair).toMatchObject({
      name: '手动轮椅', category: 'wheelchair', version: 1, eligibleDisability: ['肢体', '多重'], retired: false, waiting: 1,
      counts: { available: 4, cleaning: 1, on_loan: 0, reserved: 0, maintenance: 0, retired: 0 },
      checkoutChecklist: ['brakes', 'tyres', 'footrests', 'cushion', 'frame'],
    });
  });

  it('creates an entry with the category default checklists, and a new version through PUT (events, audit)', async () => {
    const created = await json<CatalogueEntry>(post('/catalogue', entryInput), 201);
    expect(created).toMatchObject({
      name: '四脚拐杖', version: 1, eligibleGrades: [2, 3], checkoutChecklist: ['handgrips', 'rubber_tips', 'height_adjust', 'frame'],
      cleaningChecklist: ['wiped', 'disinfected', 'dried', 'inspected'], counts: { available: 0 }, waiting: 0,
    });
    const updated = await json<CatalogueEntry>(put(`/catalogue/${created.id}`, { ...entryInput, loanDays: 45, checkoutChecklist: ['frame', 'complete'] }));
    expect(updated).toMatchObject({ id: created.id, version: 2, loanDays: 45, checkoutChecklist: ['frame', 'complete'] });
    const retired = await json<CatalogueEntry>(put(`/catalogue/${created.id}`, { ...entryInput, retired: true }));
    // checklists left out of a new version stay as they were
    expect(retired).toMatchObject({ version: 3, retired: true, checkoutChecklist: ['frame', 'complete'] });
    expect(await json<CatalogueEntry>(get(`/catalogue/${created.id}`))).toEqual(retired);
    const events = storedEvents(area.kiosk).filter((e) => e.type === 'catalogue.entry_set');
    expect(events.map((e) => e.data)).toEqual([
      { catalogueId: created.id, version: 1, name: '四脚拐杖', category: 'crutches', assessmentRequired: false, loanDays: 30, bufferDays: 1, serviceLifeYears: 4 },
      expect.objectContaining({ version: 2, loanDays: 45 }),
      expect.objectContaining({ version: 3, retired: true }),
    ]);
    expect(audit('lending.catalogue_create')).toEqual([{ actorId: STAFF_ID, target: created.id }]);
    expect(audit('lending.catalogue_update')).toHaveLength(2);
    expect(count(area.kiosk, 'lending_catalogue_versions')).toBe(8 + 3);
  });

  it('refuses a bad catalogue entry and changes nothing', async () => {
    await expectErrors([
      [post('/catalogue', { ...entryInput, checkoutChecklist: ['brakes', 'wings'] }), 400, 'unknown_check'],
      [post('/catalogue', { ...entryInput, cleaningChecklist: ['sprayed'] }), 400, 'unknown_cleaning_step'],
      [post('/catalogue', { ...entryInput, cleaningChecklist: [] }), 400, 'empty_cleaning_checklist'],
      [post('/catalogue', { ...entryInput, name: '手动轮椅' }), 409, 'catalogue_name_taken'],
      [post('/catalogue', { ...entryInput, category: 'hovercraft' }), 400, 'invalid_body'],
      [post('/catalogue', { ...entryInput, loanDays: 0 }), 400, 'invalid_body'],
      [post('/catalogue', { ...entryInput, eligibleDisability: ['腿'] }), 400, 'invalid_body'],
      [post('/catalogue', '{"name":'), 400, 'malformed_json'],
      [put('/catalogue/nope', entryInput), 404, 'catalogue_not_found'],
      [put(`/catalogue/${WHEELCHAIR}`, { ...entryInput, name: '助行器' }), 409, 'catalogue_name_taken'],
    ]);
    expect(count(area.kiosk, 'lending_catalogue_versions')).toBe(8);
    expect(storedEvents(area.kiosk).filter((e) => e.type === 'catalogue.entry_set')).toEqual([]);
  });

  it('answers the check and cleaning vocabularies with each category’s defaults', async () => {
    const lists = await json<{ checks: string[]; cleaning: string[]; defaults: Record<string, { checks: string[]; cleaning: string[] }> }>(get('/checklists'));
    expect(lists.checks).toContain('brakes');
    expect(lists.cleaning).toContain('disinfected');
    expect(lists.defaults.hearing_aid).toEqual({ checks: ['ear_tips', 'tubing', 'battery', 'complete'], cleaning: ['wiped', 'disinfected', 'filters_changed', 'batteries_removed', 'bagged'] });
  });

  it('registers an item with its first state, item.registered and an audit line; the tag is trimmed and unique', async () => {
    const item = await json<Item>(post('/items', {
      tagCode: '  DEV-0100 ', serial: 'SN-9', catalogueId: WHEELCHAIR, condition: 'new', location: '器材室 A-9', acquiredOn: '2026-11-30',
    }), 201);
    expect(item).toMatchObject({
      tagCode: 'DEV-0100', serial: 'SN-9', catalogueName: '手动轮椅', category: 'wheelchair', status: 'available', condition: 'new',
      location: '器材室 A-9', acquiredOn: '2026-11-30', nextServiceOn: null, serviceDue: false, pastServiceLife: false, loan: null,
    });
    const states = area.kiosk.db.prepare(`SELECT seq, status, reason FROM lending_item_states WHERE item_id = ?`).all(item.id);
    expect(states).toEqual([{ seq: 1, status: 'available', reason: 'registered' }]);
    const event = storedEvents(area.kiosk).find((e) => e.type === 'item.registered')!;
    expect(event.data).toEqual({
      itemId: item.id, catalogueId: WHEELCHAIR, tagCode: 'DEV-0100', serial: 'SN-9', condition: 'new', location: '器材室 A-9', acquiredOn: '2026-11-30',
    });
    expect(storedEvents(area.kiosk).filter((e) => e.type === 'item.status_changed')).toEqual([]);
    expect(audit('lending.item_register')).toEqual([{ actorId: STAFF_ID, target: item.id }]);
    await expectErrors([[post('/items', { tagCode: 'DEV-0100', catalogueId: WHEELCHAIR, condition: 'good' }), 409, 'tag_taken']]);
  });

  it('refuses a bad item and changes nothing', async () => {
    const base = { tagCode: 'DEV-0200', catalogueId: WHEELCHAIR, condition: 'good' };
    const retiredEntry = await json<CatalogueEntry>(post('/catalogue', entryInput), 201);
    await json(put(`/catalogue/${retiredEntry.id}`, { ...entryInput, retired: true }));
    const before = count(area.kiosk, 'events');
    await expectErrors([
      [post('/items', { ...base, tagCode: '   ' }), 400, 'required'],
      [post('/items', { ...base, tagCode: 'x'.repeat(65) }), 400, 'too_long'],
      [post('/items', { ...base, tagCode: 'DEV\u0007' }), 400, 'invalid_tag'],
      [post('/items', { ...base, tagCode: 'DEV-0001' }), 409, 'tag_taken'],
      [post('/items', { ...base, catalogueId: 'nope' }), 404, 'catalogue_not_found'],
      [post('/items', { ...base, catalogueId: retiredEntry.id }), 409, 'catalogue_retired'],
      [post('/items', { ...base, condition: 'shiny' }), 400, 'invalid_body'],
      [post('/items', { ...base, acquiredOn: '2026-02-30' }), 400, 'impossible_date'],
      [post('/items', { ...base, acquiredOn: '3/12/2026' }), 400, 'invalid_date'],
      [post('/items', { ...base, acquiredOn: '2026-12-04' }), 400, 'future_date'],
      [post('/items', { ...base, location: '柜'.repeat(101) }), 400, 'too_long'],
      [post('/items', 'nonsense'), 400, 'malformed_json'],
    ]);
    expect(count(area.kiosk, 'lending_items')).toBe(DEMO_ITEMS);
    expect(count(area.kiosk, 'events')).toBe(before);
  });

  it('lists and searches items by tag, serial and name, by status and entry, a page at a time', async () => {
    const all = await json<ItemPage>(get('/items'));
    expect(all.total).toBe(DEMO_ITEMS);
    expect(all.items.map((i) => i.tagCode).slice(0, 3)).toEqual(['DEV-0001', 'DEV-0002', 'DEV-0003']);
    expect((await json<ItemPage>(get('/items?q=dev-0002'))).items.map((i) => i.id)).toEqual(['itm_demo_02']);
    expect((await json<ItemPage>(get('/items?q=助听器'))).total).toBe(3);
    const serial = (await json<Item>(get('/items/itm_demo_16'))).serial!;
    expect((await json<ItemPage>(get(`/items?q=${encodeURIComponent(serial)}`))).items.map((i) => i.id)).toEqual(['itm_demo_16']);
    expect((await json<ItemPage>(get('/items?status=cleaning'))).items.map((i) => i.tagCode)).toEqual(['DEV-0004', 'DEV-0010']);
    const page = await json<ItemPage>(get(`/items?catalogueId=${WHEELCHAIR}&limit=2&offset=2`));
    expect(page).toMatchObject({ total: 5 });
    expect(page.items.map((i) => i.tagCode)).toEqual(['DEV-0003', 'DEV-0004']);
    await expectErrors([
      [get('/items?status=lost'), 400, 'invalid_query'],
      [get('/items?limit=0'), 400, 'invalid_query'],
      [get('/items?offset=-1'), 400, 'invalid_query'],
    ]);
  });

  it('finds an item by the tag its label carries, and answers 404 unknown_tag otherwise', async () => {
    expect((await json<Item>(get('/items/by-tag/DEV-0009'))).id).toBe(SERVICE_DUE);
    const odd = await json<Item>(post('/items', { tagCode: '轮椅/A 1', catalogueId: WHEELCHAIR, condition: 'good' }), 201);
    expect((await json<Item>(get(`/items/by-tag/${encodeURIComponent('轮椅/A 1')}`))).id).toBe(odd.id);
    await expectErrors([[get('/items/by-tag/NOT-A-TAG'), 404, 'unknown_tag'], [get('/items/nope'), 404, 'item_not_found']]);
  });

  it('flags the demo item past its service life and the one with its service due', async () => {
    expect(await json<Item>(get(`/items/${PAST_LIFE}`))).toMatchObject({ pastServiceLife: true, serviceDue: false, status: 'available' });
    expect(await json<Item>(get(`/items/${SERVICE_DUE}`))).toMatchObject({ pastServiceLife: false, serviceDue: true });
  });

  it('shows the open loan of an item with the member, the due day after renewals and the days late', async () => {
    const db = area.kiosk.db;
    db.prepare(`INSERT INTO lending_loans (id, item_id, member_id, staff_id, checked_out_at, due_on, condition_out, checklist_out, ack_method, ack_by)
      VALUES ('loan1', ?, 'mem_demo_01', ?, 1, '2026-11-20', 'good', '{}', 'staff_witnessed', 'self')`).run(AVAILABLE, STAFF_ID);
    db.prepare(`INSERT INTO lending_loan_renewals (id, loan_id, from_due_on, to_due_on, staff_id, recorded_at)
      VALUES ('r1', 'loan1', '2026-11-20', '2026-11-25', ?, 2), ('r2', 'loan1', '2026-11-25', '2026-11-28', ?, 3)`).run(STAFF_ID, STAFF_ID);
    const item = await json<Item>(get(`/items/${AVAILABLE}`));
    expect(item.loan).toEqual({ id: 'loan1', memberId: 'mem_demo_01', memberName: '张伟', dueOn: '2026-11-28', daysLate: 5 });
    db.prepare(`INSERT INTO lending_loan_closures (id, loan_id, outcome, late_days, staff_id, recorded_at) VALUES ('c1', 'loan1', 'returned', 5, ?, 4)`).run(STAFF_ID);
    expect((await json<Item>(get(`/items/${AVAILABLE}`))).loan).toBeNull();
  });

  it('changes status by hand within the rules, with item.status_changed and an audit line', async () => {
    const toMaintenance = await json<Item>(post(`/items/${AVAILABLE}/status`, { to: 'maintenance', reason: '刹车松' }));
    expect(toMaintenance.status).toBe('maintenance');
    expect((await json<Item>(post(`/items/${AVAILABLE}/status`, { to: 'available', reason: '修好了' }))).status).toBe('available');
    expect((await json<Item>(post(`/items/${CLEANING}/status`, { to: 'retired', reason: '报废' }))).status).toBe('retired');
    const changes = storedEvents(area.kiosk).filter((e) => e.type === 'item.status_changed').map((e) => e.data);
    expect(changes).toEqual([
      { itemId: AVAILABLE, from: 'available', to: 'maintenance', reason: 'manual: 刹车松', staffId: STAFF_ID },
      { itemId: AVAILABLE, from: 'maintenance', to: 'available', reason: 'manual: 修好了', staffId: STAFF_ID },
      { itemId: CLEANING, from: 'cleaning', to: 'retired', reason: 'manual: 报废', staffId: STAFF_ID },
    ]);
    expect(audit('lending.item_status')).toHaveLength(3);
  });

  it('refuses a manual change the rules do not allow and changes nothing', async () => {
    const states = count(area.kiosk, 'lending_item_states');
    await expectErrors([
      [post(`/items/${CLEANING}/status`, { to: 'available', reason: 'x' }), 409, 'status_change_refused'],
      [post(`/items/${RETIRED}/status`, { to: 'available', reason: 'x' }), 409, 'status_change_refused'],
      [post(`/items/${AVAILABLE}/status`, { to: 'available', reason: 'x' }), 409, 'status_change_refused'],
      [post(`/items/${AVAILABLE}/status`, { to: 'on_loan', reason: 'x' }), 400, 'invalid_body'],
      [post(`/items/${AVAILABLE}/status`, { to: 'retired', reason: '  ' }), 400, 'invalid_body'],
      [post('/items/nope/status', { to: 'retired', reason: 'x' }), 404, 'item_not_found'],
    ]);
    expect(count(area.kiosk, 'lending_item_states')).toBe(states);
    expect(storedEvents(area.kiosk)).toEqual([]);
  });

  it('records maintenance: the record, item.maintained, the next service date, the status and an audit line', async () => {
    const record = await json<MaintenanceRecord>(post(`/items/${MAINTENANCE}/maintenance`, {
      doneOn: '2026-12-02', description: '更换电池', costCents: 45000, nextServiceOn: '2027-06-01', outcome: 'available',
    }), 201);
    expect(record).toMatchObject({ itemId: MAINTENANCE, doneOn: '2026-12-02', costCents: 45000, nextServiceOn: '2027-06-01', staffId: STAFF_ID });
    expect(await json<Item>(get(`/items/${MAINTENANCE}`))).toMatchObject({ status: 'available', nextServiceOn: '2027-06-01', serviceDue: false });
    const events = storedEvents(area.kiosk);
    expect(events.map((e) => e.type)).toEqual(['item.maintained', 'item.status_changed']);
    expect(events[0]!.data).toEqual({ itemId: MAINTENANCE, maintenanceId: record.id, doneOn: '2026-12-02', costCents: 45000, nextServiceOn: '2027-06-01', staffId: STAFF_ID });
    expect(events[1]!.data).toMatchObject({ from: 'maintenance', to: 'available', reason: 'maintenance' });
    expect(audit('lending.item_maintain')).toEqual([{ actorId: STAFF_ID, target: MAINTENANCE }]);
  });

  it('refuses maintenance that cannot be recorded and changes nothing', async () => {
    const body = { doneOn: '2026-12-02', description: '检查', costCents: 0, outcome: 'available' };
    await expectErrors([
      [post(`/items/${CLEANING}/maintenance`, body), 409, 'cleaning_required'],
      [post(`/items/${RETIRED}/maintenance`, body), 409, 'item_not_available'],
      [post(`/items/${AVAILABLE}/maintenance`, { ...body, doneOn: '2026-12-05' }), 400, 'future_date'],
      [post(`/items/${AVAILABLE}/maintenance`, { ...body, doneOn: '2026-13-01' }), 400, 'invalid_date'],
      [post(`/items/${AVAILABLE}/maintenance`, { ...body, nextServiceOn: '2026-12-01' }), 400, 'next_service_before_done'],
      [post(`/items/${AVAILABLE}/maintenance`, { ...body, costCents: -1 }), 400, 'invalid_body'],
      [post(`/items/${AVAILABLE}/maintenance`, { ...body, description: '' }), 400, 'invalid_body'],
      [post('/items/nope/maintenance', body), 404, 'item_not_found'],
    ]);
    expect(count(area.kiosk, 'lending_maintenance')).toBe(0);
    expect(storedEvents(area.kiosk)).toEqual([]);
  });

  describe('stocktake', () => {
    const scan = (id: string, tagCode: string) => post(`/stocktakes/${id}/scan`, { tagCode });

    it('scans items present, answers unknown tags, and lists missing and unexpected items', async () => {
      area.kiosk.db.prepare(`INSERT INTO lending_item_states (id, item_id, seq, status, condition, reason, recorded_at)
        VALUES ('s-loan', 'itm_demo_02', 2, 'on_loan', 'fair', 'checked_out', 1)`).run();
      const started = await json<Stocktake>(post('/stocktakes', {}), 201);
      expect(started).toMatchObject({ finished: false, scanned: [], unexpected: [], staffId: STAFF_ID });
      // on loan and retired items are not expected on the shelf
      // (the demo loans of demo/lending-loans.ts have two more out)
      expect(started.missing).toHaveLength(DEMO_ITEMS - 2 - 2);
      expect(await json<StocktakeScanResult>(scan(started.id, ' DEV-0001 '))).toMatchObject({ result: 'scanned', item: { id: AVAILABLE, tagCode: 'DEV-0001' } });
      expect((await json<StocktakeScanResult>(scan(started.id, 'DEV-0001'))).result).toBe('already_scanned');
      expect(await json<StocktakeScanResult>(scan(started.id, 'ZZZ-9'))).toEqual({ result: 'unknown_tag', tagCode: 'ZZZ-9' });
      await json(scan(started.id, 'DEV-0002'));
      const now = await json<Stocktake>(get(`/stocktakes/${started.id}`));
      expect(now.scanned.map((s) => s.tagCode)).toEqual(['DEV-0001', 'DEV-0002']);
      expect(now.unexpected).toEqual([{ itemId: 'itm_demo_02', tagCode: 'DEV-0002', name: '手动轮椅', status: 'on_loan' }]);
      expect(now.missing.map((m) => m.itemId)).not.toContain(AVAILABLE);
      expect(now.missing.map((m) => m.itemId)).not.toContain(RETIRED);
      expect(now.missing).toHaveLength(DEMO_ITEMS - 3 - 2);
      expect(count(area.kiosk, 'lending_stocktake_scans')).toBe(2);
      expect(audit('lending.stocktake_start')).toEqual([{ actorId: STAFF_ID, target: started.id }]);
      expect(audit('lending.stocktake_scan')).toHaveLength(2);
      expect(storedEvents(area.kiosk)).toEqual([]);
    });

    it('finishes once with stocktake.completed and an audit line; a finished stocktake refuses scans', async () => {
      const { id } = await json<Stocktake>(post('/stocktakes', {}), 201);
      await json(scan(id, 'DEV-0003'));
      const done = await json<Stocktake>(post(`/stocktakes/${id}/finish`, {}));
      expect(done.finished).toBe(true);
      const event = storedEvents(area.kiosk).find((e) => e.type === 'stocktake.completed')!;
      expect(event.data).toMatchObject({ stocktakeId: id, scanned: 1, staffId: STAFF_ID });
      expect(event.data.missing).toEqual(done.missing.map((m) => m.itemId));
      expect(audit('lending.stocktake_finish')).toEqual([{ actorId: STAFF_ID, target: id }]);
      const { stocktakes } = await json<{ stocktakes: { id: string; finished: boolean; scanned: number }[] }>(get('/stocktakes'));
      expect(stocktakes[0]).toMatchObject({ id, finished: true, scanned: 1 });
      await expectErrors([
        [scan(id, 'DEV-0004'), 409, 'stocktake_finished'],
        [post(`/stocktakes/${id}/finish`, {}), 409, 'stocktake_finished'],
        [scan('nope', 'DEV-0004'), 404, 'stocktake_not_found'],
        [get('/stocktakes/nope'), 404, 'stocktake_not_found'],
        [post(`/stocktakes/${id}/scan`, { tag: 'DEV-0004' }), 400, 'invalid_body'],
      ]);
      expect(count(area.kiosk, 'lending_stocktake_scans')).toBe(1);
      expect(count(area.kiosk, 'lending_stocktake_ends')).toBe(1);
    });
  });
});
