import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulatedFingerprint } from '../../../hardware/fingerprint/simulator.js';
import type { EnrolmentProgress } from '../../../hardware/fingerprint/port.js';

/** Lets the enrolment's awaits run so the next press has a waiter. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('simulated reader enrolment', () => {
  let reader: SimulatedFingerprint;
  let steps: EnrolmentProgress[];

  beforeEach(async () => {
    reader = new SimulatedFingerprint({ enrolledSlots: [4], capacity: 50 });
    await reader.start();
    steps = [];
  });
  afterEach(() => vi.useRealTimers());

  const enrol = (slot: number, presses: 2 | 3 = 3, extra: { signal?: AbortSignal; pressTimeoutMs?: number } = {}) =>
    reader.enrol({ slot, presses, onProgress: (p) => steps.push(p), ...extra });

  it('takes the presses, stores the slot, and the finger is then identified', async () => {
    const done = enrol(9, 3);
    for (let i = 0; i < 3; i++) {
      await settle();
      reader.touch(null);
    }
    expect(await done).toEqual({ ok: true, slot: 9 });
    expect(steps.map((s) => s.step)).toEqual(['place', 'lift', 'place', 'lift', 'place', 'lift', 'storing']);
    const seen: (number | null)[] = [];
    reader.events.on('identified', (i) => seen.push(i.slot));
    reader.touch(9);
    expect(seen).toEqual([9]);
  });

  it('a poor press is repeated with advice, and presses during enrolment are not identifications', async () => {
    const seen: unknown[] = [];
    reader.events.on('identified', (i) => seen.push(i));
    const done = enrol(9, 2);
    await settle();
    reader.touch(null, 'few_features');
    await settle();
    reader.touch(null);
    await settle();
    reader.touch(null);
    expect(await done).toEqual({ ok: true, slot: 9 });
    expect(steps[1]).toEqual({ step: 'retry', press: 1, presses: 2, problem: 'few_features' });
    expect(seen).toEqual([]);
  });

  it('refuses a finger that is already enrolled, and stores nothing', async () => {
    const done = enrol(9, 2);
    await settle();
    reader.touch(4);
    await settle();
    reader.touch(4);
    expect(await done).toEqual({ ok: false, reason: 'duplicate', existingSlot: 4 });
    expect(await reader.enrolledSlots()).toEqual([4]);
  });

  it('presses from different fingers start over from the first press', async () => {
    const done = enrol(9, 2);
    await settle();
    reader.touch(null);
    await settle();
    reader.touch(4);
    await settle();
    expect(steps.slice(-2)).toEqual([
      { step: 'retry', press: 2, presses: 2, problem: 'mismatch' },
      { step: 'place', press: 1, presses: 2 },
    ]);
    reader.touch(null);
    await settle();
    reader.touch(null);
    expect(await done).toEqual({ ok: true, slot: 9 });
  });

  it('cancels on abort and times out when nobody presses', async () => {
    const controller = new AbortController();
    const cancelled = enrol(9, 2, { signal: controller.signal });
    await settle();
    controller.abort();
    expect(await cancelled).toEqual({ ok: false, reason: 'cancelled' });

    vi.useFakeTimers();
    const timedOut = enrol(9, 2, { pressTimeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await timedOut).toEqual({ ok: false, reason: 'timeout' });
    expect(await reader.enrolledSlots()).toEqual([4]);
  });

  it('gives up after too many poor presses, and refuses when unplugged or given a bad slot', async () => {
    const done = enrol(9, 2);
    for (let i = 0; i < 9; i++) {
      await settle();
      reader.touch(null, 'messy');
    }
    expect(await done).toEqual({ ok: false, reason: 'too_many_retries' });
    expect(await enrol(50)).toEqual({ ok: false, reason: 'bad_slot' });
    reader.setPlugged(false);
    expect(await enrol(9)).toEqual({ ok: false, reason: 'reader_unavailable' });
    await expect(reader.deleteSlot(4)).rejects.toThrow('unplugged');
    await expect(reader.info()).rejects.toThrow('unplugged');
  });
});
