import { describe, expect, it } from 'vitest';
import { PacketParser } from '../../../../hardware/fingerprint/protocol/parser.js';
import {
  decodeIndexTable, decodeMatchScore, decodeSearch, decodeSystemParameters, decodeTemplateCount, encodeIndexTable,
} from '../../../../hardware/fingerprint/protocol/responses.js';
import * as f from './fixtures.js';

/** The data after the confirmation code of a single acknowledgement fixture. */
function dataOf(ack: Uint8Array): Uint8Array {
  const [packet] = new PacketParser().push(ack);
  expect(packet?.payload[0]).toBe(0x00);
  return packet!.payload.subarray(1);
}

describe('response decoders', () => {
  it('reads the 16 bytes of ReadSysPara in wire order', () => {
    expect(decodeSystemParameters(dataOf(f.ACK_SYS_PARA))).toEqual({
      statusRegister: 0x0004, systemId: 0x0009, librarySize: 1000, securityLevel: 3,
      address: 0xffffffff, packetSizeCode: 2, packetSize: 128, baudMultiplier: 6,
    });
  });

  it('reads the slot and score of a Search hit', () => {
    expect(decodeSearch(dataOf(f.ACK_FOUND_7_100))).toEqual({ page: 7, score: 100 });
  });

  it('reads TemplateNum and the Match score', () => {
    expect(decodeTemplateCount(dataOf(f.ACK_COUNT_5))).toBe(5);
    expect(decodeMatchScore(dataOf(f.ACK_MATCH_SCORE_80))).toBe(80);
  });

  it('reads the index bitmap least significant bit first', () => {
    expect(decodeIndexTable(dataOf(f.ACK_INDEX_TABLE_0_7_9_255), 0)).toEqual([0, 7, 9, 255]);
    expect(decodeIndexTable(dataOf(f.ACK_INDEX_TABLE_0_7_9_255), 3)).toEqual([768, 775, 777, 1023]);
  });

  it('encodes the bitmap it decodes, ignoring slots of other pages', () => {
    const slots = [256, 300, 511];
    expect(decodeIndexTable(encodeIndexTable([...slots, 5, 600], 1), 1)).toEqual(slots);
  });

  it('refuses answers too short to be what was asked', () => {
    expect(() => decodeSystemParameters(new Uint8Array(15))).toThrow(RangeError);
    expect(() => decodeSearch(new Uint8Array(3))).toThrow(RangeError);
    expect(() => decodeIndexTable(new Uint8Array(31), 0)).toThrow(RangeError);
  });
});
