/*
 * The onoff boundary: the only file that loads onoff, and only when the sysfs driver starts, so the kiosk
 * runs on machines without its native part (epoll) and tests pass a fake module instead.
 *
 * onoff 6 reference (its README, "Class Gpio", and onoff.js):
 * - `new Gpio(gpio, direction, edge, options)` exports the global line number through
 *   /sys/class/gpio/export (always that path: onoff has no sysfs root of its own), then sets direction,
 *   edge and active_low. Direction 'low' is an output starting at 0.
 * - `options.activeLow` inverts values *and* edges in the kernel; `options.debounceTimeout` delays the
 *   watch callback until the input has been stable that long (lodash.debounce), so the edges in between
 *   are never seen.
 * - `watch(cb)` calls `cb(err, value)` after each interrupt with the value read then, for the edges
 *   enabled; `unwatchAll()`, `readSync()`, `writeSync(value)`; `unexport()` unwatches, closes and
 *   writes the number to /sys/class/gpio/unexport.
 * - `Gpio.accessible` is false when /sys/class/gpio/export cannot be opened for writing (no sysfs GPIO
 *   in the kernel, or no permission).
 */
import type { Level } from '../port.js';

export type OnoffDirection = 'in' | 'out' | 'high' | 'low';
export type OnoffEdge = 'none' | 'rising' | 'falling' | 'both';

export interface OnoffOptions {
  debounceTimeout?: number;
  activeLow?: boolean;
  reconfigureDirection?: boolean;
}

/** An exported line (the methods this driver calls). */
export interface OnoffGpioHandle {
  readSync(): Level;
  writeSync(value: Level): void;
  watch(callback: (error: Error | null | undefined, value: Level) => void): void;
  unwatchAll(): void;
  unexport(): void;
}

/** The slice of the onoff module this driver uses; tests pass a fake (test/support/gpio/fake-onoff.ts). */
export interface OnoffModule {
  Gpio: {
    new (gpio: number, direction: OnoffDirection, edge?: OnoffEdge, options?: OnoffOptions): OnoffGpioHandle;
    readonly accessible: boolean;
  };
}

/** Loads onoff by dynamic import; a plain sentence when it (or its native epoll build) is missing. */
export async function loadOnoff(): Promise<OnoffModule> {
  try {
    const onoff = (await import('onoff')) as OnoffModule & { default?: OnoffModule };
    return onoff.Gpio ? onoff : onoff.default!;
  } catch (error) {
    throw new Error(
      `The sysfs GPIO driver needs the onoff package, which could not be loaded: ${error instanceof Error ? error.message : String(error)}. ` +
        `Reinstall the kiosk's packages (npm ci; onoff's epoll part is built natively), or use the 'gpiod' driver.`,
    );
  }
}
