/**
 * Staff sessions at the kiosk, end to end against the real server: a weekly session created in the
 * form and shown in the planner, the series edited (its field errors first), one date cancelled and
 * one moved (each asked with a reason), and a date's roster: the waiting list in order, a leave slip,
 * and one save marking a member present, one on leave (excused) and a walk-in. The events written
 * are read back from the event log.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordMessage, SessionDetail } from '../../edge-server/src/api-types.js';
import { addDays, mondayOf } from '../../kiosk-ui/src/staff/schedule/week-dates.js';
import { lastSeq, memberId, MEMBER_NAMES, printServerLogOnFailure, StaffApi, waitForRecord } from './a11y/a11y-support.js';
import { clickByName, kioskText, startKiosk, waitForText, watchRecords, type KioskHarness } from './harness.js';
import {
  CENTRE_TZ,
  centreToday,
  clickDeep,
  deep,
  nextMonday,
  occurrence,
  occurrenceButton,
  openSchedule,
  roster,
  setValue,
  week,
} from './staff-schedule-support.js';

let h: KioskHarness;
let page: Page;
let staff: StaffApi;

beforeAll(async () => {
  h = await startKiosk({ centreTimeZone: CENTRE_TZ });
  staff = new StaffApi(h.server);
  page = await h.openPage();
  await openSchedule(h, page);
});

afterAll(async () => {
  await h?.close();
});

printServerLogOnFailure(() => h);

const FORM = 'kiosk-session-form >>>';
const ROSTER = 'kiosk-session-roster >>>';
const DIALOG = 'kiosk-session-change-dialog >>>';

describe('a weekly session through the staff screens', () => {
  const first = nextMonday();
  const second = addDays(first, 7);
  const third = addDays(first, 14);
  const title = '陶艺体验';
  let sessionId = '';

  it('says what to fix in an empty form, then creates a weekly session that the planner shows', async () => {
    const seq = await lastSeq(h.baseUrl);
    await clickByName(page, '新建活动');
    await clickByName(page, '保存活动');
    await waitForText(page, '请写活动名称');
    await waitForText(page, '请选择活动类别');
    await waitForText(page, '请选择时间');

    await setValue(page, `${FORM} input[name=title]`, title);
    await clickByName(page, '技能培训');
    await setValue(page, `${FORM} input[name=room]`, '手工室');
    await setValue(page, `${FORM} input[name=capacity]`, '6');
    await setValue(page, `${FORM} input[name=date]`, first);
    await setValue(page, `${FORM} input[name=start]`, '09:30');
    await setValue(page, `${FORM} input[name=end]`, '11:00');
    await clickByName(page, '每周一次');
    await setValue(page, `${FORM} input[name=until]`, third);
    // no place at all is not a capacity: said next to the field, nothing created
    await setValue(page, `${FORM} input[name=capacity]`, '0');
    await clickByName(page, '保存活动');
    await waitForText(page, '人数上限请写 1 到 1000 之间的整数，或者不填');
    expect((await week(staff, first)).days.flatMap((d) => d.sessions).some((s) => s.title === title)).toBe(false);
    await setValue(page, `${FORM} input[name=capacity]`, '6');
    await clickByName(page, '保存活动');
    await waitForText(page, `已保存活动：${title}`);

    // the planner moved to the week of the first date and shows it there
    const firstWeek = await week(staff, first);
    const occ = firstWeek.days.flatMap((d) => d.sessions).find((s) => s.title === title);
    expect(occ).toMatchObject({ date: first, kind: 'skills_training', room: '手工室', capacity: 6, repeat: 'weekly', status: 'scheduled' });
    sessionId = occ!.sessionId;
    const button = await deep(page, occurrenceButton(sessionId, first));
    const words = await button.evaluate((el) => el.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(words).toContain('技能培训');
    expect(words).toContain('09:30–11:00');
    expect(words).toContain('地点：手工室');
    expect(words).toContain('已报名 0 / 6');
    // one occurrence a week until the last date, and none after it
    expect(await occurrence(staff, sessionId, third)).toBeDefined();
    expect(await occurrence(staff, sessionId, addDays(third, 7))).toBeUndefined();

    const scheduled = await waitForRecord(h.baseUrl, 'session.scheduled', seq);
    expect(scheduled.data).toMatchObject({ sessionId, title, kind: 'skills_training', capacity: 6 });
  });

  it('edits the whole series from a roster, refusing an empty title and an end before the start', async () => {
    await clickDeep(page, occurrenceButton(sessionId, first));
    await clickByName(page, '修改整个活动');
    await page.waitForSelector(`kiosk-app >>> ${FORM} input[name=title]`, { visible: true });
    await setValue(page, `${FORM} input[name=title]`, '  ');
    await setValue(page, `${FORM} input[name=end]`, '09:00');
    await clickByName(page, '保存活动');
    await waitForText(page, '请写活动名称');
    await waitForText(page, '结束时间要晚于开始时间');
    const unchanged = await staff.call<SessionDetail>('GET', `/api/staff/sessions/${sessionId}`);
    expect(unchanged).toMatchObject({ title, end: '11:00' });

    await setValue(page, `${FORM} input[name=title]`, '陶艺体验课');
    await setValue(page, `${FORM} input[name=end]`, '11:30');
    await clickByName(page, '保存活动');
    await waitForText(page, '已保存活动：陶艺体验课');
    const edited = await staff.call<SessionDetail>('GET', `/api/staff/sessions/${sessionId}`);
    expect(edited).toMatchObject({ title: '陶艺体验课', end: '11:30', repeat: 'weekly', until: third });
    expect(await occurrence(staff, sessionId, second)).toMatchObject({ title: '陶艺体验课' });
  });

  it('cancels one date after asking for the reason; the other dates go ahead', async () => {
    const seq = await lastSeq(h.baseUrl);
    await clickByName(page, '下一周');
    await clickDeep(page, occurrenceButton(sessionId, second));
    await clickByName(page, '取消这一次');
    await clickByName(page, '确认取消');
    await waitForText(page, '请写原因');
    expect((await occurrence(staff, sessionId, second))?.status).toBe('scheduled');
    await (await deep(page, `${ROSTER} ${DIALOG} textarea[name=reason]`)).type('老师外出培训');
    await clickByName(page, '确认取消');
    await waitForText(page, '已取消');
    expect((await occurrence(staff, sessionId, second))?.status).toBe('cancelled');
    expect((await occurrence(staff, sessionId, third))?.status).toBe('scheduled');
    const cancelled = await waitForRecord(h.baseUrl, 'session.cancelled', seq);
    expect(cancelled.data).toMatchObject({ sessionId });
    // the planner says it in words
    await clickByName(page, '返回活动安排');
    const words = await (await deep(page, occurrenceButton(sessionId, second))).evaluate((el) => el.textContent ?? '');
    expect(words).toContain('已取消');
  });

  it('moves one date to another day and time, with a reason', async () => {
    await clickByName(page, '下一周');
    await clickDeep(page, occurrenceButton(sessionId, third));
    await clickByName(page, '改期');
    const toDate = addDays(third, 2);
    await setValue(page, `${ROSTER} ${DIALOG} input[name=toDate]`, toDate);
    await setValue(page, `${ROSTER} ${DIALOG} input[name=moveStart]`, '15:00');
    await setValue(page, `${ROSTER} ${DIALOG} input[name=moveEnd]`, '14:00');
    await (await deep(page, `${ROSTER} ${DIALOG} textarea[name=reason]`)).type('活动室维修');
    await clickByName(page, '确认改期');
    await waitForText(page, '结束时间要晚于开始时间');
    await setValue(page, `${ROSTER} ${DIALOG} input[name=moveEnd]`, '16:30');
    // the server's refusal (no moving into the past) is said next to the date, and nothing moves
    await setValue(page, `${ROSTER} ${DIALOG} input[name=toDate]`, addDays(centreToday(), -1));
    await clickByName(page, '确认改期');
    await waitForText(page, '不能改到已经过去的日期');
    expect((await occurrence(staff, sessionId, third))?.moved).toBe(false);
    await setValue(page, `${ROSTER} ${DIALOG} input[name=toDate]`, toDate);
    await clickByName(page, '确认改期');
    await waitForText(page, '已改期到');
    const moved = await occurrence(staff, sessionId, third);
    expect(moved).toMatchObject({ moved: true, status: 'scheduled' });
    expect(moved?.startsAt).toContain(`${toDate}T15:00`);
    // the planner shows it on the day it now takes place, with the move in words
    await clickByName(page, '返回活动安排');
    const words = await (await deep(page, `kiosk-schedule-week >>> li[data-date="${toDate}"] button[data-session="${sessionId}"]`)).evaluate(
      (el) => el.textContent?.replace(/\s+/g, ' ') ?? '',
    );
    expect(words).toContain('已改期到');
    expect(words).toContain('15:00–16:30');
  });
});

describe('an edit that would drop dates members signed up for', () => {
  it('is refused with the dates in words, and the series stays as it was', async () => {
    // 手工编织 (demo) has sign-ups on next Monday; making it a one-off on its first date would drop them
    await clickByName(page, '本周');
    await clickByName(page, '下一周');
    await clickDeep(page, occurrenceButton('ses_demo_02', nextMonday()));
    await clickByName(page, '修改整个活动');
    await clickByName(page, '只有一次');
    await clickByName(page, '保存活动');
    await waitForText(page, '这样改会去掉已有人报名的日期');
    expect((await staff.call<SessionDetail>('GET', '/api/staff/sessions/ses_demo_02')).repeat).toBe('weekly');
  });
});

describe('a roster on the day', () => {
  const today = centreToday();
  const [signedIn, onLeave, firstWaiting, secondWaiting, walkIn] = [1, 2, 3, 5, 7] as const;
  const name = (slot: number) => MEMBER_NAMES[slot]!;
  let sessionId = '';

  beforeAll(async () => {
    // late in the evening (the centre runs where it is mid-morning now), so signing up is still open
    const created = await staff.call<SessionDetail>('POST', '/api/staff/sessions', {
      title: '晚间读书会', kind: 'culture_sports', room: '阅览室', leadStaffId: null, capacity: 2,
      date: today, start: '23:00', end: '23:59', repeat: 'none', until: null,
    });
    sessionId = created.id;
    for (const slot of [signedIn, onLeave]) {
      await staff.call('POST', `/api/staff/sessions/${sessionId}/dates/${today}/signups`, { memberId: memberId(slot) });
    }
    for (const slot of [signedIn, walkIn]) {
      await staff.call('POST', '/api/staff/attendance', { memberId: memberId(slot), direction: 'in', reason: 'browser test' });
    }
  });

  it('shows who signed up (checked in or not) and who came without signing up; the waiting list keeps its order', async () => {
    await clickByName(page, '返回活动安排');
    await clickByName(page, '本周');
    await clickDeep(page, occurrenceButton(sessionId, today));
    await waitForText(page, '晚间读书会');
    const line = async (slot: number) =>
      (await deep(page, `${ROSTER} li[data-member="${memberId(slot)}"]`)).evaluate((el) => el.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(await line(signedIn)).toContain('已签到');
    expect(await line(onLeave)).toContain('未签到');
    expect(await (await deep(page, `${ROSTER} ul[data-list="walk-ins"]`)).evaluate((el) => el.textContent)).toContain(name(walkIn));

    // full (2 of 2): the first one onto the waiting list through the member search
    await (await deep(page, `${ROSTER} kiosk-member-picker >>> input[type=search]`)).type(name(firstWaiting));
    await clickByName(page, name(firstWaiting));
    await clickByName(page, `为 ${name(firstWaiting)} 报名`);
    await waitForText(page, `人数已满。可以让 ${name(firstWaiting)} 排候补。`);
    const seq = await lastSeq(h.baseUrl);
    await clickByName(page, `让 ${name(firstWaiting)} 排候补`);
    await waitForText(page, `${name(firstWaiting)} 已排在候补第 1 位`);
    const joined = await waitForRecord(h.baseUrl, 'session.signed_up', seq);
    expect(joined.data).toMatchObject({ sessionId, date: today, memberId: memberId(firstWaiting), via: 'staff', waiting: true });
    // a second one from elsewhere (as a member at the kiosk would): the open roster shows it by itself, in order
    await staff.call('POST', `/api/staff/sessions/${sessionId}/dates/${today}/signups`, { memberId: memberId(secondWaiting), waitlist: true });
    await page.waitForSelector(`kiosk-app >>> kiosk-staff-schedule >>> ${ROSTER} ol[data-list="waiting"] li:nth-child(2)`);
    const order = await (await deep(page, `${ROSTER} ol[data-list="waiting"]`)).evaluate((el) =>
      [...el.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(order).toEqual([expect.stringContaining(`第 1 位 ${name(firstWaiting)}`), expect.stringContaining(`第 2 位 ${name(secondWaiting)}`)]);
  });

  it('records a leave slip from the roster, and one save marks present, excused (on leave) and a walk-in', async () => {
    const seq = await lastSeq(h.baseUrl);
    await clickByName(page, `为${name(onLeave)}记录请假`);
    await clickByName(page, '生病');
    // three days off: from the session's date to the day after tomorrow
    await setValue(page, `${ROSTER} kiosk-leave-dialog >>> input[name=until]`, addDays(today, -1));
    await clickByName(page, '记录请假');
    await waitForText(page, '请选择最后一天，不能早于');
    await setValue(page, `${ROSTER} kiosk-leave-dialog >>> input[name=until]`, addDays(today, 2));
    await clickByName(page, '记录请假');
    await waitForText(page, `已为${name(onLeave)}记录请假，这次活动算请假`);
    const leave = await waitForRecord(h.baseUrl, 'leave.recorded', seq);
    expect(leave.data).toMatchObject({ memberId: memberId(onLeave), from: today, to: addDays(today, 2), reason: '生病' });
    const leaveLine = await deep(page, `${ROSTER} li[data-member="${memberId(onLeave)}"] [data-fact=leave]`);
    expect(await leaveLine.evaluate((el) => el.textContent)).toBe('请假');

    const watch = watchRecords(h.baseUrl);
    await watch.ready;
    try {
      await clickDeep(page, `${ROSTER} li[data-member="${memberId(signedIn)}"] input[value=present]`);
      await clickDeep(page, `${ROSTER} li[data-member="${memberId(onLeave)}"] input[value=absent]`);
      await clickDeep(page, `${ROSTER} li[data-member="${memberId(walkIn)}"] input[value=present]`);
      await clickByName(page, '保存出席情况');
      await waitForText(page, '已保存 3 人的出席情况');
      const after = await roster(staff, sessionId, today);
      const marks = Object.fromEntries([...after.signedUp, ...after.walkIns].map((l) => [l.memberId, l.mark]));
      expect(marks).toMatchObject({ [memberId(signedIn)]: 'present', [memberId(onLeave)]: 'excused', [memberId(walkIn)]: 'present' });
      const attended = await waitForAttended(watch.records, 3);
      expect(Object.fromEntries(attended.map((r) => [r.data['memberId'], r.data['status']]))).toEqual({
        [memberId(signedIn)]: 'present',
        [memberId(onLeave)]: 'excused',
        [memberId(walkIn)]: 'present',
      });
      expect(attended.every((r) => r.data['sessionId'] === sessionId && typeof r.data['staffId'] === 'string')).toBe(true);
    } finally {
      watch.close();
    }
    // saving again with nothing new says so and writes nothing
    await clickByName(page, '保存出席情况');
    await waitForText(page, '没有新的记录要保存');
  });

  it('removes a sign-up from the waiting list: the next one moves up', async () => {
    const seq = await lastSeq(h.baseUrl);
    await clickByName(page, `移出候补：${name(firstWaiting)}`);
    await waitForText(page, `已取消 ${name(firstWaiting)} 的报名`);
    const left = await waitForRecord(h.baseUrl, 'session.signup_cancelled', seq);
    expect(left.data).toMatchObject({ sessionId, memberId: memberId(firstWaiting), via: 'staff', wasWaiting: true });
    const waiting = (await roster(staff, sessionId, today)).waiting;
    expect(waiting.map((l) => [l.memberId, l.waitingPosition])).toEqual([[memberId(secondWaiting), 1]]);
  });
});

describe('a date that has taken place', () => {
  it('keeps its roster for marks, but offers no cancel, move or sign-up any more', async () => {
    const yesterday = addDays(centreToday(), -1);
    const past = await staff.call<SessionDetail>('POST', '/api/staff/sessions', {
      title: '昨天的手语课', kind: 'skills_training', room: null, leadStaffId: null, capacity: null,
      date: yesterday, start: '09:00', end: '10:00', repeat: 'none', until: null,
    });
    await clickByName(page, '返回活动安排');
    await clickByName(page, '本周');
    if (mondayOf(yesterday) !== mondayOf(centreToday())) await clickByName(page, '上一周');
    await clickDeep(page, occurrenceButton(past.id, yesterday));
    await waitForText(page, '昨天的手语课');
    await deep(page, `${ROSTER} button.primary[type=submit]`);
    const text = await kioskText(page);
    for (const gone of ['取消这一次', '改期', '为成员报名']) expect(text).not.toContain(gone);
  });
});

describe('an edit from a later date', () => {
  it('keeps the earlier dates as they were and changes the dates from the one chosen', async () => {
    const first = nextMonday();
    const second = addDays(first, 7);
    const series = await staff.call<SessionDetail>('POST', '/api/staff/sessions', {
      title: '园艺小组', kind: 'culture_sports', room: null, leadStaffId: null, capacity: null,
      date: first, start: '14:00', end: '15:00', repeat: 'weekly', until: addDays(first, 14),
    });
    await clickByName(page, '返回活动安排');
    await clickByName(page, '本周');
    await clickByName(page, '下一周');
    await clickDeep(page, occurrenceButton(series.id, first));
    await clickByName(page, '修改整个活动');
    await page.waitForSelector(`kiosk-app >>> ${FORM} input[name=effectiveFrom]`, { visible: true });
    // what leaving it empty means, and that earlier dates stay, in words
    await waitForText(page, '不填：从今天起；今天这次已经开始的话，从明天起。这天以前的日期保持原样。');
    await setValue(page, `${FORM} input[name=title]`, '园艺课');
    await setValue(page, `${FORM} input[name=effectiveFrom]`, addDays(centreToday(), -1));
    await clickByName(page, '保存活动');
    await waitForText(page, '请选择今天或以后的日期');
    expect(await occurrence(staff, series.id, first)).toMatchObject({ title: '园艺小组' });

    await setValue(page, `${FORM} input[name=effectiveFrom]`, second);
    await clickByName(page, '保存活动');
    await waitForText(page, '已保存活动：园艺课');
    expect(await occurrence(staff, series.id, first)).toMatchObject({ title: '园艺小组' });
    expect(await occurrence(staff, series.id, second)).toMatchObject({ title: '园艺课' });
    expect(await occurrence(staff, series.id, addDays(first, 14))).toMatchObject({ title: '园艺课' });
    // the planner (back on the series' first week) shows the old title before the date, the new one from it
    const before = await (await deep(page, occurrenceButton(series.id, first))).evaluate((el) => el.textContent ?? '');
    expect(before).toContain('园艺小组');
    expect(before).not.toContain('园艺课');
    await clickByName(page, '下一周');
    const from = await (await deep(page, occurrenceButton(series.id, second))).evaluate((el) => el.textContent ?? '');
    expect(from).toContain('园艺课');
  });
});

/** The `session.attended` records seen so far, once there are `count` of them. */
async function waitForAttended(records: readonly RecordMessage[], count: number): Promise<RecordMessage[]> {
  for (let i = 0; i < 100; i++) {
    const attended = records.filter((r) => r.type === 'session.attended');
    if (attended.length >= count) return attended;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${count} session.attended records; saw ${records.map((r) => r.type).join(', ') || 'none'}`);
}
