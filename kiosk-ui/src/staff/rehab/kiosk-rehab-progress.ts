import { css, html, svg } from 'lit';
import type { GoalProgress } from '../../api/employment.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { staffViewStyles } from '../staff-styles.js';

const W = 360;
const H = 140;
const PAD = 16;

/** Where a rating (1–5) at position i of n sits in the chart. */
function point(i: number, n: number, rating: number): [number, number] {
  const x = n === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (n - 1);
  const y = H - PAD - ((rating - 1) * (H - 2 * PAD)) / 4;
  return [x, y];
}

/**
 * Progress per goal: a small line chart of the ratings by date, and the same numbers as a table
 * (the chart is decoration for sighted staff; the table is what screen readers and print get).
 */
export class KioskRehabProgress extends KioskScreen {
  static override properties = { progress: { attribute: false } };
  declare progress: GoalProgress[];

  static override styles = [
    ...staffViewStyles,
    css`
      .goal {
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
        align-items: start;
      }
      svg {
        width: ${W}px;
        max-width: 100%;
        height: auto;
        border: 2px solid var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
      }
      .grid {
        stroke: var(--k-border);
        stroke-width: 1;
      }
      .line {
        fill: none;
        stroke: var(--k-primary-bg);
        stroke-width: 3;
      }
      .dot {
        fill: var(--k-primary-bg);
      }
      table {
        border-collapse: collapse;
        min-width: 20em;
      }
      th,
      td {
        border: 1px solid var(--k-border);
        padding: 4px 10px;
        text-align: start;
      }
    `,
  ];

  constructor() {
    super();
    this.progress = [];
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<h4>${t('employment.rehab.progress')}</h4>
      ${this.progress.map((g) => html`<section class="goal" data-goal=${g.goalId}>
        ${g.points.length === 0
          ? html`<p>${t('employment.rehab.noRatings', { goal: g.text })}</p>`
          : html`${this.chart(g)}
            <table>
              <caption>${t('employment.rehab.ratingsOf', { goal: g.text })}</caption>
              <thead><tr><th scope="col">${t('employment.rehab.date')}</th><th scope="col">${t('employment.rehab.rating')}</th></tr></thead>
              <tbody>${g.points.map((p) => html`<tr><td>${p.date}</td><td>${p.rating} / 5</td></tr>`)}</tbody>
            </table>`}
      </section>`)}`;
  }

  private chart(g: GoalProgress) {
    const pts = g.points.map((p, i) => point(i, g.points.length, p.rating));
    return html`<svg viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">
      ${[1, 2, 3, 4, 5].map((r) => {
        const [, y] = point(0, 2, r);
        return svg`<line class="grid" x1=${PAD} x2=${W - PAD} y1=${y} y2=${y}></line>`;
      })}
      <polyline class="line" points=${pts.map(([x, y]) => `${x},${y}`).join(' ')}></polyline>
      ${pts.map(([x, y]) => svg`<circle class="dot" cx=${x} cy=${y} r="5"></circle>`)}
    </svg>`;
  }
}

customElements.define('kiosk-rehab-progress', KioskRehabProgress);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-rehab-progress': KioskRehabProgress;
  }
}
