import { TypedEmitter } from '../shared/typed-emitter.js';
import type { FingerprintEvents, FingerprintHealth, FingerprintPort } from './port.js';

export interface SimulatedFingerprintOptions {
  sensorId?: string;
  /** Library size of the simulated module (R307: 1000). */
  capacity?: number;
  /** Slots that hold a template when the simulator starts. */
  enrolledSlots?: Iterable<number>;
}

/**
 * In-memory R30x-like module. `touch(slot)` stands for a finger on the glass: an enrolled slot is
 * found with a score, anything else (an unknown finger, `null`) is reported as no match.
 */
export class SimulatedFingerprint implements FingerprintPort {
  readonly driver = 'sim';
  readonly sensorId: string;
  readonly capacity: number;
  readonly events = new TypedEmitter<FingerprintEvents>();
  private readonly slots: Set<number>;
  private running = false;
  private plugged = true;

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

  async enrolledSlots(): Promise<number[]> {
    return [...this.slots].sort((a, b) => a - b);
  }

  /** Stores a template in `slot` (what enrolment on a real module ends with). */
  enrol(slot: number): void {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.capacity) {
      throw new RangeError(`Slot ${slot} is outside the sensor library 0..${this.capacity - 1}`);
    }
    this.slots.add(slot);
  }

  remove(slot: number): void {
    this.slots.delete(slot);
  }

  /** A finger on the sensor. Throws when the simulated module is stopped, like an unplugged reader. */
  touch(slot: number | null): void {
    if (this.health() !== 'ok') throw new Error('Simulated fingerprint reader is not running or is unplugged');
    const found = slot !== null && this.slots.has(slot);
    this.events.emit('identified', { slot: found ? slot : null, score: found ? 180 : 0, at: Date.now() });
  }
}
