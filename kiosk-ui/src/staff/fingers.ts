import type { Finger } from '../api/client.js';

/** The ten fingers by hand, thumb first, in the order the finger choice shows them. */
export const HANDS: readonly { hand: 'right' | 'left'; fingers: readonly Finger[] }[] = [
  { hand: 'right', fingers: ['right_thumb', 'right_index', 'right_middle', 'right_ring', 'right_little'] },
  { hand: 'left', fingers: ['left_thumb', 'left_index', 'left_middle', 'left_ring', 'left_little'] },
];

/**
 * Fingers in the order we suggest them: index fingers read best and are easy to place; then the
 * middle fingers and thumbs. Two fingers per member, so one hurt finger does not lock them out.
 */
const PREFERENCE: readonly Finger[] = [
  'right_index', 'left_index', 'right_middle', 'left_middle', 'right_thumb', 'left_thumb',
  'right_ring', 'left_ring', 'right_little', 'left_little',
];

/** How many fingers we suggest enrolling. */
export const SUGGESTED_FINGERS = 2;

/** Index fingers are marked as recommended on the finger choice. */
export function isRecommended(finger: Finger): boolean {
  return finger === 'right_index' || finger === 'left_index';
}

/** The finger to suggest next, or null once the member has the suggested number of fingers. */
export function nextSuggestion(enrolled: readonly Finger[]): Finger | null {
  if (enrolled.length >= SUGGESTED_FINGERS) return null;
  return PREFERENCE.find((f) => !enrolled.includes(f)) ?? null;
}
