import { describe, expect, it } from 'vitest';
import { fits, nextFreeOn, type EntryUsage } from '../../../../edge-server/src/domain/lending/availability.js';

function usage(patch: Partial<EntryUsage> = {}): EntryUsage {
  return { bufferDays: 2, itemIds: ['a', 'b'], loans: [], reservations: [], ...patch };
}

describe('fits: a reservation of one item', () => {
  const loanOfA = { itemId: 'a', from: '2026-12-03', to: '2026-12-10' };

  it.each<[string, string, string, boolean]>([
    ['during the loan', '2026-12-05', '2026-12-08', false],
    ['on the due day', '2026-12-10', '2026-12-12', false],
    ['inside the buffer after the due day', '2026-12-12', '2026-12-15', false],
    ['the day after the buffer', '2026-12-13', '2026-12-15', true],
  ])('against an open loan: %s', (_name, from, to, expected) => {
    expect(fits(usage({ loans: [loanOfA] }), { itemId: 'a', from, to })).toBe(expected);
  });

  it.each<[string, string, string, boolean]>([
    ['overlapping', '2026-12-18', '2026-12-22', false],
    ['ending within the buffer before it', '2026-12-10', '2026-12-13', false],
    ['ending with the buffer free before it', '2026-12-10', '2026-12-12', true],
    ['starting within the buffer after it', '2026-12-21', '2026-12-25', false],
    ['starting after the buffer after it', '2026-12-23', '2026-12-25', true],
  ])('against another reservation of the item (15th–20th): %s', (_name, from, to, expected) => {
    const other = { id: 'r', memberId: 'm2', itemId: 'a', from: '2026-12-15', to: '2026-12-20' };
    expect(fits(usage({ reservations: [other] }), { itemId: 'a', from, to })).toBe(expected);
  });

  it('is not held up by loans and reservations of other items', () => {
    const u = usage({ loans: [{ itemId: 'b', from: '2026-12-03', to: '2026-12-30' }], reservations: [{ id: 'r', memberId: 'm', itemId: 'b', from: '2027-01-01', to: '2027-01-05' }] });
    expect(fits(u, { itemId: 'a', from: '2026-12-05', to: '2027-01-10' })).toBe(true);
  });

  it('is refused when it would take the last item an any-item reservation needs', () => {
    const u = usage({ loans: [{ itemId: 'b', from: '2026-12-03', to: '2026-12-30' }], reservations: [{ id: 'r', memberId: 'm', itemId: null, from: '2026-12-10', to: '2026-12-12' }] });
    expect(fits(u, { itemId: 'a', from: '2026-12-05', to: '2026-12-08' })).toBe(false);
  });
});

describe('fits: a reservation of any item of the entry', () => {
  it('fits while some item is free on every day of the range', () => {
    const u = usage({ loans: [{ itemId: 'a', from: '2026-12-03', to: '2026-12-20' }] });
    expect(fits(u, { itemId: null, from: '2026-12-05', to: '2026-12-10' })).toBe(true);
  });

  it('is refused when on one day every lendable item is taken', () => {
    const u = usage({
      loans: [{ itemId: 'a', from: '2026-12-03', to: '2026-12-20' }],
      reservations: [{ id: 'r', memberId: 'm', itemId: 'b', from: '2026-12-09', to: '2026-12-09' }],
    });
    expect(fits(u, { itemId: null, from: '2026-12-05', to: '2026-12-10' })).toBe(false);
  });

  it('counts the other any-item reservations of the same days', () => {
    const anyItem = { id: 'r', memberId: 'm', itemId: null, from: '2026-12-05', to: '2026-12-06' };
    expect(fits(usage({ reservations: [anyItem] }), { itemId: null, from: '2026-12-05', to: '2026-12-06' })).toBe(true);
    expect(fits(usage({ reservations: [anyItem, { ...anyItem, id: 'r2' }] }), { itemId: null, from: '2026-12-05', to: '2026-12-06' })).toBe(false);
  });

  it('is refused for an entry without a lendable item', () => {
    expect(fits(usage({ itemIds: [] }), { itemId: null, from: '2026-12-05', to: '2026-12-06' })).toBe(false);
  });
});

describe('nextFreeOn', () => {
  it('is the first day a reservation of the same length fits', () => {
    const u = usage({ loans: [{ itemId: 'a', from: '2026-12-03', to: '2026-12-10' }] });
    expect(nextFreeOn(u, { itemId: 'a', from: '2026-12-05', to: '2026-12-07' })).toBe('2026-12-13');
  });

  it('finds the gap between two reservations when it is long enough', () => {
    const u = usage({
      bufferDays: 1,
      reservations: [
        { id: 'r1', memberId: 'm', itemId: 'a', from: '2026-12-05', to: '2026-12-08' },
        { id: 'r2', memberId: 'm', itemId: 'a', from: '2026-12-14', to: '2026-12-20' },
      ],
    });
    expect(nextFreeOn(u, { itemId: 'a', from: '2026-12-06', to: '2026-12-08' })).toBe('2026-12-10');
    expect(nextFreeOn(u, { itemId: 'a', from: '2026-12-06', to: '2026-12-10' })).toBe('2026-12-22');
  });

  it('is null when nothing fits within the year', () => {
    expect(nextFreeOn(usage({ itemIds: [] }), { itemId: null, from: '2026-12-05', to: '2026-12-06' })).toBeNull();
  });
});
