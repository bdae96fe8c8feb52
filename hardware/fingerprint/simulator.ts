import { TypedEmitter } from '../shared/typed-emitter.js';
import {
  ReaderUnavailableError,
  type EnrolOutcome,
  type EnrolRequest,
  type EnrolmentProblem,
  type FingerprintEvents,
  type FingerprintHealth,
  type FingerprintPort,
  type ReaderInfo,
} from './port.js';

export interface SimulatedFingerprintOptions {
  sensorId?: string;
  /** Library size of the simulated module (R307: 1000). */
  capacity?: number;
  /** Slots that hold a template when the simulator starts. */
  enrolledSlots?: Iterable<number>;
}

/** How a simulated press went: what a real module reports when a finger is wet, dry, moving. */
export type SimulatedQuality = 'good' | 'messy' | 'few_features' | 'capture_fails';

const PROBLEM_FOR: Record<Exclude<SimulatedQuality, 'good'>, EnrolmentProblem> = {
  messy: 'messy_image',
  few_features: 'few_features',
  capture_fails: 'capture_failed',
};

/** Same cap as the real reader: after this many repeated presses staff are asked to try later. */
const MAX_RETRIES = 8;

interface Press {
  finger: number | null;
  quality: SimulatedQuality;
}

/**
 * In-memory R30x-like module. `touch(finger)` stands for a finger on the glass. A finger is named by
 * the slot its template would match: an enrolled slot is found with a score, anything else (an unknown
 * finger, `null`) is no match. While `enrol()` runs, touches are enrolment presses instead (the real
 * reader pauses identification the same way); pressing an already-enrolled finger is a duplicate.
 */
export class SimulatedFingerprint implements FingerprintPort {
  readonly driver = 'sim';
  readonly sensorId: string;
  readonly capacity: number;
  readonly events = new TypedEmitter<FingerprintEvents>();
  private readonly slots: Set<number>;
  private running = false;
  private plugged = true;
  /** Set while an enrolment waits for a press. */
  private pressWaiter: ((press: Press) => void) | null = null;
  private enrolling = false;

  constructor(options: SimulatedFingerprintOptions = {}) {
    this.sensorId = options.sensorId ?? 'sim-0';
    this.capacity = options.capacity ?? 1000;
    this.slots = new Set(options.enrolledSlots ?? []);
  }

  async start(): Promise<void> {
    this.running = true;
    this.events.emit('health', 'ok');
  }

  async stop(): Promise<void> {
    this.running = false;
  }

  health(): FingerprintHealth {
    return this.running && this.plugged ? 'ok' : 'absent';
  }

  /** Pulls the simulated reader's cable (false) or plugs it back in (true); health follows. */
  setPlugged(plugged: boolean): void {
    if (this.plugged === plugged) return;
    this.plugged = plugged;
    if (this.running) this.events.emit('health', this.health());
  }

  /** True while an enrolment is waiting for presses (the sim route tells the demo user so). */
  isEnrolling(): boolean {
    return this.enrolling;
  }

  async enrolledSlots(): Promise<number[]> {
    this.assertOk();
    return [...this.slots].sort((a, b) => a - b);
  }

  async info(): Promise<ReaderInfo> {
    const usedSlots = await this.enrolledSlots();
    return { librarySize: this.capacity, securityLevel: 3, templateCount: usedSlots.length, usedSlots };
  }

  /** Puts a template in `slot` directly (demo seeding and tests; enrolment ends the same way). */
  store(slot: number): void {
    this.assertSlot(slot);
    this.slots.add(slot);
  }

  async deleteSlot(slot: number): Promise<void> {
    this.assertOk();
    this.assertSlot(slot);
    this.slots.delete(slot);
  }

  async enrol(request: EnrolRequest): Promise<EnrolOutcome> {
    if (this.health() !== 'ok') return { ok: false, reason: 'reader_unavailable' };
    if (!Number.isInteger(request.slot) || request.slot < 0 || request.slot >= this.capacity) {
      return { ok: false, reason: 'bad_slot' };
    }
    if (this.enrolling) return { ok: false, reason: 'reader_unavailable' };
    this.enrolling = true;
    try {
      return await this.runEnrolment(request);
    } finally {
      this.enrolling = false;
      this.pressWaiter = null;
    }
  }

  /**
   * A finger on the sensor. Outside enrolment it is identified; during enrolment it is the next press.
   * Throws when the simulated module is stopped or unplugged, like an unplugged reader.
   */
  touch(finger: number | null, quality: SimulatedQuality = 'good'): void {
    if (this.health() !== 'ok') throw new Error('Simulated fingerprint reader is not running or is unplugged');
    if (this.enrolling) {
      this.pressWaiter?.({ finger, quality });
      return;
    }
    const found = finger !== null && quality === 'good' && this.slots.has(finger);
    this.events.emit('identified', { slot: found ? finger : null, score: found ? 180 : 0, at: Date.now() });
  }

  private async runEnrolment(request: EnrolRequest): Promise<EnrolOutcome> {
    const { presses, onProgress, signal } = request;
    let retries = 0;
    let firstFinger: number | null | undefined;
    for (let press = 1; press <= presses; ) {
      onProgress({ step: 'place', press, presses });
      const got = await this.nextPress(request);
      if (got === 'cancelled' || got === 'timeout') return { ok: false, reason: got };
      if (this.health() !== 'ok') return { ok: false, reason: 'reader_unavailable' };
      const problem: EnrolmentProblem | null =
        got.quality !== 'good' ? PROBLEM_FOR[got.quality]
        : press > 1 && got.finger !== firstFinger ? 'mismatch'
        : null;
      if (problem) {
        if (++retries > MAX_RETRIES) return { ok: false, reason: 'too_many_retries' };
        onProgress({ step: 'retry', press, presses, problem });
        // A mismatch means the presses disagree: start over from the first, like RegModel's 0A.
        if (problem === 'mismatch') press = 1;
        continue;
      }
      if (press === 1) firstFinger = got.finger;
      onProgress({ step: 'lift', press, presses });
      press += 1;
      if (signal?.aborted) return { ok: false, reason: 'cancelled' };
    }
    if (firstFinger !== null && firstFinger !== undefined && this.slots.has(firstFinger)) {
      return { ok: false, reason: 'duplicate', existingSlot: firstFinger };
    }
    onProgress({ step: 'storing' });
    this.slots.add(request.slot);
    return { ok: true, slot: request.slot };
  }

  private nextPress(request: EnrolRequest): Promise<Press | 'cancelled' | 'timeout'> {
    const { signal } = request;
    if (signal?.aborted) return Promise.resolve('cancelled');
    return new Promise((resolve) => {
      const finish = (result: Press | 'cancelled' | 'timeout') => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.pressWaiter = null;
        resolve(result);
      };
      const onAbort = () => finish('cancelled');
      const timer = setTimeout(() => finish('timeout'), request.pressTimeoutMs ?? 30_000);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pressWaiter = finish;
    });
  }

  private assertOk(): void {
    if (this.health() !== 'ok') throw new ReaderUnavailableError('The simulated fingerprint reader is unplugged or stopped');
  }

  private assertSlot(slot: number): void {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.capacity) {
      throw new RangeError(`Slot ${slot} is outside the sensor library 0..${this.capacity - 1}`);
    }
  }
}
