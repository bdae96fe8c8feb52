import { TypedEmitter } from '../../shared/typed-emitter.js';
import {
  ReaderUnavailableError, type EnrolOutcome, type EnrolRequest, type FingerprintEvents, type FingerprintHealth,
  type FingerprintPort, type ReaderInfo,
} from '../port.js';
import { Confirmation } from '../protocol/instructions.js';
import type { SystemParameters } from '../protocol/responses.js';
import { TransportAbsentError, type ByteTransport } from '../transport/transport.js';
import { enrolFinger } from './enrolment.js';
import { ModuleDisconnectedError, ModuleError } from './errors.js';
import type { LinkDiagnostics } from './link.js';
import { R30xModule, type R30xModuleOptions } from './module.js';
import { ReaderSession, type SessionEnd } from './session.js';
import { delay, SerialQueue, systemTimers, type Timers } from '../../shared/timers.js';
import { IdentificationLoop, type TouchLine } from './watch.js';

export type { TouchLine } from './watch.js';

export interface R30xReaderOptions {
  /** Stable id of this sensor; enrolments are keyed by it. */
  sensorId: string;
  /** The link, or a factory making a fresh one for each connection attempt (a re-enumerated HID path). */
  transport: ByteTransport | (() => ByteTransport);
  /** Module password set at provisioning (default 0, the factory password). */
  password?: number;
  /** Module address (default FF FF FF FF). */
  address?: number;
  /** GenImg polling interval (default 250 ms: quick enough for a press, light on the module). */
  pollIntervalMs?: number;
  /** When given, identification starts on a touch edge instead of polling GenImg all the time. */
  touchLine?: TouchLine;
  /** With a touch line: polling continues this long after a touch while no finger shows (default 2000 ms). */
  touchWindowMs?: number;
  /** Command timeouts and retries (see CommandLinkOptions). */
  module?: Pick<R30xModuleOptions, 'timeoutMs' | 'slowTimeoutMs' | 'retries' | 'settleMs'>;
  /** Consecutive calls that timed out or failed before health is 'error' and we reconnect (default 3). */
  failuresBeforeError?: number;
  /** Reconnect backoff: first wait, doubling up to the cap (defaults 500 ms and 30 s). */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Retries in one enrolment before too_many_retries (default 8). */
  maxEnrolRetries?: number;
  /** Unusable images in one touch before it is reported as not recognised (default 3). */
  badImagesPerTouch?: number;
  timers?: Timers;
  /** Where health changes are explained (default console.warn). */
  log?: (line: string) => void;
}

interface Connection {
  session: ReaderSession;
  loop: IdentificationLoop;
}

/**
 * An R30x / R503 / ZFM fingerprint module as a FingerprintPort. It keeps itself connected: an unplugged
 * or silent module makes health 'absent' or 'error' and is reconnected with capped exponential backoff,
 * without a new reader object. Identification runs between start() and stop() except during enrol().
 */
export class R30xReader implements FingerprintPort {
  readonly driver = 'r30x';
  readonly sensorId: string;
  readonly events = new TypedEmitter<FingerprintEvents>();
  private readonly options: R30xReaderOptions;
  private readonly timers: Timers;
  private readonly log: (line: string) => void;
  /** Identification steps and whole enrolments take turns on the sensor. */
  private readonly sensor = new SerialQueue();
  private state: FingerprintHealth = 'absent';
  private running = false;
  private connection: Connection | null = null;
  private connecting: R30xModule | null = null;
  /** The kind of outage already explained in the log, so it is said once, not on every retry. */
  private explained: 'absent' | 'error' | null = null;
  private supervisor: Promise<void> | null = null;
  private stopping = new AbortController();
  private offTouch: (() => void) | null = null;

  constructor(options: R30xReaderOptions) {
    this.options = options;
    this.sensorId = options.sensorId;
    this.timers = options.timers ?? systemTimers;
    const log = options.log ?? ((line) => console.warn(line));
    this.log = (line) => log(`fingerprint ${options.sensorId}: ${line}`);
  }

  /** Resolves after the first connection attempt, whatever its outcome (see health()); keeps trying after. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopping = new AbortController();
    this.offTouch = this.options.touchLine?.onTouch(() => this.connection?.loop.touched()) ?? null;
    await new Promise<void>((attempted) => {
      this.supervisor = this.supervise(attempted);
    });
  }

  /** Ends identification, reconnection and the link; leaves no timer behind. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopping.abort();
    this.offTouch?.();
    this.offTouch = null;
    this.connection?.session.end('stopped');
    await this.connecting?.close().catch(() => undefined);
    await this.supervisor;
    this.supervisor = null;
    this.setHealth('absent');
  }

  health(): FingerprintHealth {
    return this.state;
  }

  /** Parser error counts, timeouts and retries of the current connection; null while not connected. */
  diagnostics(): LinkDiagnostics | null {
    return this.connection?.session.module.diagnostics() ?? null;
  }

  async enrolledSlots(): Promise<number[]> {
    const { session } = this.usable();
    return this.orUnavailable(() => session.call((m) => m.usedSlots()));
  }

