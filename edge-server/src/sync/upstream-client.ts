import { z } from 'zod';
import { enrolmentSchema } from './identity.js';
import type { RequestSigner } from './signer.js';

/** Why a call to the district platform did not give a usable answer. */
export type UpstreamErrorCode =
  | 'unreachable' | 'timeout' | 'bad_response' | 'too_large' | 'busy' | 'server_error' | 'unauthorized' | 'bad_request'
  | 'invalid_token' | 'token_used';

/** A failed upstream call with a stable `code`; `retryAfterMs` when the server said when to come back. */
export class UpstreamError extends Error {
  constructor(readonly code: UpstreamErrorCode, message: string, readonly status?: number, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'UpstreamError';
  }
}

const errorBodySchema = z.object({ error: z.object({ code: z.string() }) });

const resultSchema = z.object({
  id: z.string(),
  status: z.enum(['stored', 'duplicate', 'rejected']),
  reason: z.string().max(500).optional(),
});
const pushAnswerSchema = z.object({ results: z.array(resultSchema) });

const commandSchema = z.object({ id: z.string().min(1).max(200), type: z.string().min(1).max(100), args: z.record(z.string(), z.unknown()).optional() });
const heartbeatAnswerSchema = z.object({ serverTime: z.string(), commands: z.array(commandSchema).max(100) });

const changeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), id: z.string().min(1).max(200), version: z.number().int().min(0), data: z.record(z.string(), z.unknown()) }),
  z.object({ op: z.literal('delete'), id: z.string().min(1).max(200) }),
]);
const changesAnswerSchema = z.union([
  z.object({ reset: z.literal(true) }),
  z.object({ changes: z.array(changeSchema).max(500), cursor: z.string().min(1).max(2000), more: z.boolean() }),
]);

/** One change of a §4 page; its `data` is checked by the stream that applies it. */
export type UpstreamChange = z.infer<typeof changeSchema>;
/** A §4 page, or the platform's word that the stream starts over. */
export type ChangesAnswer = z.infer<typeof changesAnswerSchema>;

/** A command of §5 as the platform sent it (the type is checked when it runs: unknown ones are answered ok:false). */
export type UpstreamCommand = z.infer<typeof commandSchema>;
export type HeartbeatAnswer = z.infer<typeof heartbeatAnswerSchema>;

/** One per-event result of §3. */
export type PushResult = z.infer<typeof resultSchema>;
export type Enrolment = z.infer<typeof enrolmentSchema>;

export type FetchFn = typeof fetch;

export interface UpstreamClientOptions {
  baseUrl: string;
  signer: RequestSigner;
  timeoutMs?: number;
  fetch?: FetchFn;
  /** told when a clock_skew answer moved the signing clock */
  onClockOffset?: (offsetMs: number) => void;
}

interface Answer { status: number; headers: Headers; text: string }

/** Seconds or an HTTP date (RFC 9110 §10.2.3), as milliseconds from now; undefined when absent or neither. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

function upstreamCode(text: string): string | undefined {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error.code : undefined;
  } catch {
    return undefined;
  }
}

async function send(fetchFn: FetchFn, url: string, init: RequestInit, timeoutMs: number): Promise<Answer> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw transportError(err as Error, timeoutMs, 'the district platform could not be reached');
  }
  try {
    // The body is read here too: a reset mid-response is a failure, never a 200.
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (err) {
    throw transportError(err as Error, timeoutMs, 'the connection broke while the district platform answered');
  }
}

function transportError(e: Error, timeoutMs: number, what: string): UpstreamError {
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return new UpstreamError('timeout', `the district platform did not answer within ${timeoutMs / 1000} s`);
  const cause = (e as { cause?: { code?: string } }).cause?.code;
  return new UpstreamError('unreachable', `${what} (${cause ?? e.message})`);
}

function parseJson<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UpstreamError('bad_response', `the district platform answered ${what} with something that is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new UpstreamError('bad_response', `the district platform answered ${what} in an unexpected shape (${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')})`);
  return parsed.data;
}

/** §1, unsigned. Throws `invalid_token`, `token_used`, `unreachable`, `timeout` or `bad_response`. */
export async function enroll(baseUrl: string, body: { token: string; hardwareId: string; softwareVersion: string }, options: { fetch?: FetchFn; timeoutMs?: number } = {}): Promise<Enrolment> {
  const answer = await send(options.fetch ?? fetch, new URL('/v1/enroll', baseUrl).href, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  }, options.timeoutMs ?? 15_000);
  if (answer.status === 201) return parseJson(enrolmentSchema, answer.text, 'the enrolment');
  const code = upstreamCode(answer.text);
  if (answer.status === 401 && code === 'invalid_token') throw new UpstreamError('invalid_token', 'the district platform does not know this token (or it has expired)', 401);
  if (answer.status === 409 && code === 'token_used') throw new UpstreamError('token_used', 'this token has already been used to enrol a device', 409);
  throw new UpstreamError(answer.status >= 500 ? 'server_error' : 'bad_response', `the district platform answered the enrolment with HTTP ${answer.status}${code ? ` (${code})` : ''}`, answer.status);
}

