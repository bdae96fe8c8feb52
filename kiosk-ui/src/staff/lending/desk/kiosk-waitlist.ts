import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { ApiFailure, type MemberMatch } from '../../../api/client.js';
import { lendingDeskApi, type CatalogueEntry, type WaitlistEntry } from '../../../api/lending-desk.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { dayText } from '../../alert-words.js';
import '../../kiosk-confirm-dialog.js';
import '../../kiosk-member-picker.js';
import { staffViewStyles } from '../../staff-styles.js';

/** An entry's waiting list, first come first served: positions, add a member, take one off with a reason. */
export class KioskWaitlist extends KioskScreen {
  static override properties = {
    entry: { attribute: false },
    removing: { state: true },
    reason: { state: true },
    notice: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare entry: CatalogueEntry;
  declare removing: WaitlistEntry | null;
  declare reason: string;
  declare notice: string;
  declare problem: string;
  declare busy: boolean;

  private readonly list = new Task(this, {
    task: async ([id], { signal }) => (await lendingDeskApi.waitlist(id, signal)).waiting,
    args: () => [this.entry.id] as const,
  });

  static override styles = [...staffViewStyles];

  constructor() {
    super();
    this.removing = null;
    this.reason = '';
    this.notice = '';
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<fieldset>
      <legend>${t('lendingDesk.waitlist.heading', { entry: this.entry.name })}</legend>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      ${this.list.render({
        pending: () => html`<p role="status">${t('app.loading')}</p>`,
        complete: (entries) => (entries.length === 0 ? html`<p>${t('lendingDesk.waitlist.none')}</p>` : html`<ol class="rows" data-waitlist>
          ${entries.map((w) => html`<li>
            <span>${t('lendingDesk.waitlist.position', { position: w.position })} · ${w.memberName} · ${t('lendingDesk.waitlist.since', { date: dayText(this.i18n, w.since.slice(0, 10)) })}${w.note ? ` · ${w.note}` : ''}</span>
            <button aria-label=${t('lendingDesk.waitlist.removeOf', { name: w.memberName })} @click=${() => this.askRemove(w)}>${t('lendingDesk.waitlist.remove')}</button>
          </li>`)}</ol>`),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
      <p>${t('lendingDesk.waitlist.add')}</p>
      <kiosk-member-picker @kiosk-member-picked=${(e: CustomEvent<{ member: MemberMatch }>) => void this.add(e.detail.member)}></kiosk-member-picker>
      ${this.problem && !this.removing ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <kiosk-confirm-dialog ?open=${this.removing !== null} ?busy=${this.busy}
        .heading=${t('lendingDesk.waitlist.removeHeading')} .confirmLabel=${t('lendingDesk.waitlist.remove')}
        @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => void this.answer(e.detail.confirmed)}>
        ${this.removing ? html`<p>${t('lendingDesk.waitlist.removeBody', { name: this.removing.memberName, entry: this.entry.name })}</p>
          <label class="field"><span>${t('lendingDesk.reason')}</span>
            <textarea name="waitlist-reason" .value=${this.reason} @input=${(e: InputEvent) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea></label>
          ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}` : nothing}
      </kiosk-confirm-dialog>
    </fieldset>`;
  }

  private async add(member: MemberMatch): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    this.problem = '';
    try {
      const w = await lendingDeskApi.joinWaitlist(this.entry.id, member.id);
      this.notice = t('lendingDesk.waitlist.added', { name: member.name, position: w.position });
      void this.list.run();
    } catch (err) {
      this.problem = t(err instanceof ApiFailure && err.status === 409 ? 'lendingDesk.waitlist.already' : 'lendingDesk.error.failed', { name: member.name });
    }
  }

  private askRemove(w: WaitlistEntry): void {
    this.removing = w;
    this.reason = '';
    this.problem = '';
  }

  private async answer(confirmed: boolean): Promise<void> {
    const w = this.removing;
    const t = this.i18n.t.bind(this.i18n);
    if (!w) return;
    if (!confirmed) {
      this.removing = null;
      this.problem = '';
      return;
    }
    const reason = this.reason.trim();
    if (!reason) return void (this.problem = t('lendingDesk.reasonNeeded'));
    this.busy = true;
    try {
      await lendingDeskApi.leaveWaitlist(w.id, reason);
      this.removing = null;
      this.problem = '';
      this.notice = t('lendingDesk.waitlist.removed', { name: w.memberName });
      void this.list.run();
    } catch {
      this.problem = t('lendingDesk.error.failed');
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-waitlist', KioskWaitlist);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-waitlist': KioskWaitlist;
  }
}
