import { afterEach, beforeEach, vi } from 'vitest';
import type { EnrolmentProgress, FingerprintHealth, Identification } from '../../../../hardware/fingerprint/port.js';
import { R30xReader, type R30xReaderOptions } from '../../../../hardware/fingerprint/r30x/reader.js';
import { LoopbackCable } from '../../../support/fingerprint/loopback-transport.js';
import { R30xEmulator, type FingerQuality, type R30xEmulatorOptions } from '../../../support/fingerprint/r30x-emulator.js';

export interface RigOptions {
  module?: R30xEmulatorOptions;
  reader?: Partial<R30xReaderOptions>;
  /** Give the reader a transport factory instead of one transport. */
  factory?: boolean;
  /** Unplug the cable before start(). */
  unplugged?: boolean;
}

/**
 * An R30xReader over the loopback transport to an emulated module (alice enrolled in slot 7), with
 * what it reported collected. Use with fake timers: `advance(ms)` lets the reader's time pass.
 */
export async function startReader(options: RigOptions = {}) {
  const module = new R30xEmulator({ templates: [[7, 'alice']], ...options.module });
  const cable = new LoopbackCable(module);
  if (options.unplugged) cable.unplug();
  const identified: Identification[] = [];
  const health: FingerprintHealth[] = [];
  const logs: string[] = [];
  const reader = new R30xReader({
    sensorId: 'r30x-test',
    transport: options.factory ? () => cable.transport() : cable.transport(),
    log: (line) => logs.push(line),
    module: { timeoutMs: 1000, slowTimeoutMs: 3000, retries: 2, settleMs: 50 },
    ...options.reader,
  });
  reader.events.on('identified', (i) => identified.push(i));
  reader.events.on('health', (h) => health.push(h));
  await reader.start();
  return { module, cable, reader, identified, health, logs };
}

/** Runs the enclosing describe block on fake time (the reader's timers and Date). */
export function useFakeTime(): void {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

export function advance(ms: number): Promise<unknown> {
  return vi.advanceTimersByTimeAsync(ms);
}

/** Lets fake time run until `promise` settles (at most `limitMs`), then returns its value. */
export async function settle<T>(promise: Promise<T>, limitMs = 600_000, stepMs = 100): Promise<T> {
  let done = false;
  const tracked = promise.finally(() => {
    done = true;
  });
  // The caller handles the rejection after the timers ran; until then it must not count as unhandled.
  tracked.catch(() => undefined);
  for (let waited = 0; !done && waited < limitMs; waited += stepMs) await vi.advanceTimersByTimeAsync(stepMs);
  return tracked;
}

export interface Press {
  finger: string;
  quality?: FingerQuality;
}

/**
 * A person following the enrolment prompts: on each `place` they put down the next scripted press;
 * on `lift` and `retry` they lift. Records every progress event.
 */
export function person(module: R30xEmulator, presses: Press[]) {
  const progress: EnrolmentProgress[] = [];
  let next = 0;
  return {
    progress,
    onProgress(event: EnrolmentProgress): void {
      progress.push(event);
      if (event.step === 'place') {
        const press = presses[Math.min(next++, presses.length - 1)]!;
        module.placeFinger(press.finger, press.quality ?? 'good');
      } else if (event.step === 'lift' || event.step === 'retry') {
        module.liftFinger();
      }
    },
  };
}
