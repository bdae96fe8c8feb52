import { css, html } from 'lit';
import type { SatisfactionMonth } from '../../../edge-server/src/api-types.js';
import { communityApi } from '../api/community.js';
import { aboutWord } from '../components/activity-kinds.js';
import './community/kiosk-satisfaction-chart.js';
import { communityTableStyles } from './community/month-field.js';
import { MonthlyView } from './community/monthly-view.js';
import { staffViewStyles } from './staff-styles.js';

/** Staff mode: member satisfaction for a month, per service kind — charts and the same numbers as a table. */
export class KioskStaffSatisfaction extends MonthlyView<SatisfactionMonth> {
  static override styles = [
    ...staffViewStyles,
    communityTableStyles,
    css`
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
        gap: var(--k-gap);
      }
    `,
  ];

  protected load(month: string, signal: AbortSignal): Promise<SatisfactionMonth> {
    return communityApi.satisfaction(month, signal);
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h2>${t('mode.satisfaction')}</h2>
      <p>${t('community.sat.anonymous')}</p>
      ${this.renderMonthly()}
    `;
  }

  protected renderReport(r: SatisfactionMonth) {
    const t = this.i18n.t.bind(this.i18n);
    const answered = r.kinds.filter((k) => k.answers > 0);
    if (answered.length === 0) return html`<p>${t('community.sat.none')}</p>`;
    return html`
      <div class="charts">${answered.map((k) => html`<kiosk-satisfaction-chart .data=${k}></kiosk-satisfaction-chart>`)}</div>
      <table>
        <caption>${t('community.sat.tableCaption', { month: r.month })}</caption>
        <thead><tr>
          <th scope="col">${t('community.sat.colKind')}</th>
          ${[1, 2, 3, 4, 5].map((s) => html`<th scope="col" class="n">${s}</th>`)}
          <th scope="col" class="n">${t('community.sat.answers')}</th>
          <th scope="col" class="n">${t('community.sat.average')}</th>
          <th scope="col" class="n">${t('community.sat.asked')}</th>
        </tr></thead>
        <tbody>${r.kinds.map((k) => html`<tr>
          <th scope="row">${t(aboutWord(k.about))}</th>
          ${k.distribution.map((n) => html`<td class="n">${n}</td>`)}
          <td class="n">${k.answers}</td>
          <td class="n">${k.average === null ? t('community.sat.noAverage') : k.average.toFixed(1)}</td>
          <td class="n">${k.asked}</td>
        </tr>`)}</tbody>
      </table>
    `;
  }
}

customElements.define('kiosk-staff-satisfaction', KioskStaffSatisfaction);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-satisfaction': KioskStaffSatisfaction;
  }
}
