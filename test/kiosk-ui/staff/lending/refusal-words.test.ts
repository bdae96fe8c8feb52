import { describe, expect, it } from 'vitest';
import type { Loan, Refusal } from '../../../../edge-server/src/api-types.js';
import { I18nController } from '../../../../kiosk-ui/src/controllers/i18n-controller.js';
import { refusalText } from '../../../../kiosk-ui/src/staff/lending/desk/refusal-words.js';

/** The catalogue in zh-CN, as a staff screen has it (no element needed). */
const i18n = new I18nController({
  addController: () => undefined,
  removeController: () => undefined,
  requestUpdate: () => undefined,
  updateComplete: Promise.resolve(true),
});

const refusal = (code: Refusal['code'], detail: Record<string, unknown>, overridable = true): Refusal => ({ code, overridable, detail });

describe('eligibility refusals in plain words', () => {
  it('says which categories and grades the device is for', () => {
    expect(refusalText(i18n, refusal('wrong_disability_category', { eligible: ['肢体', '多重'], member: '视力' })))
      .toBe('这种辅具只借给 肢体残疾、多重残疾 的成员');
    expect(refusalText(i18n, refusal('wrong_grade', { eligible: [1, 2], member: 4 }))).toBe('这种辅具只借给残疾等级为 1 级、2 级 的成员');
  });

  it('says an assessment comes first, and when the last one ran out', () => {
    expect(refusalText(i18n, refusal('assessment_required', {}))).toBe('这种辅具要先做评估，评估后才能借');
    expect(refusalText(i18n, refusal('assessment_required', { lastAssessedOn: '2026-01-05', validUntil: '2026-07-05' })))
      .toBe('这种辅具要有有效的评估；上次评估 2026年7月5日 已过期，请先重新评估');
  });

  it('names the overdue device from the member’s open loans, with its due date', () => {
    const open = [{ id: 'loan_1', itemName: '手动轮椅', tagCode: 'WC-001' } as Loan];
    expect(refusalText(i18n, refusal('has_overdue', { loans: [{ loanId: 'loan_1', itemId: 'i1', tagCode: 'WC-001', dueOn: '2026-11-30' }] }), open))
      .toBe('还有逾期没还的辅具：手动轮椅 WC-001（2026年11月30日 到期）');
    expect(refusalText(i18n, refusal('has_overdue', { loans: [{ loanId: 'x', tagCode: 'CR-9', dueOn: '2026-11-01' }] })))
      .toBe('还有逾期没还的辅具：CR-9（2026年11月1日 到期）');
  });

  it('says the item’s status or whose reservation is in the way, and copes with a detail it does not know', () => {
    expect(refusalText(i18n, refusal('item_not_available', { status: 'cleaning' }, false))).toBe('这件辅具现在待清洁，不能借');
    expect(refusalText(i18n, refusal('item_not_available', { status: 'weird' }, false))).toBe('这件辅具现在不能借');
    expect(refusalText(i18n, refusal('reserved_for_other', { from: '2026-12-10', to: '2026-12-20' }, false)))
      .toBe('这段时间辅具已被别人预约（2026年12月10日 至 2026年12月20日），请缩短借期或换一件');
    expect(refusalText(i18n, refusal('wrong_disability_category', { eligible: 'not a list' }))).toBe('这位成员不符合这种辅具的借用条件');
  });
});
