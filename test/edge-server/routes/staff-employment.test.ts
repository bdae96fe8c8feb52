import { describe, expect, it } from 'vitest';
import type { EmploymentTask, PayPreview, PaySheet, WorkLog } from '../../../edge-server/src/api-types.js';
import { count, STAFF_ID, storedEvents } from '../helpers.js';
import { expectErrors, useStaffArea } from './staff-area.js';

/** Demo fixtures (edge-server/src/demo/employment.ts); the test clock is 2026-12-03 09:00 in Shanghai. */
const BEADS = 'task_demo_beads'; // 15 fen per piece since 2026-11-01
const BOXES = 'task_demo_boxes'; // 12 fen per piece from 2026-11-01, 15 from 2026-12-01
const PACKING = 'task_demo_packing'; // 1250 fen per hour
const QUIET_MEMBER = 'mem_demo_02'; // no demo work logs

describe('staff: assisted employment', () => {
  const area = useStaffArea('/api/staff/employment');
  const { get, post } = area;
  const logWork = (body: Record<string, unknown>) =>
    post('/work-logs', { memberId: QUIET_MEMBER, taskId: BEADS, date: '2026-12-03', minutes: 60, pieces: 10, ...body });

  async function sheet(query: string): Promise<PaySheet> {
    const res = await get(`/pay-sheet?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as PaySheet;
  }

  it('needs a signed-in staff member for every route', async () => {
    for (const path of ['/tasks', '/work-logs', '/pay-sheet?month=2026-12', '/pay-sheet.csv?month=2026-12']) {
      expect((await get(path, false)).status).toBe(401);
    }
    const res = await area.kiosk.post('/api/staff/employment/work-logs', { memberId: QUIET_MEMBER, taskId: BEADS, date: '2026-12-03', minutes: 1, pieces: 1 });
    expect(res.status).toBe(401);
    expect(count(area.kiosk, 'employment_work_logs')).toBe(10);
  });

  it('logs work paid by the rule in force on its day, with the event of the protocol and an audit line', async () => {
    const res = await logWork({ taskId: BOXES, date: '2026-11-30', pieces: 100 });
    expect(res.status).toBe(201);
    const log = (await res.json()) as WorkLog;
    expect(log).toMatchObject({ memberId: QUIET_MEMBER, memberName: '李秀英', taskName: '纸盒折叠', date: '2026-11-30', rateCents: 12, payCents: 1200, voided: null });
    const december = (await (await logWork({ taskId: BOXES, pieces: 100 })).json()) as WorkLog;
    expect(december.payCents).toBe(1500);
    const events = storedEvents(area.kiosk).filter((e) => e.type === 'employment.work_logged');
    expect(events[0]!.data).toEqual({
      workLogId: log.id, memberId: QUIET_MEMBER, date: '2026-11-30', minutes: 60, task: '纸盒折叠', taskId: BOXES, pieces: 100, payCents: 1200, staffId: STAFF_ID,
    });
    const audit = area.kiosk.db.prepare(`SELECT action, actor_id AS actorId FROM audit_log WHERE action = 'employment.work_log'`).all();
    expect(audit).toEqual([{ action: 'employment.work_log', actorId: STAFF_ID }, { action: 'employment.work_log', actorId: STAFF_ID }]);
  });

  it('previews the pay before saving, rounding per-hour pay half up', async () => {
    const res = await get(`/pay-preview?taskId=${PACKING}&date=2026-12-03&minutes=9&pieces=0`);
    expect(res.status).toBe(200);
    const preview = (await res.json()) as PayPreview;
    expect(preview).toMatchObject({ payCents: 188, rule: { basis: 'per_hour', rateCents: 1250 } });
    expect(count(area.kiosk, 'employment_work_logs')).toBe(10);
    expect((await get(`/pay-preview?taskId=${PACKING}&date=2026-12-03&minutes=-1&pieces=0`)).status).toBe(400);
  });

  it("keeps a log's pay when a later rule version changes the rate", async () => {
    const first = (await (await logWork({})).json()) as WorkLog;
    expect(first.payCents).toBe(150);
    const res = await post(`/tasks/${BEADS}/rules`, { basis: 'per_piece', rateCents: 20, effectiveFrom: '2026-12-03' });
    expect(res.status).toBe(201);
    const task = (await res.json()) as EmploymentTask;
    expect(task.rules).toHaveLength(2);
    expect(task.current).toMatchObject({ rateCents: 20, effectiveFrom: '2026-12-03' });
    const second = (await (await logWork({})).json()) as WorkLog;
    expect(second.payCents).toBe(200);
    const member = await sheet(`month=2026-12&memberId=${QUIET_MEMBER}`);
    expect(member.members[0]!.lines.map((l) => l.payCents)).toEqual([150, 200]);
    expect(member.grandTotal.payCents).toBe(350);
  });

  it('adds a task with its first rule; the name must be new', async () => {
    const res = await post('/tasks', { name: '编织', basis: 'per_hour', rateCents: 1000, effectiveFrom: '2026-12-01' });
    expect(res.status).toBe(201);
    const task = (await res.json()) as EmploymentTask;
    expect(task).toMatchObject({ name: '编织', current: { basis: 'per_hour', rateCents: 1000 } });
    const again = await post('/tasks', { name: '编织', basis: 'per_hour', rateCents: 1000, effectiveFrom: '2026-12-01' });
    expect(again.status).toBe(409);
    const tasks = (await (await get('/tasks')).json()) as { tasks: EmploymentTask[] };
    expect(tasks.tasks.map((t) => t.name)).toEqual(expect.arrayContaining(['手工串珠', '纸盒折叠', '包装', '编织']));
  });

  it('voids a mistaken log with a reason (event, audit); the sheet leaves it out, and it cannot be voided twice', async () => {
    const log = (await (await logWork({ pieces: 40 })).json()) as WorkLog;
    const res = await post(`/work-logs/${log.id}/void`, { reason: '记错了成员' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as WorkLog).voided).toMatchObject({ reason: '记错了成员', staffId: STAFF_ID });
    expect(storedEvents(area.kiosk).at(-1)).toMatchObject({
      type: 'employment.work_voided', data: { workLogId: log.id, memberId: QUIET_MEMBER, payCents: 600, reason: '记错了成员', staffId: STAFF_ID },
    });
    expect((await sheet(`month=2026-12&memberId=${QUIET_MEMBER}`)).members[0]!.lines).toEqual([]);
    const today = (await (await get('/work-logs')).json()) as { logs: WorkLog[] };
    expect(today.logs.find((l) => l.id === log.id)?.voided?.reason).toBe('记错了成员');
    expect((await post(`/work-logs/${log.id}/void`, { reason: 'again' })).status).toBe(409);
    expect((await post('/work-logs/nope/void', { reason: 'x' })).status).toBe(404);
    expect(count(area.kiosk, 'employment_work_voids')).toBe(1);
  });

  it("sums the centre's month: per member and a grand total equal to the sum of the members", async () => {
    await logWork({ taskId: PACKING, minutes: 3, pieces: 0 });
    const s = await sheet('month=2026-12');
    expect(s.centreName).toBeTruthy();
    const quiet = s.members.find((m) => m.memberId === QUIET_MEMBER)!;
    expect(quiet.totals).toEqual({ minutes: 3, pieces: 0, payCents: 63 });
    const sum = s.members.reduce((a, m) => a + m.totals.payCents, 0);
    expect(s.grandTotal.payCents).toBe(sum);
    for (const m of s.members) expect(m.totals.payCents).toBe(m.lines.reduce((a, l) => a + l.payCents, 0));
    expect(s.members.flatMap((m) => m.lines).every((l) => l.date.startsWith('2026-12'))).toBe(true);
    const november = await sheet('month=2026-11');
    expect(november.members.flatMap((m) => m.lines).every((l) => l.date.startsWith('2026-11'))).toBe(true);
    expect(november.members.length).toBeGreaterThan(0);
  });

  it('exports the sheet as CSV with a BOM; a name with a comma and a quote is escaped', async () => {
    area.kiosk.db.prepare(`UPDATE members SET name = ? WHERE id = ?`).run('李"秀,英', QUIET_MEMBER);
    await logWork({ pieces: 7 });
    const res = await get(`/pay-sheet.csv?month=2026-12&memberId=${QUIET_MEMBER}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain('2026-12,"李""秀,英",2026-12-03,手工串珠,计件,0.15,60,7,1.05\r\n');
    expect(text).toContain('2026-12,合计,,,,,60,7,1.05\r\n');
  });

  it('refuses bad input and changes nothing', async () => {
    const before = count(area.kiosk, 'employment_work_logs');
    const cases: [Promise<Response>, number, string][] = [
      [logWork({ minutes: -5 }), 400, 'invalid_body'],
      [logWork({ minutes: 0 }), 400, 'invalid_body'],
      [logWork({ pieces: -1 }), 400, 'invalid_body'],
      [logWork({ pieces: 2.5 }), 400, 'invalid_body'],
      [logWork({ minutes: '60' }), 400, 'invalid_body'],
      [logWork({ minutes: 24 * 60 + 1 }), 400, 'invalid_body'],
      [logWork({ date: '2026-02-30' }), 400, 'invalid_date'],
      [logWork({ date: '2026-12-04' }), 400, 'future_date'],
      [logWork({ date: '2026-10-31' }), 409, 'no_pay_rule'],
      [logWork({ memberId: 'mem_nobody' }), 404, 'member_not_found'],
      [logWork({ taskId: 'task_nothing' }), 404, 'task_not_found'],
      [area.kiosk.post('/api/staff/employment/work-logs', '{"memberId":', { cookie: area.cookie }), 400, 'malformed_json'],
      [post('/tasks', { name: 'x'.repeat(41), basis: 'per_piece', rateCents: 1, effectiveFrom: '2026-12-01' }), 400, 'invalid_body'],
      [post('/tasks', { name: '新', basis: 'per_day', rateCents: 1, effectiveFrom: '2026-12-01' }), 400, 'invalid_body'],
      [post(`/tasks/${BEADS}/rules`, { basis: 'per_piece', rateCents: 1.5, effectiveFrom: '2026-12-01' }), 400, 'invalid_body'],
      [post(`/tasks/${BEADS}/rules`, { basis: 'per_piece', rateCents: 10, effectiveFrom: '12/01/2026' }), 400, 'invalid_date'],
      [post('/tasks/nope/rules', { basis: 'per_piece', rateCents: 10, effectiveFrom: '2026-12-01' }), 404, 'task_not_found'],
      [post('/work-logs/x/void', { reason: '' }), 400, 'invalid_body'],
      [get('/pay-sheet?month=2026-13'), 400, 'invalid_month'],
      [get('/pay-sheet?month=2026-1'), 400, 'invalid_month'],
      [get('/pay-sheet'), 400, 'invalid_query'],
      [get('/pay-sheet.csv?month=202612'), 400, 'invalid_month'],
      [get('/pay-sheet?month=2026-12&memberId=mem_nobody'), 404, 'member_not_found'],
      [get('/work-logs?date=yesterday'), 400, 'invalid_date'],
    ];
    await expectErrors(cases);
    expect(count(area.kiosk, 'employment_work_logs')).toBe(before);
    expect(count(area.kiosk, 'employment_pay_rules')).toBe(4);
    expect(storedEvents(area.kiosk).filter((e) => e.type.startsWith('employment.'))).toEqual([]);
  });
});
