import { Hono } from 'hono';
import { z } from 'zod';
import type { Stocktake, StocktakeScanResult, StocktakeSummary } from '../api-types.js';
import type { AppDeps } from '../app.js';
import type { StaffEnv } from './staff.js';
import { readJson } from './validate.js';

// A wedge scanner types whatever the code holds; the bound only keeps the body small.
const scanBody = z.object({ tagCode: z.string().trim().min(1).max(256) });

/** Staff: stocktakes under `/api/staff/lending/stocktakes`. */
export function lendingStocktakeRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { stocktakes } = deps.services;
  return new Hono<StaffEnv>()
    .get('/lending/stocktakes', (c) => c.json<{ stocktakes: StocktakeSummary[] }>({ stocktakes: stocktakes.recent() }))
    .post('/lending/stocktakes', (c) => c.json<Stocktake>(stocktakes.start(c.var.staff.id), 201))
    .get('/lending/stocktakes/:id', (c) => c.json<Stocktake>(stocktakes.get(c.req.param('id'))))
    .post('/lending/stocktakes/:id/scan', async (c) => {
      const { tagCode } = await readJson(c, scanBody);
      return c.json<StocktakeScanResult>(stocktakes.scan(c.var.staff.id, c.req.param('id'), tagCode));
    })
    .post('/lending/stocktakes/:id/finish', (c) => c.json<Stocktake>(stocktakes.finish(c.var.staff.id, c.req.param('id'))));
}
