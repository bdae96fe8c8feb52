import type { Stocktake, StocktakeScanResult, StocktakeSummary } from '../../api-types.js';
import { formatWithOffset } from '../../clock.js';
import { recordAudit } from '../../db/audit.repo.js';
import { findItemViewByTag, listShelfItems, type ShelfItemRow } from '../../db/lending-items.repo.js';
import {
  findStocktake, findStocktakeScan, insertStocktake, insertStocktakeEnd, insertStocktakeScan, listRecentStocktakes, listStocktakeScans,
  type StocktakeView,
} from '../../db/lending-stocktakes.repo.js';
import { newRecordId } from '../../ids.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';

/** Off the shelf by the records: lent out, or retired for good. */
const AWAY = new Set(['on_loan', 'retired']);

/**
 * Stocktakes (盘点): staff scan every item present. Missing = expected on the shelf (not on loan,
 * not retired) and not scanned; unexpected = scanned although the records say it is away.
 * Finishing freezes the missing list (`stocktake.completed`); a finished stocktake takes no scans.
 */
export class StocktakeService {
  constructor(private readonly ctx: DomainContext) {}

  start(staffId: string): Stocktake {
    const id = this.ctx.log.write(() => {
      const now = this.ctx.clock.now();
      const stocktakeId = newRecordId(now);
      insertStocktake(this.ctx.db, { id: stocktakeId, staffId, startedAt: now });
      recordAudit(this.ctx.db, { at: now, actorKind: 'staff', actorId: staffId, action: 'lending.stocktake_start', target: stocktakeId, detail: {} });
      return stocktakeId;
    });
    return this.get(id);
  }

  recent(limit = 20): StocktakeSummary[] {
    return listRecentStocktakes(this.ctx.db, limit).map((t) => ({
      id: t.id, startedAt: this.at(t.startedAt), staffId: t.staffId, finished: t.finishedAt !== null,
      scanned: listStocktakeScans(this.ctx.db, t.id).length, missing: t.missing?.length ?? null,
    }));
  }

  get(stocktakeId: string): Stocktake {
    const stocktake = this.find(stocktakeId);
    const items = listShelfItems(this.ctx.db);
    const byId = new Map(items.map((i) => [i.id, i]));
    const scans = listStocktakeScans(this.ctx.db, stocktakeId);
    const scannedIds = new Set(scans.map((s) => s.itemId));
    const missingIds = stocktake.missing ?? expectedMissing(items, scannedIds);
    const missing = missingIds.flatMap((id) => {
      const i = byId.get(id);
      return i ? [{ itemId: i.id, tagCode: i.tagCode, name: i.catalogueName, status: i.status, location: i.location }] : [];
    });
    return {
      id: stocktake.id, startedAt: this.at(stocktake.startedAt), staffId: stocktake.staffId, finished: stocktake.finishedAt !== null,
      scanned: scans.map((s) => {
        const i = byId.get(s.itemId)!;
        return { itemId: i.id, tagCode: i.tagCode, name: i.catalogueName, at: this.at(s.scannedAt) };
      }),
      missing,
      unexpected: scans.map((s) => byId.get(s.itemId)!).filter((i) => AWAY.has(i.status))
        .map((i) => ({ itemId: i.id, tagCode: i.tagCode, name: i.catalogueName, status: i.status })),
    };
  }

  /** One scan; an unknown tag is answered (the scanner read something that is not ours), not refused. */
  scan(staffId: string, stocktakeId: string, tagCode: string): StocktakeScanResult {
    this.find(stocktakeId);
    const tag = tagCode.trim();
    return this.ctx.log.write(() => {
      const stocktake = this.find(stocktakeId);
      if (stocktake.finishedAt !== null) throw finished();
      const item = findItemViewByTag(this.ctx.db, tag);
      if (!item) return { result: 'unknown_tag', tagCode: tag };
      const summary = { id: item.id, tagCode: item.tagCode, name: item.catalogueName, status: item.status };
      if (findStocktakeScan(this.ctx.db, stocktakeId, item.id)) return { result: 'already_scanned', item: summary };
      const now = this.ctx.clock.now();
      insertStocktakeScan(this.ctx.db, { id: newRecordId(now), stocktakeId, itemId: item.id, scannedAt: now });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'lending.stocktake_scan', target: stocktakeId, detail: { itemId: item.id },
      });
      return { result: 'scanned', item: summary };
    });
  }

  finish(staffId: string, stocktakeId: string): Stocktake {
    this.find(stocktakeId);
    this.ctx.log.write((append) => {
      const stocktake = this.find(stocktakeId);
      if (stocktake.finishedAt !== null) throw finished();
      const scannedIds = new Set(listStocktakeScans(this.ctx.db, stocktakeId).map((s) => s.itemId));
      const missing = expectedMissing(listShelfItems(this.ctx.db), scannedIds);
      const now = this.ctx.clock.now();
      const event = append('stocktake.completed', { stocktakeId, scanned: scannedIds.size, missing, staffId }, now);
      insertStocktakeEnd(this.ctx.db, { id: newRecordId(now), stocktakeId, missing, staffId, recordedAt: now, eventId: event.id });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'lending.stocktake_finish', target: stocktakeId,
        detail: { scanned: scannedIds.size, missing: missing.length },
      });
    });
    return this.get(stocktakeId);
  }

  private find(stocktakeId: string): StocktakeView {
    const stocktake = findStocktake(this.ctx.db, stocktakeId);
    if (!stocktake) throw new DomainError('not_found', 'stocktake_not_found', `No stocktake with id ${stocktakeId}`);
    return stocktake;
  }

  private at(ms: number): string {
    return formatWithOffset(ms, this.ctx.timeZone());
  }
}

function expectedMissing(items: ShelfItemRow[], scanned: Set<string>): string[] {
  return items.filter((i) => !AWAY.has(i.status) && !scanned.has(i.id)).map((i) => i.id);
}

function finished(): DomainError {
  return new DomainError('conflict', 'stocktake_finished', 'This stocktake is finished; start a new one to scan again');
}
