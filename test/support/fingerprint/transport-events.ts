import type { ByteTransport, ByteTransportEvents } from '../../../hardware/fingerprint/transport/transport.js';

/** Resolves with the next `closed` event of `transport`. */
export function nextClosed(transport: ByteTransport): Promise<ByteTransportEvents['closed']> {
  return new Promise((resolve) => {
    const off = transport.events.on('closed', (event) => {
      off();
      resolve(event);
    });
  });
}

/** Runs `pull` (an unplug) and resolves with the `closed` event it causes. */
export function closedAfter(transport: ByteTransport, pull: () => void): Promise<ByteTransportEvents['closed']> {
  const closed = nextClosed(transport);
  pull();
  return closed;
}

/**
 * Collects what `transport` receives until `count` bytes have arrived; resolves with them and with the
 * chunk sizes they came in. Waits on events, never on time.
 */
export function receiveBytes(transport: ByteTransport, count: number): Promise<{ bytes: number[]; chunks: number[] }> {
  return new Promise((resolve) => {
    const bytes: number[] = [];
    const chunks: number[] = [];
    const off = transport.events.on('data', (chunk) => {
      bytes.push(...chunk);
      chunks.push(chunk.length);
      if (bytes.length >= count) {
        off();
        resolve({ bytes, chunks });
      }
    });
  });
}

/** `length` bytes counting up from `start`, wrapping at 256: easy to spot a lost or moved byte. */
export function countingBytes(length: number, start = 0): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (start + i) & 0xff);
}

/** Writes `bytes` to a transport whose device echoes, and resolves with what came back. */
export async function echoRoundTrip(transport: ByteTransport, bytes: Uint8Array): Promise<number[]> {
  const answer = receiveBytes(transport, bytes.length);
  await transport.write(bytes);
  return (await answer).bytes;
}
