import { css, unsafeCSS } from 'lit';
import type { ActivityKind } from '../../../edge-server/src/api-types.js';
import type { MessageKey } from '../i18n/catalogue.js';
import type { PictogramName } from './pictograms.js';

/**
 * How each activity kind looks: a pictogram, a word and a colour. The colour is never the only cue:
 * the pictogram and the word always come with it (a member who cannot tell the colours apart loses nothing).
 */
export interface KindLook {
  pictogram: PictogramName;
  word: MessageKey;
  /** dark shade (pictogram, border) and pale tint (tile background); the pair is ≥ 7:1 */
  ink: string;
  tint: string;
}

export const ACTIVITY_KINDS: Readonly<Record<ActivityKind, KindLook>> = {
  day_care: { pictogram: 'kind_day_care', word: 'memberSessions.kind.day_care', ink: '#6b3600', tint: '#fdebd6' },
  assisted_employment: {
    pictogram: 'kind_assisted_employment', word: 'memberSessions.kind.assisted_employment', ink: '#0b3f78', tint: '#e0ebf8',
  },
  skills_training: {
    pictogram: 'kind_skills_training', word: 'memberSessions.kind.skills_training', ink: '#4f2277', tint: '#eee4f7',
  },
  rehabilitation: { pictogram: 'kind_rehabilitation', word: 'memberSessions.kind.rehabilitation', ink: '#0b5028', tint: '#dff2e5' },
  culture_sports: { pictogram: 'kind_culture_sports', word: 'memberSessions.kind.culture_sports', ink: '#7a1030', tint: '#fae1e8' },
  other: { pictogram: 'kind_other', word: 'memberSessions.kind.other', ink: '#333333', tint: '#ededed' },
};

/** The kinds in the order they are offered: the centre's five services, then "other". */
export const ACTIVITY_KIND_ORDER = Object.keys(ACTIVITY_KINDS) as readonly ActivityKind[];

/**
 * The word for what a satisfaction answer (or question) is about: a kind's own word, or for `null`
 * the centre as a whole (a word only the satisfaction question and chart need).
 */
export function aboutWord(about: ActivityKind | null): MessageKey {
  return about === null ? 'community.aboutCentre' : ACTIVITY_KINDS[about].word;
}

/**
 * One class per kind (`kind-day_care`, …) setting `--kind-ink` / `--kind-tint` for the tile.
 * High contrast: the tile goes black and the ink goes light, so the pictogram keeps ≥ 7:1 there too.
 */
export const activityKindStyles = [
  unsafeCSS(
    Object.entries(ACTIVITY_KINDS)
      .map(([kind, look]) => `.kind-${kind} { --kind-ink: ${look.ink}; --kind-tint: ${look.tint}; }`)
      .join('\n'),
  ),
  css`
    :host-context([high-contrast]) [class*='kind-'] {
      --kind-ink: #ffffff;
      --kind-tint: #000000;
    }
  `,
];
