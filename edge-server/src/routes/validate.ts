import type { Context } from 'hono';
import type { z } from 'zod';
import { DomainError } from '../domain/errors.js';

/**
 * Reads and validates a JSON request body. Malformed JSON and bodies that do not match the schema
 * are both 400, with a message that says what was wrong; the handler only ever sees typed data.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  // Only application/json: a form or text/plain POST from another page in the kiosk browser would
  // skip the browser's CORS preflight, and JSON bodies sent that way are refused here.
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new DomainError('unsupported_media_type', 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  }
  const text = await c.req.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('invalid', 'malformed_json', 'The request body is not valid JSON');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new DomainError('invalid', 'invalid_body', `The request body is not what this endpoint takes (${detail})`);
  }
  return result.data;
}

/** Validates a request's query (its values arrive as text: coerce numbers in the schema); 400 `invalid_query` otherwise. */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const result = schema.safeParse(query);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
    throw new DomainError('invalid', 'invalid_query', `The query is not what this endpoint takes (${detail})`);
  }
  return result.data;
}
