/** Retry delays of upstream-protocol.md §3: base 2 s, doubling, capped at 5 min. */
export const BACKOFF = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * Full jitter: a uniform delay between 0 and the capped exponential, so a district's kiosks that
 * lost the link together do not all come back in the same second. `attempt` counts from 1.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, policy = BACKOFF): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  return Math.floor(random() * ceiling);
}
