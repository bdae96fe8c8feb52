import type { ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { occurrenceBadge, placesText, spokenCard, spokenDetail, whenText } from '../../../kiosk-ui/src/components/occurrence-words.js';
import { I18nController } from '../../../kiosk-ui/src/controllers/i18n-controller.js';
import { memberOccurrence as occurrence } from '../fixtures/member-occurrence.js';

/** The words in zh-CN (the default language), for a centre in Asia/Shanghai (the default zone). */
const host: ReactiveControllerHost = {
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
};
const i18n = new I18nController(host);

describe('the words for a session', () => {
  it('gives the time range, and the new day in front when the date was moved to another day', () => {
    expect(whenText(occurrence(), i18n)).toBe('14:00–15:00');
    expect(whenText(occurrence({ moved: true, startsAt: '2026-12-04T16:00:00.000+08:00', endsAt: '2026-12-04T17:00:00.000+08:00' }), i18n)).toBe('16:00–17:00');
    const movedToSaturday = occurrence({ moved: true, startsAt: '2026-12-05T09:00:00.000+08:00', endsAt: '2026-12-05T10:00:00.000+08:00' });
    expect(whenText(movedToSaturday, i18n)).toMatch(/^12月5日\s?星期六 09:00–10:00$/);
  });

  it('marks where the member stands: signed up, waiting with the position, full, over, cancelled', () => {
    expect(occurrenceBadge(occurrence(), i18n)).toBeNull();
    expect(occurrenceBadge(occurrence({ mine: 'signed_up' }), i18n)?.text).toBe('已报名');
    expect(occurrenceBadge(occurrence({ mine: 'waiting', waitingPosition: 2, full: true }), i18n)?.text).toBe('排队中 第2位');
    expect(occurrenceBadge(occurrence({ full: true }), i18n)?.text).toBe('已满');
    expect(occurrenceBadge(occurrence({ closed: true }), i18n)?.text).toBe('已结束');
    expect(occurrenceBadge(occurrence({ status: 'cancelled', closed: true, mine: 'signed_up' }), i18n)?.text).toBe('这次不上了');
  });

  it('counts the places left, or says there is no limit, and how many wait', () => {
    expect(placesText(occurrence(), i18n)).toBe('还有 2 个位置');
    expect(placesText(occurrence({ capacity: null }), i18n)).toBe('不限人数');
    expect(placesText(occurrence({ signedUp: 3, full: true, waiting: 2 }), i18n)).toBe('已满 · 2 人在排队');
  });

  it('speaks a detail with kind, title, time, room and the waiting-list offer when full', () => {
    expect(spokenDetail(occurrence(), i18n)).toBe('文体活动：合唱团。14:00–15:00，多功能厅。还有 2 个位置');
    expect(spokenDetail(occurrence({ full: true, signedUp: 3 }), i18n)).toContain('可以排队等候');
    expect(spokenDetail(occurrence({ room: null, capacity: null }), i18n)).toBe('文体活动：合唱团。14:00–15:00。不限人数');
    expect(spokenCard(occurrence({ mine: 'signed_up' }), i18n)).toBe('14:00，合唱团，已报名。');
  });
});
