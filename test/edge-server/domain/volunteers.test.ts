import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VolunteerInput, VolunteerSignInRequest } from '../../../edge-server/src/api-types.js';
import { setSetting } from '../../../edge-server/src/db/settings.repo.js';
import { localInstant, monthRange } from '../../../edge-server/src/domain/volunteers/local-time.js';
import { codeOf } from './error-code.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { STAFF_ID, storedEvents } from '../helpers.js';

const MINUTE = 60_000;

function registration(over: Partial<VolunteerInput> = {}): VolunteerInput {
  return { name: '李明', partnerId: null, organisation: null, partyMember: true, phone: null, ...over };
}


describe('local time helpers', () => {
  it('finds the instant of a local clock time in the centre', () => {
    expect(localInstant('2026-12-03', '17:30', 'Asia/Shanghai')).toBe(Date.parse('2026-12-03T17:30:00+08:00'));
    // across a DST change: New York is UTC-4 in July
    expect(localInstant('2026-07-01', '08:00', 'America/New_York')).toBe(Date.parse('2026-07-01T08:00:00-04:00'));
  });

  it('knows the days of a month and refuses what is not one', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-13')).toBeNull();
    expect(monthRange('2026-1')).toBeNull();
  });
});

describe('volunteer visits', () => {
  let kiosk: TestKiosk;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(() => kiosk.stop());

  const volunteers = () => kiosk.services.volunteers;
  const partners = () => kiosk.services.partners;
  const roster = () => kiosk.services.volunteerRoster;
  /** Staff register the volunteer; the sign-in request picks them by id, as the kiosk does. */
  const signInput = (over: Partial<VolunteerInput> = {}, visit: Partial<VolunteerSignInRequest> = {}): VolunteerSignInRequest => {
    const volunteer = roster().register(STAFF_ID, registration(over));
    return { volunteerId: volunteer.id, partyMember: volunteer.partyMember, activity: 'culture_sports', ...visit };
  };

  it('signs a volunteer in and out and records volunteer.visited with the minutes', () => {
    const school = partners().add(STAFF_ID, { name: '第二实验小学', kind: 'school' });
    const visit = volunteers().signIn(signInput({ partnerId: school.id }));
    expect(volunteers().kiosk().present).toEqual([expect.objectContaining({ visitId: visit.visitId, name: '李明', organisation: '第二实验小学' })]);
    kiosk.clock.advance(95 * MINUTE + 20_000);
    expect(volunteers().signOut(visit.visitId)).toEqual({ visitId: visit.visitId, name: '李明', minutes: 95 });
    expect(volunteers().kiosk().present).toEqual([]);
    const events = storedEvents(kiosk).filter((e) => e.type === 'volunteer.visited');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({
      visitId: visit.visitId, name: '李明', organisation: '第二实验小学', partnerId: school.id, partyMember: true,
      minutes: 95, activity: 'culture_sports', autoClosed: false,
    });
  });

  it('refuses a second sign-out of the same visit and changes nothing', () => {
    const visit = volunteers().signIn(signInput());
    volunteers().signOut(visit.visitId);
    expect(codeOf(() => volunteers().signOut(visit.visitId))).toBe('already_signed_out');
    expect(storedEvents(kiosk).filter((e) => e.type === 'volunteer.visited')).toHaveLength(1);
    expect(codeOf(() => volunteers().signOut('no-such-visit'))).toBe('visit_not_found');
  });

  it('refuses signing the same person in twice, but not a namesake from another organisation', () => {
    const li = signInput();
    volunteers().signIn(li);
    expect(codeOf(() => volunteers().signIn(li))).toBe('already_signed_in');
    volunteers().signIn(signInput({ organisation: '某科技公司' }));
    expect(volunteers().kiosk().present).toHaveLength(2);
  });

  it('records 个人 for a volunteer on their own and the typed words for another organisation', () => {
    expect(volunteers().signIn(signInput()).organisation).toBe('个人');
    expect(volunteers().signIn(signInput({ name: '王红', organisation: '红十字会' })).organisation).toBe('红十字会');
  });

  it('fills the visit from the roster and takes the Party membership confirmed today', () => {
    const input = signInput({ name: '周平', partyMember: false });
    const visit = volunteers().signIn({ ...input, partyMember: true });
    volunteers().signOut(visit.visitId);
    expect(storedEvents(kiosk).find((e) => e.type === 'volunteer.visited')!.data).toMatchObject({ name: '周平', organisation: '个人', partyMember: true });
    // the next time the kiosk offers what was said last
    expect(roster().known('individual').find((v) => v.id === input.volunteerId)).toMatchObject({ partyMember: true });
  });

  it('lists an organisation\'s volunteers most recent first, without phone, retired ones left out', () => {
    const school = partners().add(STAFF_ID, { name: '第三实验小学', kind: 'school' });
    const first = roster().register(STAFF_ID, registration({ name: '甲', partnerId: school.id, phone: '13800000000' }));
    kiosk.clock.advance(MINUTE);
    const second = roster().register(STAFF_ID, registration({ name: '乙', partnerId: school.id }));
    kiosk.clock.advance(MINUTE);
    expect(roster().known({ partnerId: school.id }).map((v) => v.name)).toEqual(['乙', '甲']);
    // a visit makes 甲 the most recent
    volunteers().signIn({ volunteerId: first.id, partyMember: false, activity: 'day_care' });
    expect(roster().known({ partnerId: school.id })).toEqual([
      { id: first.id, name: '甲', organisation: '第三实验小学', partyMember: false },
      { id: second.id, name: '乙', organisation: '第三实验小学', partyMember: true },
    ]);
    roster().retire(STAFF_ID, second.id, '毕业');
    expect(roster().known({ partnerId: school.id }).map((v) => v.name)).toEqual(['甲']);
    expect(roster().list().find((v) => v.id === second.id)).toMatchObject({ retiredAt: expect.any(String), lastVisitAt: null });
    // 个人 and other organisations are told apart
    roster().register(STAFF_ID, registration({ name: '丙', organisation: '红十字会' }));
    expect(roster().known('other').map((v) => v.name)).toEqual(['丙']);
    expect(roster().known('individual').map((v) => v.name)).not.toContain('丙');
    expect(codeOf(() => roster().known({ partnerId: 'nope' }))).toBe('partner_not_found');
  });

  it('audits registering and retiring, refuses duplicates, a retired volunteer and unknown ids', () => {
    const volunteer = roster().register(STAFF_ID, registration({ name: '孙丽' }));
    expect(codeOf(() => roster().register(STAFF_ID, registration({ name: '孙 丽' })))).toBe('volunteer_exists');
    roster().retire(STAFF_ID, volunteer.id, null);
    expect(codeOf(() => roster().retire(STAFF_ID, volunteer.id, null))).toBe('volunteer_retired');
    expect(codeOf(() => volunteers().signIn({ volunteerId: volunteer.id, partyMember: true, activity: 'day_care' }))).toBe('volunteer_retired');
    expect(codeOf(() => volunteers().signIn({ volunteerId: 'nobody', partyMember: true, activity: 'day_care' }))).toBe('volunteer_not_found');
    expect(codeOf(() => roster().retire(STAFF_ID, 'nobody', null))).toBe('volunteer_not_found');
    expect(codeOf(() => roster().register(STAFF_ID, registration({ partnerId: 'nope' })))).toBe('partner_not_found');
    const actions = kiosk.db.prepare(`SELECT action FROM audit_log WHERE target = ? ORDER BY rowid`).all(volunteer.id) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['volunteer.register', 'volunteer.retire']);
    // retired: the same name may be registered again
    expect(roster().register(STAFF_ID, registration({ name: '孙丽' })).retiredAt).toBeNull();
  });

  it('no longer offers a retired organisation, refuses it at sign-in, keeps its past visits', () => {
    const firm = partners().add(STAFF_ID, { name: '测试科技公司', kind: 'company' });
    const zhang = signInput({ name: '张强', partnerId: firm.id });
    const visit = volunteers().signIn(signInput({ partnerId: firm.id }));
    volunteers().signOut(visit.visitId);
    const retired = partners().retire(STAFF_ID, firm.id, '结对结束');
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.visits).toBe(1);
    expect(volunteers().kiosk().partners.map((p) => p.id)).not.toContain(firm.id);
    expect(codeOf(() => volunteers().signIn(zhang))).toBe('partner_retired');
    expect(roster().known({ partnerId: firm.id })).toEqual([]);
    expect(codeOf(() => roster().register(STAFF_ID, registration({ name: '钱七', partnerId: firm.id })))).toBe('partner_retired');
    expect(codeOf(() => partners().retire(STAFF_ID, firm.id, null))).toBe('partner_retired');
    expect(volunteers().partnerVisits(firm.id).visits).toHaveLength(1);
    // the name is free again for a new partner
    expect(partners().add(STAFF_ID, { name: '测试科技公司', kind: 'company' }).retiredAt).toBeNull();
  });

  it('refuses a second active partner with the same name and unknown partners', () => {
    partners().add(STAFF_ID, { name: '测试党支部', kind: 'party_pairing' });
    expect(codeOf(() => partners().add(STAFF_ID, { name: '测试党支部', kind: 'other' }))).toBe('partner_exists');
    // the demo centre's own 街道党工委 (demo/community.ts) is taken too
    expect(codeOf(() => partners().add(STAFF_ID, { name: '街道党工委', kind: 'party_pairing' }))).toBe('partner_exists');
    expect(codeOf(() => partners().retire(STAFF_ID, 'nope', null))).toBe('partner_not_found');
  });

  it('closes a visit nobody signed out at closing time, flagged', () => {
    setSetting(kiosk.db, 'monitoring', { openingHours: { open: '08:00', close: '17:00', days: [1, 2, 3, 4, 5] } });
    const visit = volunteers().signIn(signInput()); // 09:00
    kiosk.clock.advance(7 * 60 * MINUTE); // 16:00: still open
    expect(volunteers().kiosk().present).toHaveLength(1);
    kiosk.clock.advance(90 * MINUTE); // 17:30
    expect(volunteers().kiosk().present).toEqual([]);
    const [line] = volunteers().hours('2026-12').visits;
    expect(line).toMatchObject({ visitId: visit.visitId, minutes: 480, closedBy: 'closing_time', signedOutAt: '2026-12-03T17:00:00.000+08:00' });
    const event = storedEvents(kiosk).find((e) => e.type === 'volunteer.visited')!;
    expect(event).toMatchObject({ occurredAt: '2026-12-03T17:00:00.000+08:00', data: { minutes: 480, autoClosed: true } });
    expect(codeOf(() => volunteers().signOut(visit.visitId))).toBe('already_signed_out');
  });

  it('keeps an after-hours sign-in open until the end of its day', () => {
    kiosk.clock.ms = Date.parse('2026-12-03T18:30:00+08:00');
    volunteers().signIn(signInput());
    kiosk.clock.advance(60 * MINUTE);
    expect(volunteers().kiosk().present).toHaveLength(1);
    kiosk.clock.ms = Date.parse('2026-12-04T08:00:00+08:00');
    expect(volunteers().kiosk().present).toEqual([]);
    expect(volunteers().hours('2026-12').visits[0]).toMatchObject({ minutes: 329, closedBy: 'closing_time' });
  });

  it('adds up the month per volunteer and per organisation', () => {
    // months after the demo fixtures (dated back from 2026-12-03)
    kiosk.clock.ms = Date.parse('2027-02-03T09:00:00+08:00');
    const party = partners().add(STAFF_ID, { name: '测试党支部', kind: 'party_pairing' });
    const li = signInput({ name: '李明', partnerId: party.id }).volunteerId;
    const wang = signInput({ name: '王红', partnerId: party.id, partyMember: false }).volunteerId;
    const zhao = signInput({ name: '赵六' }).volunteerId;
    const ids: Record<string, string> = { 李明: li, 王红: wang, 赵六: zhao };
    const visit = (name: string, minutes: number, partyMember = name !== '王红') => {
      const v = volunteers().signIn({ volunteerId: ids[name]!, partyMember, activity: 'culture_sports' });
      kiosk.clock.advance(minutes * MINUTE);
      volunteers().signOut(v.visitId);
    };
    visit('李明', 60);
    visit('王红', 30);
    visit('李明', 45);
    visit('赵六', 20);
    kiosk.clock.ms = Date.parse('2027-03-05T09:00:00+08:00');
    visit('李明', 100); // March: not in February's totals

    const feb = volunteers().hours('2027-02');
    expect(feb.byVolunteer).toEqual([
      { name: '李明', organisation: '测试党支部', partyMember: true, visits: 2, minutes: 105 },
      { name: '王红', organisation: '测试党支部', partyMember: false, visits: 1, minutes: 30 },
      { name: '赵六', organisation: '个人', partyMember: true, visits: 1, minutes: 20 },
    ]);
    expect(feb.byOrganisation).toEqual([
      { partnerId: party.id, organisation: '测试党支部', kind: 'party_pairing', visits: 3, volunteers: 2, minutes: 135 },
      { partnerId: null, organisation: '个人', kind: null, visits: 1, volunteers: 1, minutes: 20 },
    ]);
    expect(feb.visits).toHaveLength(4);
    expect(volunteers().hours('2027-03').byVolunteer).toEqual([expect.objectContaining({ name: '李明', minutes: 100 })]);
    expect(codeOf(() => volunteers().hours('December'))).toBe('invalid_month');
  });
});
