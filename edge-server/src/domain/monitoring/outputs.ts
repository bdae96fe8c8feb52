import type { GpioPort, Level, LineName } from '../../../../hardware/gpio/index.js';

/** How long the buzzer sounds for one emergency before only the light keeps signalling. */
export const BUZZER_LIMIT_MS = 2 * 60_000;
const BLINK_MS = 500;

/**
 * The status light and buzzer. Normally the LED is steadily on (the kiosk is running). While an
 * emergency call is open the LED blinks and the buzzer beeps in step with it, for at most
 * BUZZER_LIMIT_MS (a buzzer that never stops is its own emergency); both settle when it is acknowledged.
 * A write that fails (wiring, driver) is logged once and never thrown out of a timer.
 */
export class SignalOutputs {
  private blink: ReturnType<typeof setInterval> | null = null;
  private buzzerUntil = 0;
  private phase: Level = 0;
  private failed = new Set<LineName>();

  constructor(private readonly gpio: GpioPort, private readonly now: () => number) {}

  /** Steady state: LED on, buzzer off. */
  idle(): void {
    this.stopBlinking();
    this.set('led', 1);
    this.set('buzzer', 0);
  }

  emergency(): void {
    if (this.blink) return;
    this.buzzerUntil = this.now() + BUZZER_LIMIT_MS;
    this.phase = 1;
    this.tick();
    this.blink = setInterval(() => this.tick(), BLINK_MS);
    this.blink.unref?.();
  }

  get signalling(): boolean {
    return this.blink !== null;
  }

  stop(): void {
    this.stopBlinking();
    this.set('buzzer', 0);
  }

  private tick(): void {
    this.set('led', this.phase);
    this.set('buzzer', this.phase === 1 && this.now() < this.buzzerUntil ? 1 : 0);
    this.phase = this.phase === 1 ? 0 : 1;
  }

  private stopBlinking(): void {
    if (this.blink) clearInterval(this.blink);
    this.blink = null;
  }

  private set(line: LineName, value: Level): void {
    try {
      this.gpio.write(line, value);
      this.failed.delete(line);
    } catch (err) {
      if (!this.failed.has(line)) console.error(`monitoring: cannot drive the ${line} output: ${(err as Error).message}`);
      this.failed.add(line);
    }
  }
}
