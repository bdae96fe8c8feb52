import { ackPacket, DEFAULT_ADDRESS, Pid, type Packet } from '../../../hardware/fingerprint/protocol/packet.js';
import { PacketParser } from '../../../hardware/fingerprint/protocol/parser.js';
import { Confirmation as C, Instruction as I, instructionName, type InstructionName } from '../../../hardware/fingerprint/protocol/instructions.js';
import { encodeIndexTable } from '../../../hardware/fingerprint/protocol/responses.js';
import { INDEX_PAGES } from '../../../hardware/fingerprint/protocol/commands.js';
import type { ByteDevice } from './byte-device.js';
import { seededRandom, splitRandomly } from './random.js';

/**
 * How the next presses of a placed finger come out: `good` captures and converts; `capture_fails`
 * makes GenImg answer 03; `messy`, `few_features` and `invalid_image` make Img2Tz answer 06, 07, 15.
 */
export type FingerQuality = 'good' | 'messy' | 'few_features' | 'capture_fails' | 'invalid_image';

export interface R30xEmulatorOptions {
  /** Library size (R307: 1000, R503: 200). */
  capacity?: number;
  securityLevel?: number;
  /** Module password; non-zero means VfyPwd must come first. */
  password?: number;
  address?: number;
  /** Slot → finger id of templates already stored. */
  templates?: Iterable<readonly [number, string]>;
  /** Score reported by Search and Match on a hit. */
  matchScore?: number;
  /** Split every answer into chunks of this many bytes (random within the range, seeded). */
  chunks?: { min: number; max: number; seed?: number };
  /** For late answers; the global setTimeout by default, looked up when used so fake timers apply. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

/** Img2Tz's answer for an image taken of a finger of this quality (nothing listed: it converts). */
const CONVERSION_PROBLEMS: Partial<Record<FingerQuality, number>> = {
  messy: C.messy_image,
  few_features: C.few_features,
  invalid_image: C.invalid_image,
};

interface CharFile {
  finger: string;
  merged: boolean;
}

interface Reply {
  code: number;
  data?: ArrayLike<number>;
}

/**
 * A byte-level stand-in for an R30x / R503 module: it parses command packets, keeps its own template
 * library, character buffers 1 and 2 and password state, answers with acknowledgement packets
 * delivered asynchronously (never inside `receive`), and can be told to misbehave.
 *
 * Behaviour the datasheets leave open is guessed as noted at each place; the password rule follows
 * the R503 manual: with a non-zero password, everything before a successful VfyPwd is answered 21h
 * ("password must be verified"); older ZFM firmware is described only as "not accepting" other
 * instructions, which a driver sees the same way (no useful answer until it verifies).
 */
export class R30xEmulator implements ByteDevice {
  readonly capacity: number;
  readonly address: number;
  /** Names of every command packet received, in order (also the ignored ones). */
  readonly received: string[] = [];
  securityLevel: number;
  private password: number;
  private verified = false;
  private readonly library = new Map<number, string>();
  private readonly buffers: [CharFile | null, CharFile | null] = [null, null];
  private image: { finger: string; quality: FingerQuality } | null = null;
  private finger: { id: string; quality: FingerQuality } | null = null;
  private readonly matchScore: number;
  private readonly parser: PacketParser;
  private readonly listeners = new Set<(bytes: Uint8Array) => void>();
  private readonly chunkRandom: (() => number) | null;
  private readonly chunkRange: { min: number; max: number } | null;
  private readonly setTimeoutFn: (fn: () => void, ms: number) => unknown;
  // Faults
  private powered = true;
  private silent: { count: number; execute: boolean } = { count: 0, execute: false };
  private packetErrors = 0;
  private corruptAnswers = 0;
  private garbage: Uint8Array | null = null;
  private delayMs = 0;
  private lateAnswers = 0;
  private readonly forcedCodes = new Map<number, number[]>();

  constructor(options: R30xEmulatorOptions = {}) {
    this.capacity = options.capacity ?? 1000;
    this.securityLevel = options.securityLevel ?? 3;
    this.password = options.password ?? 0;
    this.address = options.address ?? DEFAULT_ADDRESS;
    this.matchScore = options.matchScore ?? 120;
    for (const [slot, finger] of options.templates ?? []) this.library.set(slot, finger);
    this.parser = new PacketParser({ address: this.address });
    this.chunkRange = options.chunks ?? null;
    this.chunkRandom = options.chunks ? seededRandom(options.chunks.seed ?? 1) : null;
    this.setTimeoutFn = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  }

  // ---- the finger -------------------------------------------------------------------------------