  async info(): Promise<ReaderInfo> {
    const { session } = this.usable();
    return this.orUnavailable(async () => {
      const { librarySize, securityLevel } = await session.call((m) => m.readSystemParameters());
      const templateCount = await session.call((m) => m.templateCount());
      const usedSlots = await session.call((m) => m.usedSlots());
      return { librarySize, securityLevel, templateCount, usedSlots };
    });
  }

  async deleteSlot(slot: number): Promise<void> {
    const { session } = this.usable();
    const { librarySize } = session.parameters;
    if (!Number.isInteger(slot) || slot < 0 || slot >= librarySize) {
      throw new RangeError(`Slot ${slot} is outside the sensor library 0..${librarySize - 1}`);
    }
    await this.orUnavailable(() => session.call((m) => m.deleteSlot(slot)));
  }

  async enrol(request: EnrolRequest): Promise<EnrolOutcome> {
    const connection = this.connection;
    if (!connection || this.state !== 'ok') return { ok: false, reason: 'reader_unavailable' };
    const { session, loop } = connection;
    return this.sensor.run(async () => {
      if (session.signal.aborted) return { ok: false, reason: 'reader_unavailable' } as const;
      try {
        return await enrolFinger({
          call: (operation) => session.call(operation),
          librarySize: session.parameters.librarySize,
          timers: this.timers,
          pollIntervalMs: this.options.pollIntervalMs ?? 250,
          maxRetries: this.options.maxEnrolRetries ?? 8,
          connection: session.signal,
        }, request);
      } finally {
        loop.afterEnrolment();
      }
    });
  }

  // ---- connection ---------------------------------------------------------------------------------

  private async supervise(attempted: () => void): Promise<void> {
    const min = this.options.reconnectMinMs ?? 500;
    const max = this.options.reconnectMaxMs ?? 30_000;
    let backoff = min;
    while (this.running) {
      const connection = await this.connect();
      attempted();
      if (connection) {
        backoff = min;
        if ((await this.serve(connection)) === 'stopped') return;
      }
      try {
        await delay(backoff, this.timers, this.stopping.signal);
      } catch {
        return; // stopped
      }
      backoff = Math.min(backoff * 2, max);
    }
  }

  private async connect(): Promise<Connection | null> {
    const { transport: make, password = 0, address } = this.options;
    const transport = typeof make === 'function' ? make() : make;
    const module = new R30xModule({ transport, address, timers: this.timers, ...this.options.module });
    this.connecting = module;
    try {
      await module.open();
      await module.verifyPassword(password);
      const parameters = await module.readSystemParameters();
      if (!this.running) throw new Error('stopped while connecting');
      this.connection = this.connected(module, parameters, transport);
      this.log(`connected over ${transport.description} (library of ${parameters.librarySize} slots)`);
      this.explained = null;
      this.setHealth('ok');
      return this.connection;
    } catch (error) {
      await module.close().catch(() => undefined);
      if (this.running) this.connectFailed(transport, error);
      return null;
    } finally {
      this.connecting = null;
    }
  }

  private connectFailed(transport: ByteTransport, error: unknown): void {
    const absent = error instanceof TransportAbsentError || error instanceof ModuleDisconnectedError;
    const health = absent ? 'absent' : 'error';
    if (this.explained !== health) {
      this.explained = health;
      const why = error instanceof Error ? error.message : String(error);
      const advice = absent
        ? 'plug the reader in; it is picked up again without a restart'
        : error instanceof ModuleError && error.code === Confirmation.wrong_password
          ? 'the module password differs from the configured one; fix the configuration or re-provision the module'
          : 'check the module wiring and power; retrying';
      this.log(`cannot use ${transport.description}: ${why}; ${advice}`);
    }
    this.setHealth(health);
  }

  private connected(module: R30xModule, parameters: SystemParameters, transport: ByteTransport): Connection {
    const session = new ReaderSession(module, parameters, {
      failuresBeforeError: this.options.failuresBeforeError ?? 3,
      log: this.log,
      ended: (reason) => {
        if (reason !== 'stopped') this.setHealth(reason);
      },
    });
    session.watchLink(transport);
    const loop = new IdentificationLoop({
      sensor: this.sensor,
      call: (operation) => session.call(operation),
      emit: (identification) => this.events.emit('identified', identification),
      timers: this.timers,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
      touchWindowMs: this.options.touchWindowMs ?? 2000,
      badImagesPerTouch: this.options.badImagesPerTouch ?? 3,
      touchLine: this.options.touchLine !== undefined,
    });
    return { session, loop };
  }

  /** Runs identification until the session ends, then closes the link. */
  private async serve({ session, loop }: Connection): Promise<SessionEnd> {
    const watching = loop.run(session.signal).catch(() => undefined);
    const end = await session.ended;
    await session.module.close().catch(() => undefined);
    await watching;
    if (this.connection?.session === session) this.connection = null;
    return end;
  }

  private usable(): Connection {
    if (!this.connection || this.state !== 'ok') throw new ReaderUnavailableError();
    return this.connection;
  }

  private async orUnavailable<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ReaderUnavailableError(`The fingerprint reader could not do that: ${reason}`);
    }
  }

  private setHealth(health: FingerprintHealth): void {
    if (health === this.state) return;
    this.state = health;
    this.events.emit('health', health);
  }
}
