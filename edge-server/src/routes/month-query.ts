import type { Context } from 'hono';
import { localDate } from '../clock.js';
import type { AppDeps } from '../app.js';
import { DomainError } from '../domain/errors.js';

/** `?month=YYYY-MM`, or the centre's current month when absent; anything else is 400 `invalid_month`. */
export function monthQuery(c: Context, deps: AppDeps): string {
  const month = c.req.query('month') ?? localDate(deps.clock.now(), deps.config.centre.timezone).slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DomainError('invalid', 'invalid_month', 'A month is YYYY-MM, e.g. 2026-12');
  return month;
}