  /** A finger on the glass until liftFinger(); `fingerId` decides which template it matches. */
  placeFinger(fingerId: string, quality: FingerQuality = 'good'): void {
    this.finger = { id: fingerId, quality };
  }

  liftFinger(): void {
    this.finger = null;
  }

  get fingerOn(): boolean {
    return this.finger !== null;
  }

  // ---- the flash ----------------------------------------------------------------------------------

  /** Slot → finger id, as stored on the module. */
  get templates(): ReadonlyMap<number, string> {
    return this.library;
  }

  setTemplate(slot: number, fingerId: string): void {
    this.library.set(slot, fingerId);
  }

  get currentPassword(): number {
    return this.password;
  }

  // ---- faults -------------------------------------------------------------------------------------

  /**
   * The next `count` commands get no answer. `execute: false` (default) loses the command on the way in;
   * `execute: true` runs it and loses the answer on the way out (the case that makes retries dangerous).
   */
  silenceNext(count: number, options: { execute?: boolean } = {}): void {
    this.silent = { count, execute: options.execute ?? false };
  }

  /** The next `count` commands are answered 01 (packet error) without being run. */
  packetErrorNext(count = 1): void {
    this.packetErrors = count;
  }

  /** The next `count` answers go out with a wrong checksum. */
  corruptNextAnswers(count = 1): void {
    this.corruptAnswers = count;
  }

  /** The next answer is preceded by these bytes (line noise, a bootloader banner). */
  prependGarbage(bytes: Uint8Array): void {
    this.garbage = bytes;
  }

  /** The next `count` answers (all of them by default) leave `ms` after their command (0 to stop). */
  answerLate(ms: number, count = Infinity): void {
    this.delayMs = ms;
    this.lateAnswers = count;
  }

  /** The next `instruction` commands are answered with `codes` in turn, without being run. */
  failNext(instruction: InstructionName, ...codes: number[]): void {
    this.forcedCodes.set(I[instruction], codes);
  }

  /** The module loses power: it hears nothing and says nothing until plugIn(). */
  unplug(): void {
    this.powered = false;
  }

  /** Power returns: RAM state is gone (buffers, image, password verification); flash is kept. */
  plugIn(): void {
    this.powered = true;
    this.verified = false;
    this.buffers[0] = this.buffers[1] = null;
    this.image = null;
    this.parser.reset();
  }

  // ---- ByteDevice ---------------------------------------------------------------------------------

