import { Task } from '@lit/task';
import { css, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { api, ApiFailure, type AlertConsole, type AlertInfo } from '../api/client.js';
import { activeAlerts, activeAlertsStore } from '../controllers/active-alerts-controller.js';
import { StoreController } from '../controllers/store.js';
import type { KioskEventMap } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { dayText, kindWords } from './alert-words.js';
import './kiosk-alert-card.js';
import './kiosk-confirm-dialog.js';
import './kiosk-leave-dialog.js';
import './kiosk-staff-monitor.js';
import { staffViewStyles } from './staff-styles.js';

type Action = KioskEventMap['kiosk-alert-action'];
type LeaveRequest = KioskEventMap['kiosk-leave-request'];

/**
 * The alert console in staff mode: the centre right now (monitor), the unresolved alerts (emergencies
 * on top) with Acknowledge (a note if wanted) and Resolve (a note required), and the last week's
 * resolved ones. Reads again on every alert change (SSE `alert`).
 */
export class KioskStaffAlerts extends KioskScreen {
  static override properties = {
    acting: { state: true },
    note: { state: true },
    problem: { state: true },
    busy: { state: true },
    notice: { state: true },
    leave: { state: true },
    onLeave: { state: true },
  };
  /** the acknowledge or resolve being asked about */
  declare acting: Action | null;
  declare note: string;
  declare problem: string;
  declare busy: boolean;
  declare notice: string;
  declare leave: LeaveRequest | null;
  /** `date:memberId` of leave slips recorded here (the alert itself does not change) */
  declare onLeave: ReadonlySet<string>;

  private readonly active = new StoreController(this, activeAlertsStore);
  private revision = 0;
  private focusPending = true;

  private readonly alerts = new Task(this, {
    task: ([], { signal }) => api.alertConsole(signal),
    args: () => [this.active.value, this.revision] as const,
  });

  /** member names for "who called for staff" (the alert carries only the id) */
  private readonly names = new Task(this, {
    task: async ([], { signal }) => {
      const { members } = await api.members('', signal);
      return new Map(members.map((m) => [m.id, m.name]));
    },
    args: () => [] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      ul.alerts {
        list-style: none;
        margin: 8px 0 0;
        padding: 0;
        display: grid;
        gap: 12px;
      }
      h3 {
        margin: 0;
        font-size: 24px;
      }
    `,
  ];

  constructor() {
    super();
    this.acting = null;
    this.note = '';
    this.problem = '';
    this.busy = false;
    this.notice = '';
    this.leave = null;
    this.onLeave = new Set();
    this.addEventListener('kiosk-alert-action', (e) => this.ask(e.detail));
    this.addEventListener('kiosk-leave-request', (e) => (this.leave = e.detail));
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <h2 tabindex="-1">${t('alerts.heading')}</h2>
      <p role="status" class=${this.notice ? 'ok' : ''}>${this.notice}</p>
      <kiosk-staff-monitor></kiosk-staff-monitor>
      ${this.alerts.render({
        pending: () => (this.alerts.value ? this.renderLists(this.alerts.value) : html`<p role="status">${t('app.loading')}</p>`),
        complete: (data) => this.renderLists(data),
        error: () => html`<p class="error" role="alert">${t('mode.loadFailed')}</p>
          <div class="actions"><button @click=${() => void this.alerts.run()}>${t('mode.retry')}</button></div>`,
      })}
      ${this.renderDialog()}
      <kiosk-leave-dialog .request=${this.leave} @kiosk-leave-closed=${this.onLeaveClosed}></kiosk-leave-dialog>
    `;
  }

  private renderLists(data: AlertConsole) {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <section aria-labelledby="open-heading">
        <h3 id="open-heading">${t('alerts.open', { count: data.open.length })}</h3>
        ${data.open.length === 0 ? html`<p>${t('alerts.noneOpen')}</p>` : this.renderAlerts(data.open, 'open')}
      </section>
      <section aria-labelledby="history-heading">
        <h3 id="history-heading">${t('alerts.history', { count: data.history.length })}</h3>
        ${data.history.length === 0 ? html`<p>${t('alerts.noHistory')}</p>` : this.renderAlerts(data.history, 'history')}
      </section>
    `;
  }

  private renderAlerts(alerts: AlertInfo[], list: string) {
    const names = this.names.value ?? new Map<string, string>();
    return html`<ul class="alerts" data-list=${list}>
      ${repeat(
        alerts,
        (a) => a.id,
        (a) => html`<li>
          <kiosk-alert-card .alert=${a} .memberNames=${names} .onLeave=${this.onLeave}></kiosk-alert-card>
        </li>`,
      )}
    </ul>`;
  }

  private renderDialog() {
    const t = this.i18n.t.bind(this.i18n);
    const acting = this.acting;
    const kind = acting ? kindWords(this.i18n, acting.alert.kind) : '';
    const resolving = acting?.action === 'resolve';
    const explain = resolving
      ? t('alerts.resolveExplain')
      : acting?.alert.kind === 'emergency_call'
        ? t('alerts.ackExplainEmergency')
        : t('alerts.ackExplain');
    return html`<kiosk-confirm-dialog
      .open=${acting !== null}
      .busy=${this.busy}
      .heading=${acting ? t(resolving ? 'alerts.resolveQuestion' : 'alerts.ackQuestion', { kind }) : ''}
      .confirmLabel=${t(resolving ? 'alerts.resolve' : 'alerts.acknowledge')}
      @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => void this.answer(e.detail.confirmed)}
    >
      <p>${explain}</p>
      <label class="field">
        <span>${t(resolving ? 'alerts.noteRequired' : 'alerts.noteOptional')}</span>
        <textarea
          name="note"
          maxlength="500"
          ?required=${resolving}
          aria-invalid=${this.problem && resolving ? 'true' : 'false'}
          aria-describedby=${this.problem ? 'note-problem' : nothing}
          .value=${this.note}
          @input=${(e: InputEvent) => (this.note = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      ${this.problem ? html`<p class="error" id="note-problem" role="alert">${this.problem}</p>` : nothing}
    </kiosk-confirm-dialog>`;
  }

  private ask(action: Action): void {
    this.acting = action;
    this.note = '';
    this.problem = '';
  }

  private async answer(confirmed: boolean): Promise<void> {
    const acting = this.acting;
    if (!acting) return;
    if (!confirmed) return this.close();
    const note = this.note.trim();
    const t = this.i18n.t.bind(this.i18n);
    if (acting.action === 'resolve' && !note) {
      this.problem = t('alerts.needNote');
      await this.updateComplete;
      this.renderRoot.querySelector('textarea')?.focus();
      return;
    }
    const kind = kindWords(this.i18n, acting.alert.kind);
    this.busy = true;
    this.problem = '';
    try {
      const info =
        acting.action === 'resolve' ? await api.resolveAlert(acting.alert.id, note) : await api.acknowledgeAlert(acting.alert.id, note);
      // the banner and the badge follow at once, without waiting for the live stream
      activeAlerts.apply(info);
      this.done(t(acting.action === 'resolve' ? 'alerts.resolved' : 'alerts.acknowledged', { kind }));
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : '';
      if (code === 'alert_resolved') this.done(t('alerts.alreadyResolved'));
      else if (code === 'alert_acknowledged') this.done(t('alerts.alreadyAcknowledged'));
      else if (code === 'invalid_body' && acting.action === 'resolve') this.problem = t('alerts.needNote');
      else this.problem = t('alerts.failed');
    } finally {
      this.busy = false;
    }
  }

  /** The dialog's work is over: say what happened, read the lists again, focus back on the heading. */
  private done(message: string): void {
    this.close();
    this.notice = message;
    this.revision += 1;
    this.focusPending = true;
    this.requestUpdate();
  }

  private close(): void {
    this.acting = null;
    this.note = '';
    this.problem = '';
  }

  private readonly onLeaveClosed = (e: CustomEvent<KioskEventMap['kiosk-leave-closed']>): void => {
    const { recorded, memberId, name, date } = e.detail;
    this.leave = null;
    if (!recorded) return;
    this.onLeave = new Set([...this.onLeave, `${date}:${memberId}`]);
    this.notice = this.i18n.t('leave.done', { name, date: dayText(this.i18n, date) });
    this.focusPending = true;
  };

  protected override updated(changed: PropertyValues<this>): void {
    // a note is what Resolve needs: start there (Acknowledge starts on Cancel, as every question does)
    if (changed.has('acting') && this.acting?.action === 'resolve') void this.focusNote();
    if (!this.focusPending) return;
    this.focusPending = false;
    void this.focusHeading();
  }

  private async focusNote(): Promise<void> {
    await this.renderRoot.querySelector('kiosk-confirm-dialog')?.updateComplete;
    this.renderRoot.querySelector('textarea')?.focus();
  }

  /** Once the lists are drawn, the focus goes to the console's heading. */
  async focusHeading(): Promise<void> {
    await this.alerts.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2[tabindex]')?.focus();
  }
}

customElements.define('kiosk-staff-alerts', KioskStaffAlerts);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-alerts': KioskStaffAlerts;
  }
}
