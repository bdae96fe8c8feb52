import { backoffDelay } from './backoff.js';
import { UpstreamError } from './upstream-client.js';

/** Waits `ms`, or less when `wake` aborts. Tests pass one that records the delays by loop. */
export type Sleep = (ms: number, wake: AbortSignal, loop: string) => Promise<void>;

export interface SyncLog { info(line: string): void; warn(line: string): void }

export const realSleep: Sleep = (ms, wake) => new Promise((resolve) => {
  if (wake.aborted) return resolve();
  const timer = setTimeout(done, ms);
  timer.unref();
  function done() {
    clearTimeout(timer);
    wake.removeEventListener('abort', done);
    resolve();
  }
  wake.addEventListener('abort', done, { once: true });
});

export interface RetryLoopOptions {
  /** for the log and the sleep: 'push', 'heartbeat' */
  name: string;
  work: () => Promise<void>;
  intervalMs: () => number;
  sleep: Sleep;
  random?: () => number;
  log: SyncLog;
}

/**
 * Runs `work` now and then every interval; after a failure waits the server's Retry-After if it
 * gave one, else capped exponential backoff with full jitter, reset by the next success.
 */
export class RetryLoop {
  failures = 0;
  lastError: { code: string; message: string } | null = null;
  private running = false;
  private done: Promise<void> | undefined;
  private wake = new AbortController();
  /** asked to run while running: run again without waiting */
  private triggered = false;
  /** while honouring the server's Retry-After, a trigger does not cut the wait short */
  private wakeable = true;

  constructor(private readonly opts: RetryLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake.abort();
    await this.done;
  }

  /** Runs the work as soon as possible (after a Retry-After the server asked for). */
  trigger(): void {
    this.triggered = true;
    if (this.wakeable) this.wake.abort();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.triggered = false;
      this.wakeable = true;
      let delay: number;
      try {
        await this.opts.work();
        this.failures = 0;
        this.lastError = null;
        delay = this.opts.intervalMs();
      } catch (err) {
        this.failures++;
        const e = err instanceof UpstreamError ? err : new UpstreamError('server_error', (err as Error).message);
        this.lastError = { code: e.code, message: e.message };
        if (e.code === 'busy' && e.retryAfterMs !== undefined) {
          delay = e.retryAfterMs;
          this.wakeable = false;
        } else {
          delay = backoffDelay(this.failures, this.opts.random);
        }
        this.opts.log.warn(`sync: ${this.opts.name} failed: ${e.message}; nothing is lost, trying again in ${Math.round(delay / 1000)} s`);
      }
      if (!this.running) break;
      if (this.triggered && this.wakeable) continue;
      this.wake = new AbortController();
      await this.opts.sleep(delay, this.wake.signal, this.opts.name);
    }
  }
}
