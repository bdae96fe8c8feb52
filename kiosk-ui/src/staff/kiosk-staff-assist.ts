import { Task, TaskStatus } from '@lit/task';
import { css, html, nothing } from 'lit';
import { api, ApiFailure, type Direction, type MemberMatch } from '../api/client.js';
import { fireEvent } from '../fire-event.js';
import { translate, type MessageKey } from '../i18n/catalogue.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { screenStyles } from '../styles/theme.js';
import { staffStyles } from './staff-styles.js';

export const ASSIST_REASONS = ['forgot_card', 'finger_failed', 'family', 'other'] as const;
type AssistReason = (typeof ASSIST_REASONS)[number];

/** Staff-assisted check-in/out: find the member, give the reason, record it. */
export class KioskStaffAssist extends KioskScreen {
  static override properties = {
    query: { state: true },
    selected: { state: true },
    reason: { state: true },
    otherText: { state: true },
    problem: { state: true },
  };
  declare query: string;
  declare selected: MemberMatch | null;
  declare reason: AssistReason | null;
  declare otherText: string;
  declare problem: string;

  private readonly search = new Task(this, {
    task: async ([q], { signal }) => {
      // a short pause so each keystroke does not fire a request
      await new Promise((r) => setTimeout(r, 200));
      signal.throwIfAborted();
      return (await api.members(q, signal)).members;
    },
    args: () => [this.query] as const,
  });

  private readonly save = new Task(this, {
    autoRun: false,
    task: async ([member, direction, reason]: readonly [MemberMatch, Direction, string]) => {
      await api.assist(member.id, direction, reason);
      const key: MessageKey = direction === 'in' ? 'assist.doneIn' : 'assist.doneOut';
      fireEvent(this, 'kiosk-staff-done', { message: this.i18n.t(key, { name: member.name }) });
    },
  });

  static override styles = [
    screenStyles,
    staffStyles,
    css`
      :host {
        display: grid;
        gap: var(--k-gap);
      }
      label.search {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: center;
      }
      label.search input {
        flex: 1 1 16em;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        gap: 10px;
      }
      ul button {
        width: 100%;
        justify-content: space-between;
      }
      ul button[aria-pressed='true'] {
        background: var(--k-primary-bg);
        color: var(--k-primary-fg);
      }
      .reasons {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
      }
      .reasons + label {
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
    this.query = '';
    this.selected = null;
    this.reason = null;
    this.otherText = '';
    this.problem = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <label class="search">
        <span>${t('assist.search')}</span>
        <input type="search" data-primary autocomplete="off" .value=${this.query} @input=${this.onQuery} />
      </label>
      <fieldset>
        <legend>${t('assist.pick')}</legend>
        ${this.search.render({
          pending: () => (this.search.value ? this.renderMembers(this.search.value) : html`<p role="status">${t('assist.searching')}</p>`),
          complete: (members) => this.renderMembers(members),
          error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
        })}
      </fieldset>
      ${this.selected ? this.renderReason(this.selected) : nothing}
    `;
  }

  private renderMembers(members: MemberMatch[]) {
    const t = this.i18n.t.bind(this.i18n);
    if (members.length === 0) return html`<p role="status">${t('assist.noMatch')}</p>`;
    return html`<ul>
      ${members.map(
        (m) => html`<li>
          <button aria-pressed=${this.selected?.id === m.id ? 'true' : 'false'} @click=${() => this.pick(m)}>
            <span>${m.name}</span><span>${t(m.present ? 'present.yes' : 'present.no')}</span>
          </button>
        </li>`,
      )}
    </ul>`;
  }

  private renderReason(member: MemberMatch) {
    const t = this.i18n.t.bind(this.i18n);
    const busy = this.save.status === TaskStatus.PENDING;
    const direction: Direction = member.present ? 'out' : 'in';
    return html`
      <p class="ok" role="status">${t('assist.selected', { name: member.name })}</p>
      <fieldset>
        <legend>${t('assist.reason')}</legend>
        <div class="reasons">
          ${ASSIST_REASONS.map(
            (r) => html`<label class="choice">
              <input type="radio" name="reason" .checked=${this.reason === r} @change=${() => (this.reason = r)} />
              <span>${t(`assist.reason.${r}`)}</span>
            </label>`,
          )}
        </div>
        ${this.reason === 'other'
          ? html`<label class="search"
              ><span>${t('assist.otherText')}</span
              ><input .value=${this.otherText} @input=${(e: InputEvent) => (this.otherText = (e.target as HTMLInputElement).value)}
            /></label>`
          : nothing}
      </fieldset>
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

  private onQuery(e: InputEvent): void {
    this.query = (e.target as HTMLInputElement).value;
  }

  private pick(member: MemberMatch): void {
    this.selected = member;
    this.problem = '';
  }

  private submit(member: MemberMatch, direction: Direction): void {
    const t = this.i18n.t.bind(this.i18n);
    // The record keeps the reason in Chinese whatever the screen language, so reports read the same.
    const reason =
      this.reason === 'other'
        ? this.otherText.trim()
        : this.reason
          ? translate('zh-CN', `assist.reason.${this.reason}`)
          : '';
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
