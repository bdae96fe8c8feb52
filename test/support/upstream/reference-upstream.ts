import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { SignatureChecker } from './signature.js';

/** One event as the reference upstream keeps it. */
export interface StoredEvent { deviceId: string; id: string; seq: number; type: string; body: Record<string, unknown> }

/** A §5 command as the platform queues it. */
export interface QueuedCommand { id: string; type: string; args?: Record<string, unknown> }

/**
 * Misbehaviour the tests switch on; counters count down one per request they affect. The HTTP faults
 * (500, 503, resets, drops, nonsense) apply to `POST /v1/events` only, so a heartbeat running beside
 * the pushes does not use them up; `failResults` is the heartbeat side's.
 */
export interface UpstreamFaults {
  /** answer 500 to the next n requests */
  fail500: number;
  /** answer 503 with `Retry-After: retryAfterSec` to the next n requests */
  busy: { count: number; retryAfterSec: number };
  /** send half a 200 and reset the connection, n times (after storing the batch) */
  resetMidResponse: number;
  /** store the batch, then drop the connection without an answer, n times */
  dropAfterStore: number;
  /** 413 for an `/v1/events` body above this many bytes before compression */
  maxBodyBytes: number;
  /** wait this long before answering */
  delayMs: number;
  /** the server's clock runs this far from the real one */
  clockOffsetMs: number;
  /** answer this instead of the real results, n times */
  nonsense: { count: number; kind: 'malformed_json' | 'wrong_count' | 'wrong_ids' | 'wrong_shape' };
  /** event id → rejection reason */
  rejectIds: Map<string, string>;
  /** answer 500 to the next n command results (the command is then served again) */
  failResults: number;
  /** §4: answer `{"reset": true}` to the next request for each listed stream (once per listing) */
  resetStreams: string[];
  /** §4: answer this instead of the real page, n times */
  badPage: { count: number; kind: 'malformed_json' | 'wrong_shape' | 'bad_record' };
  /** §4: answer 500 to the next n change requests */
  failChanges: number;
}

/** One record of a §4 stream as the reference upstream serves it: the change log is its history. */
export type StreamChange = { op: 'upsert'; id: string; version: number; data: Record<string, unknown> } | { op: 'delete'; id: string };

const MAX_EVENTS = 500;
const MAX_BODY = 1024 * 1024;

function noFaults(): UpstreamFaults {
  return {
    fail500: 0, busy: { count: 0, retryAfterSec: 0 }, resetMidResponse: 0, dropAfterStore: 0, maxBodyBytes: MAX_BODY,
    delayMs: 0, clockOffsetMs: 0, nonsense: { count: 0, kind: 'malformed_json' }, rejectIds: new Map(), failResults: 0,
    resetStreams: [], badPage: { count: 0, kind: 'malformed_json' }, failChanges: 0,
  };
}

/**
 * A small but real implementation of upstream-protocol.md §1–§3 on 127.0.0.1, for the sync tests.
 * Storage is in memory with a permanent unique key per (device, event id); a test fixture, not a product.
 */
