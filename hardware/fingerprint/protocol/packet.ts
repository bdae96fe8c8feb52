/**
 * Framing of the "0xEF01" protocol spoken by R30x / R503 / ZFM-20 fingerprint modules
 * (see /work/shared/HARDWARE.md): `EF 01 | address(4) | PID | length(2) | payload | checksum(2)`,
 * all multi-byte fields big-endian. Pure functions only; the parser lives in parser.ts.
 */

export const HEADER_HI = 0xef;
export const HEADER_LO = 0x01;
/** Every module answers to FF FF FF FF until an address is set at provisioning. */
export const DEFAULT_ADDRESS = 0xffffffff;

/** Packet identifiers. */
export const Pid = {
  command: 0x01,
  data: 0x02,
  ack: 0x07,
  endData: 0x08,
} as const;

/** Header (2) + address (4) + PID (1) + length (2): the bytes before the payload. */
export const PREFIX_BYTES = 9;
export const CHECKSUM_BYTES = 2;
/**
 * The largest payload any packet may carry. The module's packet-size setting (ReadSysPara) goes up to
 * 256 data bytes, and no acknowledgement we ask for is longer than 33 bytes (ReadIndexTable), so a
 * length field announcing more than this is corruption, not a packet.
 */
export const MAX_PAYLOAD = 256;
/** A command needs its instruction byte and an acknowledgement its confirmation code. */
export const MIN_PAYLOAD = 1;

export interface Packet {
  address: number;
  pid: number;
  payload: Uint8Array;
}

/** (PID + both length bytes + every payload byte) & 0xFFFF, where length = payload + 2. */
export function checksum(pid: number, payload: Uint8Array): number {
  const length = payload.length + CHECKSUM_BYTES;
  let sum = pid + (length >> 8) + (length & 0xff);
  for (let i = 0; i < payload.length; i++) sum += payload[i]!;
  return sum & 0xffff;
}

/** The bytes on the wire for one packet. */
export function encodePacket(packet: Packet): Uint8Array {
  const { address, pid, payload } = packet;
  if (payload.length < MIN_PAYLOAD || payload.length > MAX_PAYLOAD) {
    throw new RangeError(`A packet payload must be ${MIN_PAYLOAD}..${MAX_PAYLOAD} bytes, not ${payload.length}`);
  }
  const out = new Uint8Array(PREFIX_BYTES + payload.length + CHECKSUM_BYTES);
  const view = new DataView(out.buffer);
  out[0] = HEADER_HI;
  out[1] = HEADER_LO;
  view.setUint32(2, address >>> 0);
  out[6] = pid;
  view.setUint16(7, payload.length + CHECKSUM_BYTES);
  out.set(payload, PREFIX_BYTES);
  view.setUint16(PREFIX_BYTES + payload.length, checksum(pid, payload));
  return out;
}

/** A command packet: the instruction code followed by its parameters. */
export function commandPacket(instruction: number, params: ArrayLike<number> = [], address = DEFAULT_ADDRESS): Uint8Array {
  return encodePacket({ address, pid: Pid.command, payload: prefixed(instruction, params) });
}

/** An acknowledgement packet: confirmation code followed by its data (what the module sends back). */
export function ackPacket(code: number, data: ArrayLike<number> = [], address = DEFAULT_ADDRESS): Uint8Array {
  return encodePacket({ address, pid: Pid.ack, payload: prefixed(code, data) });
}

function prefixed(first: number, rest: ArrayLike<number>): Uint8Array {
  const payload = new Uint8Array(1 + rest.length);
  payload[0] = first;
  payload.set(Array.from(rest), 1);
  return payload;
}
