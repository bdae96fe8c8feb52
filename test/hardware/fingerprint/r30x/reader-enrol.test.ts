import { describe, expect, it } from 'vitest';
import type { EnrolRequest } from '../../../../hardware/fingerprint/port.js';
import { advance, person, settle, startReader, useFakeTime, type Press } from './reader-rig.js';

const place = (press: number, presses: number) => ({ step: 'place', press, presses });
const lift = (press: number, presses: number) => ({ step: 'lift', press, presses });
const retry = (press: number, presses: number, problem: string) => ({ step: 'retry', press, presses, problem });
const storing = { step: 'storing' };

describe('R30xReader enrolment', () => {
  useFakeTime();

  async function enrol(presses: Press[], request: Partial<EnrolRequest> = {}, rig?: Awaited<ReturnType<typeof startReader>>) {
    const r = rig ?? (await startReader());
    const someone = person(r.module, presses);
    const outcome = await settle(r.reader.enrol({ slot: 10, presses: 2, onProgress: someone.onProgress, ...request }));
    return { ...r, outcome, progress: someone.progress };
  }

  it('stores two agreeing presses in the requested slot', async () => {
    const { outcome, progress, module, reader } = await enrol([{ finger: 'bob' }]);
    expect(outcome).toEqual({ ok: true, slot: 10 });
    expect(progress).toEqual([place(1, 2), lift(1, 2), place(2, 2), storing]);
    expect(module.templates.get(10)).toBe('bob');
    await reader.stop();
  });

  it('with three presses, checks the third against the merged template before storing', async () => {
    const { outcome, progress, module, reader } = await enrol([{ finger: 'bob' }], { presses: 3 });
    expect(outcome).toEqual({ ok: true, slot: 10 });
    expect(progress).toEqual([place(1, 3), lift(1, 3), place(2, 3), lift(2, 3), place(3, 3), storing]);
    expect(module.received.filter((c) => c === 'Match')).toHaveLength(1);
    await reader.stop();
  });

  it.each([
    ['messy', 'messy_image'],
    ['few_features', 'few_features'],
    ['capture_fails', 'capture_failed'],
    ['invalid_image', 'capture_failed'],
  ] as const)('repeats a press whose image was %s, saying %s', async (quality, problem) => {
    const { outcome, progress, reader } = await enrol([{ finger: 'bob', quality }, { finger: 'bob' }]);
    expect(outcome).toEqual({ ok: true, slot: 10 });
    expect(progress).toEqual([place(1, 2), retry(1, 2, problem), place(1, 2), lift(1, 2), place(2, 2), storing]);
    await reader.stop();
  });

  it('starts again from the first press when the two presses were different fingers', async () => {
    const { outcome, progress, module, reader } = await enrol([{ finger: 'bob' }, { finger: 'carol' }, { finger: 'bob' }]);
    expect(outcome).toEqual({ ok: true, slot: 10 });
    expect(progress).toEqual([place(1, 2), lift(1, 2), place(2, 2), retry(1, 2, 'mismatch'), place(1, 2), lift(1, 2), place(2, 2), storing]);
    expect(module.templates.get(10)).toBe('bob');
    await reader.stop();
  });

  it('repeats a third press that does not match the merged template', async () => {
    const presses = [{ finger: 'bob' }, { finger: 'bob' }, { finger: 'carol' }, { finger: 'bob' }];
    const { outcome, progress, reader } = await enrol(presses, { presses: 3 });
    expect(outcome).toEqual({ ok: true, slot: 10 });
    expect(progress.slice(4)).toEqual([place(3, 3), retry(3, 3, 'mismatch'), place(3, 3), storing]);
    await reader.stop();
  });

  it('refuses a finger that is already enrolled and stores nothing', async () => {
    const { outcome, progress, module, reader } = await enrol([{ finger: 'alice' }]);
    expect(outcome).toEqual({ ok: false, reason: 'duplicate', existingSlot: 7 });
    expect(progress).not.toContainEqual(storing);
    expect(module.templates.has(10)).toBe(false);
    await reader.stop();
  });

  it('gives up after too many retries', async () => {
    const { outcome, progress, module, reader } = await enrol([{ finger: 'bob', quality: 'messy' }]);
    expect(outcome).toEqual({ ok: false, reason: 'too_many_retries' });
    expect(progress.filter((p) => p.step === 'retry')).toHaveLength(8);
    expect(module.templates.has(10)).toBe(false);
    await reader.stop();
  });

  it('gives up when nobody presses within the press timeout', async () => {
    const rig = await startReader();
    const progress: unknown[] = [];
    const outcome = await settle(rig.reader.enrol({ slot: 10, presses: 2, pressTimeoutMs: 5_000, onProgress: (p) => progress.push(p) }));
    expect(outcome).toEqual({ ok: false, reason: 'timeout' });
    expect(progress).toEqual([place(1, 2)]);
    await rig.reader.stop();
  });

  it('is cancelled by its AbortSignal and stores nothing', async () => {
    const rig = await startReader();
    const controller = new AbortController();
    const someone = person(rig.module, [{ finger: 'bob' }]);
    const outcome = rig.reader.enrol({
      slot: 10, presses: 2, signal: controller.signal,
      onProgress: (p) => {
        someone.onProgress(p);
        if (p.step === 'lift') controller.abort();
      },
    });
    expect(await settle(outcome)).toEqual({ ok: false, reason: 'cancelled' });
    expect(rig.module.templates.has(10)).toBe(false);
    await rig.reader.stop();
  });

  it('is cancelled while it waits for a finger', async () => {
    const rig = await startReader();
    const controller = new AbortController();
    const outcome = rig.reader.enrol({ slot: 10, presses: 2, signal: controller.signal, onProgress: () => undefined });
    await advance(2_000);
    controller.abort();
    expect(await settle(outcome)).toEqual({ ok: false, reason: 'cancelled' });
    await rig.reader.stop();
  });

  it('reports a flash write error as store_failed', async () => {
    const rig = await startReader();
    rig.module.failNext('Store', 0x18);
    const { outcome } = await enrol([{ finger: 'bob' }], {}, rig);
    expect(outcome).toEqual({ ok: false, reason: 'store_failed' });
    await rig.reader.stop();
  });

  it('refuses a slot outside the library without touching the sensor', async () => {
    const rig = await startReader({ module: { capacity: 200 } });
    const sent = rig.module.received.length;
    const { outcome } = await enrol([{ finger: 'bob' }], { slot: 200 }, rig);
    expect(outcome).toEqual({ ok: false, reason: 'bad_slot' });
    expect(rig.module.received.length).toBe(sent);
    await rig.reader.stop();
  });

  it('does not identify during an enrolment, nor the enrolled finger still on the glass after it', async () => {
    const { reader, module, identified, outcome } = await enrol([{ finger: 'bob' }]);
    expect(outcome).toMatchObject({ ok: true }); // bob's presses were not taken for check-ins
    await advance(5_000); // bob's finger stays after storing
    expect(identified).toEqual([]);
    module.liftFinger();
    await advance(500);
    module.placeFinger('bob');
    await advance(500);
    expect(identified).toMatchObject([{ slot: 10 }]);
    await reader.stop();
  });

  it('answers reader_unavailable when the reader is not connected', async () => {
    const rig = await startReader({ unplugged: true });
    expect(await rig.reader.enrol({ slot: 10, presses: 2, onProgress: () => undefined })).toEqual({ ok: false, reason: 'reader_unavailable' });
    await rig.reader.stop();
  });

  it('answers reader_unavailable when the reader is unplugged mid-enrolment', async () => {
    const rig = await startReader();
    const outcome = rig.reader.enrol({ slot: 10, presses: 2, onProgress: () => undefined });
    await advance(1_000);
    rig.cable.unplug();
    expect(await settle(outcome)).toEqual({ ok: false, reason: 'reader_unavailable' });
    await rig.reader.stop();
  });

  it('answers reader_unavailable when the module stops answering mid-enrolment', async () => {
    const rig = await startReader();
    const someone = person(rig.module, [{ finger: 'bob' }]);
    const outcome = rig.reader.enrol({
      slot: 10, presses: 2,
      onProgress: (p) => {
        someone.onProgress(p);
        if (p.step === 'lift') rig.module.silenceNext(1000);
      },
    });
    expect(await settle(outcome)).toEqual({ ok: false, reason: 'reader_unavailable' });
    await rig.reader.stop();
  });
});
