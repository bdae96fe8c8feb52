import type { ActivityKind } from '../../../../edge-server/src/api-types.js';
import type { PictogramName } from '../../components/pictograms.js';
import type { MessageKey } from '../../i18n/catalogue.js';

/** The six kinds in the order staff choose them (the centre's five services, then "other"). */
export const KIND_CHOICES: readonly ActivityKind[] = [
  'day_care',
  'assisted_employment',
  'skills_training',
  'rehabilitation',
  'culture_sports',
  'other',
];

/**
 * The pictogram beside each kind's word in staff screens. Drawn from the kiosk's existing set; the
 * words always carry the meaning, so the pictogram and the kind's colour are never the only cue.
 */
export const KIND_PICTOGRAM: Record<ActivityKind, PictogramName> = {
  day_care: 'stay',
  assisted_employment: 'key',
  skills_training: 'book',
  rehabilitation: 'motion',
  culture_sports: 'people',
  other: 'clock',
};

export function kindKey(kind: ActivityKind): MessageKey {
  return `schedule.kind.${kind}`;
}
