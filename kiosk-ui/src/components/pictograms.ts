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
  | 'wait'
  | 'siren'
  | 'door'
  | 'motion'
  | 'absent'
  | 'plug'
  | 'people'
  | 'book'
  | 'phone'
  | 'kind_day_care'
  | 'kind_assisted_employment'
  | 'kind_skills_training'
  | 'kind_rehabilitation'
  | 'kind_culture_sports'
  | 'kind_other'
  | 'calendar'
  | 'forward'
  | 'face1' | 'face2' | 'face3' | 'face4' | 'face5'
  | 'heart' | 'flag'
  | 'device_wheelchair' | 'device_walker' | 'device_crutches' | 'device_commode' | 'device_hearing_aid' | 'device_magnifier'
  | 'device_rehab_equipment' | 'device_other' | 'scan' | 'broom';

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
  siren: svg`<path d="M22 62V44a18 18 0 0 1 36 0v18M12 70h56M40 8v10M14 20l7 7M66 20l-7 7M40 40v10"/>`,
  door: svg`<path d="M10 70h60M18 70V10h34v60M52 16l14 6v48"/><circle cx="44" cy="42" r="2"/>`,
  motion: svg`<circle cx="48" cy="14" r="6"/><path d="M44 26l-8 20 10 10-4 16M36 46l-10 22M42 30l12 10 8-4M24 30H10M26 40H12M22 50H10"/>`,
  absent: svg`<rect x="10" y="16" width="60" height="54" rx="6"/><path d="M10 32h60M26 8v14M54 8v14M32 44l16 16M48 44L32 60"/>`,
  plug: svg`<path d="M28 8v16M52 8v16M20 24h40v12a20 20 0 0 1-40 0zM40 56v16"/>`,
  people: svg`<circle cx="28" cy="22" r="8"/><circle cx="54" cy="26" r="7"/><path d="M12 68c0-14 7-24 16-24s16 10 16 24M46 68c0-11 3-20 9-20s11 9 11 20"/>`,
  book: svg`<path d="M40 20c-6-6-18-8-28-6v50c10-2 22 0 28 6 6-6 18-8 28-6V14c-10-2-22 0-28 6zM40 20v50"/>`,
  phone: svg`<path d="M22 10h12l4 16-8 6a40 40 0 0 0 18 18l6-8 16 4v12a6 6 0 0 1-6 6C36 64 16 44 16 16a6 6 0 0 1 6-6z"/>`,
  // activity kinds (issue 5): a house with a heart, a briefcase, a light bulb, a dumbbell, a ball, a star
  kind_day_care: svg`<path d="M10 38L40 12l30 26M18 32v36h44V32"/><path d="M40 60c-9-6-12-10-12-14a6 6 0 0 1 12-2 6 6 0 0 1 12 2c0 4-3 8-12 14z"/>`,
  kind_assisted_employment: svg`<rect x="10" y="24" width="60" height="42" rx="6"/><path d="M30 24v-8h20v8M10 42h60M40 38v8"/>`,
  kind_skills_training: svg`<path d="M30 54c0-8-10-12-10-25a20 20 0 0 1 40 0c0 13-10 17-10 25zM32 62h16M35 70h10"/>`,
  kind_rehabilitation: svg`<path d="M12 30v20M22 22v36M58 22v36M68 30v20M22 40h36"/>`,
  kind_culture_sports: svg`<circle cx="40" cy="40" r="28"/><path d="M12 40h56M40 12v56M21 20c11 10 11 30 0 40M59 20c-11 10-11 30 0 40"/>`,
  kind_other: svg`<path d="M40 10l9 19 21 3-15 15 4 21-19-10-19 10 4-21-15-15 21-3z"/>`,
  calendar: svg`<rect x="10" y="16" width="60" height="54" rx="6"/><path d="M10 32h60M26 8v14M54 8v14M22 46h8M36 46h8M50 46h8M22 58h8M36 58h8"/>`,
  forward: svg`<path d="M46 18l22 22-22 22M68 40H12"/>`,
  face1: svg`<circle cx="40" cy="40" r="30"/><path d="M28 30v4M52 30v4M26 58c8-10 20-10 28 0M22 22l10 5M58 22l-10 5"/>`,
  face2: svg`<circle cx="40" cy="40" r="30"/><path d="M29 32v4M51 32v4M28 56c7-6 17-6 24 0"/>`,
  face3: svg`<circle cx="40" cy="40" r="30"/><path d="M29 32v4M51 32v4M28 52h24"/>`,
  face4: svg`<circle cx="40" cy="40" r="30"/><path d="M29 32v4M51 32v4M28 48c7 6 17 6 24 0"/>`,
  face5: svg`<circle cx="40" cy="40" r="30"/><path d="M26 30c2-4 6-4 8 0M46 30c2-4 6-4 8 0M24 46c6 14 26 14 32 0z"/>`,
  heart: svg`<path d="M40 68L16 44a14 14 0 0 1 24-18 14 14 0 0 1 24 18z"/>`,
  flag: svg`<path d="M18 72V10M18 12h44l-8 14 8 14H18"/>`,
  // assistive devices (issue 6): what each looks like from the side
  device_wheelchair: svg`<circle cx="34" cy="52" r="18"/><circle cx="62" cy="66" r="4"/><path d="M24 10v28h26l8 26M24 24h20M50 38l8-14"/>`,
  device_walker: svg`<path d="M20 70V18h40v52M20 18l-6 52M60 18l6 52M20 36h40"/>`,
  device_crutches: svg`<path d="M26 10h16M34 10v60M26 70h16M28 36h12M54 10h16M62 10v60M54 70h16M56 36h12"/>`,
  device_commode: svg`<path d="M14 38h52v8H14zM18 46l-4 24M62 46l4 24M18 38V14h44v24M28 46v10h24V46"/>`,
  device_hearing_aid: svg`<path d="M30 58c0 8 6 12 12 12s12-6 12-14c0-10 12-14 12-30a24 24 0 0 0-48 0"/><path d="M34 30a8 8 0 0 1 16 0c0 6-8 8-8 14"/>`,
  device_magnifier: svg`<circle cx="32" cy="32" r="20"/><path d="M46 46l24 24M24 26a10 10 0 0 1 10-6"/>`,
  device_rehab_equipment: svg`<path d="M10 32v16M20 24v32M60 24v32M70 32v16M20 40h40"/>`,
  device_other: svg`<rect x="14" y="22" width="52" height="44" rx="6"/><path d="M30 22v-8h20v8M14 40h52"/>`,
  scan: svg`<path d="M10 24V12h12M58 12h12v12M70 56v12H58M22 68H10V56M18 40h44"/>`,
  broom: svg`<path d="M54 10L38 42M24 40l20 10-6 20H14l4-20zM22 58l-2 12M30 60l-2 10"/>`,
};

export function pictogram(name: PictogramName, className = 'picto'): SVGTemplateResult {
  return svg`<svg class=${className} viewBox="0 0 80 80" fill="none" stroke="currentColor" stroke-width="6"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${paths[name]}</svg>`;
}
