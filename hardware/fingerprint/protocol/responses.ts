import { SLOTS_PER_INDEX_PAGE } from './commands.js';

/**
 * Decoders for the data that follows the confirmation code in an acknowledgement. Each takes the
 * bytes after the confirmation code and throws RangeError when they are too short to be that answer.
 */

/** ReadSysPara's 16 bytes, in their order on the wire (all big-endian). */
export interface SystemParameters {
  /** Bit 0 busy, bit 1 finger matched, bit 2 password verified, bit 3 image buffer valid. */
  statusRegister: number;
  systemId: number;
  /** Template library capacity (slots 0 .. librarySize-1). */
  librarySize: number;
  /** 1 (lenient) .. 5 (strict). */
  securityLevel: number;
  address: number;
  /** 0..3 for 32, 64, 128, 256-byte data packets. */
  packetSizeCode: number;
  /** Data-packet size in bytes (from `packetSizeCode`). */
  packetSize: number;
  /** The UART runs at 9600 × this. */
  baudMultiplier: number;
}

export const SYSTEM_PARAMETER_BYTES = 16;
export const INDEX_TABLE_BYTES = SLOTS_PER_INDEX_PAGE / 8;

export function decodeSystemParameters(data: Uint8Array): SystemParameters {
  const view = viewOf(data, SYSTEM_PARAMETER_BYTES, 'ReadSysPara');
  const packetSizeCode = view.getUint16(12);
  return {
    statusRegister: view.getUint16(0),
    systemId: view.getUint16(2),
    librarySize: view.getUint16(4),
    securityLevel: view.getUint16(6),
    address: view.getUint32(8),
    packetSizeCode,
    packetSize: 32 << Math.min(packetSizeCode, 3),
    baudMultiplier: view.getUint16(14),
  };
}

/** Search: the slot (the manual's "page") that matched and the match score. */
export function decodeSearch(data: Uint8Array): { page: number; score: number } {
  const view = viewOf(data, 4, 'Search');
  return { page: view.getUint16(0), score: view.getUint16(2) };
}

/** Match: the score of buffer 1 against buffer 2. */
export function decodeMatchScore(data: Uint8Array): number {
  return viewOf(data, 2, 'Match').getUint16(0);
}

export function decodeTemplateCount(data: Uint8Array): number {
  return viewOf(data, 2, 'TemplateNum').getUint16(0);
}

/**
 * ReadIndexTable's 32-byte bitmap → used slots of that page, ascending. Bit order is LSB first within
 * each byte: slot = page*256 + byte*8 + bit. The manuals only say "each bit is one template"; the order
 * is the one the open implementations rely on against real modules (pyfingerprint's getTemplateIndex
 * tests bit 0 first and numbers positions consecutively; Adafruit's read_templates adds `byte*8 + bit`).
 */
export function decodeIndexTable(data: Uint8Array, page: number): number[] {
  viewOf(data, INDEX_TABLE_BYTES, 'ReadIndexTable');
  const slots: number[] = [];
  for (let byte = 0; byte < INDEX_TABLE_BYTES; byte++) {
    const bits = data[byte]!;
    for (let bit = 0; bit < 8; bit++) {
      if (bits & (1 << bit)) slots.push(page * SLOTS_PER_INDEX_PAGE + byte * 8 + bit);
    }
  }
  return slots;
}

/** The inverse of decodeIndexTable, for the emulator and tests. */
export function encodeIndexTable(usedSlots: Iterable<number>, page: number): Uint8Array {
  const bitmap = new Uint8Array(INDEX_TABLE_BYTES);
  for (const slot of usedSlots) {
    const offset = slot - page * SLOTS_PER_INDEX_PAGE;
    if (offset < 0 || offset >= SLOTS_PER_INDEX_PAGE) continue;
    bitmap[offset >> 3]! |= 1 << (offset & 7);
  }
  return bitmap;
}

function viewOf(data: Uint8Array, bytes: number, what: string): DataView {
  if (data.length < bytes) throw new RangeError(`${what} answer needs ${bytes} data bytes, got ${data.length}`);
  return new DataView(data.buffer, data.byteOffset, data.length);
}
