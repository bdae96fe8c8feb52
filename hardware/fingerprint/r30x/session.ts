import { ReaderUnavailableError } from '../port.js';
import { Confirmation } from '../protocol/instructions.js';
import type { SystemParameters } from '../protocol/responses.js';
import type { ByteTransport } from '../transport/transport.js';
import { ModuleDisconnectedError, ModuleError, ModuleTimeoutError } from './errors.js';
import type { R30xModule } from './module.js';

/** Why a connection ended; the first two are also the reader's health afterwards. */
export type SessionEnd = 'absent' | 'error' | 'stopped';

export interface SessionHooks {
  /** Consecutive troubled calls (see `call`) before the session ends as 'error'. */
  failuresBeforeError: number;
  log(line: string): void;
  /** Called once, when the session ends. */
  ended(reason: SessionEnd): void;
}

/**
 * One connection to a module that answered, verified and told us its library size. It ends when the
 * link is lost ('absent'), when the module keeps failing ('error'), or on stop(); `signal` aborts then.
 */
export class ReaderSession {
  readonly ended: Promise<SessionEnd>;
  private readonly controller = new AbortController();
  private finish!: (reason: SessionEnd) => void;
  private failures = 0;
  private offClosed: (() => void) | null = null;

  constructor(
    readonly module: R30xModule,
    readonly parameters: SystemParameters,
    private readonly hooks: SessionHooks,
  ) {
    this.ended = new Promise((resolve) => (this.finish = resolve));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Ends the session as 'absent' when `transport` closes with an error (unplugged, port gone). */
  watchLink(transport: ByteTransport): void {
    this.offClosed = transport.events.on('closed', ({ error }) => {
      if (!error) return;
      this.hooks.log(`link lost (${error.message}); waiting for the reader to come back`);
      this.end('absent');
    });
  }

  end(reason: SessionEnd): void {
    if (this.controller.signal.aborted) return;
    this.offClosed?.();
    this.controller.abort(new ReaderUnavailableError());
    this.hooks.ended(reason);
    this.finish(reason);
  }

  /**
   * Runs a module operation and keeps count of trouble: a call that timed out (even if a retry then
   * got through) or ended in a 01 packet error is troubled, and enough troubled calls in a row end the
   * session as 'error' so the reader reconnects. Counting recovered timeouts too is what catches a
   * module whose answers arrive, but too late to be told apart from the next command's.
   * Any other answer proves the module is alive and in step, and resets the count.
   */
  async call<T>(operation: (module: R30xModule) => Promise<T>): Promise<T> {
    const timeouts = this.module.timeouts;
    try {
      const result = await operation(this.module);
      if (this.module.timeouts === timeouts) this.failures = 0;
      else this.troubled('answers came late or not at all');
      return result;
    } catch (error) {
      if (error instanceof ModuleDisconnectedError) this.end('absent');
      else if (error instanceof ModuleError && error.code === Confirmation.password_not_verified) {
        this.hooks.log('the module restarted and wants its password again; reconnecting');
        this.end('error');
      } else if (error instanceof ModuleTimeoutError || (error instanceof ModuleError && error.code === Confirmation.packet_error)) {
        this.troubled(error.message);
      } else if (this.module.timeouts === timeouts) {
        this.failures = 0;
      } else {
        this.troubled('answers came late or not at all');
      }
      throw error;
    }
  }

  private troubled(why: string): void {
    if (++this.failures < this.hooks.failuresBeforeError) return;
    this.hooks.log(`${why}; reconnecting`);
    this.end('error');
  }
}
