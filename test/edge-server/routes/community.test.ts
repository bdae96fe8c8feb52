import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  KnownVolunteer, PartnerOrg, PartnerVisits, PresentVolunteer, RosterVolunteer, SatisfactionMonth, VolunteerHours, VolunteerKiosk,
  VolunteerSignedOut,
} from '../../../edge-server/src/api-types.js';
import { SATISFACTION_QUESTION } from '../../../edge-server/src/domain/surveys/surveys.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { count, errorOf, expectKind, staffCookie, touch } from '../helpers.js';
import { useStaffArea } from './staff-area.js';

const registration = { name: '李明', partnerId: null, organisation: null, partyMember: false, phone: null };

describe('volunteer and partner routes', () => {
  const area = useStaffArea('');

  const get = (path: string, headers: Record<string, string> = { cookie: area.cookie }) => area.kiosk.app.request(path, { headers });
  const register = async (body: object): Promise<RosterVolunteer> => {
    const res = await area.kiosk.post('/api/staff/volunteers', { ...registration, ...body }, { cookie: area.cookie });
    expect(res.status).toBe(201);
    return (await res.json()) as RosterVolunteer;
  };

  it('lets the kiosk sign a volunteer in and out without any sign-in', async () => {
    const partner = (await (await area.kiosk.post('/api/staff/partners', { name: '测试党支部', kind: 'party_pairing' }, { cookie: area.cookie })).json()) as PartnerOrg;
    const kioskView = (await (await get('/api/volunteers', {})).json()) as VolunteerKiosk;
    expect(kioskView.partners).toContainEqual({ id: partner.id, name: '测试党支部', kind: 'party_pairing' });
    const li = await register({ partnerId: partner.id, phone: '138 0000 0000' });
    expect(li).toMatchObject({ name: '李明', organisation: '测试党支部', partnerId: partner.id, phone: '138 0000 0000', retiredAt: null });
    // the kiosk lists the partner's volunteers by name, without the phone
    const known = (await (await get(`/api/volunteers/known?org=${partner.id}`, {})).json()) as { volunteers: KnownVolunteer[] };
    expect(known.volunteers).toEqual([{ id: li.id, name: '李明', organisation: '测试党支部', partyMember: false }]);
    const res = await area.kiosk.post('/api/volunteers/sign-in', { volunteerId: li.id, partyMember: true, activity: 'day_care' });
    expect(res.status).toBe(201);
    const present = (await res.json()) as PresentVolunteer;
    area.kiosk.clock.advance(3 * 60_000); // less than the staff idle timeout
    const out = await area.kiosk.post('/api/volunteers/sign-out', { visitId: present.visitId });
    expect((await out.json()) as VolunteerSignedOut).toEqual({ visitId: present.visitId, name: '李明', minutes: 3 });
    const again = await area.kiosk.post('/api/volunteers/sign-out', { visitId: present.visitId });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('already_signed_out');

    const hours = (await (await get('/api/staff/volunteers/hours?month=2026-12')).json()) as VolunteerHours;
    expect(hours.byOrganisation).toContainEqual(expect.objectContaining({ organisation: '测试党支部', minutes: 3, visits: 1 }));
    const visits = (await (await get(`/api/staff/partners/${partner.id}/visits`)).json()) as PartnerVisits;
    expect(visits.visits).toEqual([expect.objectContaining({ name: '李明', minutes: 3, closedBy: 'volunteer' })]);
  });

  it('refuses bad sign-in bodies, unknown and retired volunteers, and changes nothing', async () => {
    const li = await register({});
    const retired = await register({ name: '王红' });
    const retire = await area.kiosk.post(`/api/staff/volunteers/${retired.id}/retire`, { reason: '搬家' }, { cookie: area.cookie });
    expect(((await retire.json()) as RosterVolunteer).retiredAt).not.toBeNull();
    const visitsBefore = count(area.kiosk, 'volunteer_visits');
    const signIn = { volunteerId: li.id, partyMember: false, activity: 'day_care' };
    const bad = [
      { ...signIn, volunteerId: '' },
      { ...signIn, volunteerId: 'x'.repeat(65) },
      { ...signIn, partyMember: 'yes' },
      { ...signIn, activity: 'karaoke' },
      { name: '李明', partnerId: null, organisation: null, partyMember: false, activity: 'day_care' },
    ];
    for (const body of bad) {
      const res = await area.kiosk.post('/api/volunteers/sign-in', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const malformed = await area.kiosk.app.request('/api/volunteers/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"volunteerId":' });
    expect((await errorOf(malformed)).code).toBe('malformed_json');
    const unknown = await area.kiosk.post('/api/volunteers/sign-in', { ...signIn, volunteerId: 'nobody' });
    expect([unknown.status, (await errorOf(unknown)).code]).toEqual([404, 'volunteer_not_found']);
    const gone = await area.kiosk.post('/api/volunteers/sign-in', { ...signIn, volunteerId: retired.id });
    expect([gone.status, (await errorOf(gone)).code]).toEqual([409, 'volunteer_retired']);
    expect((await area.kiosk.post('/api/volunteers/sign-out', { visitId: 'nope' })).status).toBe(404);
    expect(count(area.kiosk, 'volunteer_visits')).toBe(visitsBefore);
    // the kiosk's list: 个人 has 李明 only (王红 is retired); a bad org is refused
    const own = (await (await get('/api/volunteers/known?org=individual', {})).json()) as { volunteers: KnownVolunteer[] };
    expect(own.volunteers.map((v) => v.name)).toContain('李明');
    expect(own.volunteers.map((v) => v.name)).not.toContain('王红');
    expect((await errorOf(await get('/api/volunteers/known', {}))).code).toBe('invalid_org');
    expect((await get('/api/volunteers/known?org=nope', {})).status).toBe(404);
  });

  it('lets staff register volunteers, refuses bad registrations and changes nothing', async () => {
    const before = count(area.kiosk, 'volunteers');
    const bad = [
      { ...registration, name: '' },
      { ...registration, name: 'x'.repeat(41) },
      { ...registration, name: '李\u0007明' },
      { ...registration, partyMember: 'yes' },
      { ...registration, phone: 'call me' },
      { ...registration, partnerId: 'p1', organisation: '红十字会' },
      { name: '李明' },
    ];
    for (const body of bad) {
      const res = await area.kiosk.post('/api/staff/volunteers', body, { cookie: area.cookie });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await area.kiosk.post('/api/staff/volunteers', registration)).status).toBe(401);
    expect((await get('/api/staff/volunteers', {})).status).toBe(401);
    expect((await area.kiosk.post('/api/staff/volunteers', { ...registration, partnerId: 'nope' }, { cookie: area.cookie })).status).toBe(404);
    expect(count(area.kiosk, 'volunteers')).toBe(before);
    const red = await register({ name: '赵红', organisation: '红十字会' });
    const dup = await area.kiosk.post('/api/staff/volunteers', { ...registration, name: '赵 红', organisation: '红十字会' }, { cookie: area.cookie });
    expect([dup.status, (await errorOf(dup)).code]).toEqual([409, 'volunteer_exists']);
    const list = (await (await get('/api/staff/volunteers')).json()) as { volunteers: RosterVolunteer[] };
    expect(list.volunteers[0]).toMatchObject({ id: red.id, organisation: '红十字会', partnerId: null });
    const other = (await (await get('/api/volunteers/known?org=other', {})).json()) as { volunteers: KnownVolunteer[] };
    expect(other.volunteers).toEqual([{ id: red.id, name: '赵红', organisation: '红十字会', partyMember: false }]);
    expect((await area.kiosk.post('/api/staff/volunteers/nobody/retire', {}, { cookie: area.cookie })).status).toBe(404);
  });

  it('keeps partners and hours to signed-in staff', async () => {
    const partnersBefore = count(area.kiosk, 'partner_orgs');
    for (const path of ['/api/staff/partners', '/api/staff/volunteers/hours', '/api/staff/satisfaction', '/api/staff/partners/x/visits']) {
      const res = await get(path, {});
      expect(res.status, path).toBe(401);
    }
    expect((await area.kiosk.post('/api/staff/partners', { name: '区实验小学', kind: 'school' })).status).toBe(401);
    expect(count(area.kiosk, 'partner_orgs')).toBe(partnersBefore);
  });

  it('adds and retires partners; refuses bad kinds, duplicates, unknown ids, bad months', async () => {
    expect((await area.kiosk.post('/api/staff/partners', { name: '第二实验小学', kind: 'university' }, { cookie: area.cookie })).status).toBe(400);
    expect((await area.kiosk.post('/api/staff/partners', { name: ' ', kind: 'school' }, { cookie: area.cookie })).status).toBe(400);
    const school = (await (await area.kiosk.post('/api/staff/partners', { name: '第二实验小学', kind: 'school' }, { cookie: area.cookie })).json()) as PartnerOrg;
    expect((await area.kiosk.post('/api/staff/partners', { name: '第二实验小学', kind: 'school' }, { cookie: area.cookie })).status).toBe(409);
    const retired = await area.kiosk.post(`/api/staff/partners/${school.id}/retire`, { reason: '学期结束' }, { cookie: area.cookie });
    expect(((await retired.json()) as PartnerOrg).retiredAt).toMatch(/^2026-12-03T/);
    expect((await area.kiosk.post(`/api/staff/partners/${school.id}/retire`, {}, { cookie: area.cookie })).status).toBe(409);
    expect((await area.kiosk.post('/api/staff/partners/nope/retire', {}, { cookie: area.cookie })).status).toBe(404);
    expect((await get('/api/staff/partners/nope/visits')).status).toBe(404);
    for (const month of ['2026-13', '12-2026', 'x']) {
      expect((await get(`/api/staff/volunteers/hours?month=${month}`)).status).toBe(400);
      expect((await get(`/api/staff/satisfaction?month=${month}`)).status).toBe(400);
    }
    const list = (await (await get('/api/staff/partners')).json()) as { partners: PartnerOrg[] };
    expect(list.partners).toContainEqual(expect.objectContaining({ name: '第二实验小学', retiredAt: expect.any(String) }));
    // active ones first
    expect(list.partners.at(-1)!.retiredAt).not.toBeNull();
  });
});

