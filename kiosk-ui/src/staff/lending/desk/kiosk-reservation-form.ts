import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { ApiFailure, type MemberMatch } from '../../../api/client.js';
import { lendingDeskApi, type CatalogueEntry } from '../../../api/lending-desk.js';
import { centreTimeZone } from '../../../controllers/i18n-controller.js';
import { fireEvent } from '../../../fire-event.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { dayText } from '../../alert-words.js';
import '../../kiosk-member-picker.js';
import { addDays, isLocalDate } from '../../schedule/week-dates.js';
import { staffViewStyles } from '../../staff-styles.js';
import { todayIn } from '../../zoned-time.js';
import './desk-events.js';

const DAY_MS = 86_400_000;

/**
 * A reservation for a member: one item of the entry, or any; from and to. A clash is answered in words
 * with the next free day and a button that moves the dates there (the same length).
 */
export class KioskReservationForm extends KioskScreen {
  static override properties = {
    entry: { attribute: false },
    member: { state: true },
    itemId: { state: true },
    from: { state: true },
    to: { state: true },
    nextFree: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare entry: CatalogueEntry;
  declare member: MemberMatch | null;
  declare itemId: string;
  declare from: string;
  declare to: string;
  declare nextFree: string;
  declare problem: string;
  declare busy: boolean;

  private readonly items = new Task(this, {
    task: async ([catalogueId], { signal }) => (await lendingDeskApi.items({ catalogueId }, signal)).items.filter((i) => i.status !== 'retired'),
    args: () => [this.entry.id] as const,
  });

  static override styles = [...staffViewStyles];

  constructor() {
    super();
    const today = todayIn(centreTimeZone.value);
    this.member = null;
    this.itemId = '';
    this.from = addDays(today, 1);
    this.to = addDays(today, 14);
    this.nextFree = '';
    this.problem = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<fieldset>
      <legend>${t('lendingDesk.reserve.heading', { entry: this.entry.name })}</legend>
      <kiosk-member-picker .selectedId=${this.member?.id ?? ''}
        @kiosk-member-picked=${(e: CustomEvent<{ member: MemberMatch }>) => (this.member = e.detail.member)}></kiosk-member-picker>
      <p role="status">${this.member ? t('lendingDesk.reserve.member', { name: this.member.name }) : t('lendingDesk.reserve.pickMember')}</p>
      <label class="field"><span>${t('lendingDesk.reserve.item')}</span>
        <select name="reserve-item" @change=${(e: Event) => (this.itemId = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${this.itemId === ''}>${t('lendingDesk.reserve.anyItem')}</option>
          ${(this.items.value ?? []).map((i) => html`<option value=${i.id} ?selected=${this.itemId === i.id}>${i.tagCode} · ${t(`lending.status.${i.status}`)}</option>`)}
        </select></label>
      <div class="options">
        <label class="field"><span>${t('lendingDesk.reserve.from')}</span>
          <input type="date" name="reserve-from" .value=${this.from} @input=${(e: InputEvent) => (this.from = (e.target as HTMLInputElement).value)} /></label>
        <label class="field"><span>${t('lendingDesk.reserve.to')}</span>
          <input type="date" name="reserve-to" .value=${this.to} @input=${(e: InputEvent) => (this.to = (e.target as HTMLInputElement).value)} /></label>
      </div>
      ${this.problem ? html`<p class="error" role="alert" data-conflict>${this.problem}</p>` : nothing}
      <div class="actions">
        ${this.nextFree ? html`<button @click=${() => this.takeNextFree()}>${t('lendingDesk.reserve.takeNext', { date: dayText(this.i18n, this.nextFree) })}</button>` : nothing}
        <button class="primary" ?disabled=${this.busy} @click=${() => void this.save()}>${t('lendingDesk.reserve.save')}</button>
      </div>
    </fieldset>`;
  }

  private takeNextFree(): void {
    const length = Math.round((Date.parse(`${this.to}T00:00:00Z`) - Date.parse(`${this.from}T00:00:00Z`)) / DAY_MS);
    this.from = this.nextFree;
    this.to = addDays(this.nextFree, Math.max(length, 0));
    this.nextFree = '';
    this.problem = '';
  }

  private async save(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    this.nextFree = '';
    if (!this.member) return void (this.problem = t('lendingDesk.reserve.pickMember'));
    if (!isLocalDate(this.from) || !isLocalDate(this.to) || this.to < this.from) return void (this.problem = t('lendingDesk.reserve.badDates'));
    this.busy = true;
    this.problem = '';
    try {
      const r = await lendingDeskApi.reserve({
        memberId: this.member.id, catalogueId: this.entry.id, from: this.from, to: this.to, ...(this.itemId ? { itemId: this.itemId } : {}),
      });
      fireEvent(this, 'lending-changed', {
        notice: t('lendingDesk.reserve.done', { name: r.memberName, entry: r.catalogueName, from: dayText(this.i18n, r.from), to: dayText(this.i18n, r.to) }),
      });
    } catch (err) {
      const next = err instanceof ApiFailure && err.code === 'reservation_conflict' ? err.body['nextFreeOn'] : null;
      if (typeof next === 'string') {
        this.nextFree = next;
        this.problem = t('lendingDesk.reserve.conflict', { date: dayText(this.i18n, next) });
      } else {
        const code = err instanceof ApiFailure ? err.code : '';
        this.problem = t(code === 'reservation_conflict' ? 'lendingDesk.reserve.conflictNoDate' : code === 'invalid_range' ? 'lendingDesk.reserve.badDates' : 'lendingDesk.error.failed');
      }
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-reservation-form', KioskReservationForm);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-reservation-form': KioskReservationForm;
  }
}
