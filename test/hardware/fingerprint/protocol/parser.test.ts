import { describe, expect, it } from 'vitest';
import { PacketParser, type ParserStats } from '../../../../hardware/fingerprint/protocol/parser.js';
import { ackPacket, encodePacket, MAX_PAYLOAD, Pid, type Packet } from '../../../../hardware/fingerprint/protocol/packet.js';
import { randomInt, seededRandom, splitRandomly } from '../../../support/fingerprint/random.js';
import * as f from './fixtures.js';

const { concat, bytes } = f;

/** Wire bytes back from a parsed packet, to compare streams with what went in. */
const wire = (p: Packet) => encodePacket(p);

function parseAll(chunks: Uint8Array[], parser = new PacketParser()): { packets: Uint8Array[]; stats: ParserStats; parser: PacketParser } {
  const packets = chunks.flatMap((c) => parser.push(c)).map(wire);
  return { packets, stats: parser.stats, parser };
}

/** Every byte pushed is in a delivered packet, counted as garbage, or still buffered. */
function expectAccounted(pushed: number, packets: Uint8Array[], parser: PacketParser): void {
  const delivered = packets.reduce((n, p) => n + p.length, 0);
  expect(delivered + parser.stats.garbageBytes + parser.buffered).toBe(pushed);
}

const STREAM = [f.ACK_OK, f.ACK_FOUND_7_100, f.ACK_SYS_PARA, f.ACK_NO_FINGER, f.ACK_INDEX_TABLE_0_7_9_255, f.ACK_COUNT_5];
const WHOLE = concat(...STREAM);

