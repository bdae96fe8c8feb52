import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type IdlePhase = 'off' | 'running' | 'warning';

export interface IdleCallbacks {
  /** The warning has started: show and speak it. */
  onWarn(): void;
  /** The warning ran out without anyone asking for more time. */
  onExpire(): void;
}

/**
 * "No interaction for a while" → warning for `warnSec` → expire. Any interaction starts the quiet
 * period again; once the warning shows, only "More time" does. The host re-renders each second of the warning for the countdown.
 */
export class IdleController implements ReactiveController {
  phase: IdlePhase = 'off';
  /** whole seconds left in the warning */
  secondsLeft = 0;
  private idleMs = 0;
  private warnMs = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private warningEndsAt = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: IdleCallbacks,
  ) {
    host.addController(this);
  }

  /** Start watching: warn after `idleSec` without interaction, expire `warnSec` after that. */
  arm(idleSec: number, warnSec: number): void {
    this.idleMs = idleSec * 1000;
    this.warnMs = warnSec * 1000;
    this.restart();
  }

  disarm(): void {
    this.clear();
    this.phase = 'off';
    this.host.requestUpdate();
  }

  /**
   * Someone touched or typed: the quiet period starts again. During the warning only `extend()`
   * ends it, so the "More time" button is still there when the finger that pressed it lifts.
   */
  activity(): void {
    if (this.phase === 'running') this.restart();
  }

  /** "More time": leave the warning and start the quiet period again. */
  extend(): void {
    if (this.phase !== 'off') this.restart();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.clear();
  }

  private restart(): void {
    this.clear();
    const wasWarning = this.phase === 'warning';
    this.phase = 'running';
    this.timer = setTimeout(() => this.warn(), this.idleMs);
    if (wasWarning) this.host.requestUpdate();
  }

  private warn(): void {
    this.phase = 'warning';
    this.warningEndsAt = Date.now() + this.warnMs;
    this.secondsLeft = Math.ceil(this.warnMs / 1000);
    this.timer = setTimeout(() => this.expire(), this.warnMs);
    this.ticker = setInterval(() => {
      this.secondsLeft = Math.max(0, Math.ceil((this.warningEndsAt - Date.now()) / 1000));
      this.host.requestUpdate();
    }, 1000);
    this.host.requestUpdate();
    this.callbacks.onWarn();
  }

  private expire(): void {
    this.clear();
    this.phase = 'off';
    this.host.requestUpdate();
    this.callbacks.onExpire();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.ticker) clearInterval(this.ticker);
    this.timer = null;
    this.ticker = null;
  }
}
