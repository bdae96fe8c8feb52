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

/** What the module reports about itself (ReadSysPara + TemplateNum + ReadIndexTable). */
export interface ReaderInfo {
  /** Template library capacity: slots are 0 .. librarySize-1. */
  librarySize: number;
  /** Matching strictness 1 (lenient) .. 5 (strict). */
  securityLevel: number;
  templateCount: number;
  /** Slots holding a template, ascending. */
  usedSlots: number[];
}

/**
 * Why a press has to be repeated, in words the UI turns into plain advice (never blame):
 * `no_finger` the finger left too early; `capture_failed` the image could not be taken;
 * `messy_image` smudged or moving (wipe the glass, hold still); `few_features` too light or dry skin
 * (press flatter, breathe on the finger); `mismatch` the presses did not agree (same finger, same place).
 */
export type EnrolmentProblem = 'no_finger' | 'capture_failed' | 'messy_image' | 'few_features' | 'mismatch';

/** Progress of one enrolment, in order; `press` counts from 1. */
export type EnrolmentProgress =
  | { step: 'place'; press: number; presses: number }
  | { step: 'lift'; press: number; presses: number }
  | { step: 'retry'; press: number; presses: number; problem: EnrolmentProblem }
  | { step: 'storing' };

export interface EnrolRequest {
  /** Library slot to store into (the caller chose a free one). */
  slot: number;
  /** 2 = two presses merged; 3 = a third press must match the merged template before it is stored. */
  presses: 2 | 3;
  onProgress(progress: EnrolmentProgress): void;
  /** Aborting stops at the next step; nothing is stored. */
  signal?: AbortSignal;
  /** How long to wait for a finger at each press (tremor, slow movers: be generous). Default 30 s. */
  pressTimeoutMs?: number;
}

export type EnrolOutcome =
  | { ok: true; slot: number }
  | { ok: false; reason: 'duplicate'; existingSlot: number }
  | { ok: false; reason: 'cancelled' | 'timeout' | 'too_many_retries' | 'reader_unavailable' | 'store_failed' | 'bad_slot' };

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
  /** Slots that hold a template on the sensor. Throws ReaderUnavailableError when the reader is not ok. */
  enrolledSlots(): Promise<number[]>;
  /** Throws ReaderUnavailableError when the reader is not ok. */
  info(): Promise<ReaderInfo>;
  /**
   * Guided enrolment into `request.slot`. While it runs, identification is paused (a press is an
   * enrolment press, not a check-in). Never throws for a person's difficulty: see EnrolOutcome.
   */
  enrol(request: EnrolRequest): Promise<EnrolOutcome>;
  /** Deletes the template in `slot` on the sensor. Throws ReaderUnavailableError when it cannot. */
  deleteSlot(slot: number): Promise<void>;
}

/** The reader cannot be reached right now (unplugged, not answering, or stopped). */
export class ReaderUnavailableError extends Error {
  constructor(message = 'The fingerprint reader is not available') {
    super(message);
    this.name = 'ReaderUnavailableError';
  }
}