/** Signed calls to the district platform; every answer is validated before anyone acts on it. */
export class UpstreamClient {
  private readonly fetchFn: FetchFn;
  private readonly timeoutMs: number;

  constructor(private readonly options: UpstreamClientOptions) {
    this.fetchFn = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /**
   * §3: posts one gzip-compressed batch; the per-event results in order. 413 → `too_large`,
   * 429/503 → `busy` with the server's Retry-After, other failures by their kind.
   */
  async pushEvents(gzipped: Uint8Array): Promise<PushResult[]> {
    const answer = await this.signed('POST', '/v1/events', gzipped, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    if (answer.status === 200) return parseJson(pushAnswerSchema, answer.text, 'the events').results;
    throw this.failure(answer, 'the events');
  }

  /** §5: the heartbeat; the platform's time and the commands it has for this device. */
  async heartbeat(body: Record<string, unknown>): Promise<HeartbeatAnswer> {
    const answer = await this.signed('POST', '/v1/heartbeat', Buffer.from(JSON.stringify(body)), { 'content-type': 'application/json' });
    if (answer.status === 200) return parseJson(heartbeatAnswerSchema, answer.text, 'the heartbeat');
    throw this.failure(answer, 'the heartbeat');
  }

  /** §4: one page of a stream's changes after `cursor` (null: from the beginning). */
  async changes(stream: string, cursor: string | null, limit: number): Promise<ChangesAnswer> {
    const query = new URLSearchParams({ stream, ...(cursor === null ? {} : { cursor }), limit: String(limit) });
    const answer = await this.signed('GET', `/v1/changes?${query.toString()}`, new Uint8Array(0), {});
    if (answer.status === 200) return parseJson(changesAnswerSchema, answer.text, `the ${stream} changes`);
    throw this.failure(answer, `the ${stream} changes`);
  }

  /** §5: a command's result; any 2xx means the platform has it. */
  async commandResult(id: string, result: { ok: boolean; output: Record<string, unknown> }): Promise<void> {
    const answer = await this.signed('POST', `/v1/commands/${encodeURIComponent(id)}/result`, Buffer.from(JSON.stringify(result)), { 'content-type': 'application/json' });
    if (answer.status < 200 || answer.status > 299) throw this.failure(answer, 'a command result');
  }

  /** Signs and sends; on `401 clock_skew` learns the server's time from `Date` and retries once. */
  private async signed(method: string, path: string, body: Uint8Array, headers: Record<string, string>): Promise<Answer> {
    const url = new URL(path, this.options.baseUrl).href;
    const attempt = () => send(this.fetchFn, url, {
      method, headers: { ...headers, authorization: this.options.signer.authorization(method, path, body) },
      // fetch's types want an ArrayBuffer-backed view; zlib's buffers are, the generic type just cannot say so
      body: method === 'GET' ? undefined : body as Uint8Array<ArrayBuffer>,
    }, this.timeoutMs);
    const first = await attempt();
    if (first.status !== 401 || upstreamCode(first.text) !== 'clock_skew') return first;
    if (!this.options.signer.learnOffset(first.headers.get('date'))) return first;
    this.options.onClockOffset?.(this.options.signer.offsetMs);
    return attempt();
  }

  private failure(answer: Answer, what: string): UpstreamError {
    const code = upstreamCode(answer.text);
    const detail = `HTTP ${answer.status}${code ? ` (${code})` : ''}`;
    if (answer.status === 413) return new UpstreamError('too_large', `the district platform found the batch too large (${detail})`, 413);
    if (answer.status === 429 || answer.status === 503) {
      return new UpstreamError('busy', `the district platform is busy (${detail})`, answer.status, parseRetryAfter(answer.headers.get('retry-after'), Date.now()));
    }
    if (answer.status >= 500) return new UpstreamError('server_error', `the district platform failed on ${what} (${detail})`, answer.status);
    if (answer.status === 401) return new UpstreamError('unauthorized', `the district platform refused this device's signature (${detail}); check the clock, or enrol again`, 401);
    if (answer.status === 400) return new UpstreamError('bad_request', `the district platform could not read ${what} (${detail})`, 400);
    return new UpstreamError('bad_response', `the district platform answered ${what} with ${detail}`, answer.status);
  }
}
