import { TypedEmitter } from '../../../hardware/shared/typed-emitter.js';
import { TransportAbsentError, type ByteTransport, type ByteTransportEvents } from '../../../hardware/fingerprint/transport/transport.js';
import type { R30xEmulator } from './r30x-emulator.js';

/**
 * The USB cable between the host and an emulated module. Every transport made for it shares its
 * plugged state, so a reader that makes a fresh transport per connection attempt can be tested too.
 */
export class LoopbackCable {
  plugged = true;
  /** Calls to open(), successful or not (how often a reader tried to connect). */
  openAttempts = 0;
  /** Transports opened through this cable, in order (how often the reader reconnected). */
  readonly opened: LoopbackTransport[] = [];
  private readonly live = new Set<LoopbackTransport>();

  constructor(readonly module: R30xEmulator) {}

  transport(): LoopbackTransport {
    return new LoopbackTransport(this);
  }

  /** Pulls the cable: open transports close with an error, opening fails, the module loses power. */
  unplug(): void {
    if (!this.plugged) return;
    this.plugged = false;
    this.module.unplug();
    for (const transport of [...this.live]) transport.lose(new Error('USB device disconnected'));
  }

  /** Plugs it back in: opening works again, the module powers up (not verified, buffers empty). */
  replug(): void {
    if (this.plugged) return;
    this.plugged = true;
    this.module.plugIn();
  }

  attach(transport: LoopbackTransport): void {
    this.live.add(transport);
    this.opened.push(transport);
  }

  detach(transport: LoopbackTransport): void {
    this.live.delete(transport);
  }
}

/** An in-memory ByteTransport wired to an R30xEmulator: what a serial port or HID bridge would be. */
export class LoopbackTransport implements ByteTransport {
  readonly description = 'loopback r30x emulator';
  readonly events = new TypedEmitter<ByteTransportEvents>();
  /** Bytes written by the host, in order. */
  readonly written: number[] = [];
  private stopListening: (() => void) | null = null;

  constructor(private readonly cable: LoopbackCable) {}

  get isOpen(): boolean {
    return this.stopListening !== null;
  }

  async open(): Promise<void> {
    this.cable.openAttempts++;
    if (!this.cable.plugged) throw new TransportAbsentError('loopback: no module plugged in');
    if (this.stopListening) return;
    this.stopListening = this.cable.module.onTransmit((bytes) => this.events.emit('data', bytes));
    this.cable.attach(this);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.stopListening) throw new Error('loopback: write on a closed transport');
    this.written.push(...bytes);
    this.cable.module.receive(Uint8Array.from(bytes));
  }

  async close(): Promise<void> {
    this.shut({ error: null });
  }

  /** The link went away underneath (see LoopbackCable.unplug). */
  lose(error: Error): void {
    this.shut({ error });
  }

  private shut(event: ByteTransportEvents['closed']): void {
    if (!this.stopListening) return;
    this.stopListening();
    this.stopListening = null;
    this.cable.detach(this);
    this.events.emit('closed', event);
  }
}
