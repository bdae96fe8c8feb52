import { renderSVG } from 'uqr';
import type { ItemLabel } from '../../api-types.js';
import { findItemView, listItemViewsOfCatalogue, type ItemViewRow } from '../../db/lending-items.repo.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';

/** The four-module quiet zone ISO/IEC 18004 asks for, so a label cut close to its code still scans. */
export const QR_QUIET_MODULES = 4;
/** SVG units per module (the page scales the SVG; this only keeps the path numbers whole). */
export const QR_MODULE_UNITS = 10;

/** The QR code of a tag as an SVG document: dark modules on white, quiet zone included, error correction M. */
export function tagQrSvg(tagCode: string): string {
  return renderSVG(tagCode, { ecc: 'M', border: QR_QUIET_MODULES, pixelSize: QR_MODULE_UNITS, whiteColor: '#ffffff', blackColor: '#000000' });
}

function toLabel(row: ItemViewRow): ItemLabel {
  return { itemId: row.id, tagCode: row.tagCode, name: row.catalogueName, qrSvg: tagQrSvg(row.tagCode) };
}

/** Labels for the items named (in that order; `404 item_not_found` for an unknown one) or every item of an entry. */
export function itemLabels(ctx: DomainContext, which: { ids: string[] } | { catalogueId: string }): ItemLabel[] {
  if ('catalogueId' in which) return listItemViewsOfCatalogue(ctx.db, which.catalogueId).map(toLabel);
  return which.ids.map((id) => {
    const row = findItemView(ctx.db, id);
    if (!row) throw new DomainError('not_found', 'item_not_found', `No item with id ${id}`, { itemId: id });
    return toLabel(row);
  });
}
