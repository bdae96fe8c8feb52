import { Hono } from 'hono';
import { z } from 'zod';
import type { CatalogueEntry, ChecklistVocabulary, Item, ItemPage, MaintenanceRecord } from '../api-types.js';
import type { AppDeps } from '../app.js';
import { MAX_LOCATION, MAX_SERIAL, MAX_TAG_CODE } from '../domain/lending/item-fields.js';
import { lendingImportRoutes } from './lending-import.js';
import { lendingStocktakeRoutes } from './lending-stocktakes.js';
import type { StaffEnv } from './staff.js';
import { parseQuery, readJson } from './validate.js';

const MAX_COST_CENTS = 10_000_000; // ¥100,000: catches an extra 0 typed into the cost

const id = z.string().min(1).max(64);
const day = z.string().max(10);
const reason = z.string().trim().min(1).max(200);
const condition = z.enum(['new', 'good', 'fair', 'worn', 'damaged']);
const catalogueBody = z.object({
  name: z.string().trim().min(1).max(60),
  category: z.enum(['wheelchair', 'walker', 'crutches', 'commode', 'hearing_aid', 'magnifier', 'rehab_equipment', 'other']),
  eligibleDisability: z.array(z.enum(['视力', '听力', '言语', '肢体', '智力', '精神', '多重'])).max(7),
  eligibleGrades: z.array(z.number().int().min(1).max(4)).max(4),
  assessmentRequired: z.boolean(),
  loanDays: z.number().int().min(1).max(366),
  bufferDays: z.number().int().min(0).max(30),
  serviceLifeYears: z.number().int().min(1).max(50),
  checkoutChecklist: z.array(z.string().max(40)).max(30).optional(),
  cleaningChecklist: z.array(z.string().max(40)).max(30).optional(),
});
const cataloguePut = catalogueBody.extend({ retired: z.boolean().optional() });
const itemBody = z.object({
  // the domain trims and checks printable characters; the bound here only keeps the body small
  tagCode: z.string().max(MAX_TAG_CODE * 4),
  serial: z.string().max(MAX_SERIAL * 4).nullish(),
  catalogueId: id,
  condition,
  location: z.string().max(MAX_LOCATION * 4).nullish(),
  acquiredOn: day.nullish(),
  nextServiceOn: day.nullish(),
});
const itemsQuery = z.object({
  q: z.string().max(64).optional(),
  status: z.enum(['available', 'on_loan', 'reserved', 'cleaning', 'maintenance', 'retired']).optional(),
  catalogueId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const statusBody = z.object({ to: z.enum(['maintenance', 'retired', 'available']), reason });
const maintenanceBody = z.object({
  doneOn: day,
  description: z.string().trim().min(1).max(500),
  costCents: z.number().int().min(0).max(MAX_COST_CENTS),
  nextServiceOn: day.nullish(),
  outcome: z.enum(['available', 'maintenance']),
});

/** Staff: the lending catalogue and inventory under `/api/staff/lending` (docs/services/lending.md). */
export function staffLendingInventoryRoutes(deps: AppDeps): Hono<StaffEnv> {
  const { lendingCatalogue: catalogue, inventory } = deps.services;
  return new Hono<StaffEnv>()
    .get('/lending/catalogue', (c) => c.json<{ entries: CatalogueEntry[] }>({ entries: catalogue.list() }))
    .post('/lending/catalogue', async (c) => {
      const body = await readJson(c, catalogueBody);
      return c.json<CatalogueEntry>(catalogue.create(c.var.staff.id, body), 201);
    })
    .get('/lending/catalogue/:id', (c) => c.json<CatalogueEntry>(catalogue.entry(c.req.param('id'))))
    .put('/lending/catalogue/:id', async (c) => {
      const body = await readJson(c, cataloguePut);
      return c.json<CatalogueEntry>(catalogue.update(c.var.staff.id, c.req.param('id'), body));
    })
    .get('/lending/checklists', (c) => c.json<ChecklistVocabulary>(catalogue.checklists()))
    .get('/lending/items', (c) => {
      const q = parseQuery(itemsQuery, c.req.query());
      return c.json<ItemPage>(inventory.list(q));
    })
    .get('/lending/items/by-tag/:tagCode', (c) => c.json<Item>(inventory.itemByTag(c.req.param('tagCode'))))
    .post('/lending/items', async (c) => {
      const body = await readJson(c, itemBody);
      return c.json<Item>(inventory.register(c.var.staff.id, body), 201);
    })
    .get('/lending/items/:id', (c) => c.json<Item>(inventory.itemView(c.req.param('id'))))
    .post('/lending/items/:id/status', async (c) => {
      const body = await readJson(c, statusBody);
      return c.json<Item>(inventory.setStatus(c.var.staff.id, c.req.param('id'), body.to, body.reason));
    })
    .post('/lending/items/:id/maintenance', async (c) => {
      const body = await readJson(c, maintenanceBody);
      return c.json<MaintenanceRecord>(inventory.recordMaintenance(c.var.staff.id, c.req.param('id'), body), 201);
    })
    .route('/', lendingImportRoutes(deps))
    .route('/', lendingStocktakeRoutes(deps));
}
