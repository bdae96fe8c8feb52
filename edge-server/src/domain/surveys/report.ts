import type { ActivityKind, SatisfactionByKind } from '../../api-types.js';
import { activityOrder } from '../community-kinds.js';

type Kind = ActivityKind | null;

/** Per kind: how many were asked, how many answered, the mean (one decimal) and the 1–5 distribution. */
export function summariseSatisfaction(
  answers: { about: Kind; score: number; n: number }[],
  asks: { about: Kind; n: number }[],
): SatisfactionByKind[] {
  const byKind = new Map<Kind, SatisfactionByKind>();
  const entry = (about: Kind) => {
    let e = byKind.get(about);
    if (!e) {
      e = { about, asked: 0, answers: 0, average: null, distribution: [0, 0, 0, 0, 0] };
      byKind.set(about, e);
    }
    return e;
  };
  for (const a of asks) entry(a.about).asked += a.n;
  for (const a of answers) {
    const e = entry(a.about);
    e.distribution[a.score - 1]! += a.n;
    e.answers += a.n;
  }
  for (const e of byKind.values()) {
    const total = e.distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
    e.average = e.answers === 0 ? null : Math.round((total / e.answers) * 10) / 10;
  }
  return [...byKind.values()].sort((a, b) => activityOrder(a.about, b.about));
}
