/**
 * Byte fixtures. The first group is copied from /work/shared/HARDWARE.md; the rest were written out by
 * hand from the same rules (checksum = PID + length bytes + payload) and cross-checked with a separate
 * Python one-liner, so a wrong encoder cannot agree with itself.
 */
export function bytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.trim().split(/\s+/).map((b) => parseInt(b, 16)));
}

// From HARDWARE.md
export const GEN_IMG = bytes('EF 01 FF FF FF FF 01 00 03 01 00 05');
export const IMG2TZ_1 = bytes('EF 01 FF FF FF FF 01 00 04 02 01 00 08');
export const REG_MODEL = bytes('EF 01 FF FF FF FF 01 00 03 05 00 09');
export const STORE_1_7 = bytes('EF 01 FF FF FF FF 01 00 06 06 01 00 07 00 15');
export const SEARCH_1_0_200 = bytes('EF 01 FF FF FF FF 01 00 08 04 01 00 00 00 C8 00 D6');
export const VFY_PWD_0 = bytes('EF 01 FF FF FF FF 01 00 07 13 00 00 00 00 00 1B');
export const ACK_OK = bytes('EF 01 FF FF FF FF 07 00 03 00 00 0A');
export const ACK_FOUND_7_100 = bytes('EF 01 FF FF FF FF 07 00 07 00 00 07 00 64 00 79');

// Computed from the rules
export const IMG2TZ_2 = bytes('EF 01 FF FF FF FF 01 00 04 02 02 00 09');
export const MATCH = bytes('EF 01 FF FF FF FF 01 00 03 03 00 07');
export const DELET_CHAR_7_1 = bytes('EF 01 FF FF FF FF 01 00 07 0C 00 07 00 01 00 1C');
export const EMPTY = bytes('EF 01 FF FF FF FF 01 00 03 0D 00 11');
export const READ_SYS_PARA = bytes('EF 01 FF FF FF FF 01 00 03 0F 00 13');
export const SET_PWD_12345678 = bytes('EF 01 FF FF FF FF 01 00 07 12 12 34 56 78 01 2E');
export const VFY_PWD_12345678 = bytes('EF 01 FF FF FF FF 01 00 07 13 12 34 56 78 01 2F');
export const TEMPLATE_NUM = bytes('EF 01 FF FF FF FF 01 00 03 1D 00 21');
export const READ_INDEX_TABLE_0 = bytes('EF 01 FF FF FF FF 01 00 04 1F 00 00 24');
export const READ_INDEX_TABLE_1 = bytes('EF 01 FF FF FF FF 01 00 04 1F 01 00 25');
export const SEARCH_1_0_1000 = bytes('EF 01 FF FF FF FF 01 00 08 04 01 00 00 03 E8 00 F9');

export const ACK_NO_FINGER = bytes('EF 01 FF FF FF FF 07 00 03 02 00 0C');
export const ACK_MESSY = bytes('EF 01 FF FF FF FF 07 00 03 06 00 10');
export const ACK_NOT_FOUND = bytes('EF 01 FF FF FF FF 07 00 03 09 00 13');
export const ACK_MISMATCH = bytes('EF 01 FF FF FF FF 07 00 03 0A 00 14');
export const ACK_WRONG_PASSWORD = bytes('EF 01 FF FF FF FF 07 00 03 13 00 1D');
export const ACK_COUNT_5 = bytes('EF 01 FF FF FF FF 07 00 05 00 00 05 00 11');
export const ACK_MATCH_SCORE_80 = bytes('EF 01 FF FF FF FF 07 00 05 00 00 50 00 5C');
/** status 0004 (password verified), system id 0009, library 1000, security 3, address FFFFFFFF, packet code 2, baud ×6. */
export const ACK_SYS_PARA = bytes(
  'EF 01 FF FF FF FF 07 00 13 00 00 04 00 09 03 E8 00 03 FF FF FF FF 00 02 00 06 05 19',
);
/** Page 0 with slots 0, 7, 9 and 255 used: byte 0 = 0x81, byte 1 = 0x02, byte 31 = 0x80. */
export const ACK_INDEX_TABLE_0_7_9_255 = bytes(
  'EF 01 FF FF FF FF 07 00 23 00 81 02 ' + '00 '.repeat(29) + '80 01 2D',
);

export const ALL_ACKS = [
  ACK_OK, ACK_FOUND_7_100, ACK_NO_FINGER, ACK_MESSY, ACK_NOT_FOUND, ACK_MISMATCH, ACK_WRONG_PASSWORD,
  ACK_COUNT_5, ACK_MATCH_SCORE_80, ACK_SYS_PARA, ACK_INDEX_TABLE_0_7_9_255,
];

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
