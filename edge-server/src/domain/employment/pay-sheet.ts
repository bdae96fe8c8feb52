import type { PaySheet, PaySheetMember, PayTotals, WorkLog } from '../../api-types.js';
import { formatYuan } from './pay.js';

const ZERO: PayTotals = { minutes: 0, pieces: 0, payCents: 0 };

function add(a: PayTotals, b: PayTotals): PayTotals {
  return { minutes: a.minutes + b.minutes, pieces: a.pieces + b.pieces, payCents: a.payCents + b.payCents };
}

/**
 * A month's pay sheet from its work logs: voided logs are left out; lines per member oldest first;
 * members by name; totals are plain integer sums of the fen fixed on each log.
 */
export function buildPaySheet(month: string, centreName: string, logs: readonly WorkLog[]): PaySheet {
  const byMember = new Map<string, PaySheetMember>();
  for (const log of logs) {
    if (log.voided) continue;
    let entry = byMember.get(log.memberId);
    if (!entry) {
      entry = { memberId: log.memberId, memberName: log.memberName, lines: [], totals: ZERO };
      byMember.set(log.memberId, entry);
    }
    entry.lines.push(log);
    entry.totals = add(entry.totals, log);
  }
  const members = [...byMember.values()].sort((a, b) => a.memberName.localeCompare(b.memberName, 'zh-CN') || a.memberId.localeCompare(b.memberId));
  for (const m of members) m.lines.sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));
  return { month, centreName, members, grandTotal: members.reduce((sum, m) => add(sum, m.totals), ZERO) };
}

/** One CSV field: quoted when it holds a comma, quote, or line break; quotes doubled (RFC 4180). */
export function csvField(value: string | number): string {
  const text = String(value);
  // A leading = + - @ would make Excel run the cell as a formula; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const BASIS_WORDS = { per_piece: '计件', per_hour: '计时' } as const;

/**
 * The pay sheet as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF
 * line ends, yuan as `12.34` formatted from integer fen. One row per log line, a subtotal row per
 * member, and a grand total row.
 */
export function paySheetCsv(sheet: PaySheet): string {
  const rows: (string | number)[][] = [
    ['月份', '成员', '日期', '任务', '计酬方式', '单价(元)', '分钟', '件数', '工资(元)'],
  ];
  for (const m of sheet.members) {
    for (const l of m.lines) {
      rows.push([sheet.month, m.memberName, l.date, l.taskName, BASIS_WORDS[l.basis], formatYuan(l.rateCents), l.minutes, l.pieces, formatYuan(l.payCents)]);
    }
    rows.push([sheet.month, m.memberName, '小计', '', '', '', m.totals.minutes, m.totals.pieces, formatYuan(m.totals.payCents)]);
  }
  rows.push([sheet.month, '合计', '', '', '', '', sheet.grandTotal.minutes, sheet.grandTotal.pieces, formatYuan(sheet.grandTotal.payCents)]);
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
