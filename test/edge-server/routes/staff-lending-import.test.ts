import { readFileSync } from 'node:fs';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import type { ImportReport, Item, ItemLabel } from '../../../edge-server/src/api-types.js';
import { QR_MODULE_UNITS, QR_QUIET_MODULES } from '../../../edge-server/src/domain/lending/labels.js';
import { count, STAFF_ID, storedEvents } from '../helpers.js';
import { expectErrors, useStaffArea } from './staff-area.js';

const HEADER = 'tag_code,serial,catalogue,condition,location,acquired_on,next_service_on';
const DEMO_ITEMS = 25;
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/lending/${name}`, import.meta.url));

describe('staff: lending CSV import', () => {
  const area = useStaffArea('/api/staff/lending');
  const upload = async (body: string | Buffer, query = '', type = 'text/csv'): Promise<Response> =>
    area.kiosk.app.request(`/api/staff/lending/import${query}`, {
      method: 'POST', headers: { 'content-type': type, cookie: area.cookie }, body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
    });
  const report = async (res: Response | Promise<Response>, status = 200): Promise<ImportReport> => {
    const r = await res;
    expect(r.status, await r.clone().text()).toBe(status);
    return (await r.json()) as ImportReport;
  };
  const codes = (r: ImportReport) => r.problems.map((p) => [p.line, p.field, p.code]);
  const nothingWritten = () => {
    expect(count(area.kiosk, 'lending_items')).toBe(DEMO_ITEMS);
    expect(count(area.kiosk, 'events')).toBe(0);
    expect(count(area.kiosk, 'audit_log WHERE action = \'lending.import\'')).toBe(0);
  };

  it('checks a file on a dry run without creating anything', async () => {
    const r = await report(upload(fixture('good.csv'), '?dryRun=1'));
    expect(r).toEqual({ dryRun: true, rows: 4, valid: 4, problems: [], created: 0 });
    nothingWritten();
  });

  it('imports every row in one go: items, first states, item.registered each, one audit line', async () => {
    const r = await report(upload(fixture('good.csv')), 201);
    expect(r).toEqual({ dryRun: false, rows: 4, valid: 4, problems: [], created: 4 });
    const byTag = async (tag: string) => (await (await area.kiosk.app.request(`/api/staff/lending/items/by-tag/${tag}`, { headers: { cookie: area.cookie } })).json()) as Item;
    expect(await byTag('IMP-0001')).toMatchObject({ catalogueId: 'cat_demo_wheelchair', condition: 'good', location: '器材室 A-1', acquiredOn: '2025-03-01', serial: 'SN-1' });
    expect(await byTag('IMP-0002')).toMatchObject({ catalogueId: 'cat_demo_walker', serial: null, location: '器材室, 2 楼', nextServiceOn: '2027-01-15' });
    expect(await byTag('IMP-0003')).toMatchObject({ catalogueId: 'cat_demo_magnifier', condition: 'fair', serial: 'SN "3"' });
    expect(await byTag('IMP-0004')).toMatchObject({ condition: 'worn', location: '康复室\n靠窗', serviceDue: true, status: 'available' });
    expect(count(area.kiosk, 'lending_items')).toBe(DEMO_ITEMS + 4);
    const events = storedEvents(area.kiosk);
    expect(events.map((e) => e.type)).toEqual(Array(4).fill('item.registered'));
    const states = area.kiosk.db.prepare(`SELECT COUNT(*) AS n FROM lending_item_states s JOIN lending_items i ON i.id = s.item_id
      WHERE i.tag_code LIKE 'IMP-%' AND s.seq = 1 AND s.status = 'available' AND s.event_id IS NOT NULL`).get() as { n: number };
    expect(states.n).toBe(4);
    const audit = area.kiosk.db.prepare(`SELECT actor_id AS actorId, detail FROM audit_log WHERE action = 'lending.import'`).all();
    expect(audit).toEqual([{ actorId: STAFF_ID, detail: JSON.stringify({ rows: 4, created: 4 }) }]);
    // the same file again: every tag is registered now
    const again = await report(upload(fixture('good.csv')));
    expect(again.created).toBe(0);
    expect(codes(again).map((c) => c[2])).toEqual(Array(4).fill('tag_taken'));
  });

  it('reports every bad row with its line, field and code, and creates nothing', async () => {
    const r = await report(upload(fixture('bad-rows.csv')));
    expect(r).toMatchObject({ dryRun: false, rows: 14, valid: 1, created: 0 });
    expect(codes(r)).toEqual([
      [2, 'catalogue', 'unknown_catalogue'],
      [3, 'condition', 'invalid_condition'],
      [4, 'acquired_on', 'impossible_date'],
      [5, 'acquired_on', 'invalid_date'],
      [6, 'next_service_on', 'impossible_date'],
      [7, 'acquired_on', 'future_date'],
      [8, 'tag_code', 'duplicate_tag'],
      [9, 'tag_code', 'tag_taken'],
      [10, 'tag_code', 'too_long'],
      [11, 'serial', 'too_long'],
      [12, null, 'wrong_field_count'],
      [13, 'tag_code', 'required'],
      [14, 'condition', 'required'],
      [14, 'catalogue', 'required'],
    ]);
    expect(r.problems.find((p) => p.line === 8)!.message).toMatch(/line 3/);
    expect(r.problems.every((p) => p.message.length > 10)).toBe(true);
    nothingWritten();
  });

  it('reports lines that are not UTF-8 (a GBK spreadsheet) and still checks the others', async () => {
    const r = await report(upload(fixture('gbk.csv')));
    expect(codes(r)).toEqual([[2, null, 'not_utf8']]);
    expect(r).toMatchObject({ rows: 1, valid: 1, created: 0 });
    nothingWritten();
  });

  it('reports binary garbage instead of reading it as items', async () => {
    const r = await report(upload(fixture('garbage.bin')));
    expect(r).toMatchObject({ rows: 0, valid: 0, created: 0 });
    expect(codes(r)).toEqual([[1, null, 'not_utf8'], [2, null, 'binary_content'], [3, null, 'not_utf8'], [4, null, 'not_utf8']]);
    nothingWritten();
  });

  it('refuses an empty file, a file without a header, and a header with missing, unknown or doubled columns', async () => {
    expect(codes(await report(upload('')))).toEqual([[1, null, 'empty_file']]);
    expect(codes(await report(upload('\uFEFF\r\n  \r\n')))).toEqual([[1, null, 'empty_file']]);
    expect(codes(await report(upload(`${HEADER}\n`)))).toEqual([[2, null, 'no_rows']]);
    expect(codes(await report(upload('DEV-0900,,手动轮椅,good,,,\n')))).toEqual([[1, null, 'missing_header']]);
    expect(codes(await report(upload('tag_code,serial,condition,colour,serial\nX-1,,good,red,\n')))).toEqual([
      [1, 'colour', 'unknown_column'], [1, 'serial', 'duplicate_column'], [1, 'catalogue', 'missing_column'],
    ]);
    nothingWritten();
  });

  it('reports a broken quote at its line, with the rows before it checked', async () => {
    const r = await report(upload(`${HEADER}\nQ-1,,手动轮椅,shiny,,,\nQ-2,"SN"x,手动轮椅,good,,,\nQ-3,,手动轮椅,good,,,\n`));
    expect(codes(r)).toEqual([[2, 'condition', 'invalid_condition'], [3, null, 'csv_syntax']]);
    nothingWritten();
  });

  it('imports a 5 000-row file (over the 64 KiB API limit) in one transaction', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `BULK-${String(i).padStart(5, '0')},SN${i},助行器,good,器材室 A-${i % 9},2025-06-01,`);
    const csv = `${HEADER}\n${rows.join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(64 * 1024);
    expect(await report(upload(csv, '?dryRun=1'))).toMatchObject({ rows: 5000, valid: 5000, problems: [], created: 0 });
    nothingWritten();
    expect(await report(upload(csv), 201)).toMatchObject({ rows: 5000, valid: 5000, created: 5000 });
    expect(count(area.kiosk, 'lending_items')).toBe(DEMO_ITEMS + 5000);
    expect(count(area.kiosk, `events WHERE type = 'item.registered'`)).toBe(5000);
  });

  it('creates nothing when one row of 5 000 is bad', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `BULK-${i},,助行器,${i === 4321 ? 'broken' : 'good'},,,`);
    const r = await report(upload(`${HEADER}\n${rows.join('\n')}\n`));
    expect(codes(r)).toEqual([[4323, 'condition', 'invalid_condition']]);
    expect(r).toMatchObject({ rows: 5000, valid: 4999, created: 0 });
    nothingWritten();
  });

  it('takes only text/csv up to 2 MiB; other routes keep the 64 KiB limit', async () => {
    await expectErrors([
      [upload(`${HEADER}\n`, '', 'application/json'), 415, 'unsupported_media_type'],
      [upload('x'.repeat(2 * 1024 * 1024 + 1)), 413, 'payload_too_large'],
      [upload(`${HEADER}\n`, '?dryRun=maybe'), 400, 'invalid_query'],
      [area.post('/items', { tagCode: 'X', catalogueId: 'cat_demo_walker', condition: 'good', location: 'x'.repeat(70 * 1024) }), 413, 'payload_too_large'],
    ]);
    nothingWritten();
  });
});

