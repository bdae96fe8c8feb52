import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModuleDisconnectedError, ModuleError, ModuleTimeoutError } from '../../../../hardware/fingerprint/r30x/errors.js';
import { R30xModule, type R30xModuleOptions } from '../../../../hardware/fingerprint/r30x/module.js';
import { LoopbackCable } from '../../../support/fingerprint/loopback-transport.js';
import { R30xEmulator, type R30xEmulatorOptions } from '../../../support/fingerprint/r30x-emulator.js';

async function connect(emulatorOptions: R30xEmulatorOptions = {}, moduleOptions: Partial<R30xModuleOptions> = {}) {
  const emulator = new R30xEmulator(emulatorOptions);
  const cable = new LoopbackCable(emulator);
  const module = new R30xModule({ transport: cable.transport(), timeoutMs: 1000, slowTimeoutMs: 3000, retries: 2, settleMs: 50, ...moduleOptions });
  await module.open();
  return { emulator, cable, module };
}

/** Lets fake time run until `promise` settles; returns what it settled with. */
async function run<T>(promise: Promise<T>, ms = 20_000): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then((value) => ({ value }), (error: unknown) => ({ error }));
  await vi.advanceTimersByTimeAsync(ms);
  return outcome;
}

describe('R30xModule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('session and parameters', () => {
    it('verifies the password and reads the library size and security level', async () => {
      const { module } = await connect({ capacity: 200, securityLevel: 4, password: 0xcafe });
      await module.verifyPassword(0xcafe);
      expect(await module.readSystemParameters()).toMatchObject({ librarySize: 200, securityLevel: 4, packetSize: 128, baudMultiplier: 6 });
    });

    it('reports a wrong password as ModuleError wrong_password', async () => {
      const { module } = await connect({ password: 0xcafe });
      const error = await module.verifyPassword(0xbeef).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModuleError);
      expect(error).toMatchObject({ code: 0x13, codeName: 'wrong_password', instruction: 'VfyPwd' });
    });

    it('is refused until the password is verified when one is set', async () => {
      const { module } = await connect({ password: 0xcafe });
      await expect(module.templateCount()).rejects.toMatchObject({ codeName: 'password_not_verified' });
    });

    it('changes the password, which the module then requires', async () => {
      const { module, emulator } = await connect();
      await module.setPassword(0x1234);
      expect(emulator.currentPassword).toBe(0x1234);
    });
  });

  describe('library', () => {
    it('counts templates and lists used slots over every index page the library needs', async () => {
      const { module, emulator } = await connect({ capacity: 1000, templates: [[0, 'a'], [255, 'b'], [256, 'c'], [999, 'd']] });
      expect(await module.templateCount()).toBe(4);
      expect(await module.usedSlots()).toEqual([0, 255, 256, 999]);
      expect(emulator.received.filter((c) => c === 'ReadIndexTable')).toHaveLength(4);
    });

    it('reads only one index page for a 200-slot module', async () => {
      const { module, emulator } = await connect({ capacity: 200, templates: [[3, 'a']] });
      expect(await module.usedSlots()).toEqual([3]);
      expect(emulator.received.filter((c) => c === 'ReadIndexTable')).toHaveLength(1);
    });

    it('finds the next free slot, skipping slots the caller has promised elsewhere', async () => {
      const { module } = await connect({ capacity: 10, templates: [[0, 'a'], [1, 'b'], [3, 'c']] });
      expect(await module.nextFreeSlot()).toBe(2);
      expect(await module.nextFreeSlot([2, 4])).toBe(5);
      expect(await module.nextFreeSlot([2, 4, 5, 6, 7, 8, 9])).toBeNull();
    });

    it('deletes a slot', async () => {
      const { module, emulator } = await connect({ templates: [[5, 'a']] });
      await module.deleteSlot(5);
      expect(emulator.templates.has(5)).toBe(false);
    });
  });

  describe('identify', () => {
    it('says no_finger on an empty glass, the slot and score on a match, null on a stranger', async () => {
      const { module, emulator } = await connect({ templates: [[7, 'alice']], matchScore: 100 });
      expect(await module.identify()).toBe('no_finger');
      emulator.placeFinger('alice');
      expect(await module.identify()).toEqual({ slot: 7, score: 100 });
      emulator.placeFinger('mallory');
      expect(await module.identify()).toBeNull();
    });

    it('drops a result when a command timed out on the way, since answers may be out of step', async () => {
      const { module, emulator } = await connect({ templates: [[7, 'alice']] });
      emulator.placeFinger('alice');
      emulator.silenceNext(1, { execute: true }); // GenImg's answer is lost; the retry gets through
      const { error } = await run(module.identify());
      expect(error).toBeInstanceOf(ModuleTimeoutError);
      expect(await module.identify()).toEqual({ slot: 7, score: 120 });
    });

    it('throws the image problem as ModuleError', async () => {
      const { module, emulator } = await connect();
      emulator.placeFinger('alice', 'messy');
      await expect(module.identify()).rejects.toMatchObject({ codeName: 'messy_image' });
    });
  });

  describe('one command at a time', () => {
    it('queues commands issued together and gives each its own answer', async () => {
      const { module, emulator } = await connect({ capacity: 300, templates: [[1, 'a'], [2, 'b']], chunks: { min: 1, max: 5 } });
      const [count, params, image] = await Promise.all([module.templateCount(), module.readSystemParameters(), module.captureImage()]);
      expect([count, params.librarySize, image]).toEqual([2, 300, false]);
      expect(emulator.received).toEqual(['TemplateNum', 'ReadSysPara', 'GenImg']);
    });
  });

  describe('faults', () => {
    it('retries a command whose answer never came', async () => {
      const { module, emulator } = await connect();
      emulator.silenceNext(1);
      expect((await run(module.templateCount())).value).toBe(0);
      expect(module.diagnostics()).toMatchObject({ timeouts: 1, retries: 1 });
    });

    it('gives up with ModuleTimeoutError after the retries', async () => {
      const { module, emulator } = await connect();
      emulator.silenceNext(10);
      const { error } = await run(module.templateCount());
      expect(error).toBeInstanceOf(ModuleTimeoutError);
      expect(error).toMatchObject({ instruction: 'TemplateNum', attempts: 3 });
      expect(emulator.received).toHaveLength(3);
    });

    it('retries after an answer with a bad checksum and counts the checksum error', async () => {
      const { module, emulator } = await connect({ templates: [[1, 'a']] });
      emulator.corruptNextAnswers(1);
      expect((await run(module.templateCount())).value).toBe(1);
      expect(module.diagnostics().parser.checksumErrors).toBe(1);
    });

    it('reads through noise in front of an answer without retrying', async () => {
      const { module, emulator } = await connect();
      emulator.prependGarbage(Uint8Array.of(0x00, 0xef, 0x55, 0xef, 0x01, 0x00));
      expect(await module.templateCount()).toBe(0);
      expect(module.diagnostics()).toMatchObject({ retries: 0, parser: { garbageBytes: 6 } });
    });

    it('repeats a command the module reports as damaged (01) at once', async () => {
      const { module, emulator } = await connect();
      emulator.packetErrorNext(2);
      expect(await module.captureImage()).toBe(false);
      expect(module.diagnostics()).toMatchObject({ retries: 2, timeouts: 0 });
    });

    it('passes on a 01 that persists beyond the retries as ModuleError', async () => {
      const { module, emulator } = await connect();
      emulator.packetErrorNext(5);
      await expect(module.captureImage()).rejects.toMatchObject({ codeName: 'packet_error' });
    });

    it('drops a late answer too short for the command now waiting, and waits for the right one', async () => {
      const { module, emulator } = await connect({ capacity: 321, templates: [[1, 'a']] }, { retries: 0, settleMs: 0 });
      emulator.answerLate(1500);
      const late = module.templateCount().catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1000);
      expect(await late).toBeInstanceOf(ModuleTimeoutError);
      emulator.answerLate(700); // ReadSysPara's answer comes at 1700 ms, TemplateNum's late one at 1500
      const params = module.readSystemParameters();
      await vi.advanceTimersByTimeAsync(1000);
      expect((await params).librarySize).toBe(321);
      expect(module.diagnostics().stalePackets).toBe(1);
    });

    it('waits a moment after a timeout so a late answer is not taken for the next command', async () => {
      const { module, emulator } = await connect({}, { retries: 0, settleMs: 100 });
      emulator.answerLate(1050);
      const first = run(module.templateCount(), 1000);
      expect((await first).error).toBeInstanceOf(ModuleTimeoutError);
      emulator.answerLate(60); // without the pause, this answer would come after the late one
      const second = run(module.captureImage(), 300);
      expect((await second).value).toBe(false);
      expect(module.diagnostics().stalePackets).toBe(1);
      expect(module.diagnostics().parser.garbageBytes).toBe(0);
    });

    it('never sends RegModel twice: after a lost answer it fails rather than merging again', async () => {
      const { module, emulator } = await connect();
      emulator.silenceNext(1, { execute: true });
      const { error } = await run(module.createModel());
      expect(error).toMatchObject({ name: 'ModuleTimeoutError', attempts: 1 });
      expect(emulator.received.filter((c) => c === 'RegModel')).toHaveLength(1);
    });

    it('repeats Store after a lost answer: the same template lands in the same slot once', async () => {
      const { module, emulator } = await connect();
      emulator.placeFinger('alice');
      await module.captureImage();
      await module.convertImage(1);
      emulator.silenceNext(1, { execute: true });
      expect((await run(module.store(1, 4))).error).toBeUndefined();
      expect(emulator.received.filter((c) => c === 'Store')).toHaveLength(2);
      expect([...emulator.templates]).toEqual([[4, 'alice']]);
    });

    it('fails the waiting command with ModuleDisconnectedError when the cable is pulled', async () => {
      const { module, emulator, cable } = await connect();
      emulator.silenceNext(1);
      const pending = module.templateCount().catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(10);
      cable.unplug();
      expect(await pending).toBeInstanceOf(ModuleDisconnectedError);
      await expect(module.templateCount()).rejects.toBeInstanceOf(ModuleDisconnectedError);
      expect(module.closed).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
