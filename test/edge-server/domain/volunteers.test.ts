import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VolunteerSignInRequest } from '../../../edge-server/src/api-types.js';
import { setSetting } from '../../../edge-server/src/db/settings.repo.js';
import { localInstant, monthRange } from '../../../edge-server/src/domain/volunteers/local-time.js';
import { codeOf } from './error-code.js';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { STAFF_ID, storedEvents } from '../helpers.js';

const MINUTE = 60_000;

function signInput(over: Partial<VolunteerSignInRequest> = {}): VolunteerSignInRequest {
  return { name: '李明', partnerId: null, organisation: null, partyMember: true, activity: 'culture_sports', ...over };
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
    volunteers().signIn(signInput());
    expect(codeOf(() => volunteers().signIn(signInput({ name: ' 李 明' })))).toBe('already_signed_in');
    volunteers().signIn(signInput({ organisation: '某科技公司' }));
    expect(volunteers().kiosk().present).toHaveLength(2);
  });

  it('records 个人 for a volunteer on their own and the typed words for another organisation', () => {
    expect(volunteers().signIn(signInput()).organisation).toBe('个人');
    expect(volunteers().signIn(signInput({ name: '王红', organisation: '红十字会' })).organisation).toBe('红十字会');
  });

  it('no longer offers a retired organisation, refuses it at sign-in, keeps its past visits', () => {
    const firm = partners().add(STAFF_ID, { name: '测试科技公司', kind: 'company' });
    const visit = volunteers().signIn(signInput({ partnerId: firm.id }));
    volunteers().signOut(visit.visitId);
    const retired = partners().retire(STAFF_ID, firm.id, '结对结束');
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.visits).toBe(1);
    expect(volunteers().kiosk().partners.map((p) => p.id)).not.toContain(firm.id);
    expect(codeOf(() => volunteers().signIn(signInput({ name: '张强', partnerId: firm.id })))).toBe('partner_retired');
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
    expect(codeOf(() => volunteers().signIn(signInput({ partnerId: 'nope' })))).toBe('partner_not_found');
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
    const visit = (name: string, minutes: number, over: Partial<VolunteerSignInRequest> = {}) => {
      const v = volunteers().signIn(signInput({ name, ...over }));
      kiosk.clock.advance(minutes * MINUTE);
      volunteers().signOut(v.visitId);
    };
    visit('李明', 60, { partnerId: party.id });
    visit('王红', 30, { partnerId: party.id, partyMember: false });
    visit('李明', 45, { partnerId: party.id });
    visit('赵六', 20);
    kiosk.clock.ms = Date.parse('2027-03-05T09:00:00+08:00');
    visit('李明', 100, { partnerId: party.id }); // March: not in February's totals

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
