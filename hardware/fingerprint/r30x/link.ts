import type { ByteTransport } from '../transport/transport.js';
import type { Command } from '../protocol/commands.js';
import { Confirmation, instructionName, type InstructionName } from '../protocol/instructions.js';
import { commandPacket, DEFAULT_ADDRESS, Pid } from '../protocol/packet.js';
import { PacketParser, type ParserStats } from '../protocol/parser.js';
import { ModuleDisconnectedError, ModuleTimeoutError } from './errors.js';
import { delay, SerialQueue, systemTimers, type Timers } from '../../shared/timers.js';

/** An acknowledgement: confirmation code and the data after it. */
export interface Answer {
  code: number;
  data: Uint8Array;
}

export interface CommandLinkOptions {
  transport: ByteTransport;
  /** Module address (default FF FF FF FF); answers from other addresses are ignored. */
  address?: number;
  /** How long to wait for an answer (default 1000 ms: GenImg takes a few hundred ms on an R307). */
  timeoutMs?: number;
  /** For 1:N Search and flash writes (default 3000 ms: an R307 searches 1000 templates in under 1 s). */
  slowTimeoutMs?: number;
  /** Extra attempts after a timeout or a 01 packet error, for commands where that is safe (default 2). */
  retries?: number;
  /** Quiet time after a timeout before the next command, so a late answer is dropped, not taken for the next one's (default 50 ms). */
  settleMs?: number;
  timers?: Timers;
}

export interface LinkDiagnostics {
  parser: ParserStats;
  timeouts: number;
  retries: number;
  /** Acknowledgements that arrived when no command was waiting, or that did not fit the command waiting. */
  stalePackets: number;
  /** Packets that were not acknowledgements (we never ask for data packets). */
  ignoredPackets: number;
}

/**
 * Whether a command may be sent again after a timeout, when the module may or may not have run it.
 * (After a 01 packet error it did not run it, so every command may be repeated then.)
 */
const RETRY_SAFE_AFTER_TIMEOUT: Record<InstructionName, boolean> = {
  GenImg: true, // captures again; the newest image is the one wanted anyway
  Img2Tz: true, // converts the same image buffer into the same character buffer
  Match: true, // read-only
  Search: true, // read-only
  // Not safe: the merged template replaces both input buffers, so a second run merges the merge with
  // itself (the module may answer 0A or store a worse template). A lost RegModel fails that enrolment
  // as reader_unavailable; the person is asked to start again rather than risk a bad template.
  RegModel: false,
  // Safe: it writes the same buffer into the same slot, an overwrite rather than an append, and our
  // queue is the only writer, so nothing can have changed that slot in between. Twice = once.
  Store: true,
  // Safe: deleting an already deleted slot leaves the library as the first delete did.
  DeletChar: true,
  Empty: true, // same: an empty library stays empty
  ReadSysPara: true,
  // Safe: setting the same password twice leaves that password; the session stays verified.
  SetPwd: true,
  VfyPwd: true,
  TemplateNum: true,
  ReadIndexTable: true,
};

const SLOW: ReadonlySet<string> = new Set<InstructionName>(['Search', 'Store', 'DeletChar', 'Empty']);

/**
 * Fewest data bytes in an `ok` answer to each instruction. A shorter one cannot be the answer to the
 * command waiting (it is a late answer to an earlier one) and is dropped as stale.
 */
const OK_DATA_BYTES: Partial<Record<string, number>> = { Search: 4, Match: 2, ReadSysPara: 16, TemplateNum: 2, ReadIndexTable: 32 };

interface Waiting {
  name: string;
  minData: number;
  answer(answer: Answer): void;
  fail(error: Error): void;
}

/**
 * One command in flight at a time over a ByteTransport: frames it, waits for the acknowledgement
 * with a timeout, retries where that is safe, and drops stale bytes between commands.
 */
export class CommandLink {
  private readonly transport: ByteTransport;
  private readonly address: number;
  private readonly timeoutMs: number;
  private readonly slowTimeoutMs: number;
  private readonly retries: number;
  private readonly settleMs: number;
  private readonly timers: Timers;
  private readonly parser: PacketParser;
  private readonly queue = new SerialQueue();
  private readonly counts = { timeouts: 0, retries: 0, stalePackets: 0, ignoredPackets: 0 };
  private waiting: Waiting | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Set once the link closed: null when close() was asked for, else the transport's error. */
  private closedBy: Error | null | undefined = undefined;
  private readonly closing = new AbortController();
  private unsettled = false;

