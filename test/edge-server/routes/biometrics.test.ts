import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BiometricStatus, EnrolmentState } from '../../../edge-server/src/api-types.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { count, errorOf, expectKind, staffCookie, STAFF_ID, storedEvents, touch } from '../helpers.js';

/** Lets the reader's async enrolment steps run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('consent and fingerprint enrolment (staff routes)', () => {
  let kiosk: TestKiosk;
  let cookie: string;
  let enrolmentMessages: EnrolmentState[];
  beforeEach(async () => {
    kiosk = await createTestKiosk();
    cookie = await staffCookie(kiosk);
    enrolmentMessages = [];
    kiosk.bus.subscribe('enrolment', (e) => enrolmentMessages.push(e));
  });
  afterEach(() => kiosk.stop());

  const get = async <T>(path: string): Promise<T> => {
    const res = await kiosk.app.request(path, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const post = (path: string, body: unknown) => kiosk.post(path, body, { cookie });
  const status = (memberId: string) => get<BiometricStatus>(`/api/staff/members/${memberId}/biometrics`);

  async function consent(memberId: string, body: Record<string, unknown> = { by: 'self' }): Promise<BiometricStatus> {
    const res = await post(`/api/staff/members/${memberId}/consent`, body);
    expect(res.status).toBe(201);
    return (await res.json()) as BiometricStatus;
  }

  async function startEnrolment(memberId: string, finger = 'right_index', presses = 3): Promise<EnrolmentState> {
    const res = await post('/api/staff/enrolments', { memberId, finger, presses });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    await settle();
    return (await res.json()) as EnrolmentState;
  }

  async function press(slot: number | null, quality?: 'few_features'): Promise<void> {
    kiosk.fingerprint.touch(slot, quality);
    await settle();
  }

  it('needs a staff session', async () => {
    const res = await kiosk.app.request('/api/staff/members/mem_demo_15/biometrics');
    expect(res.status).toBe(401);
    expect((await kiosk.post('/api/staff/enrolments', { memberId: 'mem_demo_15', finger: 'right_index' })).status).toBe(401);
  });

  it('shows a card-only member without consent, and refuses to enrol before consent', async () => {
    expect(await status('mem_demo_15')).toEqual({
      member: { id: 'mem_demo_15', name: '钱志刚' }, consent: null, fingers: [], reader: 'ok', pendingSensorDeletions: 0,
    });
    const res = await post('/api/staff/enrolments', { memberId: 'mem_demo_15', finger: 'right_index' });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('consent_required');
  });

  it('records consent by a guardian once, as consent.given with the staff id, and audits it', async () => {
    const missingName = await post('/api/staff/members/mem_demo_14/consent', { by: 'guardian' });
    expect(missingName.status).toBe(400);
    expect((await errorOf(missingName)).code).toBe('guardian_name_required');

    const s = await consent('mem_demo_14', { by: 'guardian', guardianName: '郑国强' });
    expect(s.consent).toMatchObject({ by: 'guardian', guardianName: '郑国强', staffName: '王芳', givenAt: '2026-12-03T09:00:00.000+08:00' });
    await consent('mem_demo_14', { by: 'guardian', guardianName: '郑国强' }); // again: nothing new
    const events = storedEvents(kiosk).filter((e) => e.type === 'consent.given');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({
      consentId: s.consent!.id, memberId: 'mem_demo_14', purpose: 'biometric_attendance', by: 'guardian', staffId: STAFF_ID,
    });
    expect(kiosk.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'biometric.%'`).all()).toEqual([{ action: 'biometric.consent_given' }]);
  });

  it('enrols with three presses (one repeated with advice), tests the finger, then the member checks in by it', async () => {
    await consent('mem_demo_15');
    const started = await startEnrolment('mem_demo_15');
    expect(started).toMatchObject({ status: 'pressing', memberId: 'mem_demo_15', finger: 'right_index', test: null });
    await press(null, 'few_features');
    await press(null);
    await press(null);
    await press(null);
    const steps = enrolmentMessages.map((m) => m.progress).filter(Boolean);
    expect(steps).toContainEqual({ step: 'retry', press: 1, presses: 3, problem: 'few_features' });
    // the advice stays on the state until a press succeeds (a polling client sees it too)
    const problems = enrolmentMessages.map((m) => [m.progress?.step, m.problem]);
    expect(problems.slice(0, 4)).toEqual([['place', null], ['retry', 'few_features'], ['place', 'few_features'], ['lift', null]]);
    expect(steps.at(-1)).toEqual({ step: 'storing' });

    const testing = await get<EnrolmentState>(`/api/staff/enrolments/${started.id}`);
    expect(testing).toMatchObject({ status: 'testing', test: 'waiting', failure: null });
    const { fingers } = await status('mem_demo_15');
    expect(fingers).toEqual([{ finger: 'right_index', slot: 0, enrolledAt: '2026-12-03T09:00:00.000+08:00' }]);
    const enrolled = storedEvents(kiosk).find((e) => e.type === 'member.biometric_enrolled')!;
    expect(enrolled.data).toMatchObject({ memberId: 'mem_demo_15', finger: 'right_index', staffId: STAFF_ID });
    expect(enrolled.data.consentId).toEqual((await status('mem_demo_15')).consent!.id);
    expect(JSON.stringify(enrolled.data)).not.toMatch(/slot|template/);

    // The test press goes to the enrolment, not to attendance.
    const outcomes: unknown[] = [];
    const off = kiosk.bus.subscribe('outcome', (o) => outcomes.push(o));
    kiosk.fingerprint.touch(null);
    expect((await get<EnrolmentState>(`/api/staff/enrolments/${started.id}`)).test).toBe('no_match');
    expect(outcomes).toEqual([]);
    off();
    // Somebody else's finger meanwhile is that person arriving, not a test press.
    expect(expectKind(touch(kiosk, 5), 'checked_in').member.name).toBe('陈静');
    kiosk.fingerprint.touch(0);
    expect(await get<EnrolmentState>(`/api/staff/enrolments/${started.id}`)).toMatchObject({ status: 'done', test: 'matched' });
    expect(count(kiosk, 'attendance')).toBe(1);

    expect(expectKind(touch(kiosk, 0), 'checked_in').member.name).toBe('钱志刚');
  });

  it('refuses a finger already enrolled for someone else, names them, and stores nothing', async () => {
    await consent('mem_demo_15');
    const started = await startEnrolment('mem_demo_15', 'left_index', 2);
    await press(1);
    await press(1);
    expect(await get<EnrolmentState>(`/api/staff/enrolments/${started.id}`)).toMatchObject({
      status: 'failed', failure: 'duplicate', duplicateOf: '张伟',
    });
    expect((await status('mem_demo_15')).fingers).toEqual([]);
    expect(storedEvents(kiosk).map((e) => e.type)).toEqual(['consent.given']);
  });

  it('cancels mid-way without storing, and allows one enrolment at a time', async () => {
    await consent('mem_demo_15');
    await consent('mem_demo_14', { by: 'self' });
    const started = await startEnrolment('mem_demo_15');
    await press(null);
    const second = await post('/api/staff/enrolments', { memberId: 'mem_demo_14', finger: 'right_index' });
    expect(second.status).toBe(409);
    expect((await errorOf(second)).code).toBe('enrolment_in_progress');
    expect((await post(`/api/staff/enrolments/${started.id}/cancel`, {})).status).toBe(200);
    await settle();
    expect(await get<EnrolmentState>(`/api/staff/enrolments/${started.id}`)).toMatchObject({ status: 'cancelled', failure: 'cancelled' });
    expect(await kiosk.fingerprint.enrolledSlots()).not.toContain(0);
    expect((await startEnrolment('mem_demo_14')).status).toBe('pressing');
  });

  it('two staff screens starting an enrolment at the same moment: one starts, the other is told', async () => {
    await consent('mem_demo_15');
    await consent('mem_demo_14', { by: 'self' });
    const [a, b] = await Promise.all([
      post('/api/staff/enrolments', { memberId: 'mem_demo_15', finger: 'right_index' }),
      post('/api/staff/enrolments', { memberId: 'mem_demo_14', finger: 'right_index' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });

  it('signing out stops the enrolment the staff member was running', async () => {
    await consent('mem_demo_15');
    const started = await startEnrolment('mem_demo_15');
    const out = await kiosk.app.request('/api/staff/session', { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    await settle();
    expect(kiosk.services.enrolments.get(started.id)).toMatchObject({ status: 'cancelled' });
    expect(kiosk.services.enrolments.current()).toBeNull();
  });

  it('refuses to enrol the same finger twice and when the reader is unplugged', async () => {
    const twice = await post('/api/staff/enrolments', { memberId: 'mem_demo_01', finger: 'right_index' });
    expect(twice.status).toBe(409);
    expect((await errorOf(twice)).code).toBe('finger_already_enrolled');
    kiosk.fingerprint.setPlugged(false);
    const unplugged = await post('/api/staff/enrolments', { memberId: 'mem_demo_01', finger: 'left_index' });
    expect(unplugged.status).toBe(503);
    expect((await errorOf(unplugged)).code).toBe('reader_unavailable');
  });

  it('rejects bad bodies and unknown fingers plainly', async () => {
    expect((await post('/api/staff/enrolments', { memberId: 'mem_demo_15', finger: 'tail' })).status).toBe(400);
    expect((await post('/api/staff/members/mem_demo_15/consent', { by: 'neighbour' })).status).toBe(400);
    const del = await kiosk.app.request('/api/staff/members/mem_demo_01/fingers/toe', { method: 'DELETE', headers: { cookie } });
    expect(del.status).toBe(400);
    expect((await kiosk.app.request('/api/staff/enrolments/nope', { headers: { cookie } })).status).toBe(404);
  });

  it('withdrawing consent removes every finger, deletes the template, and the finger is no longer recognised', async () => {
    const res = await post('/api/staff/members/mem_demo_01/consent/withdraw', { by: 'self' });
    expect(res.status).toBe(200);
    const s = (await res.json()) as BiometricStatus;
    expect(s).toMatchObject({ consent: null, fingers: [], pendingSensorDeletions: 0 });
    expect(await kiosk.fingerprint.enrolledSlots()).not.toContain(1);
    expect(storedEvents(kiosk).map((e) => [e.type, e.data.reason])).toEqual([
      ['member.biometric_removed', 'consent_withdrawn'], ['consent.withdrawn', undefined],
    ]);
    expectKind(touch(kiosk, 1), 'not_recognised');
    const again = await post('/api/staff/members/mem_demo_01/consent/withdraw', { by: 'self' });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('no_consent');
    const enrol = await post('/api/staff/enrolments', { memberId: 'mem_demo_01', finger: 'right_index' });
    expect((await errorOf(enrol)).code).toBe('consent_required');
  });

  it('queues the sensor deletion while the reader is unplugged and does it when the reader is back', async () => {
    kiosk.fingerprint.setPlugged(false);
    const del = await kiosk.app.request('/api/staff/members/mem_demo_02/fingers/right_index', { method: 'DELETE', headers: { cookie } });
    expect(del.status).toBe(200);
    expect(((await del.json()) as BiometricStatus)).toMatchObject({ fingers: [], pendingSensorDeletions: 1, reader: 'absent' });
    kiosk.fingerprint.setPlugged(true);
    await settle();
    expect((await status('mem_demo_02')).pendingSensorDeletions).toBe(0);
    expect(await kiosk.fingerprint.enrolledSlots()).not.toContain(2);
  });

  it('says when linked fingers are missing on the reader (a replaced or emptied module)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await kiosk.services.biometrics.reconcile()).toEqual({ missingSlots: [] });
    await kiosk.fingerprint.deleteSlot(4);
    await kiosk.fingerprint.deleteSlot(7);
    expect(await kiosk.services.biometrics.reconcile()).toEqual({ missingSlots: [4, 7] });
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/2 enrolled finger\(s\) are not on the reader \(slots 4, 7\).*card/);
    warn.mockRestore();
  });

  it('a member who left the centre loses their fingerprints (left_centre), and slots are reused only after deletion', async () => {
    await kiosk.services.biometrics.memberLeft('mem_demo_03');
    expect(storedEvents(kiosk).map((e) => [e.type, e.data.reason, e.data.staffId])).toEqual([
      ['member.biometric_removed', 'left_centre', null],
    ]);
    expect(kiosk.db.prepare(`SELECT actor_kind AS kind FROM audit_log WHERE action = 'biometric.removed'`).get()).toEqual({ kind: 'system' });
    await consent('mem_demo_15');
    await startEnrolment('mem_demo_15', 'right_index', 2);
    await press(null);
    await press(null);
    // slot 0 is free; 3 was freed too, but the lowest free slot wins
    expect((await status('mem_demo_15')).fingers[0]!.slot).toBe(0);
  });
});
