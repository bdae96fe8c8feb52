import { Task } from '@lit/task';
import { css, html, type TemplateResult } from 'lit';
import { api, type MonitorState } from '../api/client.js';
import { pictogram, type PictogramName } from '../components/pictograms.js';
import { liveChangeStore } from '../controllers/connection-controller.js';
import { StoreController } from '../controllers/store.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { healthWords, whenText } from './alert-words.js';
import { staffViewStyles } from './staff-styles.js';

/** Read again at least this often, for what sends no message (the door's minutes, a quiet line). */
const POLL_MS = 10_000;

/**
 * The centre right now, for staff: the door (open or closed, since when), the last movement, how many
 * members are checked in, the finger reader and the sensor wiring, unacknowledged alerts. Each line is
 * a pictogram, a yes/no mark and words, never colour alone. Read again on every record, hardware or
 * alert message, and every 10 s.
 */
export class KioskStaffMonitor extends KioskScreen {
  private readonly live = new StoreController(this, liveChangeStore);
  private tick = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  private readonly state = new Task(this, {
    task: ([], { signal }) => api.monitor(signal),
    args: () => [this.live.value, this.tick] as const,
  });

  static override styles = [
    ...staffViewStyles,
    css`
      :host {
        border: 2px solid var(--k-border);
        border-radius: var(--k-radius);
        padding: 12px 16px;
      }
      h3 {
        margin: 0;
        font-size: 24px;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr));
        gap: 12px 20px;
        margin: 0;
      }
      dl > div {
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      dt,
      dd {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      dt {
        color: var(--k-muted);
      }
      dd {
        margin: 0;
        font-weight: 700;
      }
      .mark {
        width: 1.1em;
        height: 1.1em;
        flex: none;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => {
      this.tick += 1;
      this.requestUpdate();
    }, POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<section aria-labelledby="monitor-heading">
      <h3 id="monitor-heading">${t('monitor.heading')}</h3>
      ${this.state.render({
        pending: () => (this.state.value ? this.renderState(this.state.value) : html`<p role="status">${t('app.loading')}</p>`),
        complete: (s) => this.renderState(s),
        error: () => html`<p class="error">${t('mode.loadFailed')}</p>`,
      })}
    </section>`;
  }

  private renderState(s: MonitorState) {
    const t = this.i18n.t.bind(this.i18n);
    const when = (iso: string) => whenText(this.i18n, iso);
    const door = s.door
      ? s.door.since
        ? t(s.door.open ? 'monitor.doorOpen' : 'monitor.doorClosed', { when: when(s.door.since) })
        : t(s.door.open ? 'monitor.doorOpenNow' : 'monitor.doorClosedNow')
      : t('monitor.noSensor');
    const motion = s.motion ? (s.motion.lastAt ? t('monitor.motionAt', { when: when(s.motion.lastAt) }) : t('monitor.motionNone')) : t('monitor.noSensor');
    return html`<dl>
      ${item('door', t('monitor.door'), null, door)}
      ${item('motion', t('monitor.motion'), null, motion)}
      ${item('people', t('monitor.present'), null, t('monitor.presentCount', { count: s.presentCount }))}
      ${item('finger', t('monitor.reader'), s.hardware.fingerprint === 'ok', healthWords(this.i18n, s.hardware.fingerprint))}
      ${item('plug', t('monitor.gpio'), s.hardware.gpio === 'ok', healthWords(this.i18n, s.hardware.gpio))}
      ${item('siren', t('monitor.openAlerts'), s.openAlerts === 0, t('monitor.openCount', { count: s.openAlerts }))}
    </dl>`;
  }
}

/** One line: its pictogram, what it is, and its value with a ✓/✗ mark when it is good or not (null: neither). */
function item(icon: PictogramName, label: string, good: boolean | null, value: string): TemplateResult {
  return html`<div>
    <dt>${pictogram(icon)}<span>${label}</span></dt>
    <dd>${good === null ? '' : pictogram(good ? 'yes' : 'no', 'mark')}<span>${value}</span></dd>
  </div>`;
}

customElements.define('kiosk-staff-monitor', KioskStaffMonitor);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-staff-monitor': KioskStaffMonitor;
  }
}
