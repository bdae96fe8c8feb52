import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { PartnerKind, PartnerOrg } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../api/client.js';
import { communityApi } from '../../api/community.js';
import { staffViewStyles } from '../staff-styles.js';
import { communityTableStyles, loadingStates } from './month-field.js';
import { visitsTable } from './kiosk-volunteer-hours.js';
import { RetiringList } from './retiring-list.js';

const PARTNER_KINDS: PartnerKind[] = ['party_pairing', 'school', 'company', 'social_org', 'other'];

/** Staff: partner organisations — add, retire (asks first), and each one's visits. */
export class KioskPartnerList extends RetiringList<PartnerOrg> {
  static override properties = { ...RetiringList.properties, shown: { state: true } };
  /** the partner whose visits are open */
  declare shown: string | null;

  static override styles = [...staffViewStyles, communityTableStyles];

  private readonly partners = new Task(this, {
    task: ([], { signal }) => communityApi.partners(signal),
    args: () => [] as const,
  });

  private readonly visits = new Task(this, {
    task: ([id], { signal }) => (id ? communityApi.partnerVisits(id, signal) : Promise.resolve(null)),
    args: () => [this.shown] as const,
  });

  constructor() {
    super();
    this.shown = null;
  }

  protected retireOnServer(id: string) {
    return communityApi.retirePartner(id);
  }

  protected reload() {
    return this.partners.run();
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3>${t('community.staff.partnersHeading')}</h3>
      <form class="actions" @submit=${this.add}>
        <label class="field"><span>${t('community.staff.partnerName')}</span>
          <input name="name" required maxlength="60" autocomplete="organization" /></label>
        <label class="field"><span>${t('community.staff.partnerKind')}</span>
          <select name="kind">${PARTNER_KINDS.map((k) => html`<option value=${k}>${t(`community.kindOrg.${k}`)}</option>`)}</select></label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('community.staff.addPartner')}</button>
      </form>
      <div role="status">${this.notice ? html`<p class="ok">${this.notice}</p>` : nothing}</div>
      <div role="alert">${this.problem ? html`<p class="error">${this.problem}</p>` : nothing}</div>
      ${this.partners.render({
        ...loadingStates(t),
        complete: ({ partners }) => html`<ul class="rows">${partners.map((p) => this.renderPartner(p))}</ul>`,
      })}
      ${this.renderVisits()}
      ${this.retireDialog('community.staff.retireConfirm')}
    `;
  }

  private renderPartner(p: PartnerOrg) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<li>
      <span><strong>${p.name}</strong> · ${t(`community.kindOrg.${p.kind}`)} · ${t('community.staff.visitCount', { count: p.visits })}
        ${p.retiredAt ? html` · <span class="warn">${t('community.staff.retiredOn', { date: p.retiredAt.slice(0, 10) })}</span>` : nothing}</span>
      <span class="actions">
        <button aria-expanded=${this.shown === p.id ? 'true' : 'false'} aria-label=${t('community.staff.partnerVisits', { name: p.name })}
          @click=${() => (this.shown = this.shown === p.id ? null : p.id)}>${t('community.staff.showVisits')}</button>
        ${p.retiredAt ? nothing : this.retireButton(p)}
      </span>
    </li>`;
  }

  private renderVisits() {
    if (!this.shown) return nothing;
    return this.visits.render({
      complete: (v) => (v ? visitsTable(this.i18n, this.i18n.t('community.staff.partnerVisits', { name: v.partner.name }), v.visits) : nothing),
      error: () => html`<p class="error" role="alert">${this.i18n.t('community.staff.loadFailed')}</p>`,
    });
  }

  private async add(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    if (!name) return;
    await this.submit(
      () => communityApi.addPartner({ name, kind: String(data.get('kind')) as PartnerKind }),
      (added) => {
        form.reset();
        return this.i18n.t('community.staff.added', { name: added.name });
      },
      (err) => (err instanceof ApiFailure && err.code === 'partner_exists' ? 'community.staff.nameTaken' : 'community.staff.failed'),
    );
  }
}

customElements.define('kiosk-partner-list', KioskPartnerList);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-partner-list': KioskPartnerList;
  }
}
