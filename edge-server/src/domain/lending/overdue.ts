import { recordOverdueRun, overdueRanOn } from '../../db/lending-loans.repo.js';
import type { AlertService } from '../alerts.js';
import type { DomainContext } from '../context.js';
import { addDays, localInstant } from '../sessions/dates.js';
import { centreToday } from './item-view.js';
import type { LendingDesk } from './desk-views.js';
import type { ReservationService } from './reservations.js';

/** A little after midnight, so the new day has surely begun on the centre's clock. */
const AFTER_MIDNIGHT_MS = 5_000;

/**
 * The daily overdue check: at start-up and after each local midnight, once per centre day (a row in
 * lending_overdue_runs), raises one `loan_overdue` alert per overdue loan (not again while it is
 * unresolved) and expires reservations whose last day has passed. Timers are the global ones (tests
 * use fake timers); the day comes from the domain clock.
 */
export class OverdueCheck {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ctx: DomainContext,
    private readonly alerts: AlertService,
    private readonly desk: LendingDesk,
    private readonly reservations: ReservationService,
  ) {}

  start(): () => void {
    this.tick();
    return () => this.stop();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Runs today's check unless it ran already; returns the number of overdue loans it found, or null when it had run. */
  runToday(): number | null {
    const today = centreToday(this.ctx);
    if (overdueRanOn(this.ctx.db, today)) return null;
    this.reservations.expire();
    const overdue = this.desk.overdue();
    for (const line of overdue) {
      this.alerts.raise('loan_overdue', {
        loanId: line.loanId, itemId: line.itemId, memberId: line.memberId, dueOn: line.dueOn, daysLate: line.daysLate,
      }, { onceWhileUnresolved: true, sameDetail: ['loanId'] });
    }
    recordOverdueRun(this.ctx.db, { runOn: today, ranAt: this.ctx.clock.now(), overdue: overdue.length });
    return overdue.length;
  }

  private tick(): void {
    try {
      this.runToday();
    } catch (err) {
      // A failed check must not stop the kiosk; tomorrow's (or the next start's) check tries again.
      console.error(`the daily overdue check failed: ${(err as Error).message}; it runs again after midnight`);
    }
    const now = this.ctx.clock.now();
    const tz = this.ctx.timeZone();
    const nextMidnight = localInstant(addDays(centreToday(this.ctx), 1), '00:00', tz);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick();
    }, Math.max(1000, nextMidnight - now + AFTER_MIDNIGHT_MS));
  }
}
