import { Instruction, type InstructionCode } from './instructions.js';

/** An instruction and its parameter bytes, before framing (see `commandPacket`). */
export interface Command {
  readonly instruction: InstructionCode;
  readonly params: readonly number[];
}

/** The module's two character-file buffers. */
export type CharBuffer = 1 | 2;

/** Pages of ReadIndexTable: four pages of 256 slots each cover the largest library (1000 on R307). */
export const INDEX_PAGES = 4;
export const SLOTS_PER_INDEX_PAGE = 256;

/** Captures an image into the image buffer; answers 02 while there is no finger. */
export const genImg = (): Command => ({ instruction: Instruction.GenImg, params: [] });

/** Turns the image buffer into a character file in `buffer`. */
export const img2Tz = (buffer: CharBuffer): Command => ({ instruction: Instruction.Img2Tz, params: [charBuffer(buffer)] });

/** Compares buffer 1 with buffer 2; answers a score. */
export const match = (): Command => ({ instruction: Instruction.Match, params: [] });

/** Searches slots `start .. start+count-1` for the character file in `buffer`. */
export const search = (buffer: CharBuffer, start: number, count: number): Command => ({
  instruction: Instruction.Search,
  params: [charBuffer(buffer), ...u16(start, 'start slot'), ...u16(count, 'slot count')],
});

/** Merges buffers 1 and 2 into one template, left in both buffers. */
export const regModel = (): Command => ({ instruction: Instruction.RegModel, params: [] });

/** Writes the template in `buffer` to library slot `page`. */
export const store = (buffer: CharBuffer, page: number): Command => ({
  instruction: Instruction.Store,
  params: [charBuffer(buffer), ...u16(page, 'slot')],
});

/** Deletes `count` templates starting at slot `page`. */
export const deletChar = (page: number, count: number): Command => ({
  instruction: Instruction.DeletChar,
  params: [...u16(page, 'slot'), ...u16(count, 'slot count')],
});

/** Deletes every template in the library. */
export const empty = (): Command => ({ instruction: Instruction.Empty, params: [] });

/** Reads the 16 bytes of system parameters (see `decodeSystemParameters`). */
export const readSysPara = (): Command => ({ instruction: Instruction.ReadSysPara, params: [] });

/** Sets the module password (kept in flash). */
export const setPwd = (password: number): Command => ({ instruction: Instruction.SetPwd, params: u32(password, 'password') });

/** Presents the module password; a module with a non-zero password refuses other instructions until then. */
export const vfyPwd = (password: number): Command => ({ instruction: Instruction.VfyPwd, params: u32(password, 'password') });

/** Number of stored templates. */
export const templateNum = (): Command => ({ instruction: Instruction.TemplateNum, params: [] });

/** The used-slot bitmap of one index page (slots page*256 .. page*256+255). */
export const readIndexTable = (page: number): Command => {
  if (!Number.isInteger(page) || page < 0 || page >= INDEX_PAGES) {
    throw new RangeError(`Index page must be 0..${INDEX_PAGES - 1}, not ${page}`);
  }
  return { instruction: Instruction.ReadIndexTable, params: [page] };
};

function charBuffer(buffer: number): number {
  if (buffer !== 1 && buffer !== 2) throw new RangeError(`Character buffer must be 1 or 2, not ${buffer}`);
  return buffer;
}

function u16(value: number, what: string): [number, number] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new RangeError(`The ${what} must be 0..65535, not ${value}`);
  return [value >> 8, value & 0xff];
}

function u32(value: number, what: string): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`The ${what} must be a 32-bit unsigned number`);
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}
