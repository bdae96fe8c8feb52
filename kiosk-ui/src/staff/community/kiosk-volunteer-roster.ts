import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { RosterVolunteer, VolunteerInput } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../api/client.js';
import { communityApi } from '../../api/community.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import '../kiosk-confirm-dialog.js';
import { staffViewStyles } from '../staff-styles.js';
import { communityTableStyles, loadingStates } from './month-field.js';

/** The organisation select's values besides a partner's id. */
const INDIVIDUAL = 'individual';
const OTHER = 'other';

/**
 * Staff: the volunteer roster. The kiosk has no keyboard, so a new volunteer is registered here
 * (name, organisation, Party member, phone if they give one) and then chooses their name at the
 * kiosk. Retiring (asks first) takes them off the kiosk's lists; their visits stay.
 */
export class KioskVolunteerRoster extends KioskScreen {
  static override properties = { retiring: { state: true }, busy: { state: true }, notice: { state: true }, problem: { state: true } };
  declare retiring: RosterVolunteer | null;
  declare busy: boolean;
  declare notice: string;
  declare problem: string;

  static override styles = [...staffViewStyles, communityTableStyles];

  private readonly data = new Task(this, {
    task: async ([], { signal }) => {
      const [roster, partners] = await Promise.all([communityApi.roster(signal), communityApi.partners(signal)]);
      return { volunteers: roster.volunteers, partners: partners.partners.filter((p) => p.retiredAt === null) };
    },
    args: () => [] as const,
  });

  constructor() {
    super();
    this.retiring = null;
    this.busy = false;
    this.notice = '';
    this.problem = '';
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
          <input type="checkbox" name="partyMember" /></label>
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
      <kiosk-confirm-dialog
        .open=${this.retiring !== null}
        .busy=${this.busy}
        .heading=${this.retiring ? t('community.staff.retire') + ' · ' + this.retiring.name : ''}
        .confirmLabel=${t('community.staff.retire')}
        @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => {
          e.stopPropagation();
          void this.retire(e.detail.confirmed);
        }}
      ><p>${this.retiring ? t('community.staff.retireVolunteerConfirm', { name: this.retiring.name }) : ''}</p></kiosk-confirm-dialog>
    `;
  }

  private renderVolunteer(v: RosterVolunteer) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<li>
      <span><strong>${v.name}</strong> · ${v.organisation}${v.partyMember ? ` · ${t('community.staff.partyMember')}` : ''}${v.phone ? ` · ${v.phone}` : ''}
        · ${v.lastVisitAt ? t('community.staff.lastVisit', { date: v.lastVisitAt.slice(0, 10) }) : t('community.staff.neverCame')}
        ${v.retiredAt ? html` · <span class="warn">${t('community.staff.retiredOn', { date: v.retiredAt.slice(0, 10) })}</span>` : nothing}</span>
      ${v.retiredAt ? nothing : html`<span class="actions"><button aria-label=${`${t('community.staff.retire')} ${v.name}`}
        @click=${() => (this.retiring = v)}>${t('community.staff.retire')}</button></span>`}
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
      partyMember: data.get('partyMember') !== null,
      phone: text('phone') || null,
    };
  }

  private async register(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const input = this.readForm(new FormData(form));
    if (this.busy) return;
    if (!input) {
      this.notice = '';
      this.problem = this.i18n.t('community.staff.otherOrgMissing');
      return;
    }
    this.busy = true;
    this.problem = '';
    try {
      const added = await communityApi.registerVolunteer(input);
      form.reset();
      this.notice = this.i18n.t('community.staff.registered', { name: added.name });
      await this.data.run();
    } catch (err) {
      this.notice = '';
      const code = err instanceof ApiFailure ? err.code : '';
      this.problem = this.i18n.t(code === 'volunteer_exists' ? 'community.staff.volunteerTaken' : code === 'invalid_body' ? 'community.staff.volunteerInvalid' : 'community.staff.failed');
    } finally {
      this.busy = false;
    }
  }

  private async retire(confirmed: boolean): Promise<void> {
    const volunteer = this.retiring;
    if (!confirmed || !volunteer) {
      this.retiring = null;
      return;
    }
    this.busy = true;
    try {
      await communityApi.retireVolunteer(volunteer.id);
      this.problem = '';
      await this.data.run();
    } catch {
      this.problem = this.i18n.t('community.staff.failed');
    } finally {
      this.busy = false;
      this.retiring = null;
    }
  }
}

customElements.define('kiosk-volunteer-roster', KioskVolunteerRoster);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-volunteer-roster': KioskVolunteerRoster;
  }
}
