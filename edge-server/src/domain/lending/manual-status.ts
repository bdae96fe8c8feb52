import type { ItemStatus } from '../../api-types.js';

/** The statuses staff may set by hand (everything else follows a loan, a return or a cleaning). */
export type ManualStatus = 'maintenance' | 'retired' | 'available';

/** From where staff may set each status by hand (docs/services/lending.md, the route table). */
const FROM: Record<ManualStatus, readonly ItemStatus[]> = {
  maintenance: ['available', 'cleaning', 'reserved'],
  retired: ['available', 'cleaning', 'maintenance', 'reserved'],
  // cleaning → available needs the completed cleaning checklist, not a button
  available: ['maintenance'],
};

/** The statuses an item may be in for staff to set `to` by hand. */
export function manualFrom(to: ManualStatus): readonly ItemStatus[] {
  return FROM[to];
}

/** Why staff may not move an item from `from` to `to` by hand, in a sentence; null when they may. */
export function manualChangeRefusal(from: ItemStatus, to: ManualStatus): string | null {
  if (FROM[to].includes(from)) return null;
  if (from === to) return `The item is ${to} already`;
  if (from === 'on_loan') return 'An item on loan comes back through its return, not by hand';
  if (from === 'retired') return 'A retired item stays retired';
  if (from === 'cleaning' && to === 'available') return 'An item in cleaning becomes available with its completed cleaning checklist';
  return `An item that is ${from} cannot be set to ${to} by hand`;
}
