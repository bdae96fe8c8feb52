import { vi } from 'vitest';

/** Waits (on real time, for real processes) until `condition` holds. Not a timing assertion: the limit only ends a stuck test. */
export function until(condition: () => boolean, what = 'the condition'): Promise<void> {
  return vi.waitFor(() => {
    if (!condition()) throw new Error(`still waiting for ${what}`);
  }, { timeout: 20_000, interval: 15 });
}
