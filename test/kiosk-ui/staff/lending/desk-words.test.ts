import { describe, expect, it } from 'vitest';
import type { LoanSummary } from '../../../../edge-server/src/api-types.js';
import { I18nController } from '../../../../kiosk-ui/src/controllers/i18n-controller.js';
import { checkProblem } from '../../../../kiosk-ui/src/staff/lending/desk/check-list.js';
import { summaryLines } from '../../../../kiosk-ui/src/staff/lending/desk/loan-summary-view.js';
import { disabilityWord, dueText } from '../../../../kiosk-ui/src/staff/lending/desk/loan-words.js';

const i18n = new I18nController({
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
});

const summary: LoanSummary = {
  loanId: 'l1', memberName: '张伟', itemName: '手动轮椅', category: 'wheelchair', photoPath: null, tagCode: 'DEV-0001',
  checkedOutOn: '2026-12-04', dueOn: '2027-03-04', centreName: '阳光残疾人之家', centrePhone: '0571-88886666', staffName: '王芳',
};

describe('the loan desk in words', () => {
  it('stops a loan at a check with a problem, naming it, and asks for the checks not answered yet', () => {
    const keys = ['brakes', 'tyres', 'cushion'];
    expect(checkProblem(i18n, keys, { brakes: true, tyres: false, cushion: true })).toBe('轮胎 有问题：这件不能借出，请送修，换一件借');
    expect(checkProblem(i18n, keys, { brakes: true })).toBe('还没有检查：轮胎、坐垫');
    expect(checkProblem(i18n, keys, { brakes: true, tyres: true, cushion: true })).toBeNull();
    expect(checkProblem(i18n, [], {})).toBeNull();
  });

  it('writes a due date, and how late, in words', () => {
    expect(dueText(i18n, { dueOn: '2026-12-01', daysLate: 0 })).toBe('2026年12月1日 到期');
    expect(dueText(i18n, { dueOn: '2026-12-01', daysLate: 3 })).toBe('2026年12月1日 到期 · 逾期 3 天');
  });

  it('names a disability category in words, and keeps one it does not know as recorded', () => {
    expect(disabilityWord(i18n, '肢体')).toBe('肢体残疾');
    expect(disabilityWord(i18n, '其他')).toBe('其他');
  });

  it('says on the summary what was lent, when it comes back and whom to call (or staff, when no phone is set)', () => {
    expect(summaryLines(i18n, summary)).toEqual({
      item: '张伟借了手动轮椅', due: '请在2027年3月4日前还回来', call: '有问题请打电话给阳光残疾人之家：0571-88886666',
    });
    expect(summaryLines(i18n, { ...summary, centrePhone: null }).call).toBe('有问题请找阳光残疾人之家的工作人员');
  });
});
