import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { ImportReport, ItemLabel } from '../api-types.js';
import type { AppDeps } from '../app.js';
import { DomainError } from '../domain/errors.js';
import { MAX_IMPORT_BYTES } from '../domain/lending/inventory-import.js';
import type { StaffEnv } from './staff.js';
import { parseQuery } from './validate.js';

/** The one API path with a body over the app's 64 KiB limit (app.ts exempts it; the limit here is 2 MiB). */
export const LENDING_IMPORT_PATH = '/api/staff/lending/import';

const MAX_LABELS = 200;
const importQuery = z.object({ dryRun: z.enum(['0', '1', 'true', 'false']).optional() });
const labelsQuery = z.union([
  z.object({ ids: z.string().min(1).max(MAX_LABELS * 65) }),
  z.object({ catalogueId: z.string().min(1).max(64) }),
]);

/** Staff: the CSV import and the QR labels of the inventory. */
export function lendingImportRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { inventory } = deps.services;
  return new Hono<StaffEnv>()
    .post('/lending/import', bodyLimit({
      maxSize: MAX_IMPORT_BYTES,
      onError: (c) => c.json({ error: { code: 'payload_too_large', message: `An import file is at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB` } }, 413),
    }), async (c) => {
      const { dryRun } = parseQuery(importQuery, c.req.query());
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'text/csv') {
        throw new DomainError('unsupported_media_type', 'unsupported_media_type', 'Send the file as CSV with Content-Type: text/csv');
      }
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const report = inventory.importCsv(c.var.staff.id, bytes, dryRun === '1' || dryRun === 'true');
      return c.json<ImportReport>(report, report.created > 0 ? 201 : 200);
    })
    .get('/lending/labels', (c) => {
      const q = parseQuery(labelsQuery, c.req.query());
      if ('catalogueId' in q) return c.json<ItemLabel[]>(inventory.labels({ catalogueId: q.catalogueId }));
      const ids = [...new Set(q.ids.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
      if (ids.length === 0 || ids.length > MAX_LABELS) {
        throw new DomainError('invalid', 'invalid_query', `ids lists 1 to ${MAX_LABELS} item ids, separated by commas`);
      }
      return c.json<ItemLabel[]>(inventory.labels({ ids }));
    });
}
