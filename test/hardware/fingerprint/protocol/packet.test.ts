import { describe, expect, it } from 'vitest';
import { ackPacket, checksum, commandPacket, encodePacket, MAX_PAYLOAD, Pid } from '../../../../hardware/fingerprint/protocol/packet.js';
import { ACK_FOUND_7_100, ACK_OK, GEN_IMG, bytes } from './fixtures.js';

describe('packet encoding', () => {
  it('sums PID, both length bytes and the payload into the checksum', () => {
    expect(checksum(Pid.command, Uint8Array.of(0x01))).toBe(0x0005);
    expect(checksum(Pid.ack, Uint8Array.of(0x00, 0x00, 0x07, 0x00, 0x64))).toBe(0x0079);
  });

  it('keeps only the low 16 bits of a large checksum', () => {
    const payload = new Uint8Array(MAX_PAYLOAD).fill(0xff);
    expect(checksum(Pid.data, payload)).toBe((Pid.data + 0x01 + 0x02 + 0xff * MAX_PAYLOAD) & 0xffff);
  });

  it('encodes a command packet exactly as HARDWARE.md shows GenImg', () => {
    expect(commandPacket(0x01)).toEqual(GEN_IMG);
  });

  it('encodes the acknowledgements shown in HARDWARE.md', () => {
    expect(ackPacket(0x00)).toEqual(ACK_OK);
    expect(ackPacket(0x00, [0x00, 0x07, 0x00, 0x64])).toEqual(ACK_FOUND_7_100);
  });

  it('puts a configured module address into the header', () => {
    expect(commandPacket(0x01, [], 0x12345678)).toEqual(bytes('EF 01 12 34 56 78 01 00 03 01 00 05'));
  });

  it('refuses an empty or oversized payload instead of framing nonsense', () => {
    expect(() => encodePacket({ address: 0xffffffff, pid: Pid.ack, payload: new Uint8Array(0) })).toThrow(RangeError);
    expect(() => encodePacket({ address: 0xffffffff, pid: Pid.data, payload: new Uint8Array(MAX_PAYLOAD + 1) })).toThrow(RangeError);
  });
});
