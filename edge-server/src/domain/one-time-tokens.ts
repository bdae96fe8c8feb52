import { randomBytes } from 'node:crypto';

/**
 * Short-lived, single-use tokens held in memory: the proof that a person was identified at this
 * kiosk a moment ago (for "leave now? yes", staff PIN entry). A restart forgets them, and the person
 * simply identifies again.
 */
export class OneTimeTokens<T> {
  private readonly live = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly ttlMs: number, private readonly now: () => number) {}

  issue(value: T): { token: string; expiresAt: number } {
    this.sweep();
    const token = randomBytes(18).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.live.set(token, { value, expiresAt });
    return { token, expiresAt };
  }

  /** Returns the value and forgets the token; undefined when unknown, used or expired. */
  take(token: string): T | undefined {
    const entry = this.live.get(token);
    this.live.delete(token);
    if (!entry || entry.expiresAt < this.now()) return undefined;
    return entry.value;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.live) if (entry.expiresAt < now) this.live.delete(token);
  }
}
