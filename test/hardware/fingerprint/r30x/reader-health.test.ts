import { describe, expect, it, vi } from 'vitest';
import { ReaderUnavailableError } from '../../../../hardware/fingerprint/port.js';
import { advance, settle, startReader, useFakeTime } from './reader-rig.js';

describe('R30xReader health and reconnection', () => {
  useFakeTime();

  it('is ok after start, having verified the password and read the library size', async () => {
    const { reader, health, module } = await startReader({ module: { password: 0x5eed, capacity: 300 }, reader: { password: 0x5eed } });
    expect(reader.health()).toBe('ok');
    expect(health).toEqual(['ok']);
    expect(module.received.slice(0, 2)).toEqual(['VfyPwd', 'ReadSysPara']);
    expect((await reader.info()).librarySize).toBe(300);
    await reader.stop();
  });

  it('starts absent when nothing is plugged in, and becomes ok when the reader is plugged in', async () => {
    const { reader, health, cable } = await startReader({ unplugged: true });
    expect(reader.health()).toBe('absent');
    await advance(5_000);
    cable.replug();
    await advance(30_000);
    expect(reader.health()).toBe('ok');
    expect(health).toEqual(['ok']); // it was absent from the start: no change to announce until then
    await reader.stop();
  });

  it('goes absent when unplugged and ok again when replugged, identifying with the same reader object', async () => {
    const { reader, health, cable, module, identified } = await startReader();
    cable.unplug();
    expect(reader.health()).toBe('absent');
    await advance(60_000);
    cable.replug();
    await advance(30_000);
    expect(health).toEqual(['ok', 'absent', 'ok']);
    module.placeFinger('alice');
    await advance(500);
    expect(identified).toMatchObject([{ slot: 7 }]);
    await reader.stop();
  });

  it('reconnects through a transport factory, one fresh transport per attempt', async () => {
    const { reader, health, cable } = await startReader({ factory: true });
    cable.unplug();
    await advance(10_000);
    cable.replug();
    await advance(30_000);
    expect(health).toEqual(['ok', 'absent', 'ok']);
    expect(new Set(cable.opened).size).toBe(2);
    await reader.stop();
  });

  it('backs off between attempts, from half a second up to thirty seconds', async () => {
    const { reader, cable } = await startReader({ unplugged: true });
    await advance(0.5 * 1000 + 1 * 1000 + 2 * 1000 + 4 * 1000 - 1); // attempts at 0, 0.5, 1.5, 3.5 s
    expect(cable.openAttempts).toBe(4);
    await advance(10 * 60_000);
    // 7.5, 15.5, 31.5, 63.5 s, then every 30 s to 607.5 s
    expect(cable.openAttempts).toBeGreaterThanOrEqual(4 + 4 + 17);
    expect(cable.openAttempts).toBeLessThanOrEqual(4 + 4 + 19);
    await reader.stop();
  });

  it('says once why it cannot connect, with what to do, and not on every retry', async () => {
    const { reader, logs } = await startReader({ unplugged: true });
    await advance(120_000);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/plug the reader in/);
    await reader.stop();
  });

  it('is in error with a wrong password, and says to fix the configuration', async () => {
    const { reader, health, logs } = await startReader({ module: { password: 0x1111 }, reader: { password: 0x2222 } });
    expect(reader.health()).toBe('error');
    expect(health).toEqual(['error']);
    expect(logs.join('\n')).toMatch(/password/);
    await reader.stop();
  });

  it('rides out a few lost answers without changing health', async () => {
    const { reader, module, health } = await startReader();
    module.silenceNext(2);
    await advance(10_000);
    expect(health).toEqual(['ok']);
    expect(reader.diagnostics()).toMatchObject({ timeouts: 2 });
    await reader.stop();
  });

  it('goes to error when the module stops answering, and back to ok when it answers again', async () => {
    const { reader, module, health } = await startReader({ reader: { failuresBeforeError: 2 } });
    module.silenceNext(1_000_000);
    await advance(20_000);
    expect(reader.health()).toBe('error');
    module.silenceNext(0);
    await advance(60_000);
    expect(reader.health()).toBe('ok');
    expect(health).toEqual(['ok', 'error', 'ok']);
    await reader.stop();
  });

  it('rides out an answer that came after its timeout, and still names the right person', async () => {
    const { reader, module, health, identified } = await startReader({ module: { templates: [[7, 'alice'], [8, 'bob']] } });
    module.placeFinger('alice');
    module.answerLate(1_200, 1);
    await advance(10_000);
    expect(identified).toMatchObject([{ slot: 7 }]);
    expect(health).toEqual(['ok']);
    expect(reader.diagnostics()).toMatchObject({ timeouts: 1 });
    await reader.stop();
  });

  it('reconnects and verifies again when the module restarted behind a bridge that stayed', async () => {
    const { reader, module, health } = await startReader({ module: { password: 0x77 }, reader: { password: 0x77 } });
    module.unplug();
    module.plugIn(); // power blip: the module forgets the password was verified
    await advance(5_000);
    expect(reader.health()).toBe('ok');
    expect(health).toEqual(['ok', 'error', 'ok']);
    expect(module.received.filter((c) => c === 'VfyPwd')).toHaveLength(2);
    await reader.stop();
  });

  describe('sensor operations', () => {
    it('lists used slots, reports info and deletes a slot', async () => {
      const { reader, module } = await startReader({ module: { templates: [[3, 'a'], [7, 'alice'], [260, 'b']], securityLevel: 5 } });
      expect(await reader.enrolledSlots()).toEqual([3, 7, 260]);
      expect(await reader.info()).toEqual({ librarySize: 1000, securityLevel: 5, templateCount: 3, usedSlots: [3, 7, 260] });
      await reader.deleteSlot(7);
      expect([...module.templates.keys()]).toEqual([3, 260]);
      await expect(reader.deleteSlot(1000)).rejects.toBeInstanceOf(RangeError);
      await reader.stop();
    });

    it('throws ReaderUnavailableError while absent', async () => {
      const { reader } = await startReader({ unplugged: true });
      await expect(reader.enrolledSlots()).rejects.toBeInstanceOf(ReaderUnavailableError);
      await expect(reader.info()).rejects.toBeInstanceOf(ReaderUnavailableError);
      await expect(reader.deleteSlot(1)).rejects.toBeInstanceOf(ReaderUnavailableError);
      await reader.stop();
    });

    it('throws ReaderUnavailableError when the module fails to delete', async () => {
      const { reader, module } = await startReader();
      module.failNext('DeletChar', 0x10);
      await expect(reader.deleteSlot(7)).rejects.toBeInstanceOf(ReaderUnavailableError);
      await reader.stop();
    });

    it('throws ReaderUnavailableError when the module goes silent during a request', async () => {
      const { reader, module } = await startReader();
      module.silenceNext(100);
      await expect(settle(reader.info())).rejects.toBeInstanceOf(ReaderUnavailableError);
      await reader.stop();
    });
  });

  describe('stop', () => {
    it('leaves no timers behind while identifying', async () => {
      const { reader, module } = await startReader();
      module.placeFinger('alice');
      await advance(1_000);
      await reader.stop();
      expect(vi.getTimerCount()).toBe(0);
      expect(reader.health()).toBe('absent');
    });

    it('leaves no timers behind while waiting to reconnect', async () => {
      const { reader } = await startReader({ unplugged: true });
      await advance(2_000);
      await reader.stop();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('leaves no timers behind while a command waits for an answer', async () => {
      const { reader, module } = await startReader();
      module.silenceNext(1);
      await advance(300);
      await reader.stop();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('ends a running enrolment as reader_unavailable and leaves no timers', async () => {
      const { reader } = await startReader();
      const outcome = reader.enrol({ slot: 10, presses: 2, onProgress: () => undefined });
      await advance(1_000);
      await reader.stop();
      expect(await outcome).toEqual({ ok: false, reason: 'reader_unavailable' });
      expect(vi.getTimerCount()).toBe(0);
    });

    it('stops while connecting to a module that does not answer', async () => {
      const { reader, module } = await startReader({ unplugged: true });
      module.plugIn();
      module.silenceNext(1_000_000);
      await advance(700); // a connection attempt is now waiting for VfyPwd's answer
      await reader.stop();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('can be started again after stop', async () => {
      const { reader, module, identified } = await startReader();
      await reader.stop();
      await reader.start();
      expect(reader.health()).toBe('ok');
      module.placeFinger('alice');
      await advance(500);
      expect(identified).toHaveLength(1);
      await reader.stop();
    });
  });
});
