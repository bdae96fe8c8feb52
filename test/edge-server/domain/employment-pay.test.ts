import { describe, expect, it } from 'vitest';
import type { WorkLog } from '../../../edge-server/src/api-types.js';
import { buildPaySheet, csvField, paySheetCsv } from '../../../edge-server/src/domain/employment/pay-sheet.js';
import { formatYuan, payCents, ruleInForce, type RuleVersion } from '../../../edge-server/src/domain/employment/pay.js';

describe('pay for one work log (integer fen)', () => {
  it('per piece is pieces × fen per piece, minutes do not count', () => {
    expect(payCents({ basis: 'per_piece', rateCents: 15 }, { minutes: 120, pieces: 85 })).toBe(1275);
    expect(payCents({ basis: 'per_piece', rateCents: 15 }, { minutes: 300, pieces: 0 })).toBe(0);
  });

  it('per hour is minutes × fen per hour ÷ 60, pieces do not count', () => {
    expect(payCents({ basis: 'per_hour', rateCents: 1200 }, { minutes: 90, pieces: 999 })).toBe(1800);
    expect(payCents({ basis: 'per_hour', rateCents: 1250 }, { minutes: 60, pieces: 0 })).toBe(1250);
  });

  it('rounds half a fen up and less than half down', () => {
    // 1 min at 30 fen/h = 0.5 fen → 1; at 29 fen/h = 0.4833 → 0; at 31 fen/h = 0.5167 → 1
    expect(payCents({ basis: 'per_hour', rateCents: 30 }, { minutes: 1, pieces: 0 })).toBe(1);
    expect(payCents({ basis: 'per_hour', rateCents: 29 }, { minutes: 1, pieces: 0 })).toBe(0);
    expect(payCents({ basis: 'per_hour', rateCents: 31 }, { minutes: 1, pieces: 0 })).toBe(1);
    // 173 min at 1250 fen/h = 3604.1666… → 3604; 3 min at 1250 = 62.5 → 63; 9 min at 1250 = 187.5 → 188
    expect(payCents({ basis: 'per_hour', rateCents: 1250 }, { minutes: 173, pieces: 0 })).toBe(3604);
    expect(payCents({ basis: 'per_hour', rateCents: 1250 }, { minutes: 3, pieces: 0 })).toBe(63);
    expect(payCents({ basis: 'per_hour', rateCents: 1250 }, { minutes: 9, pieces: 0 })).toBe(188);
    // 1 min at 1290 = 21.5 → 22; 1 min at 1289 = 21.4833 → 21
    expect(payCents({ basis: 'per_hour', rateCents: 1290 }, { minutes: 1, pieces: 0 })).toBe(22);
    expect(payCents({ basis: 'per_hour', rateCents: 1289 }, { minutes: 1, pieces: 0 })).toBe(21);
  });

  it('refuses negative, fractional and unsafe inputs', () => {
    expect(() => payCents({ basis: 'per_piece', rateCents: 15 }, { minutes: 10, pieces: -1 })).toThrow(RangeError);
    expect(() => payCents({ basis: 'per_hour', rateCents: 15 }, { minutes: 1.5, pieces: 0 })).toThrow(RangeError);
    expect(() => payCents({ basis: 'per_hour', rateCents: -1 }, { minutes: 1, pieces: 0 })).toThrow(RangeError);
    expect(() => payCents({ basis: 'per_piece', rateCents: 2 ** 40 }, { minutes: 1, pieces: 2 ** 20 })).toThrow(/too large/);
  });
});

describe('the rule version in force on a day', () => {
  const rules: (RuleVersion & { id: string })[] = [
    { id: 'a', basis: 'per_piece', rateCents: 12, effectiveFrom: '2026-11-01', recordedAt: 1 },
    { id: 'b', basis: 'per_piece', rateCents: 15, effectiveFrom: '2026-12-01', recordedAt: 2 },
    { id: 'c', basis: 'per_hour', rateCents: 1000, effectiveFrom: '2026-12-15', recordedAt: 3 },
    { id: 'c2', basis: 'per_hour', rateCents: 1100, effectiveFrom: '2026-12-15', recordedAt: 4 },
  ];

  it('is the latest effective date on or before the day; the later entry wins on the same date', () => {
    expect(ruleInForce(rules, '2026-10-31')).toBeUndefined();
    expect(ruleInForce(rules, '2026-11-01')?.id).toBe('a');
    expect(ruleInForce(rules, '2026-11-30')?.id).toBe('a');
    expect(ruleInForce(rules, '2026-12-01')?.id).toBe('b');
    expect(ruleInForce(rules, '2026-12-14')?.id).toBe('b');
    expect(ruleInForce(rules, '2027-01-01')?.id).toBe('c2');
    expect(ruleInForce([...rules].reverse(), '2026-12-20')?.id).toBe('c2');
  });
});

