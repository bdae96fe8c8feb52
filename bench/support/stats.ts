/** The p-th percentile of ascending `sorted` (nearest rank, the last element for p = 100). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
