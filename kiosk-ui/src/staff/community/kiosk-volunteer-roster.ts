import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { RosterVolunteer, VolunteerInput } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../api/client.js';
import { communityApi } from '../../api/community.js';
import { staffViewStyles } from '../staff-styles.js';
import { communityTableStyles, loadingStates } from './month-field.js';
import { RetiringList } from './retiring-list.js';

/** The organisation select's values besides a partner's id. */
const INDIVIDUAL = 'individual';
const OTHER = 'other';

/**
 * Staff: the volunteer roster. The kiosk has no keyboard, so a new volunteer is registered here
 * (name, organisation, Party member, phone if they give one) and then chooses their name at the
 * kiosk. Retiring (asks first) takes them off the kiosk's lists; their visits stay.
 */
export class KioskVolunteerRoster extends RetiringList<RosterVolunteer> {
  static override styles = [...staffViewStyles, communityTableStyles];

  private readonly data = new Task(this, {
    task: async ([], { signal }) => {
      const [roster, partners] = await Promise.all([communityApi.roster(signal), communityApi.partners(signal)]);
      return { volunteers: roster.volunteers, partners: partners.partners.filter((p) => p.retiredAt === null) };
    },
    args: () => [] as const,
  });

  protected retireOnServer(id: string) {
    return communityApi.retireVolunteer(id);
  }

  protected reload() {
    return this.data.run();
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3>${t('community.staff.rosterHeading')}</h3>
      <form class="actions" @submit=${this.register}>
        <label class="field"><span>${t('community.staff.colName')}</span>
          <input name="name" required maxlength="40" autocomplete="off" /></label>
        <label class="field"><span>${t('community.staff.colOrganisation')}</span>
          <select name="org">
            ${(this.data.value?.partners ?? []).map((p) => html`<option value=${p.id}>${p.name}</option>`)}
            <option value=${INDIVIDUAL}>${t('community.vol.onOwn')}</option>
            <option value=${OTHER}>${t('community.vol.otherOrg')}</option>
          </select></label>
        <label class="field"><span>${t('community.staff.otherOrgName')}</span>
          <input name="organisation" maxlength="60" autocomplete="off" /></label>
        <label class="field"><span>${t('community.staff.colParty')}</span>
          <select name="partyMember">
            <option value="no">${t('community.staff.no')}</option>
            <option value="yes">${t('community.staff.yes')}</option>
          </select></label>
        <label class="field"><span>${t('community.staff.phone')}</span>
          <input name="phone" type="tel" maxlength="20" autocomplete="off" /></label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('community.staff.registerVolunteer')}</button>
      </form>
      <div role="status">${this.notice ? html`<p class="ok">${this.notice}</p>` : nothing}</div>
      <div role="alert">${this.problem ? html`<p class="error">${this.problem}</p>` : nothing}</div>
      ${this.data.render({
        ...loadingStates(t),
        complete: ({ volunteers }) => html`<ul class="rows">${volunteers.map((v) => this.renderVolunteer(v))}</ul>`,
      })}
      ${this.retireDialog('community.staff.retireVolunteerConfirm')}
    `;
  }

  private renderVolunteer(v: RosterVolunteer) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<li>
      <span><strong>${v.name}</strong> · ${v.organisation}${v.partyMember ? ` · ${t('community.staff.partyMember')}` : ''}${v.phone ? ` · ${v.phone}` : ''}
        · ${v.lastVisitAt ? t('community.staff.lastVisit', { date: v.lastVisitAt.slice(0, 10) }) : t('community.staff.neverCame')}
        ${v.retiredAt ? html` · <span class="warn">${t('community.staff.retiredOn', { date: v.retiredAt.slice(0, 10) })}</span>` : nothing}</span>
      ${v.retiredAt ? nothing : html`<span class="actions">${this.retireButton(v)}</span>`}
    </li>`;
  }

  /** The form's answers as a registration, or null when something required is missing. */
  private readForm(data: FormData): VolunteerInput | null {
    const text = (key: string) => String(data.get(key) ?? '').trim();
    const org = text('org');
    const organisation = text('organisation');
    if (!text('name') || (org === OTHER && !organisation)) return null;
    return {
      name: text('name'),
      partnerId: org === INDIVIDUAL || org === OTHER ? null : org,
      organisation: org === OTHER ? organisation : null,
      partyMember: text('partyMember') === 'yes',
      phone: text('phone') || null,
    };
  }

  private async register(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const input = this.readForm(new FormData(form));
    if (!input) {
      this.notice = '';
      this.problem = this.i18n.t('community.staff.otherOrgMissing');
      return;
    }
    await this.submit(
      () => communityApi.registerVolunteer(input),
      (added) => {
        form.reset();
        return this.i18n.t('community.staff.registered', { name: added.name });
      },
      (err) => {
        const code = err instanceof ApiFailure ? err.code : '';
        return code === 'volunteer_exists' ? 'community.staff.volunteerTaken' : code === 'invalid_body' ? 'community.staff.volunteerInvalid' : 'community.staff.failed';
      },
    );
  }
}

customElements.define('kiosk-volunteer-roster', KioskVolunteerRoster);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-volunteer-roster': KioskVolunteerRoster;
  }
}
