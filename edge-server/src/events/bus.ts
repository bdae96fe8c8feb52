import { EventEmitter } from 'node:events';
import type { AlertSummary, EnrolmentState, KioskOutcome, HardwareHealth, LendingMessage } from '../api-types.js';
import type { EventRecord } from './event-log.js';

/** Everything published in-process after a transaction commits (and outcomes for the screen). */
export interface BusEvents {
  record: EventRecord;
  outcome: KioskOutcome;
  hardware: { fingerprint: HardwareHealth; gpio: HardwareHealth };
  /** every change of a fingerprint enrolment in progress (staff screens follow it live) */
  enrolment: EnrolmentState;
  /** an alert was raised, acknowledged or resolved (no personal data: banners on every screen) */
  alert: AlertSummary;
  /** the loan desk: identify captures and reserved items back from cleaning (ids and a member's name only) */
  lending: LendingMessage;
  /** the centre's settings changed (pulled from the district platform): what read them at start reads them again */
  settings: { source: 'platform' };
}

/** In-process typed publish/subscribe. Listeners run synchronously; one failing listener does not stop the rest. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // one listener per open SSE stream: kiosk screen, staff screens, tests
    this.emitter.setMaxListeners(100);
  }

  publish<K extends keyof BusEvents>(topic: K, payload: BusEvents[K]): void {
    for (const listener of this.emitter.listeners(topic)) {
      try {
        (listener as (p: BusEvents[K]) => void)(payload);
      } catch (err) {
        console.error(`event bus: a '${topic}' listener failed: ${(err as Error).message}`);
      }
    }
  }

  subscribe<K extends keyof BusEvents>(topic: K, listener: (payload: BusEvents[K]) => void): () => void {
    this.emitter.on(topic, listener);
    return () => this.emitter.off(topic, listener);
  }
}
