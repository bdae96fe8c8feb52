import type { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestKiosk, type TestKiosk } from '../../support/kiosk.js';
import { storedEvents, touch } from '../helpers.js';

interface SseMessage { event: string; id: string | undefined; data: string }

/** Reads an SSE response message by message; `close()` cancels the stream so the server side ends. */
class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private readonly messages: SseMessage[] = [];

  constructor(res: Response) {
    this.reader = res.body!.getReader();
  }

  /** The next message (keep-alive comments skipped). */
  async next(): Promise<SseMessage> {
    while (this.messages.length === 0) {
      const { done, value } = await this.reader.read();
      if (done) throw new Error('the event stream ended');
      this.buffer += this.decoder.decode(value, { stream: true });
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const message: SseMessage = { event: 'message', id: undefined, data: '' };
        let hasField = false;
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon === 0) continue;
          const field = line.slice(0, colon);
          const value = line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') message.event = value;
          else if (field === 'id') message.id = value;
          else if (field === 'data') message.data += value;
          else continue;
          hasField = true;
        }
        if (hasField) this.messages.push(message);
      }
    }
    return this.messages.shift()!;
  }

  async close(): Promise<void> {
    await this.reader.cancel();
  }
}

describe('GET /api/events', () => {
  let kiosk: TestKiosk;
  let stream: SseReader | undefined;
  beforeEach(async () => {
    kiosk = await createTestKiosk();
  });
  afterEach(async () => {
    await stream?.close();
    stream = undefined;
    kiosk.stop();
  });

  async function open(headers: Record<string, string> = {}): Promise<SseReader> {
    const res = await kiosk.app.request('/api/events', { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    stream = new SseReader(res);
    return stream;
  }

  it('starts with a hello event whose id is the last seq', async () => {
    const sse = await open();
    const hello = await sse.next();
    expect(hello).toEqual({ event: 'hello', id: '0', data: JSON.stringify({ seq: 0 }) });
  });

  it('tells a client that is more than 500 records behind to reload instead of replaying', async () => {
    for (let i = 0; i < 502; i++) kiosk.services.alerts.requestHelp(null);
    const sse = await open({ 'Last-Event-ID': '1' });
    const hello = await sse.next();
    expect(hello).toMatchObject({ event: 'hello', id: '502' });
    const reset = await sse.next();
    expect(reset.event).toBe('reset');
    expect(JSON.parse(reset.data)).toEqual({ seq: 502, missed: 501 });
  });

  it('forwards the loan desk\'s lending messages (an identify capture and its answer)', async () => {
    const sse = await open();
    await sse.next();
    const capture = kiosk.services.lendingCaptures.start('member', null);
    kiosk.fingerprint.touch(1);
    const first = await sse.next();
    expect(first.event).toBe('lending');
    expect(JSON.parse(first.data)).toEqual({ kind: 'capture', capture });
    const second = await sse.next();
    expect(JSON.parse(second.data)).toMatchObject({ kind: 'capture', capture: { id: capture.id, state: 'matched', member: { id: 'mem_demo_01', name: '张伟' } } });
  });

  it('sends a record event with id = seq after a check-in', async () => {
    const sse = await open();
    await sse.next();
    touch(kiosk, 1);
    let message = await sse.next();
    // the reader's outcome and the record may arrive in either order
    while (message.event !== 'record') message = await sse.next();
    const [stored] = storedEvents(kiosk);
    expect(message.id).toBe('1');
    expect(JSON.parse(message.data)).toEqual({ seq: 1, type: 'attendance.checked_in', occurredAt: stored!.occurredAt, data: stored!.data });
  });

  it('sends the reader outcome live', async () => {
    const sse = await open();
    await sse.next();
    touch(kiosk, null);
    const message = await sse.next();
    expect(message.event).toBe('outcome');
    expect(JSON.parse(message.data)).toMatchObject({ kind: 'not_recognised', method: 'fingerprint' });
  });

  it('replays the records missed since Last-Event-ID: 0, in order', async () => {
    touch(kiosk, 1);
    touch(kiosk, 2);
    const sse = await open({ 'Last-Event-ID': '0' });
    const hello = await sse.next();
    expect(hello.event).toBe('hello');
    expect(JSON.parse(hello.data)).toEqual({ seq: 2 });
    const first = await sse.next();
    const second = await sse.next();
    expect([first.event, first.id, second.event, second.id]).toEqual(['record', '1', 'record', '2']);
    expect(JSON.parse(second.data)).toMatchObject({ seq: 2, data: { memberId: 'mem_demo_02' } });
  });

  it('still replays the missed records to a client that drops after its first message and reconnects with the last id it saw', async () => {
    touch(kiosk, 1);
    touch(kiosk, 2);
    // EventSource remembers the id of every message it receives, hello included, and sends it back on reconnect.
    const seen = new Set<string>();
    const first = await open({ 'Last-Event-ID': '0' });
    const firstMessage = await first.next();
    if (firstMessage.event === 'record') seen.add(firstMessage.id!);
    await first.close();
    const again = await open({ 'Last-Event-ID': firstMessage.id! });
    touch(kiosk, 3);
    for (let m = await again.next(); ; m = await again.next()) {
      if (m.event !== 'record') continue;
      seen.add(m.id!);
      if (m.id === '3') break;
    }
    expect([...seen].sort()).toEqual(['1', '2', '3']);
  });

  it('replays only the records after the given Last-Event-ID', async () => {
    touch(kiosk, 1);
    touch(kiosk, 2);
    touch(kiosk, 3);
    const sse = await open({ 'Last-Event-ID': '2' });
    await sse.next();
    const replayed = await sse.next();
    expect(replayed.id).toBe('3');
    touch(kiosk, 4);
    let live = await sse.next();
    while (live.event !== 'record') live = await sse.next();
    expect(live.id).toBe('4');
  });

  it('stops listening on the bus once the client goes away', async () => {
    // white-box: the bus keeps its emitter private, and a leaked listener has no other visible effect
    const emitter = (kiosk.bus as unknown as { emitter: EventEmitter }).emitter;
    const before = emitter.listenerCount('record');
    const sse = await open();
    await sse.next();
    expect(emitter.listenerCount('record')).toBe(before + 1);
    await sse.close();
    stream = undefined;
    await vi.waitFor(() => expect(emitter.listenerCount('record')).toBe(before));
    expect(emitter.listenerCount('outcome')).toBe(0);
    touch(kiosk, 1);
    expect(storedEvents(kiosk)).toHaveLength(1);
  });
});
