import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { ApiFailure } from '../../api/client.js';
import { lendingDeskApi, type CatalogueEntry, type Reservation } from '../../api/lending-desk.js';
import { DEVICE_KINDS } from '../../components/device-kinds.js';
import { pictogram } from '../../components/pictograms.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import { dayText } from '../alert-words.js';
import '../kiosk-confirm-dialog.js';
import { staffViewStyles } from '../staff-styles.js';
import type { DeskDetail } from './desk/desk-events.js';
import './desk/kiosk-reservation-form.js';
import './desk/kiosk-waitlist.js';

/** 预约: the active reservations; for one entry, reserve for a member, cancel with a reason, and the entry's waiting list. */
export class KioskLendingReservations extends KioskScreen {
  static override properties = {
    entryId: { state: true },
    cancelling: { state: true },
    reason: { state: true },
    notice: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare entryId: string;
  declare cancelling: Reservation | null;
  declare reason: string;
  declare notice: string;
  declare problem: string;
  declare busy: boolean;

  private readonly catalogue = new Task(this, {
    task: (_a, { signal }) => lendingDeskApi.activeEntries(signal),
    args: () => [] as const,
  });

  private readonly reservations = new Task(this, {
    task: async ([catalogueId], { signal }) => (await lendingDeskApi.reservations({ state: 'active', catalogueId }, signal)).reservations,
    args: () => [this.entryId] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      ul.entries {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
      }
      button[aria-pressed='true'] {
        background: var(--k-primary-bg);
        color: var(--k-primary-fg);
      }
    `,
  ];

  constructor() {
    super();
    this.entryId = '';
    this.cancelling = null;
    this.reason = '';
    this.notice = '';
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const entry = this.catalogue.value?.find((e) => e.id === this.entryId);
    return html`
      <h3 tabindex="-1">${t('lendingDesk.reservations.heading')}</h3>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      <fieldset>
        <legend>${t('lendingDesk.reservations.entry')}</legend>
        ${this.catalogue.render({
          pending: () => html`<p role="status">${t('app.loading')}</p>`,
          complete: (entries) => this.renderEntries(entries),
          error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
        })}
      </fieldset>
      ${this.reservations.render({
        pending: () => html`<p role="status">${t('app.loading')}</p>`,
        complete: (list) => (list.length === 0 ? html`<p>${t('lendingDesk.reservations.none')}</p>` : html`<ul class="rows" data-reservations>
          ${list.map((r) => html`<li>
            <span>${r.memberName} · ${r.catalogueName}${r.tagCode ? ` · ${r.tagCode}` : ` · ${t('lendingDesk.reserve.anyItem')}`} ·
              ${t('lendingDesk.reservation.span', { from: dayText(this.i18n, r.from), to: dayText(this.i18n, r.to) })}</span>
            <button aria-label=${t('lendingDesk.reservations.cancelOf', { name: r.memberName, entry: r.catalogueName })}
              @click=${() => this.askCancel(r)}>${t('lendingDesk.reservations.cancel')}</button>
          </li>`)}</ul>`),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
      ${entry ? html`<kiosk-reservation-form .entry=${entry}
          @lending-changed=${(e: DeskDetail<'lending-changed'>) => this.changed(e.detail.notice)}></kiosk-reservation-form>
        <kiosk-waitlist .entry=${entry}></kiosk-waitlist>` : html`<p>${t('lendingDesk.reservations.pickEntry')}</p>`}
      ${this.renderCancelDialog()}
    `;
  }

  private renderEntries(entries: CatalogueEntry[]) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<ul class="entries">
      ${entries.map((e) => html`<li><button aria-pressed=${String(this.entryId === e.id)} @click=${() => (this.entryId = this.entryId === e.id ? '' : e.id)}>
        ${pictogram(DEVICE_KINDS[e.category].pictogram)}<span>${e.name}${e.waiting ? ` · ${t('lendingDesk.reservations.waiting', { count: e.waiting })}` : ''}</span>
      </button></li>`)}
    </ul>`;
  }

  private renderCancelDialog() {
    const t = this.i18n.t.bind(this.i18n);
    const r = this.cancelling;
    return html`<kiosk-confirm-dialog ?open=${r !== null} ?busy=${this.busy}
      .heading=${t('lendingDesk.reservations.cancelHeading')} .confirmLabel=${t('lendingDesk.reservations.cancelConfirm')}
      @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => void this.answerCancel(e.detail.confirmed)}>
      ${r ? html`<p>${t('lendingDesk.reservations.cancelBody', { name: r.memberName, entry: r.catalogueName })}</p>
        <label class="field"><span>${t('lendingDesk.reason')}</span>
          <textarea name="cancel-reason" .value=${this.reason} @input=${(e: InputEvent) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea></label>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}` : nothing}
    </kiosk-confirm-dialog>`;
  }

  private askCancel(r: Reservation): void {
    this.cancelling = r;
    this.reason = '';
    this.problem = '';
  }

  private async answerCancel(confirmed: boolean): Promise<void> {
    const r = this.cancelling;
    const t = this.i18n.t.bind(this.i18n);
    if (!r) return;
    if (!confirmed) {
      this.cancelling = null;
      return;
    }
    const reason = this.reason.trim();
    if (!reason) return void (this.problem = t('lendingDesk.reasonNeeded'));
    this.busy = true;
    try {
      await lendingDeskApi.cancelReservation(r.id, reason);
      this.cancelling = null;
      this.changed(t('lendingDesk.reservations.cancelled', { name: r.memberName, entry: r.catalogueName }));
    } catch (err) {
      this.problem = t(err instanceof ApiFailure && err.code === 'reservation_ended' ? 'lendingDesk.reservations.ended' : 'lendingDesk.error.failed');
    } finally {
      this.busy = false;
    }
  }

  private changed(notice: string): void {
    this.notice = notice;
    void this.reservations.run();
  }
}

customElements.define('kiosk-lending-reservations', KioskLendingReservations);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-lending-reservations': KioskLendingReservations;
  }
}
