import { svg, type SVGTemplateResult } from 'lit';

/**
 * Pictograms drawn in currentColor so they follow the theme. They are decorative (`aria-hidden`):
 * every pictogram sits next to its words, which carry the meaning.
 */
export type PictogramName =
  | 'finger'
  | 'card'
  | 'help'
  | 'yes'
  | 'no'
  | 'leave'
  | 'stay'
  | 'speaker'
  | 'language'
  | 'clock'
  | 'key'
  | 'back'
  | 'wait';

const paths: Record<PictogramName, SVGTemplateResult> = {
  finger: svg`<path d="M24 58V30a6 6 0 0 1 12 0v14m0-6a6 6 0 0 1 12 0v8m0-4a6 6 0 0 1 12 0v10c0 12-8 20-20 20h-4c-10 0-16-6-20-14l-6-12a5 5 0 0 1 8-5l6 9"/><path d="M30 8c-8 0-14 6-14 14m28 0c0-8-6-14-14-14"/>`,
  card: svg`<rect x="8" y="18" width="64" height="44" rx="6"/><path d="M8 30h64M18 48h18M46 48h8"/>`,
  help: svg`<circle cx="40" cy="16" r="8"/><path d="M40 26v26M28 70l12-18 12 18M24 36l16-6 16-20"/>`,
  yes: svg`<path d="M14 42l16 16 36-36"/>`,
  no: svg`<path d="M18 18l44 44M62 18L18 62"/>`,
  leave: svg`<path d="M12 10h30v60H12zM42 40h28M58 28l12 12-12 12"/><circle cx="34" cy="42" r="2"/>`,
  stay: svg`<path d="M10 38L40 12l30 26M18 32v36h44V32M34 68V50h12v18"/>`,
  speaker: svg`<path d="M10 30h14l18-14v48L24 50H10zM52 28a16 16 0 0 1 0 24M60 20a28 28 0 0 1 0 40"/>`,
  language: svg`<circle cx="40" cy="40" r="28"/><path d="M12 40h56M40 12c-10 10-10 46 0 56M40 12c10 10 10 46 0 56"/>`,
  clock: svg`<circle cx="40" cy="40" r="28"/><path d="M40 22v18l12 8"/>`,
  key: svg`<circle cx="26" cy="40" r="12"/><path d="M38 40h32M60 40v12M70 40v8"/>`,
  back: svg`<path d="M34 18L12 40l22 22M12 40h56"/>`,
  wait: svg`<path d="M22 10h36M22 70h36M26 10c0 18 28 18 28 30S26 52 26 70M54 70c0-18-28-18-28-30"/>`,
};

export function pictogram(name: PictogramName, className = 'picto'): SVGTemplateResult {
  return svg`<svg class=${className} viewBox="0 0 80 80" fill="none" stroke="currentColor" stroke-width="6"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths[name]}</svg>`;
}