  constructor(options: CommandLinkOptions) {
    this.transport = options.transport;
    this.address = options.address ?? DEFAULT_ADDRESS;
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.slowTimeoutMs = options.slowTimeoutMs ?? 3000;
    this.retries = options.retries ?? 2;
    this.settleMs = options.settleMs ?? 50;
    this.timers = options.timers ?? systemTimers;
    this.parser = new PacketParser({ address: this.address });
  }

  /** Opens the transport and starts listening. Throws what the transport throws (TransportAbsentError). */
  async open(): Promise<void> {
    const offData = this.transport.events.on('data', (chunk) => this.onData(chunk));
    const offClosed = this.transport.events.on('closed', ({ error }) => this.onClosed(error));
    this.unsubscribe = () => {
      offData();
      offClosed();
    };
    try {
      await this.transport.open();
    } catch (error) {
      this.onClosed(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  /** Closes the transport; a command still waiting fails with ModuleDisconnectedError. */
  async close(): Promise<void> {
    this.onClosed(null);
    await this.transport.close();
  }

  get closed(): boolean {
    return this.closedBy !== undefined;
  }

  /** Timeouts so far (cheaper than diagnostics() for a before/after comparison). */
  get timeouts(): number {
    return this.counts.timeouts;
  }

  diagnostics(): LinkDiagnostics {
    return { parser: { ...this.parser.stats }, ...this.counts };
  }

  /** Sends `command` (after any command already queued) and resolves with the module's answer. */
  send(command: Command): Promise<Answer> {
    return this.queue.run(() => this.attempt(command));
  }

  private async attempt(command: Command): Promise<Answer> {
    const name = instructionName(command.instruction);
    const timeoutMs = SLOW.has(name) ? this.slowTimeoutMs : this.timeoutMs;
    const retrySafe = RETRY_SAFE_AFTER_TIMEOUT[name as InstructionName] ?? false;
    for (let attempt = 1; ; attempt++) {
      if (this.unsettled) {
        await delay(this.settleMs, this.timers, this.closing.signal).catch(() => undefined);
        this.unsettled = false;
      }
      const answer = await this.once(command, name, timeoutMs);
      const canRetry = attempt <= this.retries;
      if (answer === 'timeout') {
        this.counts.timeouts++;
        this.unsettled = true;
        if (!canRetry || !retrySafe) throw new ModuleTimeoutError(name, timeoutMs, attempt);
      } else if (answer.code !== Confirmation.packet_error || !canRetry) {
        return answer;
      }
      this.counts.retries++;
    }
  }

  private once(command: Command, name: string, timeoutMs: number): Promise<Answer | 'timeout'> {
    if (this.closedBy !== undefined) return Promise.reject(new ModuleDisconnectedError(name, this.closedBy));
    // Whatever arrived since the last answer belongs to no one: forget it before asking.
    this.parser.reset();
    return new Promise((resolve, reject) => {
      const timer = this.timers.setTimeout(() => finish(() => resolve('timeout')), timeoutMs);
      const finish = (settle: () => void) => {
        this.timers.clearTimeout(timer);
        if (this.waiting === waiting) this.waiting = null;
        settle();
      };
      const waiting: Waiting = {
        name,
        minData: OK_DATA_BYTES[name] ?? 0,
        answer: (answer) => finish(() => resolve(answer)),
        fail: (error) => finish(() => reject(error)),
      };
      this.waiting = waiting;
      this.transport
        .write(commandPacket(command.instruction, command.params, this.address))
        .catch((error: unknown) => waiting.fail(new ModuleDisconnectedError(name, error instanceof Error ? error : new Error(String(error)))));
    });
  }

  private onData(chunk: Uint8Array): void {
    for (const packet of this.parser.push(chunk)) {
      if (packet.pid !== Pid.ack) {
        this.counts.ignoredPackets++;
        continue;
      }
      const answer = { code: packet.payload[0]!, data: packet.payload.subarray(1) };
      const waiting = this.waiting;
      if (!waiting || (answer.code === Confirmation.ok && answer.data.length < waiting.minData)) {
        this.counts.stalePackets++;
        continue;
      }
      waiting.answer(answer);
    }
  }

  private onClosed(error: Error | null): void {
    if (this.closedBy !== undefined) return;
    this.closedBy = error;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.closing.abort();
    this.waiting?.fail(new ModuleDisconnectedError(this.waiting.name, error));
  }
}
