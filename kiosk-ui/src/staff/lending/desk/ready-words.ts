import { lendingDeskApi, type Item, type Reservation } from '../../../api/lending-desk.js';

/**
 * The active reservation a clean item is now held for: by reservation id when the server named it, else
 * the earliest one of this item or of any item of its entry.
 */
export async function reservationFor(item: Pick<Item, 'id' | 'catalogueId'>, reservationId?: string): Promise<Reservation | null> {
  try {
    const { reservations } = await lendingDeskApi.reservations({ state: 'active' });
    const named = reservations.find((r) => r.id === reservationId);
    if (named) return named;
    const fits = reservations.filter((r) => r.itemId === item.id || (r.itemId === null && r.catalogueId === item.catalogueId));
    return fits.sort((a, b) => a.from.localeCompare(b.from))[0] ?? null;
  } catch {
    return null;
  }
}
