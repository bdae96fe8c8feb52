import { describe, expect, it } from 'vitest';
import type { RehabOverview, RehabPlanSummary } from '../../../edge-server/src/api-types.js';
import { count, STAFF_ID, storedEvents } from '../helpers.js';
import { expectErrors, useStaffArea } from './staff-area.js';

const MEMBER = 'mem_demo_05'; // no demo plan
const DEMO_PLAN_MEMBER = 'mem_demo_04';

describe('staff: rehabilitation plans', () => {
  const area = useStaffArea('/api/staff/rehab');
  const { get, post } = area;

  async function overview(memberId = MEMBER): Promise<RehabOverview> {
    const res = await get(`/members/${memberId}`);
    expect(res.status).toBe(200);
    return (await res.json()) as RehabOverview;
  }

  it('needs a signed-in staff member', async () => {
    expect((await get('/plans', false)).status).toBe(401);
    expect((await get(`/members/${MEMBER}`, false)).status).toBe(401);
    expect((await area.kiosk.post(`/api/staff/rehab/members/${MEMBER}/plan`, { goals: [{ text: 'x' }] })).status).toBe(401);
  });

  it('starts a plan, then a review appends version 2 keeping goal ids; events carry ids and counts, never texts', async () => {
    expect((await overview()).plan).toBeNull();
    const res = await post(`/members/${MEMBER}/plan`, { goals: [{ text: '独立穿鞋', targetDate: '2027-03-01' }, { text: '用手语打招呼' }] });
    expect(res.status).toBe(201);
    const v1 = (await res.json()) as RehabOverview;
    expect(v1.plan).toMatchObject({ version: 1, staffId: STAFF_ID, staffName: '王芳', goals: [{ text: '独立穿鞋', targetDate: '2027-03-01' }, { text: '用手语打招呼', targetDate: null }] });
    const [shoes] = v1.plan!.goals;
    const v2 = (await (await post(`/members/${MEMBER}/plan`, { goals: [{ goalId: shoes!.goalId, text: '独立穿鞋并系鞋带' }, { text: '整理书包' }] })).json()) as RehabOverview;
    expect(v2.plan).toMatchObject({ version: 2, goals: [{ goalId: shoes!.goalId, text: '独立穿鞋并系鞋带' }, { text: '整理书包' }] });
    expect(v2.versions.map((v) => [v.version, v.goalCount])).toEqual([[1, 2], [2, 2]]);
    const events = storedEvents(area.kiosk).filter((e) => e.type === 'rehab.plan_set');
    expect(events.map((e) => e.data)).toEqual([
      { planId: v1.plan!.planId, memberId: MEMBER, version: 1, goalCount: 2, goalIds: v1.plan!.goals.map((g) => g.goalId), staffId: STAFF_ID },
      { planId: v2.plan!.planId, memberId: MEMBER, version: 2, goalCount: 2, goalIds: v2.plan!.goals.map((g) => g.goalId), staffId: STAFF_ID },
    ]);
    expect(JSON.stringify(events)).not.toContain('穿鞋');
    const audit = area.kiosk.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'rehab.%' ORDER BY id`).all();
    expect(audit).toEqual([{ action: 'rehab.plan_start' }, { action: 'rehab.plan_review' }]);
  });

  it('adds outcome notes with ratings (with or without a session) and shows progress per goal by date', async () => {
    const plan = (await (await post(`/members/${MEMBER}/plan`, { goals: [{ text: '独立穿鞋' }, { text: '整理书包' }] })).json()) as RehabOverview;
    const [shoes, bag] = plan.plan!.goals;
    const first = await post(`/members/${MEMBER}/notes`, {
      sessionId: 'ses_rehab_1', date: '2026-12-01', note: '需要提醒。', ratings: [{ goalId: shoes!.goalId, rating: 2 }],
    });
    expect(first.status).toBe(201);
    await post(`/members/${MEMBER}/notes`, { date: '2026-12-03', note: '自己穿好了。', ratings: [{ goalId: shoes!.goalId, rating: 4 }, { goalId: bag!.goalId, rating: 3 }] });
    const o = await overview();
    expect(o.notes.map((n) => [n.date, n.sessionId, n.note])).toEqual([['2026-12-03', null, '自己穿好了。'], ['2026-12-01', 'ses_rehab_1', '需要提醒。']]);
    expect(o.progress).toEqual([
      { goalId: shoes!.goalId, text: '独立穿鞋', points: [{ date: '2026-12-01', rating: 2, noteId: o.notes[1]!.noteId }, { date: '2026-12-03', rating: 4, noteId: o.notes[0]!.noteId }] },
      { goalId: bag!.goalId, text: '整理书包', points: [{ date: '2026-12-03', rating: 3, noteId: o.notes[0]!.noteId }] },
    ]);
    const event = storedEvents(area.kiosk).filter((e) => e.type === 'rehab.note_added')[0]!;
    expect(event.data).toEqual({
      noteId: o.notes[1]!.noteId, planId: plan.plan!.planId, memberId: MEMBER, sessionId: 'ses_rehab_1', date: '2026-12-01',
      ratings: [{ goalId: shoes!.goalId, rating: 2 }], staffId: STAFF_ID,
    });
    expect(JSON.stringify(storedEvents(area.kiosk))).not.toContain('提醒');
    const plans = (await (await get('/plans')).json()) as { plans: RehabPlanSummary[] };
    expect(plans.plans.find((p) => p.memberId === MEMBER)).toMatchObject({ version: 1, goalCount: 2, noteCount: 2 });
  });

  it('shows the demo plan with its progress', async () => {
    const o = await overview(DEMO_PLAN_MEMBER);
    expect(o.plan?.goals).toHaveLength(2);
    expect(o.progress[0]!.points.map((p) => p.rating)).toEqual([2, 3, 4]);
  });

  it('refuses bad input and changes nothing', async () => {
    const plan = (await (await post(`/members/${MEMBER}/plan`, { goals: [{ text: '独立穿鞋' }] })).json()) as RehabOverview;
    const goalId = plan.plan!.goals[0]!.goalId;
    const [plans, notes, events] = [count(area.kiosk, 'rehab_plans'), count(area.kiosk, 'rehab_notes'), count(area.kiosk, 'events')];
    const note = (body: Record<string, unknown>, memberId = MEMBER) => post(`/members/${memberId}/notes`, { date: '2026-12-02', note: '好', ratings: [], ...body });
    const cases: [Promise<Response>, number, string][] = [
      [post(`/members/${MEMBER}/plan`, { goals: [] }), 400, 'invalid_body'],
      [post(`/members/${MEMBER}/plan`, { goals: [{ text: '' }] }), 400, 'invalid_body'],
      [post(`/members/${MEMBER}/plan`, { goals: [{ text: 'x'.repeat(201) }] }), 400, 'invalid_body'],
      [post(`/members/${MEMBER}/plan`, { goals: [{ text: 'a', targetDate: '2027-02-30' }] }), 400, 'invalid_date'],
      [post(`/members/${MEMBER}/plan`, { goals: [{ goalId: 'goal_demo_bus', text: 'a' }] }), 400, 'unknown_goal'],
      [post(`/members/${MEMBER}/plan`, { goals: [{ goalId, text: 'a' }, { goalId, text: 'b' }] }), 400, 'duplicate_goal'],
      [post('/members/mem_nobody/plan', { goals: [{ text: 'a' }] }), 404, 'member_not_found'],
      [area.kiosk.post(`/api/staff/rehab/members/${MEMBER}/plan`, '{goals', { cookie: area.cookie }), 400, 'malformed_json'],
      [note({ ratings: [{ goalId, rating: 6 }] }), 400, 'invalid_body'],
      [note({ ratings: [{ goalId, rating: 0 }] }), 400, 'invalid_body'],
      [note({ ratings: [{ goalId: 'goal_demo_bus', rating: 3 }] }), 400, 'unknown_goal'],
      [note({ ratings: [{ goalId, rating: 3 }, { goalId, rating: 4 }] }), 400, 'duplicate_goal'],
      [note({ note: '' }), 400, 'invalid_body'],
      [note({ note: 'x'.repeat(501) }), 400, 'invalid_body'],
      [note({ date: '2026-12-04' }), 400, 'future_date'],
      [note({ date: '3 Dec' }), 400, 'invalid_date'],
      [note({}, 'mem_demo_06'), 409, 'no_plan'],
      [note({}, 'mem_nobody'), 404, 'member_not_found'],
      [get('/members/mem_nobody'), 404, 'member_not_found'],
    ];
    await expectErrors(cases);
    expect([count(area.kiosk, 'rehab_plans'), count(area.kiosk, 'rehab_notes'), count(area.kiosk, 'events')]).toEqual([plans, notes, events]);
  });
});
