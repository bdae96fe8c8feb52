import type { HardwareHealth } from './api-types.js';
import type { FingerprintPort } from '../../hardware/fingerprint/index.js';
import type { GpioPort } from '../../hardware/gpio/index.js';
import { AlertService } from './domain/alerts.js';
import { AttendanceService } from './domain/attendance.js';
import { BiometricService } from './domain/biometrics.js';
import { EnrolmentSessions } from './domain/enrolment.js';
import { EmploymentService } from './domain/employment/employment-service.js';
import { RehabService } from './domain/rehab/rehab-service.js';
import type { DomainContext } from './domain/context.js';
import { IdentificationService } from './domain/identification.js';
import { LeaveService } from './domain/leave.js';
import { LendingCaptures } from './domain/lending/captures.js';
import { LendingDesk } from './domain/lending/desk-views.js';
import { LoanService } from './domain/lending/loans.js';
import { OverdueCheck } from './domain/lending/overdue.js';
import { ReservationService } from './domain/lending/reservations.js';
import { LoanReturns } from './domain/lending/returns.js';
import { WaitlistService } from './domain/lending/waitlist.js';
import { CatalogueService } from './domain/lending/catalogue.js';
import { InventoryService } from './domain/lending/inventory.js';
import { StocktakeService } from './domain/lending/stocktakes.js';
import { MemberVisits } from './domain/member-visits.js';
import { MonitoringService } from './domain/monitoring/monitoring.js';
import { SessionsService } from './domain/sessions/service.js';
import { StaffAuth } from './domain/staff-auth.js';
import { SurveyService } from './domain/surveys/surveys.js';
import { PartnerService } from './domain/volunteers/partners.js';
import { VolunteerService } from './domain/volunteers/volunteers.js';
import { VolunteerRoster } from './domain/volunteers/roster.js';

/** The domain services one kiosk runs, built once by the composition root (and by tests). */
export interface KioskServices {
  attendance: AttendanceService;
  identification: IdentificationService;
  staffAuth: StaffAuth;
  alerts: AlertService;
  biometrics: BiometricService;
  enrolments: EnrolmentSessions;
  leave: LeaveService;
  employment: EmploymentService;
  rehab: RehabService;
  /** Members identified at the screen a moment ago: what `/api/member/*` acts on. */
  memberVisits: MemberVisits;
  /** Activity sessions: planner, sign-ups and waiting lists, session attendance. */
  sessions: SessionsService;
  /** Sensor rules and live state; `start()` it once the devices run (returns the stop). */
  monitoring: MonitoringService;
  /** Partner organisations, volunteer visits, the satisfaction question (issue 5). */
  partners: PartnerService;
  volunteers: VolunteerService;
  volunteerRoster: VolunteerRoster;
  surveys: SurveyService;
  /** The loan desk (issue 6): identify captures, check-out and renewal, returns and cleaning, reservations, waiting lists. */
  lendingCaptures: LendingCaptures;
  loans: LoanService;
  loanReturns: LoanReturns;
  lendingDesk: LendingDesk;
  reservations: ReservationService;
  waitlist: WaitlistService;
  /** The daily overdue check; `start()` it at start-up (returns the stop). */
  lendingOverdue: OverdueCheck;
  /** Lending (issue 6): the catalogue of devices and the inventory of items. */
  lendingCatalogue: CatalogueService;
  inventory: InventoryService;
  stocktakes: StocktakeService;
  hardwareHealth(): { fingerprint: HardwareHealth; gpio: HardwareHealth };
  /** Feeds reader identifications into the domain and their outcomes onto the bus; returns the unsubscribe. */
  attachReader(): () => void;
}

export function createServices(
  ctx: DomainContext,
  hardware: { fingerprint: FingerprintPort; gpio: GpioPort },
  options: { staffIdleSec: number },
): KioskServices {
  const memberVisits = new MemberVisits(() => ctx.clock.now());
  const attendance = new AttendanceService(ctx, memberVisits);
  const identification = new IdentificationService(ctx, attendance, () => hardware.fingerprint.sensorId);
  const biometrics = new BiometricService(ctx, hardware.fingerprint);
  const enrolments = new EnrolmentSessions(ctx, hardware.fingerprint);
  const alerts = new AlertService(ctx);
  const sessions = new SessionsService(ctx);
  attendance.extras = { ...attendance.extras, activitiesFor: (memberId, date) => sessions.activitiesFor(memberId, date) };
  const partners = new PartnerService(ctx);
  const volunteerRoster = new VolunteerRoster(ctx, partners);
  // the question at check-out asks about a service the member took part in today (else the centre)
  const surveys = new SurveyService(ctx, (memberId, date) => sessions.kindsTakenPart(memberId, date));
  attendance.extras = { ...attendance.extras, surveyFor: (memberId, date) => surveys.surveyForCheckout(memberId, date) };
  const lendingCaptures = new LendingCaptures(ctx, () => hardware.fingerprint.sensorId);
  const waitlist = new WaitlistService(ctx);
  const lendingCatalogue = new CatalogueService(ctx);
  const inventory = new InventoryService(ctx, lendingCatalogue);
  const lendingDesk = new LendingDesk(ctx, waitlist, inventory);
  const reservations = new ReservationService(ctx);
  const hardwareHealth = () => ({ fingerprint: hardware.fingerprint.health(), gpio: hardware.gpio.health() });
  return {
    attendance,
    identification,
    staffAuth: new StaffAuth(ctx, options.staffIdleSec * 1000),
    alerts,
    biometrics,
    enrolments,
    leave: new LeaveService(ctx),
    employment: new EmploymentService(ctx),
    rehab: new RehabService(ctx),
    memberVisits,
    sessions,
    monitoring: new MonitoringService(ctx, alerts, attendance, hardware),
    partners,
    volunteers: new VolunteerService(ctx, partners, volunteerRoster),
    volunteerRoster,
    surveys,
    lendingCaptures,
    loans: new LoanService(ctx, lendingCaptures),
    loanReturns: new LoanReturns(ctx),
    lendingDesk,
    reservations,
    waitlist,
    lendingOverdue: new OverdueCheck(ctx, alerts, lendingDesk, reservations),
    lendingCatalogue,
    inventory,
    stocktakes: new StocktakeService(ctx),
    hardwareHealth,
    attachReader() {
      const offs = [
        hardware.fingerprint.events.on('identified', ({ slot }) => {
          try {
            // An enrolment's test press is not a check-in.
            if (enrolments.claimIdentification(slot)) return;
            // Nor is a finger the loan desk asked for (identify the borrower, or their acknowledgement).
            if (lendingCaptures.claimIdentification(slot)) return;
            ctx.bus.publish('outcome', identification.fingerprint(slot));
          } catch (err) {
            // The reader loop must survive anything the domain throws; the person just tries again.
            console.error(`check-in from the fingerprint reader failed: ${(err as Error).message}`);
          }
        }),
        hardware.fingerprint.events.on('health', (health) => {
          ctx.bus.publish('hardware', hardwareHealth());
          // Template deletions queued while the reader was away are done as soon as it is back.
          if (health === 'ok') void biometrics.deletePendingOnSensor().then(() => biometrics.reconcile());
        }),
        hardware.gpio.events.on('health', () => ctx.bus.publish('hardware', hardwareHealth())),
      ];
      if (hardware.fingerprint.health() === 'ok') void biometrics.deletePendingOnSensor().then(() => biometrics.reconcile());
      return () => {
        offs.forEach((off) => off());
        enrolments.stop();
        lendingCaptures.stop();
      };
    },
  };
}
