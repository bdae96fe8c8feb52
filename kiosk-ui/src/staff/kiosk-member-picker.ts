import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { api, type MemberMatch } from '../api/client.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { staffViewStyles } from './staff-styles.js';

/** Member search for staff screens: type part of a name, choose from the list (`kiosk-member-picked`). */
export class KioskMemberPicker extends KioskScreen {
  static override properties = {
    /** the member shown as chosen (aria-pressed); null where choosing a member simply goes on */
    selectedId: { attribute: false },
    /** words after the name on each member's button, e.g. present / not present */
    describe: { attribute: false },
    query: { state: true },
  };
  declare selectedId: string | null;
  declare describe: ((member: MemberMatch) => string) | null;
  declare query: string;

  private readonly search = new Task(this, {
    task: async ([q], { signal }) => {
      // a short pause so each keystroke does not fire a request
      await new Promise((r) => setTimeout(r, 200));
      signal.throwIfAborted();
      return (await api.members(q, signal)).members;
    },
    args: () => [this.query] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
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
    `,
  ];

  constructor() {
    super();
    this.selectedId = null;
    this.describe = null;
    this.query = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <label class="search">
        <span>${t('member.search')}</span>
        <input type="search" data-primary autocomplete="off" .value=${this.query} @input=${this.onQuery} />
      </label>
      <fieldset>
        <legend>${t('member.pick')}</legend>
        ${this.search.render({
          pending: () => (this.search.value ? this.renderMembers(this.search.value) : html`<p role="status">${t('member.searching')}</p>`),
          complete: (members) => this.renderMembers(members),
          error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
        })}
      </fieldset>
    `;
  }

  private renderMembers(members: MemberMatch[]) {
    if (members.length === 0) return html`<p role="status">${this.i18n.t('member.noMatch')}</p>`;
    return html`<ul>
      ${members.map(
        (m) => html`<li>
          <button
            aria-pressed=${this.selectedId === null ? nothing : String(this.selectedId === m.id)}
            @click=${() => fireEvent(this, 'kiosk-member-picked', { member: m })}>
            <span>${m.name}</span>${this.describe ? html`<span>${this.describe(m)}</span>` : nothing}
          </button>
        </li>`,
      )}
    </ul>`;
  }

  private onQuery(e: InputEvent): void {
    this.query = (e.target as HTMLInputElement).value;
  }
}

customElements.define('kiosk-member-picker', KioskMemberPicker);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-member-picker': KioskMemberPicker;
  }
}