describe('PacketParser', () => {
  it.each(f.ALL_ACKS.map((a, i) => [i, a] as const))('parses acknowledgement fixture %i whole', (_i, ack) => {
    const { packets, stats } = parseAll([ack]);
    expect(packets).toEqual([ack]);
    expect(stats).toEqual({ packets: 1, checksumErrors: 0, garbageBytes: 0, truncated: 0, oversize: 0 });
  });

  it('parses the HARDWARE.md acknowledgements into PID, address and payload', () => {
    const [ok, found] = new PacketParser().push(concat(f.ACK_OK, f.ACK_FOUND_7_100));
    expect(ok).toEqual({ address: 0xffffffff, pid: Pid.ack, payload: Uint8Array.of(0x00) });
    expect(found?.payload).toEqual(Uint8Array.of(0x00, 0x00, 0x07, 0x00, 0x64));
  });

  it('parses several packets that arrive in one read', () => {
    expect(parseAll([WHOLE]).packets).toEqual(STREAM);
  });

  it('gives the same packets wherever a read splits the stream', () => {
    for (let cut = 1; cut < WHOLE.length; cut++) {
      const { packets, stats } = parseAll([WHOLE.subarray(0, cut), WHOLE.subarray(cut)]);
      expect(packets, `cut at ${cut}`).toEqual(STREAM);
      expect(stats.garbageBytes).toBe(0);
    }
  });

  it('gives the same packets when every byte arrives on its own', () => {
    const { packets, stats } = parseAll(Array.from(WHOLE, (b) => Uint8Array.of(b)));
    expect(packets).toEqual(STREAM);
    expect(stats.packets).toBe(STREAM.length);
  });

  it('skips noise before a header, including stray EF bytes and EF EF 01', () => {
    const noise = bytes('00 13 EF 55 EF EF');
    const { packets, stats } = parseAll([concat(noise, f.ACK_OK)]);
    expect(packets).toEqual([f.ACK_OK]);
    expect(stats.garbageBytes).toBe(noise.length);
  });

  it('drops a packet with a wrong checksum, counts it, and finds the next one', () => {
    const bad = f.ACK_FOUND_7_100.slice();
    bad[bad.length - 1]! ^= 0x01;
    const { packets, stats, parser } = parseAll([concat(bad, f.ACK_OK)]);
    expect(packets).toEqual([f.ACK_OK]);
    expect(stats.checksumErrors).toBe(1);
    expectAccounted(bad.length + f.ACK_OK.length, packets, parser);
  });

  it('drops a packet whose payload was corrupted', () => {
    const bad = f.ACK_SYS_PARA.slice();
    bad[15]! ^= 0x40;
    expect(parseAll([concat(bad, f.ACK_NO_FINGER)]).packets).toEqual([f.ACK_NO_FINGER]);
  });

  it('recovers the next packet when a corrupted length field reaches into it', () => {
    for (const length of [0x04, 0x13, 0x40]) {
      const bad = f.ACK_OK.slice();
      bad[8] = length;
      const { packets } = parseAll([concat(bad, f.ACK_FOUND_7_100, f.ACK_OK)]);
      expect(packets, `length ${length}`).toEqual([f.ACK_FOUND_7_100, f.ACK_OK]);
    }
  });

  it('drops a cut-off packet as soon as a complete one follows it', () => {
    // ACK_SYS_PARA is 28 bytes. Cut before its length field (9 bytes) it is plain noise; cut so that
    // the next packet completes first it is `truncated`; cut so late that its announced length is
    // filled by the next packet's bytes it fails its checksum instead. The next packet survives all three.
    for (const cut of [2, 7, 9, 12, 15, 16, 20, 27]) {
      const cutOff = f.ACK_SYS_PARA.subarray(0, cut);
      const { packets, stats, parser } = parseAll([cutOff, f.ACK_OK]);
      expect(packets, `cut at ${cut}`).toEqual([f.ACK_OK]);
      expect(stats.truncated, `cut at ${cut}`).toBe(cut >= 9 && cut + f.ACK_OK.length < 28 ? 1 : 0);
      expect(stats.checksumErrors, `cut at ${cut}`).toBe(cut + f.ACK_OK.length >= 28 ? 1 : 0);
      expectAccounted(cut + f.ACK_OK.length, packets, parser);
    }
  });

  it('drops a cut-off packet even when the next one trickles in byte by byte', () => {
    const stream = concat(f.ACK_INDEX_TABLE_0_7_9_255.subarray(0, 20), f.ACK_FOUND_7_100);
    const { packets, stats } = parseAll(Array.from(stream, (b) => Uint8Array.of(b)));
    expect(packets).toEqual([f.ACK_FOUND_7_100]);
    expect(stats.truncated).toBe(1);
  });

  it('rejects a header announcing more than the largest packet and resynchronises', () => {
    const huge = bytes('EF 01 FF FF FF FF 07 01 03 00');
    const { packets, stats } = parseAll([concat(huge, f.ACK_OK)]);
    expect(packets).toEqual([f.ACK_OK]);
    expect(stats.oversize).toBe(1);
  });

  it('accepts the largest legal packet', () => {
    const largest = encodePacket({ address: 0xffffffff, pid: Pid.data, payload: new Uint8Array(MAX_PAYLOAD).fill(0xef) });
    expect(parseAll([largest, f.ACK_OK]).packets).toEqual([largest, f.ACK_OK]);
  });

  it('rejects a header announcing an empty payload', () => {
    const empty = bytes('EF 01 FF FF FF FF 07 00 02 00 09');
    expect(parseAll([concat(empty, f.ACK_OK)]).packets).toEqual([f.ACK_OK]);
  });

  it('ignores packets for another module address and unknown packet types', () => {
    const other = ackPacket(0x00, [], 0x00000001);
    const badPid = bytes('EF 01 FF FF FF FF 05 00 03 00 00 08');
    expect(parseAll([concat(other, badPid, f.ACK_OK)]).packets).toEqual([f.ACK_OK]);
  });

  it('accepts only its configured address', () => {
    const mine = ackPacket(0x00, [], 0x12345678);
    const parser = new PacketParser({ address: 0x12345678 });
    expect(parseAll([concat(f.ACK_OK, mine)], parser).packets).toEqual([mine]);
  });

  it('forgets a half-received packet on reset and counts it as garbage', () => {
    const parser = new PacketParser();
    parser.push(f.ACK_SYS_PARA.subarray(0, 10));
    expect(parser.buffered).toBe(10);
    parser.reset();
    expect(parser.buffered).toBe(0);
    expect(parser.stats.garbageBytes).toBe(10);
    expect(parser.push(f.ACK_OK).map(wire)).toEqual([f.ACK_OK]);
  });

  it('never holds more than one frame of bytes while waiting', () => {
    const parser = new PacketParser();
    parser.push(bytes('EF 01 FF FF FF FF 07 01 02'));
    for (let i = 0; i < 2000; i++) parser.push(Uint8Array.of(0x55));
    expect(parser.buffered).toBeLessThanOrEqual(MAX_PAYLOAD + 11);
  });

  describe('fuzz', () => {
    /** Noise that looks like packets: real headers, plausible lengths, random tails. */
    function noise(random: () => number): Uint8Array {
      const parts: Uint8Array[] = [];
      for (let n = randomInt(random, 0, 6); n > 0; n--) {
        const kind = random();
        if (kind < 0.3) parts.push(bytes('EF 01 FF FF FF FF').subarray(0, randomInt(random, 1, 6)));
        else if (kind < 0.6) {
          const good = f.ALL_ACKS[randomInt(random, 0, f.ALL_ACKS.length - 1)]!;
          parts.push(good.subarray(0, randomInt(random, 1, good.length - 1)));
        } else parts.push(Uint8Array.from({ length: randomInt(random, 1, 40) }, () => randomInt(random, 0, 255)));
      }
      return concat(...parts);
    }

    it('never throws on random bytes and accounts for every byte', () => {
      const random = seededRandom(1);
      const parser = new PacketParser();
      let pushed = 0;
      const packets: Uint8Array[] = [];
      for (let i = 0; i < 2000; i++) {
        const chunk = Uint8Array.from({ length: randomInt(random, 0, 64) }, () => (random() < 0.1 ? 0xef : randomInt(random, 0, 255)));
        pushed += chunk.length;
        packets.push(...parser.push(chunk).map(wire));
      }
      expectAccounted(pushed, packets, parser);
    });

    it('always recovers the good packets that follow noise, however the reads are split', () => {
      const random = seededRandom(42);
      const parser = new PacketParser();
      for (let round = 0; round < 3000; round++) {
        const good = f.ALL_ACKS[randomInt(random, 0, f.ALL_ACKS.length - 1)]!;
        const stream = concat(noise(random), good, f.ACK_OK);
        const packets = splitRandomly(stream, random, 1, 48).flatMap((c) => parser.push(c)).map(wire);
        expect(packets.slice(-2), `round ${round}`).toEqual([good, f.ACK_OK]);
        expect(parser.buffered).toBe(0);
      }
      expect(parser.stats.truncated + parser.stats.checksumErrors).toBeGreaterThan(0);
    });
  });
});
