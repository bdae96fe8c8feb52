import type { GpioHealthState } from './health.js';
import type { Level, LineName } from './port.js';

/**
 * The outputs' levels and write failures of one driver. A failed write is logged once (not on every
 * blink of a status LED) and makes health 'degraded' until a write to that line succeeds; nothing
 * here throws, so a write from a timer or a process callback cannot crash the kiosk.
 */
export class OutputReports {
  private readonly levels = new Map<LineName, Level>();
  private readonly explained = new Map<LineName, string>();

  constructor(
    private readonly health: GpioHealthState,
    private readonly log: (line: string) => void,
  ) {}

  /** The level last driven (0 before any). */
  level(line: LineName): Level {
    return this.levels.get(line) ?? 0;
  }

  driven(line: LineName, value: Level): void {
    this.levels.set(line, value);
    if (this.explained.delete(line)) this.log(`GPIO output '${line}' is driven again`);
    this.health.recover(`write:${line}`);
  }

  failed(line: LineName, value: Level, error: unknown): void {
    const why = error instanceof Error ? error.message : String(error);
    const sentence = `could not drive GPIO output '${line}' to ${value}: ${why}; check that no other program holds the line`;
    this.explain(line, sentence);
    this.health.degrade(`write:${line}`, sentence);
  }

  /** A write that could not even be tried (driver stopped, line not opened). */
  notDriven(line: LineName, why: string): void {
    this.explain(line, `GPIO output '${line}' was not driven: ${why}`);
  }

  reset(): void {
    this.levels.clear();
    this.explained.clear();
  }

  private explain(line: LineName, sentence: string): void {
    if (this.explained.get(line) === sentence) return;
    this.explained.set(line, sentence);
    this.log(sentence);
  }
}
