import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { ApiFailure } from '../../../api/client.js';
import { lendingDeskApi, type CatalogueEntry } from '../../../api/lending-desk.js';
import { DEVICE_KINDS } from '../../../components/device-kinds.js';
import { pictogram } from '../../../components/pictograms.js';
import { centreTimeZone } from '../../../controllers/i18n-controller.js';
import { fireEvent } from '../../../fire-event.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { dayText } from '../../alert-words.js';
import { isLocalDate } from '../../schedule/week-dates.js';
import { staffViewStyles } from '../../staff-styles.js';
import { todayIn } from '../../zoned-time.js';
import './desk-events.js';

/**
 * 记录评估: an assessment of the member for one catalogue entry (its pictogram and name), assessed on
 * (today unless changed), valid until (optional) and a note. Sends `lending-assessed` once saved, or
 * `lending-assess-closed` when staff close it.
 */
export class KioskAssessmentForm extends KioskScreen {
  static override properties = {
    memberId: { attribute: false },
    /** the entry chosen when the form opens (from a refusal), '' for none */
    catalogueId: { attribute: false },
    entryId: { state: true },
    assessedOn: { state: true },
    validUntil: { state: true },
    note: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare memberId: string;
  declare catalogueId: string;
  declare entryId: string;
  declare assessedOn: string;
  declare validUntil: string;
  declare note: string;
  declare problem: string;
  declare busy: boolean;

  private readonly entries = new Task(this, {
    task: (_a, { signal }) => lendingDeskApi.activeEntries(signal),
    args: () => [] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      fieldset.form {
        display: grid;
        gap: var(--k-gap);
      }
      ul.entries {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
      }
    `,
  ];

  constructor() {
    super();
    this.memberId = '';
    this.catalogueId = '';
    this.entryId = '';
    this.assessedOn = todayIn(centreTimeZone.value);
    this.validUntil = '';
    this.note = '';
    this.problem = '';
    this.busy = false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('catalogueId') && this.catalogueId) this.entryId = this.catalogueId;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<fieldset class="form">
      <legend>${t('lendingDesk.assess.heading')}</legend>
      <fieldset>
        <legend>${t('lendingDesk.assess.entry')}</legend>
        ${this.entries.render({
          pending: () => html`<p role="status">${t('app.loading')}</p>`,
          complete: (entries) => this.renderEntries(entries),
          error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>`,
        })}
      </fieldset>
      <div class="options">
        <label class="field"><span>${t('lendingDesk.assess.assessedOn')}</span>
          <input type="date" name="assessed-on" .value=${this.assessedOn}
            @input=${(e: InputEvent) => (this.assessedOn = (e.target as HTMLInputElement).value)} /></label>
        <label class="field"><span>${t('lendingDesk.assess.validUntil')}</span>
          <input type="date" name="valid-until" .value=${this.validUntil}
            @input=${(e: InputEvent) => (this.validUntil = (e.target as HTMLInputElement).value)} /></label>
      </div>
      <label class="field"><span>${t('lendingDesk.assess.note')}</span>
        <textarea name="assess-note" .value=${this.note} @input=${(e: InputEvent) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea></label>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button class="primary" ?disabled=${this.busy} @click=${() => void this.save()}>${t('lendingDesk.assess.save')}</button>
        <button @click=${() => fireEvent(this, 'lending-assess-closed', {})}>${t('lendingDesk.assess.close')}</button>
      </div>
    </fieldset>`;
  }

  /** The focus on the chosen entry (or the first), as the form opens. */
  async focusFirst(): Promise<void> {
    await this.entries.taskComplete.catch(() => undefined);
    await this.updateComplete;
    const root = this.renderRoot;
    (root.querySelector<HTMLElement>('button[name="assess-entry"][aria-pressed="true"]') ?? root.querySelector<HTMLElement>('button[name="assess-entry"]'))?.focus();
  }

  private renderEntries(entries: CatalogueEntry[]) {
    return html`<ul class="entries">
      ${entries.map((e) => html`<li><button name="assess-entry" aria-pressed=${String(this.entryId === e.id)} @click=${() => (this.entryId = e.id)}>
        ${pictogram(DEVICE_KINDS[e.category].pictogram)}<span>${e.name}</span>
      </button></li>`)}
    </ul>`;
  }

  private async save(): Promise<void> {
    const t = this.i18n.t.bind(this.i18n);
    const entry = this.entries.value?.find((e) => e.id === this.entryId);
    if (!entry) return void (this.problem = t('lendingDesk.assess.pickEntry'));
    const validUntil = this.validUntil.trim();
    if (!isLocalDate(this.assessedOn) || (validUntil && (!isLocalDate(validUntil) || validUntil < this.assessedOn))) {
      return void (this.problem = t('lendingDesk.assess.badDates'));
    }
    this.busy = true;
    this.problem = '';
    try {
      const note = this.note.trim();
      const a = await lendingDeskApi.assess(this.memberId, {
        catalogueId: entry.id, assessedOn: this.assessedOn, ...(validUntil ? { validUntil } : {}), ...(note ? { note } : {}),
      });
      fireEvent(this, 'lending-assessed', {
        catalogueId: a.catalogueId,
        notice: t('lendingDesk.assess.done', { entry: a.catalogueName, date: dayText(this.i18n, a.assessedOn) }),
      });
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : '';
      this.problem = t(code === 'future_date' ? 'lendingDesk.assess.future' : code === 'invalid_range' ? 'lendingDesk.assess.badDates' : 'lendingDesk.error.failed');
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('kiosk-assessment-form', KioskAssessmentForm);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-assessment-form': KioskAssessmentForm;
  }
}
