/** Staff calls for the lending inventory (`/api/staff/lending`): catalogue, items, labels, import, stocktake. */
import type {
  CatalogueEntry, CatalogueInput, ChecklistVocabulary, CheckKey, CleaningKey, DeviceCategory, ImportProblem, ImportReport, Item, ItemCondition,
  ItemHistory, ItemInput, ItemLabel, ItemPage, ItemStatus, MaintenanceRecord, Stocktake, StocktakeScanResult, StocktakeSummary,
} from '../../../edge-server/src/api-types.js';
// the bodies of two routes, typed where the server declares them (type-only, like every server type here)
import type { MaintenanceInput } from '../../../edge-server/src/domain/lending/inventory.js';
import type { ManualStatus } from '../../../edge-server/src/domain/lending/manual-status.js';
import { ApiFailure, request } from './client.js';

export type { MaintenanceInput, ManualStatus };
export type {
  CatalogueEntry, CatalogueInput, ChecklistVocabulary, CheckKey, CleaningKey, DeviceCategory, ImportProblem, ImportReport, Item, ItemCondition, ItemHistory,
  ItemInput, ItemLabel, ItemPage, ItemStatus, MaintenanceRecord, Stocktake, StocktakeScanResult, StocktakeSummary,
};

export interface ItemQuery {
  q?: string;
  status?: ItemStatus | '';
  catalogueId?: string;
  limit: number;
  offset: number;
}

const BASE = '/api/staff/lending';
const path = (id: string) => encodeURIComponent(id);

function itemQuery(query: ItemQuery): string {
  const q = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  if (query.q) q.set('q', query.q);
  if (query.status) q.set('status', query.status);
  if (query.catalogueId) q.set('catalogueId', query.catalogueId);
  return q.toString();
}

/**
 * The import takes the file as it is (`text/csv`), not wrapped in JSON: a chosen file goes byte for byte,
 * so the server can name the lines that are not UTF-8.
 */
async function postCsv(url: string, csv: string | Blob): Promise<ImportReport> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8' }, body: csv, credentials: 'same-origin', cache: 'no-store' });
  } catch (err) {
    throw new ApiFailure(0, 'network', err instanceof Error ? err.message : String(err), {});
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return body as ImportReport;
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const error = fields['error'] as { code?: string; message?: string } | undefined;
  throw new ApiFailure(res.status, error?.code ?? `http_${res.status}`, error?.message ?? res.statusText, fields);
}

export const lendingInventoryApi = {
  catalogue: (signal?: AbortSignal) => request<{ entries: CatalogueEntry[] }>('GET', `${BASE}/catalogue`, undefined, signal),
  addEntry: (input: CatalogueInput) => request<CatalogueEntry>('POST', `${BASE}/catalogue`, input),
  /** A new version of the entry (`retired: true` retires it). */
  updateEntry: (id: string, input: CatalogueInput & { retired?: boolean }) => request<CatalogueEntry>('PUT', `${BASE}/catalogue/${path(id)}`, input),
  checklists: (signal?: AbortSignal) => request<ChecklistVocabulary>('GET', `${BASE}/checklists`, undefined, signal),

  items: (query: ItemQuery, signal?: AbortSignal) => request<ItemPage>('GET', `${BASE}/items?${itemQuery(query)}`, undefined, signal),
  /** The scanner path: one item, or `ApiFailure` `unknown_tag`. */
  itemByTag: (tagCode: string, signal?: AbortSignal) => request<Item>('GET', `${BASE}/items/by-tag/${path(tagCode)}`, undefined, signal),
  item: (id: string, signal?: AbortSignal) => request<Item>('GET', `${BASE}/items/${path(id)}`, undefined, signal),
  history: (id: string, signal?: AbortSignal) => request<ItemHistory>('GET', `${BASE}/items/${path(id)}/history`, undefined, signal),
  register: (input: ItemInput) => request<Item>('POST', `${BASE}/items`, input),
  setStatus: (id: string, to: ManualStatus, reason: string) => request<Item>('POST', `${BASE}/items/${path(id)}/status`, { to, reason }),
  recordMaintenance: (id: string, input: MaintenanceInput) => request<unknown>('POST', `${BASE}/items/${path(id)}/maintenance`, input),

  importCsv: (csv: string | Blob, dryRun: boolean) => postCsv(`${BASE}/import${dryRun ? '?dryRun=1' : ''}`, csv),
  labels: (choice: { ids: string[] } | { catalogueId: string }, signal?: AbortSignal) => {
    const q = 'ids' in choice ? `ids=${choice.ids.map(path).join(',')}` : `catalogueId=${path(choice.catalogueId)}`;
    return request<ItemLabel[]>('GET', `${BASE}/labels?${q}`, undefined, signal);
  },

  /** The latest stocktakes, newest first (an open one is resumed). */
  stocktakes: (signal?: AbortSignal) => request<{ stocktakes: StocktakeSummary[] }>('GET', `${BASE}/stocktakes`, undefined, signal),
  startStocktake: () => request<Stocktake>('POST', `${BASE}/stocktakes`, {}),
  stocktake: (id: string, signal?: AbortSignal) => request<Stocktake>('GET', `${BASE}/stocktakes/${path(id)}`, undefined, signal),
  scan: (id: string, tagCode: string) => request<StocktakeScanResult>('POST', `${BASE}/stocktakes/${path(id)}/scan`, { tagCode }),
  finishStocktake: (id: string) => request<Stocktake>('POST', `${BASE}/stocktakes/${path(id)}/finish`, {}),
};

/** The manual changes the server allows from each status (docs/services/lending.md). */
export function manualChoices(status: ItemStatus): ManualStatus[] {
  const out: ManualStatus[] = [];
  if (['available', 'cleaning', 'reserved'].includes(status)) out.push('maintenance');
  if (status === 'maintenance') out.push('available');
  if (['available', 'cleaning', 'maintenance', 'reserved'].includes(status)) out.push('retired');
  return out;
}