describe('POST /api/member/survey', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
    kiosk.clock.ms = Date.parse('2027-02-03T09:00:00+08:00'); // after the demo fixtures' months
  });
  afterEach(() => kiosk.stop());

  async function checkOut(slot: number) {
    touch(kiosk, slot);
    kiosk.clock.advance(120_000);
    const { confirmToken } = expectKind(touch(kiosk, slot), 'confirm_checkout');
    const res = await kiosk.post('/api/attendance/checkout', { confirmToken });
    return expectKind(await res.json(), 'checked_out');
  }

  it('takes the answer with the visit token, once', async () => {
    const out = await checkOut(1);
    expect(out.survey).toEqual({ questionId: SATISFACTION_QUESTION, about: null });
    const headers = { 'X-Member-Visit': out.visit.token };
    expect((await kiosk.post('/api/member/survey', { questionId: SATISFACTION_QUESTION, score: 5 }, headers)).status).toBe(204);
    const again = await kiosk.post('/api/member/survey', { questionId: SATISFACTION_QUESTION, score: 1 }, headers);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('not_asked');
    const cookie = await staffCookie(kiosk);
    const month = (await (await kiosk.app.request('/api/staff/satisfaction?month=2027-02', { headers: { cookie } })).json()) as SatisfactionMonth;
    expect(month.kinds).toEqual([{ about: null, asked: 1, answers: 1, average: 5, distribution: [0, 0, 0, 0, 1] }]);
  });

  it('needs a live visit and a valid body; a bad answer changes nothing', async () => {
    const noVisit = await kiosk.post('/api/member/survey', { questionId: SATISFACTION_QUESTION, score: 3 });
    expect(noVisit.status).toBe(401);
    expect((await errorOf(noVisit)).code).toBe('visit_expired');
    const out = await checkOut(2);
    const headers = { 'X-Member-Visit': out.visit.token };
    const answersBefore = count(kiosk, 'survey_answers');
    for (const body of [{ questionId: SATISFACTION_QUESTION, score: 0 }, { questionId: SATISFACTION_QUESTION, score: 6 },
      { questionId: SATISFACTION_QUESTION, score: 2.5 }, { questionId: SATISFACTION_QUESTION }, { score: 3 },
      { questionId: SATISFACTION_QUESTION, score: 3, named: 'yes' }]) {
      expect((await kiosk.post('/api/member/survey', body, headers)).status, JSON.stringify(body)).toBe(400);
    }
    expect(count(kiosk, 'survey_answers')).toBe(answersBefore);
    expect(count(kiosk, 'survey_ask_closures')).toBe(0);
    // skipping is an answer of null: the ask is used up, nothing is stored
    expect((await kiosk.post('/api/member/survey', { questionId: SATISFACTION_QUESTION, score: null }, headers)).status).toBe(204);
    expect(count(kiosk, 'survey_answers')).toBe(answersBefore);
    expect(count(kiosk, 'survey_ask_closures')).toBe(1);
  });
});
