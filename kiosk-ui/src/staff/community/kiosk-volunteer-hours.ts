import { html, nothing } from 'lit';
import type { VolunteerHours, VolunteerVisit } from '../../../../edge-server/src/api-types.js';
import { communityApi } from '../../api/community.js';
import { ACTIVITY_KINDS } from '../../components/activity-kinds.js';
import type { I18nController } from '../../controllers/i18n-controller.js';
import { staffViewStyles } from '../staff-styles.js';
import { communityTableStyles, hoursText } from './month-field.js';
import { MonthlyView } from './monthly-view.js';

/** A visit's status words: signed out, still in, or closed by the kiosk at closing time (flagged). */
export function visitStatus(i18n: I18nController, v: VolunteerVisit): string {
  if (v.closedBy === null) return i18n.t('community.staff.stillIn');
  return i18n.t(v.closedBy === 'closing_time' ? 'community.staff.autoClosed' : 'community.staff.signedOut');
}

/** The table of visits (a month's, or one partner's). */
export function visitsTable(i18n: I18nController, caption: string, visits: VolunteerVisit[]) {
  const t = i18n.t.bind(i18n);
  return html`<table>
    <caption>${caption}</caption>
    <thead><tr>
      <th scope="col">${t('community.staff.colDate')}</th><th scope="col">${t('community.staff.colName')}</th>
      <th scope="col">${t('community.staff.colOrganisation')}</th><th scope="col">${t('community.staff.colActivity')}</th>
      <th scope="col" class="n">${t('community.staff.colHours')}</th><th scope="col">${t('community.staff.colStatus')}</th>
    </tr></thead>
    <tbody>${visits.map((v) => html`<tr>
      <td>${v.date}</td><td>${v.name}</td><td>${v.organisation}</td><td>${t(ACTIVITY_KINDS[v.activity].word)}</td>
      <td class="n">${v.minutes === null ? '' : hoursText(v.minutes)}</td>
      <td class=${v.closedBy === 'closing_time' ? 'warn' : ''}>${visitStatus(i18n, v)}</td>
    </tr>`)}</tbody>
  </table>`;
}

/** Staff: a month's volunteer hours per volunteer and per organisation, and the visits behind them. */
export class KioskVolunteerHours extends MonthlyView<VolunteerHours> {
  static override styles = [...staffViewStyles, communityTableStyles];

  protected load(month: string, signal: AbortSignal): Promise<VolunteerHours> {
    return communityApi.hours(month, signal);
  }

  override render() {
    return html`<h3>${this.i18n.t('community.staff.hoursHeading')}</h3>${this.renderMonthly()}`;
  }

  protected renderReport(h: VolunteerHours) {
    const t = this.i18n.t.bind(this.i18n);
    if (h.visits.length === 0) return html`<p>${t('community.staff.noVisits')}</p>`;
    return html`
      <table>
        <caption>${t('community.staff.byOrganisation')}</caption>
        <thead><tr>
          <th scope="col">${t('community.staff.colOrganisation')}</th><th scope="col">${t('community.staff.colKind')}</th>
          <th scope="col" class="n">${t('community.staff.colVolunteers')}</th><th scope="col" class="n">${t('community.staff.colVisits')}</th>
          <th scope="col" class="n">${t('community.staff.colHours')}</th>
        </tr></thead>
        <tbody>${h.byOrganisation.map((o) => html`<tr>
          <th scope="row">${o.organisation}</th><td>${o.kind ? t(`community.kindOrg.${o.kind}`) : nothing}</td>
          <td class="n">${o.volunteers}</td><td class="n">${o.visits}</td><td class="n">${hoursText(o.minutes)}</td>
        </tr>`)}</tbody>
      </table>
      <table>
        <caption>${t('community.staff.byVolunteer')}</caption>
        <thead><tr>
          <th scope="col">${t('community.staff.colName')}</th><th scope="col">${t('community.staff.colOrganisation')}</th>
          <th scope="col">${t('community.staff.colParty')}</th><th scope="col" class="n">${t('community.staff.colVisits')}</th>
          <th scope="col" class="n">${t('community.staff.colHours')}</th>
        </tr></thead>
        <tbody>${h.byVolunteer.map((v) => html`<tr>
          <th scope="row">${v.name}</th><td>${v.organisation}</td>
          <td>${t(v.partyMember ? 'community.staff.yes' : 'community.staff.no')}</td>
          <td class="n">${v.visits}</td><td class="n">${hoursText(v.minutes)}</td>
        </tr>`)}</tbody>
      </table>
      ${visitsTable(this.i18n, t('community.staff.visitsHeading'), h.visits)}
    `;
  }
}

customElements.define('kiosk-volunteer-hours', KioskVolunteerHours);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-volunteer-hours': KioskVolunteerHours;
  }
}
