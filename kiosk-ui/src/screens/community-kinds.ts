import type { ActivityKind } from '../../../edge-server/src/api-types.js';
import type { PictogramName } from '../components/pictograms.js';
import type { MessageKey } from '../i18n/catalogue.js';

/** The service kinds in the order they are offered. */
export const ACTIVITY_CHOICES: readonly ActivityKind[] = [
  'day_care', 'assisted_employment', 'skills_training', 'rehabilitation', 'culture_sports', 'other',
];

const PICTOGRAMS: Record<ActivityKind, PictogramName> = {
  day_care: 'stay',
  assisted_employment: 'key',
  skills_training: 'book',
  rehabilitation: 'motion',
  culture_sports: 'people',
  other: 'heart',
};

/** The same words for a kind everywhere (volunteer sign-in, the question, the staff chart). */
export function kindKey(kind: ActivityKind | null): MessageKey {
  return kind === null ? 'community.kind.centre' : `community.kind.${kind}`;
}

export function kindPictogram(kind: ActivityKind): PictogramName {
  return PICTOGRAMS[kind];
}
