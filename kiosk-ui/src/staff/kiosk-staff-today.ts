import { Task } from '@lit/task';
import { css, html } from 'lit';
import type { AttendanceLine, TodayAttendance } from '../../../edge-server/src/api-types.js';
import { api } from '../api/client.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { screenStyles } from '../styles/theme.js';
import { staffStyles } from './staff-styles.js';

/** Today's attendance for staff: present, left, not yet; each record can be corrected. */
export class KioskStaffToday extends KioskScreen {
  static override properties = {
    /** bumped by kiosk-app on every `record` event so the list stays live */
    revision: { type: Number },
  };
  declare revision: number;

  private readonly today = new Task(this, {
    task: ([], { signal }) => api.today(signal),
    args: () => [this.revision] as const,
  });

  static override styles = [
    screenStyles,
    staffStyles,
    css`
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
        gap: var(--k-gap);
      }
      section {
        border: 2px solid var(--k-border);
        border-radius: var(--k-radius);
        padding: 12px 16px;
      }
      .name {
        font-weight: 600;
      }
      .meta {
        color: var(--k-muted);
        font-size: 18px;
      }
    `,
  ];

  constructor() {
    super();
    this.revision = 0;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return this.today.render({
      pending: () => (this.today.value ? this.renderToday(this.today.value) : html`<p role="status">${t('app.loading')}</p>`),
      complete: (today) => this.renderToday(today),
      error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>
        <button @click=${() => void this.today.run()}>${t('mode.retry')}</button>`,
    });
  }

  private renderToday(today: TodayAttendance) {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <div class="columns">
        <section aria-labelledby="present">
          <h2 id="present">${t('mode.present')} (${today.present.length})</h2>
          ${this.renderLines(today.present, 'present-list')}
        </section>
        <section aria-labelledby="left">
          <h2 id="left">${t('mode.left')} (${today.left.length})</h2>
          ${this.renderLines(today.left, 'left-list')}
        </section>
        <section aria-labelledby="notyet">
          <h2 id="notyet">${t('mode.notYet')} (${today.notYet.length})</h2>
          ${today.notYet.length === 0
            ? html`<p class="meta">${t('mode.none')}</p>`
            : html`<ul class="rows" data-list="not-yet-list">
                ${today.notYet.map((m) => html`<li><span class="name">${m.name}</span></li>`)}
              </ul>`}
        </section>
      </div>
    `;
  }

  private renderLines(lines: AttendanceLine[], listName: string) {
    const t = this.i18n.t.bind(this.i18n);
    if (lines.length === 0) return html`<p class="meta">${t('mode.none')}</p>`;
    return html`<ul class="rows" data-list=${listName}>
      ${lines.map(
        (line) => html`<li>
          <span>
            <span class="name">${line.name}</span><br />
            <span class="meta"
              >${t('mode.inAt', { time: this.i18n.time(line.checkedInAt), method: t(`method.${line.checkInMethod}`) })}
              ${line.checkedOutAt ? t('mode.outAt', { time: this.i18n.time(line.checkedOutAt) }) : ''}</span
            >
          </span>
          <button
            aria-label=${t('mode.correctFor', { name: line.name })}
            @click=${() => fireEvent(this, 'kiosk-staff-correct', { line })}
          >
            ${t('mode.correct')}
          </button>
        </li>`,
      )}
    </ul>`;
  }
}

customElements.define('kiosk-staff-today', KioskStaffToday);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-today': KioskStaffToday;
  }
}
