import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing } from 'lit';
import { api, ApiFailure, type Direction, type MemberMatch } from '../api/client.js';
import { fireEvent } from '../fire-event.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import './kiosk-member-picker.js';
import { reasonFields, reasonText, type ReasonFieldsOptions } from './reason-choice.js';
import { staffViewStyles } from './staff-styles.js';

export const ASSIST_REASONS = ['forgot_card', 'finger_failed', 'family', 'other'] as const;
type AssistReason = (typeof ASSIST_REASONS)[number];

const REASON_FIELDS: ReasonFieldsOptions<AssistReason> = {
  legend: 'assist.reason',
  name: 'reason',
  reasons: ASSIST_REASONS,
  label: (r) => `assist.reason.${r}`,
  otherLabel: 'assist.otherText',
};

/** Staff-assisted check-in/out: find the member, give the reason, record it. */
export class KioskStaffAssist extends KioskScreen {
  static override properties = {
    selected: { state: true },
    reason: { state: true },
    otherText: { state: true },
    problem: { state: true },
  };
  declare selected: MemberMatch | null;
  declare reason: AssistReason | null;
  declare otherText: string;
  declare problem: string;

  private readonly save = new Task(this, {
    autoRun: false,
    task: async ([member, direction, reason]: readonly [MemberMatch, Direction, string]) => {
      await api.assist(member.id, direction, reason);
      const key: MessageKey = direction === 'in' ? 'assist.doneIn' : 'assist.doneOut';
      fireEvent(this, 'kiosk-staff-done', { message: this.i18n.t(key, { name: member.name }) });
    },
  });

  static override styles = [
    ...staffViewStyles,
    css`
      .options + label {
        margin-top: 16px;
      }
      .actions {
        display: flex;
        gap: var(--k-gap);
        flex-wrap: wrap;
      }
    `,
  ];

  constructor() {
    super();
    this.selected = null;
    this.reason = null;
    this.otherText = '';
    this.problem = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <kiosk-member-picker
        .selectedId=${this.selected?.id ?? ''}
        .describe=${(m: MemberMatch) => t(m.present ? 'present.yes' : 'present.no')}
        @kiosk-member-picked=${(e: CustomEvent<{ member: MemberMatch }>) => this.pick(e.detail.member)}
      ></kiosk-member-picker>
      ${this.selected ? this.renderReason(this.selected) : nothing}
    `;
  }

  private renderReason(member: MemberMatch) {
    const t = this.i18n.t.bind(this.i18n);
    const busy = this.save.status === TaskStatus.PENDING;
    const direction: Direction = member.present ? 'out' : 'in';
    return html`
      <p class="ok" role="status">${t('assist.selected', { name: member.name })}</p>
      ${reasonFields(t, REASON_FIELDS, { reason: this.reason, otherText: this.otherText }, ({ reason, otherText }) => {
        this.reason = reason;
        this.otherText = otherText;
      })}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.save.render({
        error: (err) => html`<p class="error" role="alert">
          ${t('assist.failed', { message: err instanceof ApiFailure ? err.message : String(err) })}
        </p>`,
      })}
      <div class="actions">
        <button class="primary" ?disabled=${busy} @click=${() => this.submit(member, direction)}>
          ${t(direction === 'in' ? 'assist.checkIn' : 'assist.checkOut')}
        </button>
      </div>
    `;
  }

  private pick(member: MemberMatch): void {
    this.selected = member;
    this.problem = '';
  }

  private submit(member: MemberMatch, direction: Direction): void {
    const t = this.i18n.t.bind(this.i18n);
    const reason = reasonText({ reason: this.reason, otherText: this.otherText }, REASON_FIELDS.label);
    if (!reason) {
      this.problem = t('assist.needReason');
      return;
    }
    this.problem = '';
    void this.save.run([member, direction, reason]);
  }
}

customElements.define('kiosk-staff-assist', KioskStaffAssist);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-assist': KioskStaffAssist;
  }
}