describe('staff: lending labels', () => {
  const area = useStaffArea('/api/staff/lending');
  const labels = async (query: string): Promise<ItemLabel[]> => {
    const res = await area.get(`/labels?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as ItemLabel[];
  };

  it('makes a QR label per item, in the order asked, encoding the tag code', async () => {
    const [one, two] = await labels('ids=itm_demo_16,itm_demo_01');
    expect(one).toMatchObject({ itemId: 'itm_demo_16', tagCode: 'DEV-0016', name: '耳背式助听器' });
    expect(two!.tagCode).toBe('DEV-0001');
    const qr = encode('DEV-0016', { ecc: 'M' });
    const side = (17 + 4 * qr.version + 2 * QR_QUIET_MODULES) * QR_MODULE_UNITS;
    expect(one!.qrSvg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(one!.qrSvg).toContain(`viewBox="0 0 ${side} ${side}"`);
    const modules = one!.qrSvg.match(/M\d+,\d+h10v10h-10z/g) ?? [];
    const dark = qr.data.flat().filter(Boolean).length;
    expect(modules.length).toBe(dark);
    expect(one!.qrSvg).not.toBe(two!.qrSvg);
  });

  it('makes the labels of every item of an entry', async () => {
    expect((await labels('catalogueId=cat_demo_wheelchair')).map((l) => l.tagCode)).toEqual(['DEV-0001', 'DEV-0002', 'DEV-0003', 'DEV-0004', 'DEV-0005']);
  });

  it('refuses unknown items and entries and a query without either', async () => {
    await expectErrors([
      [area.get('/labels?ids=itm_demo_01,nope'), 404, 'item_not_found'],
      [area.get('/labels?catalogueId=nope'), 404, 'catalogue_not_found'],
      [area.get('/labels'), 400, 'invalid_query'],
      [area.get('/labels?ids=,,'), 400, 'invalid_query'],
    ]);
  });
});
