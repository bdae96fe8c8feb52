import { css, html, svg } from 'lit';
import type { SatisfactionByKind } from '../../../../edge-server/src/api-types.js';
import { aboutWord, activityKindStyles } from '../../components/activity-kinds.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';

const WIDTH = 400;
const HEIGHT = 200;
const BAR = 52;
const GAP = (WIDTH - 5 * BAR) / 6;
const TOP = 28;
const BOTTOM = 36;

/**
 * One service kind's month: the 1–5 distribution as bars with the count written on each bar and
 * the score under it (so nothing is told by colour alone), headed by the average and the count.
 * The same numbers are in the view's table for screen readers.
 */
export class KioskSatisfactionChart extends KioskScreen {
  static override properties = { data: { attribute: false } };
  declare data: SatisfactionByKind;

  static override styles = [
    ...staffViewStyles,
    ...activityKindStyles,
    css`
      figure {
        margin: 0;
        display: grid;
        gap: 6px;
      }
      figcaption {
        font-weight: 600;
      }
      svg {
        width: 100%;
        max-width: ${WIDTH}px;
        height: auto;
      }
      /* a kind's bars take its colour (the caption names it too); the centre as a whole keeps the primary colour */
      .bar {
        fill: var(--kind-ink, var(--k-primary-bg));
      }
      text {
        fill: var(--k-fg);
        font-size: 18px;
        font-family: var(--k-font);
      }
      .axis {
        stroke: var(--k-border);
        stroke-width: 2;
      }
    `,
  ];

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const d = this.data;
    const kind = t(aboutWord(d.about));
    const max = Math.max(1, ...d.distribution);
    const plot = HEIGHT - TOP - BOTTOM;
    const average = d.average === null ? t('community.sat.noAverage') : d.average.toFixed(1);
    return html`<figure class=${d.about === null ? '' : `kind-${d.about}`}>
      <figcaption>${t('community.sat.chartTitle', { kind, average, answers: d.answers })}</figcaption>
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${`${t('community.sat.chartLabel', { kind })}: ${d.distribution.map((n, i) => `${i + 1}: ${n}`).join(', ')}`}>
        <line class="axis" x1="0" x2=${WIDTH} y1=${HEIGHT - BOTTOM} y2=${HEIGHT - BOTTOM}></line>
        ${d.distribution.map((n, i) => {
          const h = Math.round((n / max) * plot);
          const x = GAP + i * (BAR + GAP);
          const y = HEIGHT - BOTTOM - h;
          return svg`<rect class="bar" x=${x} y=${y} width=${BAR} height=${h}></rect>
            <text x=${x + BAR / 2} y=${y - 6} text-anchor="middle">${n}</text>
            <text x=${x + BAR / 2} y=${HEIGHT - 10} text-anchor="middle">${i + 1}</text>`;
        })}
      </svg>
    </figure>`;
  }
}

customElements.define('kiosk-satisfaction-chart', KioskSatisfactionChart);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-satisfaction-chart': KioskSatisfactionChart;
  }
}
