import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EnrolmentState } from '../../../edge-server/src/api-types.js';
import { api } from '../api/client.js';
import { liveStreamStore } from './connection-controller.js';
import { enrolmentStore, isNewer, memberAtReader } from './enrolment-store.js';

/** How often to ask the server for the enrolment while the live stream is down. */
const POLL_MS = 1000;
/**
 * How often to ask anyway while it is up: catches a message lost in a reconnect, and keeps the staff
 * session (which ends after a few idle minutes) alive while only the member is acting.
 */
const KEEPALIVE_MS = 20_000;

/**
 * Follows one enrolment: live from the stream (through `enrolmentStore`), and by polling
 * `GET /api/staff/enrolments/:id` while the stream is down. `state` only ever moves forward.
 */
export class EnrolmentFollower implements ReactiveController {
  state: EnrolmentState | null = null;
  private unsubscribe: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastPoll = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (state: EnrolmentState) => void,
  ) {
    host.addController(this);
  }

  /** Start following the enrolment the server just started (the stream may already be ahead of it). */
  follow(state: EnrolmentState): void {
    const live = enrolmentStore.value;
    this.update(live?.id === state.id && isNewer(state, live) ? live : state);
  }

  /** An answer from the server about this enrolment (e.g. to Cancel): taken if it is further on. */
  offer(state: EnrolmentState): void {
    this.accept(state, true);
  }

  hostConnected(): void {
    this.unsubscribe = [
      enrolmentStore.subscribe((s) => {
        if (s) this.accept(s);
      }),
      liveStreamStore.subscribe((c) => {
        // back online: whatever was said while the stream was down is not replayed, so ask once
        if (c === 'online') void this.poll();
      }),
    ];
    this.schedule();
  }

  hostDisconnected(): void {
    for (const off of this.unsubscribe) off();
    this.unsubscribe = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private accept(next: EnrolmentState, fromPoll = false): void {
    const current = this.state;
    if (!current || next.id !== current.id || next === current || !isNewer(current, next)) return;
    if (fromPoll) {
      // while the stream is up it is the fresher source; a poll answer only counts if it is further on
      if (liveStreamStore.value === 'online' && next.status === current.status) return;
      if (JSON.stringify(next) === JSON.stringify(current)) return;
    }
    this.update(next);
  }

  private update(next: EnrolmentState): void {
    this.state = next;
    if (enrolmentStore.value !== next && isNewer(enrolmentStore.value, next)) enrolmentStore.set(next);
    this.host.requestUpdate();
    this.onChange(next);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      const due = liveStreamStore.value === 'online' ? KEEPALIVE_MS : POLL_MS;
      if (memberAtReader(this.state) && Date.now() - this.lastPoll >= due) void this.poll();
      this.schedule();
    }, POLL_MS);
  }

  private async poll(): Promise<void> {
    const id = this.state?.id;
    if (!id || !memberAtReader(this.state)) return;
    this.lastPoll = Date.now();
    try {
      this.accept(await api.enrolment(id), true);
    } catch {
      // the server is unreachable too; the next tick asks again
    }
  }
}
