import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { lendingDeskApi, type CatalogueEntry, type Item } from '../../../api/lending-desk.js';
import { DEVICE_KINDS } from '../../../components/device-kinds.js';
import { pictogram } from '../../../components/pictograms.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import type { MessageKey } from '../../../i18n/catalogue.js';
import { staffViewStyles } from '../../staff-styles.js';
import { reservationFor } from './ready-words.js';

/**
 * The devices waiting for cleaning: for one, the entry's cleaning checklist (every step ticked) and then
 * 可借 or 送修. When the clean device is held for a reservation, says plainly for whom.
 */
export class KioskDeskCleaning extends KioskScreen {
  static override properties = {
    item: { state: true },
    steps: { state: true },
    note: { state: true },
    problem: { state: true },
    notice: { state: true },
    busy: { state: true },
  };
  declare item: Item | null;
  declare steps: Record<string, boolean>;
  declare note: string;
  declare problem: string;
  declare notice: string;
  declare busy: boolean;

  private readonly waiting = new Task(this, {
    task: async (_a, { signal }) => {
      const [items, catalogue] = await Promise.all([
        lendingDeskApi.items({ status: 'cleaning' }, signal),
        lendingDeskApi.catalogue(signal),
      ]);
      return { items: items.items, entries: catalogue.entries };
    },
    args: () => [] as const,
  });

  static override styles = [...staffViewStyles];

  constructor() {
    super();
    this.item = null;
    this.steps = {};
    this.note = '';
    this.problem = '';
    this.notice = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h3 tabindex="-1">${t('lendingDesk.cleaning.heading')}</h3>
      ${this.notice ? html`<p class="ok" role="status" data-notice>${this.notice}</p>` : nothing}
      ${this.waiting.render({
        pending: () => html`<p role="status">${t('app.loading')}</p>`,
        complete: ({ items, entries }) => (this.item ? this.renderSteps(this.item, entries) : this.renderList(items)),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
      })}
    `;
  }

  private renderList(items: Item[]) {
    const t = this.i18n.t.bind(this.i18n);
    if (items.length === 0) return html`<p>${t('lendingDesk.cleaning.none')}</p>`;
    return html`<ul class="rows">${items.map((i) => html`<li>
      <span>${pictogram(DEVICE_KINDS[i.category].pictogram)} ${i.catalogueName} · ${i.tagCode}</span>
      <button aria-label=${t('lendingDesk.cleaning.startOf', { item: i.catalogueName, tag: i.tagCode })} @click=${() => this.start(i)}>
        ${t('lendingDesk.cleaning.start')}</button>
    </li>`)}</ul>`;
  }

  private renderSteps(item: Item, entries: CatalogueEntry[]) {
    const t = this.i18n.t.bind(this.i18n);
    const keys = entries.find((e) => e.id === item.catalogueId)?.cleaningChecklist ?? [];
    return html`
      <p>${pictogram(DEVICE_KINDS[item.category].pictogram)} ${item.catalogueName} · ${item.tagCode}</p>
      <fieldset>
        <legend>${t('lendingDesk.cleaning.steps')}</legend>
        <div class="options">${keys.map((k) => html`<label class="choice">
          <input type="checkbox" name=${`clean-${k}`} .checked=${this.steps[k] === true}
            @change=${(e: Event) => (this.steps = { ...this.steps, [k]: (e.target as HTMLInputElement).checked })} />
          <span>${t(`lending.clean.${k}` as MessageKey)}</span></label>`)}</div>
      </fieldset>
      <label class="field"><span>${t('lendingDesk.cleaning.note')}</span>
        <textarea name="cleaning-note" .value=${this.note} @input=${(e: InputEvent) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea></label>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button class="primary" data-primary ?disabled=${this.busy} @click=${() => void this.finish(keys, 'available')}>${t('lendingDesk.cleaning.available')}</button>
        <button ?disabled=${this.busy} @click=${() => void this.finish(keys, 'maintenance')}>${t('lendingDesk.cleaning.maintenance')}</button>
        <button @click=${() => (this.item = null)}>${t('lendingDesk.back')}</button>
      </div>
    `;
  }

  private start(item: Item): void {
    this.item = item;
    this.steps = {};
    this.note = '';
    this.problem = '';
    this.notice = '';
  }

  private async finish(keys: string[], outcome: 'available' | 'maintenance'): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const item = this.item;
    if (!item) return;
    const open = keys.filter((k) => this.steps[k] !== true);
    if (open.length) return void (this.problem = t('lendingDesk.cleaning.incomplete', { steps: open.map((k) => t(`lending.clean.${k}` as MessageKey)).join('、') }));
    const note = this.note.trim();
    if (outcome === 'maintenance' && !note) return void (this.problem = t('lendingDesk.cleaning.noteNeeded'));
    this.busy = true;
    this.problem = '';
    try {
      const answer = await lendingDeskApi.clean(item.id, { checklist: Object.fromEntries(keys.map((k) => [k, true])), outcome, ...(note ? { note } : {}) });
      const status = answer.outcome;
      const who = status === 'reserved' ? await reservationFor(item, answer.reservationId ?? undefined) : null;
      this.notice = who
        ? t('lendingDesk.cleaning.reservedFor', { item: item.catalogueName, tag: item.tagCode, name: who.memberName })
        : t('lendingDesk.cleaning.done', { item: item.catalogueName, tag: item.tagCode, status: t(`lending.status.${status}`) });
      this.item = null;
      void this.waiting.run();
    } catch {
      this.problem = t('lendingDesk.error.failed');
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-desk-cleaning', KioskDeskCleaning);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-desk-cleaning': KioskDeskCleaning;
  }
}
