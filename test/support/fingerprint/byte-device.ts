/**
 * The device end of a byte link: what sits behind the bridge or serial adapter. The R30x emulator
 * (r30x-emulator.ts) has this shape, so it plugs into the fake HID bridges and the mock serial line.
 */
export interface ByteDevice {
  /** Bytes the host sent, in order. */
  receive(bytes: Uint8Array): void;
  /** Subscribes to bytes the device sends to the host; returns the unsubscribe function. */
  onTransmit(listener: (bytes: Uint8Array) => void): () => void;
}

/** A device that sends back whatever it receives, and remembers it. */
export class EchoDevice implements ByteDevice {
  readonly received: number[] = [];
  private readonly listeners = new Set<(bytes: Uint8Array) => void>();

  receive(bytes: Uint8Array): void {
    this.received.push(...bytes);
    const copy = Uint8Array.from(bytes);
    for (const listener of this.listeners) listener(copy);
  }

  onTransmit(listener: (bytes: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
