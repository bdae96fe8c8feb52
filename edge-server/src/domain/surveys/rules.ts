import type { ActivityKind } from '../../api-types.js';
import type { SurveyAsk } from '../../db/surveys.repo.js';

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Due when the member's latest ask is at least `intervalDays` before `date` (or they were never asked). */
export function isDue(asks: SurveyAsk[], date: string, intervalDays: number): boolean {
  const latest = asks.reduce<string | null>((max, a) => (max === null || a.askedOn > max ? a.askedOn : max), null);
  return latest === null || daysBetween(latest, date) >= intervalDays;
}

/**
 * Which of today's kinds to ask about: the one asked of this member least recently (never asked
 * counts as longest ago); ties go to the candidates' order. No candidates: the centre as a whole.
 */
export function chooseKind(candidates: ActivityKind[], asks: SurveyAsk[]): ActivityKind | null {
  let best: { kind: ActivityKind; last: string } | null = null;
  for (const kind of new Set(candidates)) {
    const last = asks.filter((a) => a.about === kind).reduce((max, a) => (a.askedOn > max ? a.askedOn : max), '');
    if (best === null || last < best.last) best = { kind, last };
  }
  return best?.kind ?? null;
}
