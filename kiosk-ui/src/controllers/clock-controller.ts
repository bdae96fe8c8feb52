import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Re-renders the host every few seconds so a clock face stays current. */
export class ClockController implements ReactiveController {
  now = new Date();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly everyMs = 5000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now = new Date();
    this.timer = setInterval(() => {
      this.now = new Date();
      this.host.requestUpdate();
    }, this.everyMs);
  }

  hostDisconnected(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
