import type { TypedEmitter } from '../shared/typed-emitter.js';
import type { GpioEvents, GpioHealth } from './port.js';

/**
 * A driver's health: a base state ('absent' until started, 'error' when the lines cannot be used at all,
 * 'ok' when they can) and a set of problems that make an otherwise working driver 'degraded' (a
 * chattering line, a monitor process being restarted, an output that could not be driven). Emits
 * 'health' on every change of the resulting value, and keeps a sentence per problem for the technician.
 */
export class GpioHealthState {
  private base: GpioHealth = 'absent';
  private baseReason: string | null = null;
  private readonly problems = new Map<string, string>();
  private published: GpioHealth = 'absent';

  constructor(private readonly events: TypedEmitter<GpioEvents>) {}

  get current(): GpioHealth {
    if (this.base !== 'ok') return this.base;
    return this.problems.size > 0 ? 'degraded' : 'ok';
  }

  /** Sets the base state; `reason` says why it is not 'ok'. */
  set(base: GpioHealth, reason: string | null = null): void {
    this.base = base;
    this.baseReason = reason;
    this.publish();
  }

  /** Records (or replaces) the problem under `key`, e.g. `chatter:door`. */
  degrade(key: string, sentence: string): void {
    this.problems.set(key, sentence);
    this.publish();
  }

  recover(key: string): void {
    if (this.problems.delete(key)) this.publish();
  }

  /** Forgets every problem (on stop). */
  clearProblems(): void {
    this.problems.clear();
    this.publish();
  }

  /** Why health is not 'ok', in sentences; empty when it is. */
  reasons(): string[] {
    const base = this.base !== 'ok' && this.baseReason ? [this.baseReason] : [];
    return [...base, ...this.problems.values()];
  }

  private publish(): void {
    const now = this.current;
    if (now === this.published) return;
    this.published = now;
    this.events.emit('health', now);
  }
}
