import { describe, expect, it } from 'vitest';
import type { SessionOccurrence } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../../../kiosk-ui/src/api/client.js';
import { I18nController } from '../../../../kiosk-ui/src/controllers/i18n-controller.js';
import { clockTime, heldOn, placesText, statusText, timeText } from '../../../../kiosk-ui/src/staff/schedule/occurrence-words.js';
import { rosterFailure } from '../../../../kiosk-ui/src/staff/schedule/roster-line.js';

/** The catalogue in zh-CN and the centre's zone (Asia/Shanghai), as a staff screen has them. */
const i18n = new I18nController({
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
});

const occ: SessionOccurrence = {
  sessionId: 'ses_1', date: '2026-12-07', kind: 'skills_training', title: '手工编织', room: '手工室', lead: null,
  startsAt: '2026-12-07T14:00:00+08:00', endsAt: '2026-12-07T15:30:00+08:00',
  capacity: 3, signedUp: 3, waiting: 1, status: 'scheduled', moved: false, repeat: 'weekly',
};

describe('occurrence words for the planner and the roster', () => {
  it('says the time in the centre’s zone and the places taken, or that there is no limit', () => {
    expect(timeText(i18n, occ)).toBe('14:00–15:30');
    expect(clockTime(occ.startsAt)).toBe('14:00');
    expect(placesText(i18n, occ)).toBe('已报名 3 / 3');
    expect(placesText(i18n, { ...occ, capacity: null })).toBe('已报名 3（不限人数）');
  });

  it('says a cancelled or moved date in words, a moved one with its new day and time; nothing for an ordinary one', () => {
    expect(statusText(i18n, occ)).toBe('');
    expect(statusText(i18n, { ...occ, status: 'cancelled' })).toBe('已取消');
    const moved = { ...occ, moved: true, startsAt: '2026-12-09T15:00:00+08:00', endsAt: '2026-12-09T16:30:00+08:00' };
    expect(heldOn(moved)).toBe('2026-12-09');
    expect(statusText(i18n, moved)).toBe('已改期到 2026年12月9日 15:00–16:30');
  });

  it('turns the server’s refusals of a roster change into what to do next', () => {
    const refusal = (status: number, code: string) => new ApiFailure(status, code, code, {});
    expect(rosterFailure(i18n, refusal(409, 'session_full'), '王建国')).toBe('人数已满。可以让 王建国 排候补。');
    expect(rosterFailure(i18n, refusal(409, 'session_ended'), '王建国')).toBe('这次活动已经结束或已取消，不能再报名。');
    expect(rosterFailure(i18n, refusal(409, 'not_on_roster'), '赵磊')).toBe('没报名的成员只能记“出席”。');
    expect(rosterFailure(i18n, refusal(404, 'member_not_found'), '')).toBe('找不到这位成员，请重新搜索。');
    expect(rosterFailure(i18n, refusal(404, 'occurrence_not_found'), '')).toBe('这个活动找不到了，可能已被删除。请返回活动安排。');
    expect(rosterFailure(i18n, new Error('boom'), '')).toBe('没有完成，请再试一次。');
  });
});
