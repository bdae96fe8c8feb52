import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { api, type AlertSummary } from '../api/client.js';
import { Store } from './store.js';

/** The unresolved alerts (open and acknowledged), oldest first: the kiosk banner and the staff nav badge follow them. */
export const activeAlertsStore = new Store<readonly AlertSummary[]>([]);

/** The emergency call that is still open (not yet acknowledged by staff), if any. */
export function openEmergency(alerts: readonly AlertSummary[]): AlertSummary | null {
  return alerts.find((a) => a.kind === 'emergency_call' && a.state === 'open') ?? null;
}

const RANK: Record<AlertSummary['state'], number> = { open: 0, acknowledged: 1, resolved: 2 };
/** How many alert ids are remembered for ordering (the page stays open for weeks). */
const REMEMBERED = 200;

/**
 * Keeps `activeAlertsStore` right: `refresh()` reads `GET /api/alerts/active`, `apply()` takes each
 * change (SSE `alert`, or the answer to a staff acknowledge/resolve). An alert only moves forward
 * (open → acknowledged → resolved), so a read that started before a change arrived cannot bring back
 * what the change resolved; changes that arrive while a read is on its way are applied again on top
 * of its answer. Publishes to `activeAlertsStore`; the page has one (`activeAlerts`).
 */
export class ActiveAlerts {
  private readonly latest = new Map<string, AlertSummary>();
  private active = new Map<string, AlertSummary>();
  private readSeq = 0;
  /** changes received while a read is on its way; null when none is */
  private buffered: AlertSummary[] | null = null;

  async refresh(): Promise<void> {
    const seq = ++this.readSeq;
    this.buffered ??= [];
    try {
      const { alerts } = await api.activeAlerts();
      if (seq !== this.readSeq) return;
      const buffered = this.buffered ?? [];
      this.buffered = null;
      this.active = new Map();
      for (const alert of [...alerts, ...buffered]) this.merge(alert);
      this.publish();
    } catch {
      // the server is away: reading again when the live stream is back
      if (seq === this.readSeq) this.buffered = null;
    }
  }

  apply(alert: AlertSummary): void {
    this.buffered?.push(alert);
    this.merge(alert);
    this.publish();
  }

  private merge(alert: AlertSummary): void {
    const known = this.latest.get(alert.id);
    const newest = known && RANK[known.state] > RANK[alert.state] ? known : alert;
    // most recently seen last, so the oldest is the first to forget
    this.latest.delete(alert.id);
    this.latest.set(alert.id, newest);
    if (this.latest.size > REMEMBERED) {
      const oldest = this.latest.keys().next().value as string;
      if (!this.active.has(oldest)) this.latest.delete(oldest);
    }
    if (newest.state === 'resolved') this.active.delete(alert.id);
    else this.active.set(alert.id, newest);
  }

  private publish(): void {
    const alerts = [...this.active.values()].sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
    const before = activeAlertsStore.value;
    if (alerts.length === before.length && alerts.every((a, i) => a.id === before[i]!.id && a.state === before[i]!.state)) return;
    activeAlertsStore.set(alerts);
  }
}

/** The page's one follower of the unresolved alerts. */
export const activeAlerts = new ActiveAlerts();

/**
 * For the kiosk frame: reads the unresolved alerts when it starts (and `refresh()` after the live stream
 * was down), re-renders the host and calls `onChange` whenever they change.
 */
export class ActiveAlertsController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  get alerts(): readonly AlertSummary[] {
    return activeAlertsStore.value;
  }

  refresh(): Promise<void> {
    return activeAlerts.refresh();
  }

  apply(alert: AlertSummary): void {
    activeAlerts.apply(alert);
  }

  hostConnected(): void {
    this.unsubscribe = activeAlertsStore.subscribe(() => {
      this.onChange();
      this.host.requestUpdate();
    });
    void activeAlerts.refresh();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
