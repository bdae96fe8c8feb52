import { CHECKSUM_BYTES, DEFAULT_ADDRESS, HEADER_HI, HEADER_LO, MAX_PAYLOAD, MIN_PAYLOAD, PREFIX_BYTES, Pid, type Packet } from './packet.js';

/**
 * What the parser delivered and dropped since it was made. Every byte pushed ends up in exactly one
 * of: a delivered packet, `garbageBytes`, or the buffer still waiting for the rest of a packet.
 */
export interface ParserStats {
  packets: number;
  /** Complete frames whose checksum did not add up. */
  checksumErrors: number;
  /** Bytes dropped: noise before a header, rejected and cut-off frames, and what reset() threw away. */
  garbageBytes: number;
  /** Frames cut off by the start of a later, complete packet. */
  truncated: number;
  /** Headers announcing a payload longer than MAX_PAYLOAD. */
  oversize: number;
}

export interface PacketParserOptions {
  /** Only packets for this module address are accepted (default FF FF FF FF). */
  address?: number;
}

// Results of looking at the fixed prefix of a candidate frame (non-negative = its total length).
const NEED_MORE = -1;
const NOT_A_FRAME = -2;
const OVERSIZE = -3;

const MAX_FRAME = PREFIX_BYTES + MAX_PAYLOAD + CHECKSUM_BYTES;
const VALID_PIDS = new Set<number>([Pid.command, Pid.data, Pid.ack, Pid.endData]);

/**
 * Turns a byte stream into packets. Copes with packets split across reads, several in one read,
 * noise, bad checksums and cut-off packets: it drops what it cannot use, resynchronises on the next
 * `EF 01` header and counts what it dropped. It never throws on input.
 *
 * A rejected frame is skipped one byte at a time rather than by its announced length: a corrupted
 * length field would otherwise swallow the good packet behind it.
 */
export class PacketParser {
  readonly stats: ParserStats = { packets: 0, checksumErrors: 0, garbageBytes: 0, truncated: 0, oversize: 0 };
  private readonly address: number;
  private buf = new Uint8Array(2 * MAX_FRAME);
  private start = 0;
  private end = 0;

  constructor(options: PacketParserOptions = {}) {
    this.address = (options.address ?? DEFAULT_ADDRESS) >>> 0;
  }

  /** Bytes held back waiting for the rest of a packet. */
  get buffered(): number {
    return this.end - this.start;
  }

  /** Drops whatever is buffered (counted as garbage): used between commands to forget stale bytes. */
  reset(): void {
    this.stats.garbageBytes += this.end - this.start;
    this.start = this.end = 0;
  }

  push(chunk: Uint8Array): Packet[] {
    this.append(chunk);
    const packets: Packet[] = [];
    while (this.start < this.end) {
      const at = this.findHeader();
      if (at < 0) break;
      const total = this.frameLength(at);
      if (total === NEED_MORE) break;
      if (total < 0) {
        if (total === OVERSIZE) this.stats.oversize++;
        this.drop(1);
        continue;
      }
      if (this.end - at < total) {
        // An incomplete frame followed by a complete packet was cut off (the module restarted, or
        // bytes were lost): waiting for its announced length would hold the good packet hostage.
        const next = this.completeFrameAfter(at);
        if (next < 0) break;
        this.stats.truncated++;
        this.drop(next - at);
        continue;
      }
      if (!this.checksumOk(at, total)) {
        this.stats.checksumErrors++;
        this.drop(1);
        continue;
      }
      packets.push(this.take(at, total));
    }
    return packets;
  }

  private append(chunk: Uint8Array): void {
    const held = this.end - this.start;
    if (this.end + chunk.length > this.buf.length) {
      if (held + chunk.length > this.buf.length) {
        const bigger = new Uint8Array(Math.max(2 * this.buf.length, held + chunk.length));
        bigger.set(this.buf.subarray(this.start, this.end));
        this.buf = bigger;
      } else {
        this.buf.copyWithin(0, this.start, this.end);
      }
      this.start = 0;
      this.end = held;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** Moves `start` to the next possible header, dropping what lies before; -1 when none is buffered yet. */
  private findHeader(): number {
    const { buf, end } = this;
    let i = this.start;
    while (i < end) {
      if (buf[i] === HEADER_HI && (i + 1 === end || buf[i + 1] === HEADER_LO)) break;
      i++;
    }
    this.drop(i - this.start);
    return i < end ? i : -1;
  }

  /** Total frame length from the prefix at `at`, or NEED_MORE / NOT_A_FRAME / OVERSIZE. */
  private frameLength(at: number): number {
    const { buf, end } = this;
    const available = end - at;
    // The caller found `EF 01` (or a lone `EF` at the end). Reject on the first byte that rules the
    // frame out, even before all of the prefix is here, so noise does not hold the stream back.
    for (let k = 0; k < 4 && 2 + k < available; k++) {
      if (buf[at + 2 + k] !== ((this.address >>> (24 - 8 * k)) & 0xff)) return NOT_A_FRAME;
    }
    if (available > 6 && !VALID_PIDS.has(buf[at + 6]!)) return NOT_A_FRAME;
    if (available < PREFIX_BYTES) return NEED_MORE;
    const payload = ((buf[at + 7]! << 8) | buf[at + 8]!) - CHECKSUM_BYTES;
    if (payload > MAX_PAYLOAD) return OVERSIZE;
    if (payload < MIN_PAYLOAD) return NOT_A_FRAME;
    return PREFIX_BYTES + payload + CHECKSUM_BYTES;
  }

  /** Start of the first complete, valid packet after `at` (inside the incomplete frame there), or -1. */
  private completeFrameAfter(at: number): number {
    const { buf, end } = this;
    for (let j = at + 1; j + PREFIX_BYTES <= end; j++) {
      if (buf[j] !== HEADER_HI || buf[j + 1] !== HEADER_LO) continue;
      const total = this.frameLength(j);
      if (total > 0 && end - j >= total && this.checksumOk(j, total)) return j;
    }
    return -1;
  }

  private checksumOk(at: number, total: number): boolean {
    const { buf } = this;
    const sumAt = at + total - CHECKSUM_BYTES;
    let sum = 0;
    for (let i = at + 6; i < sumAt; i++) sum += buf[i]!;
    return (sum & 0xffff) === ((buf[sumAt]! << 8) | buf[sumAt + 1]!);
  }

  private take(at: number, total: number): Packet {
    const { buf } = this;
    const address = ((buf[at + 2]! << 24) | (buf[at + 3]! << 16) | (buf[at + 4]! << 8) | buf[at + 5]!) >>> 0;
    const packet = { address, pid: buf[at + 6]!, payload: buf.slice(at + PREFIX_BYTES, at + total - CHECKSUM_BYTES) };
    this.start = at + total;
    this.stats.packets++;
    return packet;
  }

  private drop(bytes: number): void {
    this.start += bytes;
    this.stats.garbageBytes += bytes;
  }
}
