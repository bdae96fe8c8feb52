import type { TypedEmitter } from '../shared/typed-emitter.js';

/** `ok` working; `absent` unplugged or port gone; `error` repeated failures. */
export type FingerprintHealth = 'ok' | 'absent' | 'error';

/** A finger was read and searched on the sensor. `slot` null = no template matched. */
export interface Identification {
  slot: number | null;
  /** Match score from the sensor (0 when not matched). */
  score: number;
  at: number;
}

export interface FingerprintEvents {
  identified: Identification;
  health: FingerprintHealth;
}

/**
 * A fingerprint reader that keeps templates and matches 1:N on the sensor.
 * Images and templates never leave the sensor: this port has no way to ask for them.
 */
export interface FingerprintPort {
  readonly driver: string;
  /** Stable id of the sensor (its serial or configured name); enrolments are keyed by it. */
  readonly sensorId: string;
  readonly events: TypedEmitter<FingerprintEvents>;
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): FingerprintHealth;
  /** Slots that hold a template on the sensor. */
  enrolledSlots(): Promise<number[]>;
}
