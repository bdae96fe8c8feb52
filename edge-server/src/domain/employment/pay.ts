import type { PayBasis } from '../../api-types.js';

/** A pay rule version as the calculation needs it. */
export interface RuleVersion {
  basis: PayBasis;
  rateCents: number;
  effectiveFrom: string;
  /** UTC ms; breaks ties between versions with the same effective date (the later entry wins) */
  recordedAt: number;
}

/**
 * Pay for one work log, in integer fen. Per piece: pieces × rate. Per hour: minutes × rate ÷ 60,
 * rounded half up to a whole fen (integer arithmetic: ⌊(minutes × rate + 30) / 60⌋, so 0.5 fen
 * goes up and 0.4999… goes down). Never floating point: every input is a safe non-negative integer.
 */
export function payCents(rule: Pick<RuleVersion, 'basis' | 'rateCents'>, work: { minutes: number; pieces: number }): number {
  for (const n of [rule.rateCents, work.minutes, work.pieces]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`pay inputs are non-negative integers, got ${n}`);
  }
  const product = rule.basis === 'per_piece' ? work.pieces * rule.rateCents : work.minutes * rule.rateCents;
  if (!Number.isSafeInteger(product)) throw new RangeError('pay is too large to compute exactly');
  return rule.basis === 'per_piece' ? product : Math.floor((product + 30) / 60);
}

/** The version in force on `date`: the latest effective date on or before it; same date → latest recorded. */
export function ruleInForce<R extends RuleVersion>(rules: readonly R[], date: string): R | undefined {
  let best: R | undefined;
  for (const r of rules) {
    if (r.effectiveFrom > date) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.recordedAt >= best.recordedAt)) best = r;
  }
  return best;
}

/** Integer fen as yuan with two decimals, e.g. 1234 → "12.34", 5 → "0.05" (no floating point). */
export function formatYuan(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`fen must be an integer, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
