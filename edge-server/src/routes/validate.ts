import type { Context } from 'hono';
import type { z } from 'zod';
import { DomainError } from '../domain/errors.js';

/**
 * Reads and validates a JSON request body. Malformed JSON and bodies that do not match the schema
 * are both 400, with a message that says what was wrong; the handler only ever sees typed data.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
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
