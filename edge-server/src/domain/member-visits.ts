import { randomBytes } from 'node:crypto';

/** How long a member's visit at the screen stays valid after its last use. */
export const VISIT_TTL_MS = 10 * 60_000;
/** Visits remembered at once; the oldest is forgotten first (a kiosk sees one member at a time). */
const MAX_LIVE = 200;

/**
 * A member's visit at the kiosk screen: issued with a check-in or check-out outcome, it lets the
 * member's own screens (today for you, this week, sign-up, the satisfaction question) act for that
 * member without any sign-in. Unlike the one-time tokens it may be used many times; each use extends
 * it. Held in memory: a restart forgets visits and the member simply identifies again.
 */
export class MemberVisits {
  private readonly live = new Map<string, { memberId: string; expiresAt: number }>();

  constructor(private readonly now: () => number, private readonly ttlMs = VISIT_TTL_MS) {}

  issue(memberId: string): { token: string; expiresAt: number } {
    this.sweep();
    const token = randomBytes(18).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.live.set(token, { memberId, expiresAt });
    if (this.live.size > MAX_LIVE) this.live.delete(this.live.keys().next().value as string);
    return { token, expiresAt };
  }

  /** The member of a live visit (and the visit is extended), or undefined when unknown or expired. */
  use(token: string): string | undefined {
    const entry = this.live.get(token);
    if (!entry) return undefined;
    const now = this.now();
    if (entry.expiresAt < now) {
      this.live.delete(token);
      return undefined;
    }
    entry.expiresAt = now + this.ttlMs;
    return entry.memberId;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.live) if (entry.expiresAt < now) this.live.delete(token);
  }
}
