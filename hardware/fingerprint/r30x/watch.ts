import type { Identification } from '../port.js';
import { Confirmation } from '../protocol/instructions.js';
import { ModuleError } from './errors.js';
import type { R30xModule } from './module.js';
import { delay, type SerialQueue, type Timers } from '../../shared/timers.js';

/** The module's touch output (R307 TOUCH, R503 WAKEUP) as a GPIO input: one call per finger arriving. */
export interface TouchLine {
  onTouch(listener: () => void): () => void;
}

export interface WatchContext {
  /** Held for each identification step, so an enrolment can take the sensor between steps. */
  sensor: SerialQueue;
  call<T>(operation: (module: R30xModule) => Promise<T>): Promise<T>;
  emit(identification: Identification): void;
  timers: Timers;
  pollIntervalMs: number;
  /** With a touch line: how long to keep polling after a touch while no finger shows. */
  touchWindowMs: number;
  /** Unusable images in one touch before it is reported as not recognised. */
  badImagesPerTouch: number;
  /** Present when the touch line starts identification; absent means poll all the time. */
  touchLine: boolean;
}

type Seen = 'finger' | 'no_finger' | 'lifted';

/** Image problems during identification: the person's press, not the reader, is at fault. */
const IMAGE_PROBLEMS: ReadonlySet<number> = new Set([
  Confirmation.capture_failed, Confirmation.messy_image, Confirmation.few_features, Confirmation.invalid_image,
]);

/**
 * The identification loop of one connection: poll GenImg; on a finger, Img2Tz(1) → Search and report;
 * then wait for the finger to leave before the next identification, so one touch gives one event.
 */
export class IdentificationLoop {
  private awaitingLift = false;
  private badImages = 0;
  private touches = 0;
  private touchesSeen = 0;
  private wake: (() => void) | null = null;

  constructor(private readonly context: WatchContext) {}

  /** A touch edge from the touch line. */
  touched(): void {
    this.touches++;
    this.wake?.();
  }

  /**
   * After an enrolment the finger still on the glass is the one just enrolled: do not check it in.
   * Touch edges during the enrolment belonged to its presses.
   */
  afterEnrolment(): void {
    this.awaitingLift = true;
    this.touchesSeen = this.touches;
  }

  /** Runs until `signal` aborts (then rejects with its reason). */
  async run(signal: AbortSignal): Promise<void> {
    const { timers, pollIntervalMs } = this.context;
    for (;;) {
      if (this.context.touchLine) {
        await this.nextTouch(signal);
        // An edge means a finger arrived after having left, whatever we were waiting for.
        this.awaitingLift = false;
        await this.pollWhileTouched(signal);
      } else {
        await this.step(signal);
        await delay(pollIntervalMs, timers, signal);
      }
    }
  }

  private async pollWhileTouched(signal: AbortSignal): Promise<void> {
    const { timers, pollIntervalMs, touchWindowMs } = this.context;
    let lastFingerAt = timers.now();
    for (;;) {
      this.touchesSeen = this.touches;
      const seen = await this.step(signal);
      if (seen === 'lifted') return;
      if (seen === 'finger') lastFingerAt = timers.now();
      else if (timers.now() - lastFingerAt >= touchWindowMs) return;
      await delay(pollIntervalMs, timers, signal);
    }
  }

  private nextTouch(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.touches > this.touchesSeen) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.wake = null;
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.wake = () => {
        this.wake = null;
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
    });
  }

  /** One GenImg poll (plus Img2Tz and Search when a finger is there), holding the sensor. */
  private step(signal: AbortSignal): Promise<Seen> {
    return this.context.sensor.run(async () => {
      signal.throwIfAborted();
      // Failures are counted toward health by `call`; the loop itself just carries on.
      return this.awaitingLift ? this.checkLifted().catch(() => 'finger' as const) : this.identify().catch(() => 'no_finger' as const);
    });
  }

  private async checkLifted(): Promise<Seen> {
    const present = await this.context.call((m) => m.captureImage()).catch((error: unknown) => {
      if (error instanceof ModuleError && IMAGE_PROBLEMS.has(error.code)) return true;
      throw error;
    });
    if (present) return 'finger';
    this.awaitingLift = false;
    return 'lifted';
  }

  private async identify(): Promise<Seen> {
    let hit;
    try {
      hit = await this.context.call((m) => m.identify());
    } catch (error) {
      if (!(error instanceof ModuleError && IMAGE_PROBLEMS.has(error.code))) throw error;
      // A smudge or a dry finger: try again while the finger is there, but after a few tries say
      // "not recognised" so the person is not left pressing in silence.
      if (++this.badImages < this.context.badImagesPerTouch) return 'finger';
      hit = null;
    }
    if (hit === 'no_finger') {
      this.badImages = 0;
      return 'no_finger';
    }
    this.badImages = 0;
    this.awaitingLift = true;
    this.context.emit({ slot: hit?.slot ?? null, score: hit?.score ?? 0, at: this.context.timers.now() });
    return 'finger';
  }
}
