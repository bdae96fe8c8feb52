import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { MemberMatch } from '../api/client.js';
import { rehabApi } from '../api/employment.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import './kiosk-member-picker.js';
import './rehab/kiosk-rehab-member.js';
import { staffViewStyles } from './staff-styles.js';

/** Staff mode: per-member rehabilitation plans, outcome notes and progress. */
export class KioskStaffRehab extends KioskScreen {
  static override properties = { member: { state: true } };
  declare member: MemberMatch | null;

  /** Who has a plan, so the member list can say so. */
  private readonly plans = new Task(this, {
    task: async (_args, { signal }) => new Map((await rehabApi.plans(signal)).plans.map((p) => [p.memberId, p])),
    args: () => [] as const,
  });

  static override styles = [...staffViewStyles];

  constructor() {
    super();
    this.member = null;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const plans = this.plans.value;
    return html`
      <h2>${t('employment.rehab.heading')}</h2>
      <kiosk-member-picker
        .selectedId=${this.member?.id ?? ''}
        .describe=${(m: MemberMatch) => {
          const p = plans?.get(m.id);
          return p ? t('employment.rehab.hasPlan', { version: p.version }) : t('employment.rehab.noPlanShort');
        }}
        @kiosk-member-picked=${(e: CustomEvent<{ member: MemberMatch }>) => (this.member = e.detail.member)}
      ></kiosk-member-picker>
      ${this.member ? html`<kiosk-rehab-member .memberId=${this.member.id} .saved=${() => void this.plans.run()}></kiosk-rehab-member>` : nothing}
    `;
  }
}

customElements.define('kiosk-staff-rehab', KioskStaffRehab);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-rehab': KioskStaffRehab;
  }
}
