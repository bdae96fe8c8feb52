import { describe, expect, it, vi } from 'vitest';
import * as cmd from '../../../../hardware/fingerprint/protocol/commands.js';
import { commandPacket, type Packet } from '../../../../hardware/fingerprint/protocol/packet.js';
import { PacketParser } from '../../../../hardware/fingerprint/protocol/parser.js';
import { R30xEmulator } from '../../../support/fingerprint/r30x-emulator.js';
import { ACK_NO_FINGER, ACK_OK, GEN_IMG } from '../protocol/fixtures.js';

/** Sends one command and resolves with the emulator's answer, however it is chunked. */
function ask(module: R30xEmulator, command: cmd.Command | Uint8Array): Promise<Packet> {
  const parser = new PacketParser();
  return new Promise((resolve) => {
    const off = module.onTransmit((bytes) => {
      const [packet] = parser.push(bytes);
      if (packet) {
        off();
        resolve(packet);
      }
    });
    module.receive(command instanceof Uint8Array ? command : commandPacket(command.instruction, command.params));
  });
}

const code = (p: Packet) => p.payload[0];

// The emulator's real test is the driver (test/hardware/fingerprint/r30x/*); these pin its own rules.
describe('R30xEmulator', () => {
  it('answers GenImg 02 with no finger and 00 with one, byte for byte', async () => {
    const module = new R30xEmulator();
    const chunks: number[][] = [];
    module.onTransmit((b) => chunks.push([...b]));
    module.receive(GEN_IMG);
    expect(chunks).toEqual([]); // never inside receive()
    await Promise.resolve();
    module.placeFinger('alice');
    module.receive(GEN_IMG);
    await new Promise((r) => setImmediate(r));
    expect(chunks).toEqual([[...ACK_NO_FINGER], [...ACK_OK]]);
  });

  it('finds the slot whose template belongs to the finger in buffer 1', async () => {
    const module = new R30xEmulator({ templates: [[4, 'bob'], [9, 'alice']], matchScore: 99 });
    module.placeFinger('alice');
    expect(code(await ask(module, cmd.genImg()))).toBe(0x00);
    expect(code(await ask(module, cmd.img2Tz(1)))).toBe(0x00);
    expect((await ask(module, cmd.search(1, 0, 1000))).payload).toEqual(Uint8Array.of(0x00, 0x00, 9, 0x00, 99));
    module.placeFinger('carol');
    await ask(module, cmd.genImg());
    await ask(module, cmd.img2Tz(1));
    expect(code(await ask(module, cmd.search(1, 0, 1000)))).toBe(0x09);
  });

  it('merges two presses of one finger, refuses two different fingers, and stores', async () => {
    const module = new R30xEmulator();
    const press = async (finger: string, buffer: 1 | 2) => {
      module.placeFinger(finger);
      await ask(module, cmd.genImg());
      return code(await ask(module, cmd.img2Tz(buffer)));
    };
    await press('alice', 1);
    await press('bob', 2);
    expect(code(await ask(module, cmd.regModel()))).toBe(0x0a);
    await press('alice', 2);
    expect(code(await ask(module, cmd.regModel()))).toBe(0x00);
    expect(code(await ask(module, cmd.store(1, 1000)))).toBe(0x0b);
    expect(code(await ask(module, cmd.store(1, 12)))).toBe(0x00);
    expect(module.templates.get(12)).toBe('alice');
  });

  it('reports image problems of the placed finger', async () => {
    const module = new R30xEmulator();
    module.placeFinger('alice', 'capture_fails');
    expect(code(await ask(module, cmd.genImg()))).toBe(0x03);
    module.placeFinger('alice', 'messy');
    await ask(module, cmd.genImg());
    expect(code(await ask(module, cmd.img2Tz(1)))).toBe(0x06);
    module.placeFinger('alice', 'few_features');
    await ask(module, cmd.genImg());
    expect(code(await ask(module, cmd.img2Tz(1)))).toBe(0x07);
  });

  it('with a password set, answers 21 until VfyPwd, 13 to a wrong one', async () => {
    const module = new R30xEmulator({ password: 0x1234 });
    expect(code(await ask(module, cmd.templateNum()))).toBe(0x21);
    expect(code(await ask(module, cmd.vfyPwd(0x9999)))).toBe(0x13);
    expect(code(await ask(module, cmd.vfyPwd(0x1234)))).toBe(0x00);
    expect(code(await ask(module, cmd.templateNum()))).toBe(0x00);
    module.unplug();
    module.plugIn();
    expect(code(await ask(module, cmd.templateNum()))).toBe(0x21);
  });

  it('answers 01 to a command that arrived damaged', async () => {
    const module = new R30xEmulator();
    const damaged = GEN_IMG.slice();
    damaged[11]! ^= 1;
    expect(code(await ask(module, damaged))).toBe(0x01);
  });

  it('splits answers into chunks when asked', async () => {
    const module = new R30xEmulator({ chunks: { min: 1, max: 3, seed: 7 } });
    const sizes: number[] = [];
    module.onTransmit((b) => sizes.push(b.length));
    const answer = await ask(module, cmd.readSysPara());
    expect(answer.payload.length).toBe(17);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(28);
  });

  it('misbehaves on request: silence, packet error, bad checksum, garbage, late', async () => {
    vi.useFakeTimers();
    try {
      const module = new R30xEmulator();
      const seen: number[] = [];
      module.onTransmit((b) => seen.push(...b));
      module.silenceNext(1);
      module.receive(GEN_IMG);
      await vi.advanceTimersByTimeAsync(10);
      expect(seen).toEqual([]);
      module.packetErrorNext();
      expect(code(await ask(module, cmd.genImg()))).toBe(0x01);
      module.corruptNextAnswers();
      module.prependGarbage(Uint8Array.of(0x55, 0xef));
      const parser = new PacketParser();
      seen.length = 0;
      module.receive(GEN_IMG);
      await vi.advanceTimersByTimeAsync(0);
      expect(parser.push(Uint8Array.from(seen))).toEqual([]);
      expect(parser.stats.checksumErrors).toBe(1);
      module.answerLate(500);
      seen.length = 0;
      module.receive(GEN_IMG);
      await vi.advanceTimersByTimeAsync(499);
      expect(seen).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(seen).toEqual([...ACK_NO_FINGER]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs a command whose answer is lost when told to', async () => {
    const module = new R30xEmulator();
    module.placeFinger('alice');
    await ask(module, cmd.genImg());
    await ask(module, cmd.img2Tz(1));
    module.silenceNext(1, { execute: true });
    module.receive(commandPacket(cmd.store(1, 3).instruction, cmd.store(1, 3).params));
    expect(module.templates.get(3)).toBe('alice');
  });
});
