import type { DeviceCategory, ItemStatus } from '../../../edge-server/src/api-types.js';
import type { MessageKey } from '../i18n/catalogue.js';
import type { PictogramName } from './pictograms.js';

/** How each kind of device is shown everywhere: one pictogram and one word (lending.category.*). */
export const DEVICE_KINDS: Readonly<Record<DeviceCategory, { pictogram: PictogramName; word: MessageKey }>> = {
  wheelchair: { pictogram: 'device_wheelchair', word: 'lending.category.wheelchair' },
  walker: { pictogram: 'device_walker', word: 'lending.category.walker' },
  crutches: { pictogram: 'device_crutches', word: 'lending.category.crutches' },
  commode: { pictogram: 'device_commode', word: 'lending.category.commode' },
  hearing_aid: { pictogram: 'device_hearing_aid', word: 'lending.category.hearing_aid' },
  magnifier: { pictogram: 'device_magnifier', word: 'lending.category.magnifier' },
  rehab_equipment: { pictogram: 'device_rehab_equipment', word: 'lending.category.rehab_equipment' },
  other: { pictogram: 'device_other', word: 'lending.category.other' },
};

export const DEVICE_CATEGORY_ORDER = Object.keys(DEVICE_KINDS) as readonly DeviceCategory[];

export const ITEM_STATUSES: readonly ItemStatus[] = ['available', 'reserved', 'on_loan', 'cleaning', 'maintenance', 'retired'];

/** The word for an item's status (never shown by colour alone). */
export function statusWord(status: ItemStatus): MessageKey {
  return `lending.status.${status}`;
}