describe('yuan from fen', () => {
  it('formats with two decimals, no floating point', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(1234)).toBe('12.34');
    expect(formatYuan(100)).toBe('1.00');
    expect(formatYuan(-250)).toBe('-2.50');
    expect(formatYuan(123456789)).toBe('1234567.89');
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });
});

function log(over: Partial<WorkLog>): WorkLog {
  return {
    id: 'w', memberId: 'm1', memberName: '张伟', taskId: 't', taskName: '手工串珠', date: '2026-12-01', minutes: 60, pieces: 10,
    basis: 'per_piece', rateCents: 15, payCents: 150, recordedAt: '2026-12-01T10:00:00.000+08:00', staffId: 's', voided: null, ...over,
  };
}

describe('monthly pay sheet', () => {
  const logs = [
    log({ id: '1', memberId: 'm2', memberName: '李秀英', date: '2026-12-02', minutes: 30, pieces: 0, basis: 'per_hour', rateCents: 1250, payCents: 625 }),
    log({ id: '2', date: '2026-12-03', payCents: 150 }),
    log({ id: '3', date: '2026-12-01', pieces: 7, payCents: 105 }),
    log({ id: '4', date: '2026-12-01', payCents: 9999, voided: { reason: 'wrong member', at: 'x', staffId: 's' } }),
  ];

  it('has per-member lines oldest first, member totals and a grand total; voided logs are left out', () => {
    const sheet = buildPaySheet('2026-12', '阳光之家', logs);
    expect(sheet.members.map((m) => m.memberName)).toEqual(['李秀英', '张伟'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    const zhang = sheet.members.find((m) => m.memberId === 'm1')!;
    expect(zhang.lines.map((l) => l.id)).toEqual(['3', '2']);
    expect(zhang.totals).toEqual({ minutes: 120, pieces: 17, payCents: 255 });
    expect(sheet.grandTotal).toEqual({ minutes: 150, pieces: 17, payCents: 880 });
  });

  it('is empty with zero totals for a month without work', () => {
    expect(buildPaySheet('2026-01', 'c', [])).toEqual({ month: '2026-01', centreName: 'c', members: [], grandTotal: { minutes: 0, pieces: 0, payCents: 0 } });
  });
});

describe('pay sheet CSV', () => {
  it('escapes commas, quotes and line breaks, and keeps formulas as text', () => {
    expect(csvField('张伟')).toBe('张伟');
    expect(csvField('王, "小" 明')).toBe('"王, ""小"" 明"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-5)).toBe('-5');
  });

  it('is UTF-8 with a BOM and CRLF, yuan from fen, with subtotal and total rows', () => {
    const sheet = buildPaySheet('2026-12', 'c', [
      log({ id: '1', memberName: '王, "小" 明', payCents: 1205, rateCents: 5, pieces: 241 }),
      log({ id: '2', memberId: 'm2', memberName: '李秀英', basis: 'per_hour', rateCents: 1250, minutes: 3, pieces: 0, payCents: 63 }),
    ]);
    const csv = paySheetCsv(sheet);
    expect(csv.startsWith('\uFEFF月份,成员,日期,任务,计酬方式,单价(元),分钟,件数,工资(元)\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toContain('2026-12,"王, ""小"" 明",2026-12-01,手工串珠,计件,0.05,60,241,12.05');
    expect(rows).toContain('2026-12,"王, ""小"" 明",小计,,,,60,241,12.05');
    expect(rows).toContain('2026-12,李秀英,2026-12-01,手工串珠,计时,12.50,3,0,0.63');
    expect(rows.at(-1)).toBe('2026-12,合计,,,,,63,241,12.68');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
