import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lendingDeskApi, type IdentifyCapture } from '../../../api/lending-desk.js';
import { onLendingMessage } from '../../../controllers/connection-controller.js';

const POLL_MS = 1000;

/**
 * Follows one identify capture at the reader (a finger or a card for the loan desk): live from the
 * stream's `lending` messages, and by asking `GET /identify/{id}` every second in case a message is lost.
 * Calls `onSettled` once, when the capture stops waiting. Cancels a waiting capture when the host goes.
 */
export class CaptureFollower implements ReactiveController {
  capture: IdentifyCapture | null = null;
  private off: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onSettled: (capture: IdentifyCapture) => void,
  ) {
    host.addController(this);
  }

  /** Starts a capture for `purpose` (and, for an acknowledgement, the member who must answer). */
  async start(purpose: IdentifyCapture['purpose'], memberId?: string): Promise<void> {
    this.stop();
    this.take(await lendingDeskApi.identify(purpose, memberId));
  }

  /** A card read by the wedge answers the capture. */
  async card(cardNumber: string): Promise<void> {
    const id = this.capture?.state === 'waiting' ? this.capture.id : null;
    if (!id) return;
    const next = await lendingDeskApi.captureCard(id, cardNumber);
    if (this.capture?.id === id) this.take(next);
  }

  /** Stops following; a capture still waiting at the reader is cancelled. */
  stop(): void {
    const waiting = this.capture?.state === 'waiting' ? this.capture.id : null;
    this.capture = null;
    this.unlisten();
    if (waiting) void lendingDeskApi.cancelCapture(waiting).catch(() => undefined);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  private take(next: IdentifyCapture): void {
    if (this.capture && this.capture.id !== next.id) return;
    if (this.capture && this.capture.state !== 'waiting') return;
    this.capture = next;
    this.host.requestUpdate();
    if (next.state === 'waiting') {
      this.listen();
      return;
    }
    this.unlisten();
    this.onSettled(next);
  }

  private listen(): void {
    if (this.off) return;
    this.off = onLendingMessage((m) => {
      if (m.kind === 'capture' && m.capture.id === this.capture?.id) this.take(m.capture);
    });
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  private unlisten(): void {
    this.off?.();
    this.off = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    const id = this.capture?.id;
    if (!id) return;
    try {
      const next = await lendingDeskApi.capture(id);
      if (this.capture?.id === id) this.take(next);
    } catch {
      // the server is unreachable; the next tick asks again
    }
  }
}
