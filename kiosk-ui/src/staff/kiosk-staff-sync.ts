import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { SyncAttempts, SyncRejectedEvent, SyncStatusInfo } from '../../../edge-server/src/api-types.js';
import { api } from '../api/client.js';
import { pictogram } from '../components/pictograms.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { staffViewStyles } from './staff-styles.js';

/** How often the status is read again while shown: a draining backlog moves within seconds. */
const POLL_MS = 3000;
/** Reasons the district platform sends that have a plain word; any other code is shown as it is. */
const KNOWN_REASONS = new Set(['malformed', 'seq_conflict', 'too_large', 'unknown_member']);

/** Staff mode: is the kiosk connected to the district platform, what waits to be sent, and what was rejected and why. */
export class KioskStaffSync extends KioskScreen {
  static override properties = { tick: { state: true } };
  declare tick: number;
  private timer: ReturnType<typeof setInterval> | null = null;

  private readonly status = new Task(this, {
    task: ([], { signal }) => api.syncStatus(signal),
    args: () => [this.tick] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      .state {
        display: flex;
        align-items: center;
        gap: 12px;
        font-weight: 600;
      }
      .state .picto {
        width: 40px;
        height: 40px;
        flex: none;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(8em, max-content) 1fr;
        gap: 8px 16px;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      progress {
        width: 100%;
        height: 28px;
      }
      .meta {
        color: var(--k-muted);
      }
      @media (max-width: 700px) {
        dl {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.tick = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => this.tick++, POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h2>${t('sync.heading')}</h2>
      ${this.status.render({
        pending: () => (this.status.value ? this.renderStatus(this.status.value) : html`<p role="status">${t('sync.loading')}</p>`),
        complete: (s) => this.renderStatus(s),
        error: () => html`<p class="error" role="alert">${t('sync.loadFailed')}</p>
          <button @click=${() => void this.status.run()}>${t('sync.retry')}</button>`,
      })}
    `;
  }

  private renderStatus(s: SyncStatusInfo) {
    const t = this.i18n.t.bind(this.i18n);
    const queue = html`
      <dt>${t('sync.pending')}</dt>
      <dd data-field="pending">${t('sync.pendingCount', { count: s.pending })}</dd>
      <dt>${t('sync.oldestPending')}</dt>
      <dd data-field="oldest">${s.oldestPendingAt ? this.i18n.dateTime(s.oldestPendingAt) : t('sync.none')}</dd>
    `;
    if (!s.connected) {
      return html`
        <p class="state" data-state="not-connected">${pictogram('no')}<span>${t('sync.notConnected')}</span></p>
        <p>${t('sync.notConnectedHelp')}</p>
        <dl>${queue}</dl>
        ${this.renderRejected(s.rejected)}
      `;
    }
    return html`
      <p class="state" data-state="connected">${pictogram('plug')}<span>${t('sync.connected', { facility: s.facility.name })}</span></p>
      ${s.drain ? this.renderDrain(s.drain.startPending, s.drain.pending) : nothing}
      <dl>
        <dt>${t('sync.upstream')}</dt>
        <dd>${s.upstream}</dd>
        ${queue}
        <dt>${t('sync.lastPush')}</dt>
        <dd data-field="push">${this.attempts(s.push)}</dd>
        <dt>${t('sync.lastPull')}</dt>
        <dd data-field="pull">${this.attempts(s.pull)}</dd>
        <dt>${t('sync.clockOffset')}</dt>
        <dd>${t('sync.clockSeconds', { seconds: Math.round(s.clockOffsetMs / 1000) })}</dd>
        ${s.lastError
          ? html`<dt>${t('sync.lastError')}</dt><dd data-field="error">${s.lastError.code}: ${s.lastError.message}</dd>`
          : nothing}
      </dl>
      ${this.renderRejected(s.rejected)}
    `;
  }

  private renderDrain(total: number, left: number) {
    const t = this.i18n.t.bind(this.i18n);
    const done = total - left;
    const text = t('sync.drainText', { done, total, left });
    return html`<section aria-labelledby="drain">
      <h3 id="drain">${t('sync.draining')}</h3>
      <progress max=${total} .value=${done} aria-label=${text}></progress>
      <p role="status" data-field="drain">${text}</p>
    </section>`;
  }

  private attempts(a: SyncAttempts | null): string {
    const t = this.i18n.t.bind(this.i18n);
    if (!a || (!a.okAt && !a.attemptAt)) return t('sync.never');
    const ok = a.okAt ? this.i18n.dateTime(a.okAt) : null;
    const attempt = a.attemptAt ? this.i18n.dateTime(a.attemptAt) : null;
    if (ok && attempt) return t('sync.attemptOk', { ok, attempt });
    if (ok) return t('sync.okOnly', { ok });
    return t('sync.attemptOnly', { attempt: attempt ?? '' });
  }

  private renderRejected(rejected: { total: number; events: SyncRejectedEvent[] }) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<section aria-labelledby="rejected">
      <h3 id="rejected">${t('sync.rejected', { count: rejected.total })}</h3>
      ${rejected.total === 0
        ? html`<p class="meta">${t('sync.rejectedNone')}</p>`
        : html`${rejected.total > rejected.events.length ? html`<p class="meta">${t('sync.rejectedShown', { shown: rejected.events.length })}</p>` : nothing}
            <ul class="rows" data-list="rejected">
              ${rejected.events.map((r) => html`<li>
                <span>
                  <span>${t('sync.rejectedLine', { seq: r.seq, type: r.type, when: this.i18n.dateTime(r.at) })}</span><br />
                  <span>${this.reason(r.reason)}</span>
                </span>
              </li>`)}
            </ul>`}
    </section>`;
  }

  private reason(code: string | null): string {
    const t = this.i18n.t.bind(this.i18n);
    if (!code) return t('sync.reason.none');
    const plain = KNOWN_REASONS.has(code) ? `${t(`sync.reason.${code}` as MessageKey)} — ` : '';
    return `${plain}${t('sync.reasonCode', { code })}`;
  }
}

customElements.define('kiosk-staff-sync', KioskStaffSync);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-sync': KioskStaffSync;
  }
}
