import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AlertSummary, EnrolmentState, HardwareHealth, KioskOutcome, LendingMessage, RecordMessage } from '../../../edge-server/src/api-types.js';
import { Store } from './store.js';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting';

/** The live stream's state, for elements that must fall back to polling while it is down. */
export const liveStreamStore = new Store<ConnectionState>('connecting');

/**
 * Bumped on every `record`, `hardware` and `alert` message: staff views that show the centre's live
 * state (the monitor panel) read it again then.
 */
export const liveChangeStore = new Store<number>(0);

type LendingListener = (message: LendingMessage) => void;
const lendingListeners = new Set<LendingListener>();

/**
 * Follows the stream's `lending` messages (a capture at the loan desk settled, a reserved device is
 * clean): the loan desk subscribes while it is shown. Returns the unsubscribe function.
 */
export function onLendingMessage(listener: LendingListener): () => void {
  lendingListeners.add(listener);
  return () => {
    lendingListeners.delete(listener);
  };
}

export interface ConnectionHandlers {
  onOutcome(outcome: KioskOutcome): void;
  onRecord(record: RecordMessage): void;
  onHardware(health: { fingerprint: HardwareHealth; gpio: HardwareHealth }): void;
  /** A fingerprint enrolment changed (staff enrolment screens follow it). */
  onEnrolment(state: EnrolmentState): void;
  /** An alert was raised, acknowledged or resolved (no personal data: the kiosk banner follows it). */
  onAlert(alert: AlertSummary): void;
  /** The stream is back after an outage: refresh anything that may be stale. */
  onReconnect(): void;
  onStateChange(state: ConnectionState): void;
}

const PROBE_MS = 2000;

/**
 * The live link to the server: the `/api/events` stream. While it is down the state is `reconnecting`
 * and `/healthz` is probed; as soon as the server answers, the stream is opened again (EventSource
 * retries by itself too, but on its own slower clock).
 */
export class ConnectionController implements ReactiveController {
  state: ConnectionState = 'connecting';
  private source: EventSource | null = null;
  private probe: ReturnType<typeof setInterval> | null = null;
  private hadOutage = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly handlers: ConnectionHandlers,
    private readonly url = '/api/events',
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.open();
  }

  hostDisconnected(): void {
    this.source?.close();
    this.source = null;
    this.stopProbe();
  }

  private open(): void {
    this.source?.close();
    const source = new EventSource(this.url);
    this.source = source;
    source.addEventListener('open', () => {
      if (this.source !== source) return;
      this.stopProbe();
      this.setState('online');
      if (this.hadOutage) {
        this.hadOutage = false;
        this.handlers.onReconnect();
      }
    });
    source.addEventListener('error', () => {
      if (this.source !== source || source.readyState === EventSource.OPEN) return;
      this.hadOutage = true;
      this.setState('reconnecting');
      this.startProbe();
    });
    source.addEventListener('outcome', (e) => this.handlers.onOutcome(parse<KioskOutcome>(e)));
    source.addEventListener('record', (e) => {
      this.handlers.onRecord(parse<RecordMessage>(e));
      bump();
    });
    source.addEventListener('hardware', (e) => {
      this.handlers.onHardware(parse<{ fingerprint: HardwareHealth; gpio: HardwareHealth }>(e));
      bump();
    });
    source.addEventListener('enrolment', (e) => this.handlers.onEnrolment(parse<EnrolmentState>(e)));
    source.addEventListener('alert', (e) => {
      this.handlers.onAlert(parse<AlertSummary>(e));
      bump();
    });
    source.addEventListener('lending', (e) => {
      const message = parseLending(e);
      if (message) for (const listener of [...lendingListeners]) listener(message);
    });
  }

  private startProbe(): void {
    if (this.probe) return;
    this.probe = setInterval(() => void this.checkHealth(), PROBE_MS);
  }

  private stopProbe(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }

  private async checkHealth(): Promise<void> {
    try {
      const res = await fetch('/healthz', { cache: 'no-store' });
      if (res.ok && this.source?.readyState !== EventSource.OPEN) this.open();
    } catch {
      // still down; the next probe tries again
    }
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    liveStreamStore.set(state);
    this.host.requestUpdate();
    this.handlers.onStateChange(state);
  }
}

function bump(): void {
  liveChangeStore.set(liveChangeStore.value + 1);
}

function parse<T>(event: Event): T {
  return JSON.parse((event as MessageEvent<string>).data) as T;
}

/** A `lending` message of a kind the desk knows, or null (a newer server's kind, or not JSON). */
function parseLending(event: Event): LendingMessage | null {
  try {
    const value = parse<Partial<LendingMessage> | null>(event);
    return value && (value.kind === 'capture' || value.kind === 'ready') ? (value as LendingMessage) : null;
  } catch {
    return null;
  }
}
