import type { EnrolmentProblem, EnrolmentProgress, EnrolOutcome, EnrolRequest } from '../port.js';
import { Confirmation } from '../protocol/instructions.js';
import { ModuleError } from './errors.js';
import type { R30xModule } from './module.js';
import { delay, type Timers } from '../../shared/timers.js';

export interface EnrolmentContext {
  /** Runs one module operation, counting failures toward the reader's health. */
  call<T>(operation: (module: R30xModule) => Promise<T>): Promise<T>;
  librarySize: number;
  timers: Timers;
  pollIntervalMs: number;
  /** Retries (bad images and mismatches together) before giving up with too_many_retries. */
  maxRetries: number;
  /** Aborts when the connection ends (the request's own signal is separate: that one means cancelled). */
  connection: AbortSignal;
}

export const DEFAULT_PRESS_TIMEOUT_MS = 30_000;

/** The confirmation codes a person's press can cause, and the advice they stand for. */
const PRESS_PROBLEMS = new Map<number, EnrolmentProblem>([
  [Confirmation.capture_failed, 'capture_failed'],
  // 15h "no valid primary image": the capture produced nothing usable, to the person the same as 03.
  [Confirmation.invalid_image, 'capture_failed'],
  [Confirmation.messy_image, 'messy_image'],
  [Confirmation.few_features, 'few_features'],
]);

class PressTimeout extends Error {}
class TooManyRetries extends Error {}

/**
 * Guided enrolment on the sensor: GenImg/Img2Tz(1) → lift → GenImg/Img2Tz(2) → RegModel → (third
 * press: lift → GenImg/Img2Tz(2) → Match against the merged template) → Search to refuse a finger that
 * is already enrolled → Store(1, slot). A bad image repeats that press; presses of different fingers
 * start again from press 1; a third press that does not match the merged template is repeated.
 * The caller holds the sensor (identification paused) for the whole run.
 */
export async function enrolFinger(context: EnrolmentContext, request: EnrolRequest): Promise<EnrolOutcome> {
  if (!Number.isInteger(request.slot) || request.slot < 0 || request.slot >= context.librarySize) {
    return { ok: false, reason: 'bad_slot' };
  }
  const signal = request.signal ? AbortSignal.any([request.signal, context.connection]) : context.connection;
  try {
    await new Enrolment(context, request, signal).takePresses();
    signal.throwIfAborted();
    const existing = await context.call((m) => m.searchLibrary(1));
    if (existing) return { ok: false, reason: 'duplicate', existingSlot: existing.slot };
    // Last chance to cancel: once Store is sent, the template is on the sensor.
    signal.throwIfAborted();
    request.onProgress({ step: 'storing' });
    await context.call((m) => m.store(1, request.slot));
    return { ok: true, slot: request.slot };
  } catch (error) {
    if (request.signal?.aborted) return { ok: false, reason: 'cancelled' };
    if (error instanceof PressTimeout) return { ok: false, reason: 'timeout' };
    if (error instanceof TooManyRetries) return { ok: false, reason: 'too_many_retries' };
    if (error instanceof ModuleError && error.instruction === 'Store') {
      return { ok: false, reason: error.code === Confirmation.bad_slot ? 'bad_slot' : 'store_failed' };
    }
    // Silence, a closed link, or an answer no press explains: the reader is the problem, not the person.
    return { ok: false, reason: 'reader_unavailable' };
  }
}

class Enrolment {
  private retries = 0;
  private readonly presses: 2 | 3;

  constructor(
    private readonly context: EnrolmentContext,
    private readonly request: EnrolRequest,
    private readonly signal: AbortSignal,
  ) {
    this.presses = request.presses;
  }

  async takePresses(): Promise<void> {
    const { call } = this.context;
    let press = 1;
    while (press <= this.presses) {
      this.progress({ step: 'place', press, presses: this.presses });
      const problem = await this.capture(press === 1 ? 1 : 2);
      if (problem) {
        await this.retry(press, problem);
        continue;
      }
      if (press === 2 && !(await this.merged())) {
        // Two different fingers (or one placed very differently): neither press can be trusted.
        press = 1;
        await this.retry(press, 'mismatch');
        continue;
      }
      if (press === 3 && (await call((m) => m.matchBuffers())) === null) {
        await this.retry(press, 'mismatch');
        continue;
      }
      if (press < this.presses) {
        this.progress({ step: 'lift', press, presses: this.presses });
        await this.waitForLift();
      }
      press++;
    }
  }

  /** Waits for a finger and converts its image into `buffer`; returns the problem if it was unusable. */
  private async capture(buffer: 1 | 2): Promise<EnrolmentProblem | null> {
    const { call, timers, pollIntervalMs } = this.context;
    const deadline = timers.now() + (this.request.pressTimeoutMs ?? DEFAULT_PRESS_TIMEOUT_MS);
    try {
      this.signal.throwIfAborted();
      while (!(await call((m) => m.captureImage()))) {
        if (timers.now() >= deadline) throw new PressTimeout();
        await delay(pollIntervalMs, timers, this.signal);
      }
      await call((m) => m.convertImage(buffer));
      return null;
    } catch (error) {
      const problem = error instanceof ModuleError ? PRESS_PROBLEMS.get(error.code) : undefined;
      if (problem) return problem;
      throw error;
    }
  }

  private async merged(): Promise<boolean> {
    try {
      await this.context.call((m) => m.createModel());
      return true;
    } catch (error) {
      if (error instanceof ModuleError && error.code === Confirmation.enrol_mismatch) return false;
      throw error;
    }
  }

  /** Counts a retry, tells the person why, and waits for the finger to leave before asking again. */
  private async retry(press: number, problem: EnrolmentProblem): Promise<void> {
    if (++this.retries > this.context.maxRetries) throw new TooManyRetries();
    this.progress({ step: 'retry', press, presses: this.presses, problem });
    await this.waitForLift();
  }

  private async waitForLift(): Promise<void> {
    const { call, timers, pollIntervalMs } = this.context;
    const deadline = timers.now() + (this.request.pressTimeoutMs ?? DEFAULT_PRESS_TIMEOUT_MS);
    for (;;) {
      this.signal.throwIfAborted();
      if (!(await call((m) => m.captureImage()).catch(stillTouchedIfCaptureFailed))) return;
      if (timers.now() >= deadline) throw new PressTimeout();
      await delay(pollIntervalMs, timers, this.signal);
    }
  }

  private progress(progress: EnrolmentProgress): void {
    this.signal.throwIfAborted();
    this.request.onProgress(progress);
  }
}

/** While waiting for a lift, a failed capture (03) means something is still on the glass. */
function stillTouchedIfCaptureFailed(error: unknown): boolean {
  if (error instanceof ModuleError && error.code === Confirmation.capture_failed) return true;
  throw error;
}
