import { describe, expect, it } from 'vitest';
import {
  checkEligibility, heldReservation, suggestedDueOn, type EligibilityFacts,
} from '../../../../edge-server/src/domain/lending/eligibility.js';

const TODAY = '2026-12-03';

function facts(patch: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    today: TODAY,
    dueOn: '2027-01-02',
    member: { id: 'm1', status: 'active', disabilityCategory: '肢体', disabilityGrade: 2 },
    entry: { id: 'c1', eligibleDisability: [], eligibleGrades: [], assessmentRequired: false, bufferDays: 2, retired: false },
    item: { id: 'i1', status: 'available' },
    assessments: [],
    overdue: [],
    reservations: [],
    entryItems: [{ id: 'i1', status: 'available', busy: [] }, { id: 'i2', status: 'available', busy: [] }],
    ...patch,
  };
}

const entry = (patch: Partial<EligibilityFacts['entry']>): EligibilityFacts['entry'] => ({ ...facts().entry, ...patch });
const member = (patch: Partial<EligibilityFacts['member']>): EligibilityFacts['member'] => ({ ...facts().member, ...patch });

describe('checkEligibility', () => {
  it('lends to an active member when nothing stands in the way', () => {
    expect(checkEligibility(facts())).toEqual([]);
  });

  it.each<[string, Partial<EligibilityFacts>, string[]]>([
    ['a member of another disability category', { entry: entry({ eligibleDisability: ['视力', '多重'] }) }, ['wrong_disability_category']],
    ['a member without a category for an entry that names some', { entry: entry({ eligibleDisability: ['肢体'] }), member: member({ disabilityCategory: null }) }, ['wrong_disability_category']],
    ['a member of the named category', { entry: entry({ eligibleDisability: ['肢体'] }) }, []],
    ['a grade the entry is not for', { entry: entry({ eligibleGrades: [1] }) }, ['wrong_grade']],
    ['a member without a grade for an entry that names grades', { entry: entry({ eligibleGrades: [2] }), member: member({ disabilityGrade: null }) }, ['wrong_grade']],
    ['a grade the entry is for', { entry: entry({ eligibleGrades: [1, 2] }) }, []],
    ['no assessment where one is required', { entry: entry({ assessmentRequired: true }) }, ['assessment_required']],
    ['an assessment that ran out yesterday', { entry: entry({ assessmentRequired: true }), assessments: [{ id: 'a', assessedOn: '2026-01-01', validUntil: '2026-12-02' }] }, ['assessment_required']],
    ['an assessment dated in the future', { entry: entry({ assessmentRequired: true }), assessments: [{ id: 'a', assessedOn: '2026-12-04', validUntil: null }] }, ['assessment_required']],
    ['an assessment valid through today', { entry: entry({ assessmentRequired: true }), assessments: [{ id: 'a', assessedOn: '2026-01-01', validUntil: TODAY }] }, []],
    ['an assessment without an end', { entry: entry({ assessmentRequired: true }), assessments: [{ id: 'a', assessedOn: '2025-01-01', validUntil: null }] }, []],
    ['an open overdue loan', { overdue: [{ loanId: 'l', itemId: 'i9', tagCode: 'DEV-9', dueOn: '2026-11-30' }] }, ['has_overdue']],
    ['an inactive member', { member: member({ status: 'inactive' }) }, ['member_inactive']],
    ['a retired entry', { entry: entry({ retired: true }) }, ['catalogue_retired']],
    ['an item on loan', { item: { id: 'i1', status: 'on_loan' } }, ['item_not_available']],
    ['an item in cleaning', { item: { id: 'i1', status: 'cleaning' } }, ['item_not_available']],
    ['an item in maintenance', { item: { id: 'i1', status: 'maintenance' } }, ['item_not_available']],
    ['a retired item', { item: { id: 'i1', status: 'retired' } }, ['item_not_available']],
    ['an item reserved (status) with no reservation of this member', { item: { id: 'i1', status: 'reserved' } }, ['item_not_available']],
  ])('refuses %s', (_name, patch, codes) => {
    expect(checkEligibility(facts(patch)).map((r) => r.code)).toEqual(codes);
  });

  it('lists every refusal at once, in a fixed order', () => {
    const refusals = checkEligibility(facts({
      member: member({ status: 'inactive', disabilityCategory: '视力', disabilityGrade: 4 }),
      entry: entry({ eligibleDisability: ['肢体'], eligibleGrades: [1], assessmentRequired: true, retired: true }),
      overdue: [{ loanId: 'l', itemId: 'i9', tagCode: 'DEV-9', dueOn: '2026-11-30' }],
      item: { id: 'i1', status: 'on_loan' },
    }));
    expect(refusals.map((r) => r.code)).toEqual([
      'member_inactive', 'catalogue_retired', 'wrong_disability_category', 'wrong_grade', 'assessment_required', 'has_overdue', 'item_not_available',
    ]);
  });

  it('marks only category, grade, assessment and overdue refusals as overridable', () => {
    const refusals = checkEligibility(facts({
      member: member({ status: 'inactive', disabilityCategory: '视力', disabilityGrade: 4 }),
      entry: entry({ eligibleDisability: ['肢体'], eligibleGrades: [1], assessmentRequired: true, retired: true }),
      overdue: [{ loanId: 'l', itemId: 'i9', tagCode: 'DEV-9', dueOn: '2026-11-30' }],
      item: { id: 'i1', status: 'reserved' },
      reservations: [{ id: 'r', memberId: 'm2', itemId: 'i1', from: TODAY, to: '2026-12-10' }],
    }));
    expect(Object.fromEntries(refusals.map((r) => [r.code, r.overridable]))).toEqual({
      member_inactive: false, catalogue_retired: false, wrong_disability_category: true, wrong_grade: true,
      assessment_required: true, has_overdue: true, item_not_available: false, reserved_for_other: false,
    });
  });

  it('explains a refusal with its facts', () => {
    const [wrong] = checkEligibility(facts({ entry: entry({ eligibleDisability: ['视力'] }) }));
    expect(wrong!.detail).toEqual({ eligible: ['视力'], member: '肢体' });
    const [overdue] = checkEligibility(facts({ overdue: [{ loanId: 'l', itemId: 'i9', tagCode: 'DEV-9', dueOn: '2026-11-30' }] }));
    expect(overdue!.detail).toEqual({ loans: [{ loanId: 'l', itemId: 'i9', tagCode: 'DEV-9', dueOn: '2026-11-30' }] });
  });

  describe('reservations', () => {
    const other = (patch: Partial<EligibilityFacts['reservations'][number]>) => ({ id: 'r1', memberId: 'm2', itemId: 'i1', from: '2027-01-10', to: '2027-01-20', ...patch });

    it.each<[string, Partial<EligibilityFacts['reservations'][number]>, string[]]>([
      ['starts inside the loan', { from: '2026-12-20' }, ['reserved_for_other']],
      ['starts inside the buffer after the due day', { from: '2027-01-04' }, ['reserved_for_other']],
      ['starts the day after the buffer', { from: '2027-01-05' }, []],
      ['ended before today', { from: '2026-11-01', to: '2026-11-20' }, []],
      ['is of another item', { itemId: 'i2', from: '2026-12-05' }, []],
    ])("another member's reservation of the item that %s", (_name, patch, codes) => {
      expect(checkEligibility(facts({ reservations: [other(patch)] })).map((r) => r.code)).toEqual(codes);
    });

    it("names the reservation of this item that is in the way, not an earlier one of another item", () => {
      const refusals = checkEligibility(facts({
        reservations: [other({ id: 'of-i2', itemId: 'i2', from: '2026-12-05' }), other({ id: 'of-i1', itemId: 'i1', from: '2026-12-28' })],
      }));
      expect(refusals.map((r) => r.code)).toEqual(['reserved_for_other']);
      expect(refusals[0]!.detail).toMatchObject({ reservationId: 'of-i1', from: '2026-12-28' });
    });

    it('lends an item set aside for this member\'s reservation', () => {
      const own = { id: 'r1', memberId: 'm1', itemId: 'i1', from: TODAY, to: '2026-12-20' };
      expect(checkEligibility(facts({ item: { id: 'i1', status: 'reserved' }, reservations: [own] }))).toEqual([]);
      const anyItem = { ...own, itemId: null };
      expect(checkEligibility(facts({ item: { id: 'i1', status: 'reserved' }, reservations: [anyItem] }))).toEqual([]);
    });

    it("refuses when an any-item reservation of another member would be left without an item", () => {
      const anyItem = { id: 'r1', memberId: 'm2', itemId: null, from: '2026-12-10', to: '2026-12-15' };
      // i2 is free: the reservation can still have it
      expect(checkEligibility(facts({ reservations: [anyItem] }))).toEqual([]);
      // i2 is out on loan over those days: lending i1 would leave nothing
      const busy = [{ id: 'i1', status: 'available' as const, busy: [] }, { id: 'i2', status: 'on_loan' as const, busy: [{ from: TODAY, to: '2026-12-31' }] }];
      const refusals = checkEligibility(facts({ reservations: [anyItem], entryItems: busy }));
      expect(refusals.map((r) => r.code)).toEqual(['reserved_for_other']);
      expect(refusals[0]!.detail).toMatchObject({ reservationId: 'r1', memberId: 'm2' });
    });

    it('finds the reservation that holds an item for the member: this item or any item, started or starting within the buffer', () => {
      const f = facts({
        reservations: [
          { id: 'later', memberId: 'm1', itemId: 'i1', from: '2026-12-20', to: '2026-12-30' },
          { id: 'soon', memberId: 'm1', itemId: null, from: '2026-12-05', to: '2026-12-30' },
          { id: 'theirs', memberId: 'm2', itemId: 'i1', from: TODAY, to: '2026-12-04' },
        ],
      });
      expect(heldReservation(f, 'i1')?.id).toBe('soon');
      expect(heldReservation(facts({ reservations: [] }), 'i1')).toBeUndefined();
    });
  });

  describe('an entry asked about without an item', () => {
    it('refuses when no item of the entry is free', () => {
      const items = [{ id: 'i1', status: 'on_loan' as const, busy: [] }, { id: 'i2', status: 'cleaning' as const, busy: [] }];
      expect(checkEligibility(facts({ item: null, entryItems: items })).map((r) => r.code)).toEqual(['item_not_available']);
    });

    it('lends when one item is free', () => {
      const items = [{ id: 'i1', status: 'on_loan' as const, busy: [] }, { id: 'i2', status: 'available' as const, busy: [] }];
      expect(checkEligibility(facts({ item: null, entryItems: items }))).toEqual([]);
    });
  });
});

describe('suggestedDueOn', () => {
  it.each<[string, number, number, string | null, string]>([
    ['today plus the loan days', 30, 2, null, '2027-01-02'],
    ['a year-end crossing', 60, 0, null, '2027-02-01'],
    ['early enough to clean before the next reservation', 30, 2, '2026-12-20', '2026-12-17'],
    ['the day before the next reservation with no buffer', 30, 0, '2026-12-20', '2026-12-19'],
    ['the loan days when the reservation is after them', 30, 2, '2027-02-01', '2027-01-02'],
    ['never before today', 30, 2, '2026-12-04', TODAY],
  ])('is %s', (_name, loanDays, bufferDays, next, expected) => {
    expect(suggestedDueOn(TODAY, loanDays, bufferDays, next)).toBe(expected);
  });
});
