import { describe, expect, it } from 'vitest';
import type { AlertInfo, AlertKind } from '../../../edge-server/src/api-types.js';
import { I18nController } from '../../../kiosk-ui/src/controllers/i18n-controller.js';
import { detailText, noShowDate, noShowMembers, whenText } from '../../../kiosk-ui/src/staff/alert-words.js';

/** The catalogue and the centre's clock in zh-CN, as a staff screen has them (no element needed). */
const i18n = new I18nController({
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
});

const info = (kind: AlertKind, detail: Record<string, unknown>, raisedAt = new Date().toISOString()): AlertInfo => ({
  id: 'a1', kind, severity: 'warning', state: 'open', raisedAt, detail,
  acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, notes: [],
});
const names = new Map([['mem_04', '刘小明']]);

describe('alert words for staff', () => {
  it('names the member who called for staff, or says "a member" when the name is not known', () => {
    expect(detailText(i18n, info('help_requested', { memberId: 'mem_04' }), names)).toBe('刘小明 在签到机上按了“呼叫工作人员”。');
    expect(detailText(i18n, info('help_requested', { memberId: 'mem_99' }), names)).toBe('有一位成员在签到机上按了“呼叫工作人员”。');
    expect(detailText(i18n, info('help_requested', {}), names)).toBe('有一位成员在签到机上按了“呼叫工作人员”。');
  });

  it('says which device is at fault and how, in plain words', () => {
    expect(detailText(i18n, info('device_fault', { device: 'gpio', line: 'door', reason: 'chatter', edgesPerSecond: 40 }), names))
      .toBe('门传感器的信号一直在乱跳，可能是线松了。请检查接线。');
    expect(detailText(i18n, info('device_fault', { device: 'fingerprint', health: 'absent', minutes: 10 }), names))
      .toBe('指纹器没有连上，已经超过 10 分钟。成员可以先刷卡签到。');
    expect(detailText(i18n, info('device_fault', { device: 'gpio', health: 'degraded', minutes: 10 }), names))
      .toBe('传感器线路不稳定，已经超过 10 分钟。门、动静和紧急按钮可能不能用。');
    expect(detailText(i18n, info('device_fault', { device: 'fingerprint' }), names)).toBe('指纹器出错了。');
  });

  it('says how long the door has been open and lists the members who did not come, leaving out malformed entries', () => {
    expect(detailText(i18n, info('door_ajar', { minutesOpen: 5 }), names)).toBe('门开着已经超过 5 分钟。请去看看，把门关好。');
    const noShow = info('no_show', {
      date: '2026-12-03',
      members: [
        { memberId: 'mem_04', name: '刘小明', guardianContact: '刘建华 13812345678' },
        { memberId: 'mem_03', name: '王建国', guardianContact: null },
        { name: 'no id' },
        'nonsense',
      ],
    });
    expect(noShowMembers(noShow)).toEqual([
      { memberId: 'mem_04', name: '刘小明', guardianContact: '刘建华 13812345678' },
      { memberId: 'mem_03', name: '王建国', guardianContact: null },
    ]);
    expect(noShowDate(noShow)).toBe('2026-12-03');
    expect(detailText(i18n, noShow, names)).toBe('2026年12月3日：这些成员平时会来，今天还没有来，也没有请假。可以打电话问问监护人。');
  });

  it('says "today" for a time today and the date for another day, in the centre’s time zone', () => {
    expect(whenText(i18n, new Date().toISOString())).toMatch(/^今天 \d\d:\d\d$/);
    expect(whenText(i18n, '2026-01-05T01:30:00.000Z')).toBe('2026年1月5日 09:30');
  });
});