  onTransmit(listener: (bytes: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  receive(bytes: Uint8Array): void {
    if (!this.powered) return;
    const checksumErrors = this.parser.stats.checksumErrors;
    const packets = this.parser.push(bytes);
    // The manuals define 01 as "error when receiving the package": a command that arrived damaged.
    if (this.parser.stats.checksumErrors > checksumErrors) this.send({ code: C.packet_error });
    for (const packet of packets) this.handle(packet);
  }

  private handle(packet: Packet): void {
    if (packet.pid !== Pid.command) return;
    const instruction = packet.payload[0]!;
    const params = packet.payload.subarray(1);
    this.received.push(instructionName(instruction));
    if (this.silent.count > 0) {
      this.silent.count--;
      if (this.silent.execute) this.execute(instruction, params);
      return;
    }
    if (this.packetErrors > 0) {
      this.packetErrors--;
      this.send({ code: C.packet_error });
      return;
    }
    const forced = this.forcedCodes.get(instruction)?.shift();
    if (forced !== undefined) {
      this.send({ code: forced });
      return;
    }
    if (this.password !== 0 && !this.verified && instruction !== I.VfyPwd) {
      this.send({ code: C.password_not_verified });
      return;
    }
    this.send(this.execute(instruction, params));
  }

  private execute(instruction: number, p: Uint8Array): Reply {
    const u16 = (at: number) => ((p[at] ?? 0) << 8) | (p[at + 1] ?? 0);
    const u32 = (at: number) => ((u16(at) << 16) | u16(at + 2)) >>> 0;
    switch (instruction) {
      case I.GenImg:
        return this.genImg();
      case I.Img2Tz:
        return this.img2Tz(p[0]);
      case I.Match: {
        const [a, b] = this.buffers;
        return a && b && a.finger === b.finger ? { code: C.ok, data: be16(this.matchScore) } : { code: C.no_match };
      }
      case I.Search:
        return this.search(p[0], u16(1), u16(3));
      case I.RegModel: {
        const [a, b] = this.buffers;
        if (!a || !b || a.finger !== b.finger) return { code: C.enrol_mismatch };
        // The manuals: the merged template is "stored back in both CharBuffer1 and CharBuffer2".
        this.buffers[0] = { finger: a.finger, merged: true };
        this.buffers[1] = { finger: a.finger, merged: true };
        return { code: C.ok };
      }
      case I.Store: {
        const file = this.buffers[(p[0] ?? 0) - 1];
        const slot = u16(1);
        if (slot >= this.capacity) return { code: C.bad_slot };
        if (!file) return { code: C.packet_error }; // guess: nothing to store
        this.library.set(slot, file.finger);
        return { code: C.ok };
      }
      case I.DeletChar: {
        const [slot, count] = [u16(0), u16(2)];
        if (slot >= this.capacity) return { code: C.bad_slot };
        if (slot + count > this.capacity) return { code: C.delete_failed }; // guess
        for (let s = slot; s < slot + count; s++) this.library.delete(s);
        return { code: C.ok };
      }
      case I.Empty:
        this.library.clear();
        return { code: C.ok };
      case I.ReadSysPara:
        return { code: C.ok, data: this.systemParameters() };
      case I.SetPwd:
        this.password = u32(0);
        this.verified = true;
        return { code: C.ok };
      case I.VfyPwd:
        if (u32(0) !== this.password) return { code: C.wrong_password };
        this.verified = true;
        return { code: C.ok };
      case I.TemplateNum:
        return { code: C.ok, data: be16(this.library.size) };
      case I.ReadIndexTable: {
        const page = p[0] ?? 0;
        if (page >= INDEX_PAGES) return { code: C.bad_slot }; // guess
        return { code: C.ok, data: encodeIndexTable(this.library.keys(), page) };
      }
      default:
        return { code: C.packet_error }; // older firmware's answer to what it does not know (R503: FCh)
    }
  }

  private genImg(): Reply {
    if (!this.finger) return { code: C.no_finger };
    if (this.finger.quality === 'capture_fails') return { code: C.capture_failed };
    this.image = { finger: this.finger.id, quality: this.finger.quality };
    return { code: C.ok };
  }

  private img2Tz(buffer: number | undefined): Reply {
    if (buffer !== 1 && buffer !== 2) return { code: C.packet_error };
    if (!this.image) return { code: C.invalid_image };
    const problem = CONVERSION_PROBLEMS[this.image.quality];
    if (problem !== undefined) return { code: problem };
    this.buffers[buffer - 1] = { finger: this.image.finger, merged: false };
    return { code: C.ok };
  }

  private search(buffer: number | undefined, start: number, count: number): Reply {
    const file = buffer === 1 || buffer === 2 ? this.buffers[buffer - 1] : null;
    if (!file) return { code: C.not_found };
    const end = Math.min(start + count, this.capacity);
    let best: number | null = null;
    for (const [slot, finger] of this.library) {
      if (finger === file.finger && slot >= start && slot < end && (best === null || slot < best)) best = slot;
    }
    return best === null ? { code: C.not_found } : { code: C.ok, data: [...be16(best), ...be16(this.matchScore)] };
  }

  private systemParameters(): number[] {
    const status = (this.verified ? 0b0100 : 0) | (this.image ? 0b1000 : 0);
    return [
      ...be16(status), ...be16(0x0009), ...be16(this.capacity), ...be16(this.securityLevel),
      this.address >>> 24, (this.address >>> 16) & 0xff, (this.address >>> 8) & 0xff, this.address & 0xff,
      ...be16(2), ...be16(6),
    ];
  }

  private send(reply: Reply): void {
    let bytes = ackPacket(reply.code, reply.data ?? [], this.address);
    if (this.corruptAnswers > 0) {
      this.corruptAnswers--;
      bytes[bytes.length - 1]! ^= 0xff;
    }
    if (this.garbage) {
      const withGarbage = new Uint8Array(this.garbage.length + bytes.length);
      withGarbage.set(this.garbage);
      withGarbage.set(bytes, this.garbage.length);
      bytes = withGarbage;
      this.garbage = null;
    }
    const deliver = () => this.transmit(bytes);
    if (this.delayMs > 0 && this.lateAnswers > 0) {
      this.lateAnswers--;
      this.setTimeoutFn(deliver, this.delayMs);
    } else queueMicrotask(deliver);
  }

  private transmit(bytes: Uint8Array): void {
    if (!this.powered) return;
    const pieces =
      this.chunkRange && this.chunkRandom ? splitRandomly(bytes, this.chunkRandom, this.chunkRange.min, this.chunkRange.max) : [bytes];
    // One piece per microtask, in order: the host sees separate reads, as from a real UART.
    let chain = Promise.resolve();
    for (const piece of pieces) {
      chain = chain.then(() => {
        for (const listener of this.listeners) listener(piece);
      });
    }
  }
}

function be16(value: number): [number, number] {
  return [(value >> 8) & 0xff, value & 0xff];
}