export class ReferenceUpstream {
  readonly faults: UpstreamFaults = noFaults();
  /** every stored event, keyed `deviceId/eventId` */
  readonly events = new Map<string, StoredEvent>();
  /** how many times an event was newly stored (equals `events.size` unless something double-counted) */
  storeCount = 0;
  /** request body bytes received on /v1/events, as sent (compressed) */
  eventBytes = 0;
  /** how many events were answered `duplicate` (resends of what the server already had) */
  duplicateCount = 0;
  /** §5: every heartbeat body received, and the results of commands */
  readonly heartbeats: Record<string, unknown>[] = [];
  readonly commandResults = new Map<string, { ok: boolean; output: Record<string, unknown> }>();
  /** commands per device, served with every heartbeat until their result arrives */
  private readonly commands = new Map<string, QueuedCommand[]>();
  /** every request's path and status, for tests that look at what the kiosk did */
  readonly requests: { path: string; status: number; events?: number; gzip: boolean }[] = [];
  /** §4: every stream's changes in order; a cursor is the index of the next change to serve */
  readonly streams = new Map<string, StreamChange[]>();
  private readonly tokens = new Map<string, { used: boolean }>();
  private readonly devices = new Map<string, { secret: Buffer; hardwareId: string }>();
  private readonly seqs = new Map<string, string>();
  private readonly checker = new SignatureChecker((id) => this.devices.get(id)?.secret);
  private readonly pending = new Set<NodeJS.Timeout>();
  private server: Server | undefined;
  private port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens on a random port the first time, on the same port after a `stop()`. */
  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening: connections are refused until `start()` again. */
  async stop(): Promise<void> {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** A one-time enrolment token. */
  issueToken(): string {
    const token = `tok_${randomBytes(9).toString('base64url')}`;
    this.tokens.set(token, { used: false });
    return token;
  }

  /** Registers a device directly (tests of push that do not need §1). */
  addDevice(): { deviceId: string; deviceSecret: string } {
    const deviceId = `dev_${randomBytes(8).toString('base64url')}`;
    const secret = randomBytes(32);
    this.devices.set(deviceId, { secret, hardwareId: 'test' });
    return { deviceId, deviceSecret: secret.toString('base64url') };
  }

  /** Queues a command for a device's next heartbeats. */
  queueCommand(deviceId: string, command: QueuedCommand): void {
    this.commands.set(deviceId, [...(this.commands.get(deviceId) ?? []), command]);
  }

  /** §4: an upsert at the next version of that record (1 for a new one). */
  upsert(stream: string, id: string, data: Record<string, unknown>): void {
    const log = this.streamLog(stream);
    const last = [...log].reverse().find((c) => c.id === id && c.op === 'upsert') as { version: number } | undefined;
    log.push({ op: 'upsert', id, version: (last?.version ?? 0) + 1, data });
  }

  /** §4: a delete of a record. */
  remove(stream: string, id: string): void {
    this.streamLog(stream).push({ op: 'delete', id });
  }

  private streamLog(stream: string): StreamChange[] {
    let log = this.streams.get(stream);
    if (!log) this.streams.set(stream, (log = []));
    return log;
  }

  /** The seqs stored for a device, sorted. */
  storedSeqs(deviceId: string): number[] {
    return [...this.events.values()].filter((e) => e.deviceId === deviceId).map((e) => e.seq).sort((a, b) => a - b);
  }

  private now(): number {
    return Date.now() + this.faults.clockOffsetMs;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (this.faults.delayMs > 0) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => { this.pending.delete(t); resolve(); }, this.faults.delayMs);
        this.pending.add(t);
      });
      if (res.destroyed) return;
    }
    res.setHeader('Date', new Date(this.now()).toUTCString());
    const path = req.url ?? '/';
    const gzip = req.headers['content-encoding'] === 'gzip';
    const answer = (status: number, body: unknown, events?: number) => {
      this.requests.push({ path, status, gzip, ...(events === undefined ? {} : { events }) });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const error = (status: number, code: string) => answer(status, { error: { code } });

    if (req.method === 'POST' && path === '/v1/enroll') return this.enroll(raw, answer, error);
    const events = req.method === 'POST' && path === '/v1/events';
    if (!events) {
      const auth = this.checker.check({ method: req.method ?? 'GET', pathWithQuery: path, authorization: req.headers.authorization, body: raw }, this.now());
      if ('failure' in auth) return error(401, auth.failure);
      if (req.method === 'GET' && path.startsWith('/v1/changes?')) return this.changes(path, answer, error, res);
      return this.heartbeatSide(auth.deviceId, req.method ?? 'GET', path, raw, answer, error);
    }
    this.eventBytes += raw.length;
    if (this.faults.fail500 > 0) { this.faults.fail500--; return error(500, 'internal'); }
    if (this.faults.busy.count > 0) {
      this.faults.busy.count--;
      res.setHeader('Retry-After', String(this.faults.busy.retryAfterSec));
      return error(503, 'busy');
    }
    const auth = this.checker.check({ method: req.method ?? 'GET', pathWithQuery: path, authorization: req.headers.authorization, body: raw }, this.now());
    if ('failure' in auth) return error(401, auth.failure);

    let text: Buffer;
    try {
      text = gzip ? gunzipSync(raw) : raw;
    } catch {
      return error(400, 'bad_encoding');
    }
    if (text.length > Math.min(this.faults.maxBodyBytes, MAX_BODY)) return error(413, 'too_large');
    let batch: unknown;
    try {
      batch = (JSON.parse(text.toString('utf8')) as { events?: unknown }).events;
    } catch {
      return error(400, 'bad_json');
    }
    if (!Array.isArray(batch) || batch.length < 1 || batch.length > MAX_EVENTS) return error(400, 'bad_batch');
    const results = batch.map((e) => this.store(auth.deviceId, e));
    const count = batch.length;

    if (this.faults.dropAfterStore > 0) {
      this.faults.dropAfterStore--;
      this.requests.push({ path, status: 0, gzip, events: count });
      req.socket.destroy();
      return;
    }
    if (this.faults.resetMidResponse > 0) {
      this.faults.resetMidResponse--;
      this.requests.push({ path, status: 0, gzip, events: count });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"results":[{"id":');
      setImmediate(() => req.socket.destroy());
      return;
    }
    if (this.faults.nonsense.count > 0) {
      this.faults.nonsense.count--;
      const kind = this.faults.nonsense.kind;
      if (kind === 'malformed_json') {
        this.requests.push({ path, status: 200, gzip, events: count });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"results":[{"id"');
        return;
      }
      if (kind === 'wrong_count') return answer(200, { results: results.slice(1) }, count);
      if (kind === 'wrong_ids') return answer(200, { results: results.map((r) => ({ ...r, id: randomUUID() })) }, count);
      return answer(200, { results: results.map((r) => ({ ...r, status: 'kept' })) }, count);
    }
    answer(200, { results }, count);
  }

  private heartbeatSide(deviceId: string, method: string, path: string, raw: Buffer, answer: (status: number, body: unknown) => void, error: (status: number, code: string) => void): void {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return error(400, 'bad_json');
    }
    if (method === 'POST' && path === '/v1/heartbeat') {
      this.heartbeats.push(body);
      const waiting = (this.commands.get(deviceId) ?? []).filter((c) => !this.commandResults.has(c.id));
      return answer(200, { serverTime: new Date(this.now()).toISOString(), commands: waiting });
    }
    const result = /^\/v1\/commands\/([^/]+)\/result$/.exec(path);
    if (method === 'POST' && result) {
      if (this.faults.failResults > 0) { this.faults.failResults--; return error(500, 'internal'); }
      const id = decodeURIComponent(result[1]!);
      if (typeof body.ok !== 'boolean') return error(400, 'bad_request');
      this.commandResults.set(id, { ok: body.ok, output: (body.output ?? {}) as Record<string, unknown> });
      return answer(200, {});
    }
    return error(404, 'not_found');
  }

  /** §4: a page of a stream from `cursor` (an index into its change log), at most `limit` changes. */
  private changes(path: string, answer: (status: number, body: unknown) => void, error: (status: number, code: string) => void, res: ServerResponse): void {
    const query = new URL(path, 'http://x').searchParams;
    const stream = query.get('stream') ?? '';
    const limit = Number(query.get('limit') ?? '100');
    const cursor = query.get('cursor');
    if (!['members', 'staff', 'settings', 'items'].includes(stream)) return error(400, 'unknown_stream');
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return error(400, 'bad_limit');
    const from = cursor === null ? 0 : Number(/^c(\d+)$/.exec(cursor)?.[1] ?? NaN);
    if (!Number.isInteger(from)) return error(400, 'bad_cursor');
    if (this.faults.failChanges > 0) { this.faults.failChanges--; return error(500, 'internal'); }
    const resetAt = this.faults.resetStreams.indexOf(stream);
    if (resetAt >= 0) {
      this.faults.resetStreams.splice(resetAt, 1);
      return answer(200, { reset: true });
    }
    const log = this.streams.get(stream) ?? [];
    const changes = log.slice(from, from + limit);
    const page = { changes, cursor: `c${from + changes.length}`, more: from + changes.length < log.length };
    if (this.faults.badPage.count > 0) {
      this.faults.badPage.count--;
      const kind = this.faults.badPage.kind;
      if (kind === 'wrong_shape') return answer(200, { changes: changes.map((c) => ({ ...c, op: 'replace' })), cursor: page.cursor });
      if (kind === 'bad_record') return answer(200, { ...page, changes: [...changes, { op: 'upsert', id: 'bad_1', version: 1, data: { name: 42 } }] });
      this.requests.push({ path, status: 200, gzip: false });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"changes":[{"op"');
      return;
    }
    answer(200, page);
  }

  private store(deviceId: string, event: unknown): { id: string; status: 'stored' | 'duplicate' | 'rejected'; reason?: string } {
    const e = event as { id?: unknown; seq?: unknown; type?: unknown };
    if (typeof e.id !== 'string' || !Number.isInteger(e.seq) || typeof e.type !== 'string') {
      return { id: typeof e.id === 'string' ? e.id : '', status: 'rejected', reason: 'malformed' };
    }
    const key = `${deviceId}/${e.id}`;
    if (this.events.has(key)) {
      this.duplicateCount++;
      return { id: e.id, status: 'duplicate' };
    }
    const forced = this.faults.rejectIds.get(e.id);
    if (forced) return { id: e.id, status: 'rejected', reason: forced };
    const seqKey = `${deviceId}/${String(e.seq)}`;
    const holder = this.seqs.get(seqKey);
    if (holder !== undefined && holder !== e.id) return { id: e.id, status: 'rejected', reason: 'seq_conflict' };
    this.seqs.set(seqKey, e.id);
    this.events.set(key, { deviceId, id: e.id, seq: e.seq as number, type: e.type, body: event as Record<string, unknown> });
    this.storeCount++;
    return { id: e.id, status: 'stored' };
  }

  private enroll(raw: Buffer, answer: (status: number, body: unknown) => void, error: (status: number, code: string) => void): void {
    let body: { token?: unknown; hardwareId?: unknown; softwareVersion?: unknown };
    try {
      body = JSON.parse(raw.toString('utf8')) as typeof body;
    } catch {
      return error(400, 'bad_json');
    }
    if (typeof body.token !== 'string' || typeof body.hardwareId !== 'string' || typeof body.softwareVersion !== 'string') return error(400, 'bad_request');
    const token = this.tokens.get(body.token);
    if (!token) return error(401, 'invalid_token');
    if (token.used) return error(409, 'token_used');
    token.used = true;
    const deviceId = `dev_${randomBytes(8).toString('base64url')}`;
    const secret = randomBytes(32);
    this.devices.set(deviceId, { secret, hardwareId: body.hardwareId });
    answer(201, {
      deviceId, deviceSecret: secret.toString('base64url'),
      facility: { id: 'fac_test_01', name: '阳光街道残疾人之家', timezone: 'Asia/Shanghai' },
      intervals: { pushSec: 60, pullSec: 900, heartbeatSec: 300 },
    });
  }
}
