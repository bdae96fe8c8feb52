import { randomUUID } from 'node:crypto';
import type { EnrolmentFailure, EnrolmentState, Finger } from '../api-types.js';
import type { EnrolOutcome, FingerprintPort } from '../../../hardware/fingerprint/index.js';
import { recordAudit } from '../db/audit.repo.js';
import { findConsentInForce } from '../db/consents.repo.js';
import { findEnrolmentBySlot, insertEnrolment, listEnrolments, listPersonEnrolments } from '../db/enrolments.repo.js';
import { findMemberById } from '../db/members.repo.js';
import { listPendingSensorDeletions } from '../db/sensor-deletions.repo.js';
import { newRecordId } from '../ids.js';
import { BIOMETRIC_PURPOSE } from './biometrics.js';
import type { DomainContext } from './context.js';
import { DomainError } from './errors.js';
import { enrolledPersonName } from './member-card.js';

/** Default number of presses: two merged, a third checked against them before storing. */
export const DEFAULT_PRESSES = 3;
/** How long the "press once more to test" step waits before it ends by itself. */
export const TEST_WINDOW_MS = 2 * 60_000;
/** How long each press may take; generous for tremor and slow movement. */
export const PRESS_TIMEOUT_MS = 45_000;

interface Session {
  state: EnrolmentState;
  staffId: string;
  slot: number;
  abort: AbortController;
  testTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Guided fingerprint enrolment, one at a time (there is one sensor). Checks consent, picks a free
 * slot, drives the reader's enrolment while publishing each step on the bus (SSE `enrolment`), then
 * stores the link and `member.biometric_enrolled` in one transaction and offers a test press that is
 * routed here instead of to attendance.
 */
export class EnrolmentSessions {
  private active: Session | null = null;
  /** Set while a start awaits the reader's slot list, so a second start cannot slip in meanwhile. */
  private starting = false;
  /** Finished sessions stay readable for a while (a reloaded staff screen can show the result). */
  private readonly recent = new Map<string, EnrolmentState>();

  constructor(
    private readonly ctx: DomainContext,
    private readonly reader: FingerprintPort,
  ) {}

  async start(staffId: string, input: { memberId: string; finger: Finger; presses?: 2 | 3 }): Promise<EnrolmentState> {
    const member = findMemberById(this.ctx.db, input.memberId);
    if (!member) throw new DomainError('not_found', 'member_not_found', `No member with id ${input.memberId}`);
    if (member.status !== 'active') throw new DomainError('conflict', 'member_inactive', 'The member is inactive in the registry');
    if (!findConsentInForce(this.ctx.db, member.id, BIOMETRIC_PURPOSE)) {
      throw new DomainError('conflict', 'consent_required', 'Record the consent to biometric attendance first; without it the member uses a card');
    }
    if (listPersonEnrolments(this.ctx.db, 'member', member.id).some((e) => e.finger === input.finger)) {
      throw new DomainError('conflict', 'finger_already_enrolled', 'That finger is already enrolled; remove it first to enrol it again');
    }
    if (this.starting || (this.active && this.active.state.status === 'pressing')) {
      throw new DomainError('conflict', 'enrolment_in_progress', 'Another enrolment is using the reader; finish or cancel it first');
    }
    this.endTesting();
    if (this.reader.health() !== 'ok') {
      throw new DomainError('unavailable', 'reader_unavailable', 'The fingerprint reader is not available; check its cable, or use a card for now');
    }
    let slot: number;
    this.starting = true;
    try {
      slot = await this.freeSlot();
    } finally {
      this.starting = false;
    }
    const session: Session = {
      staffId,
      slot,
      abort: new AbortController(),
      state: {
        id: randomUUID(), memberId: member.id, finger: input.finger, status: 'pressing', progress: null, problem: null,
        failure: null, duplicateOf: null, test: null,
      },
    };
    this.active = session;
    recordAudit(this.ctx.db, {
      at: this.ctx.clock.now(), actorKind: 'staff', actorId: staffId, action: 'biometric.enrolment_started', target: member.id,
      detail: { enrolmentId: session.state.id, finger: input.finger },
    });
    void this.reader.enrol({
      slot,
      presses: input.presses ?? DEFAULT_PRESSES,
      signal: session.abort.signal,
      pressTimeoutMs: PRESS_TIMEOUT_MS,
      onProgress: (progress) => {
        if (session.state.status !== 'pressing') return;
        const problem = progress.step === 'retry' ? progress.problem
          : progress.step === 'place' ? session.state.problem
          : null;
        this.update(session, { progress, problem });
      },
    }).then(
      (outcome) => this.finishPressing(session, outcome),
      (err: unknown) => {
        console.error(`fingerprint enrolment failed: ${(err as Error).message}`);
        this.finishPressing(session, { ok: false, reason: 'reader_unavailable' });
      },
    );
    return session.state;
  }

  get(id: string): EnrolmentState {
    if (this.active?.state.id === id) return this.active.state;
    const state = this.recent.get(id);
    if (!state) throw new DomainError('not_found', 'enrolment_not_found', 'No such enrolment (it may have ended long ago)');
    return state;
  }

  /** The enrolment in progress (pressing or testing), if any. */
  current(): EnrolmentState | null {
    return this.active?.state ?? null;
  }

  /** Cancels pressing (nothing is stored); in the test step it ends the test (the finger stays enrolled). */
  cancel(staffId: string, id: string): EnrolmentState {
    const session = this.active;
    if (!session || session.state.id !== id) return this.get(id);
    if (session.state.status === 'pressing') {
      session.abort.abort();
      recordAudit(this.ctx.db, {
        at: this.ctx.clock.now(), actorKind: 'staff', actorId: staffId, action: 'biometric.enrolment_cancelled',
        target: session.state.memberId, detail: { enrolmentId: id },
      });
      // The reader answers `cancelled` shortly; finishPressing publishes the final state.
      return session.state;
    }
    this.endTesting();
    return this.get(id);
  }

  /**
   * Gives the enrolment the reader's identification while its test step waits. Returns true when
   * the identification was used here (the caller must then not treat it as a check-in). A finger that
   * belongs to somebody else is not a test press but that person arriving: it is left to attendance.
   */
  claimIdentification(slot: number | null): boolean {
    const session = this.active;
    if (!session || session.state.status !== 'testing') return false;
    if (slot === session.slot) {
      this.update(session, { test: 'matched', status: 'done' });
      this.retire(session);
      return true;
    }
    const owner = slot === null ? undefined : findEnrolmentBySlot(this.ctx.db, this.reader.sensorId, slot);
    if (owner && !(owner.personKind === 'member' && owner.personId === session.state.memberId)) return false;
    this.update(session, { test: 'no_match' });
    return true;
  }

  /** The staff member signed out: an enrolment they were running stops (nothing half-done stays). */
  staffLeft(staffId: string): void {
    const session = this.active;
    if (!session || session.staffId !== staffId) return;
    if (session.state.status === 'pressing') session.abort.abort();
    else this.endTesting();
  }

  /** Ends everything on shutdown. */
  stop(): void {
    this.active?.abort.abort();
    this.endTesting();
  }

  private finishPressing(session: Session, outcome: EnrolOutcome): void {
    if (this.active !== session) return;
    if (!outcome.ok) {
      this.failed(session, outcome.reason, outcome.reason === 'duplicate' ? this.ownerName(outcome.existingSlot) : null);
      return;
    }
    const { memberId, finger } = session.state;
    try {
      this.ctx.log.write((append) => {
        const consent = findConsentInForce(this.ctx.db, memberId, BIOMETRIC_PURPOSE);
        // Consent withdrawn while the member was pressing: store nothing (the template is wiped below).
        if (!consent) throw new DomainError('conflict', 'consent_required', 'Consent was withdrawn during enrolment');
        const now = this.ctx.clock.now();
        insertEnrolment(this.ctx.db, {
          id: newRecordId(now), sensorId: this.reader.sensorId, slot: outcome.slot, personKind: 'member', personId: memberId, finger,
        }, now, consent.id);
        append('member.biometric_enrolled', { memberId, finger, consentId: consent.id, staffId: session.staffId });
        recordAudit(this.ctx.db, {
          at: now, actorKind: 'staff', actorId: session.staffId, action: 'biometric.enrolled', target: memberId,
          detail: { enrolmentId: session.state.id, finger },
        });
      });
    } catch (err) {
      // The link could not be recorded, so the template must not stay on the sensor identifying nobody.
      void this.reader.deleteSlot(outcome.slot).catch(() => undefined);
      this.failed(session, err instanceof DomainError && err.code === 'consent_required' ? 'cancelled' : 'store_failed', null);
      return;
    }
    this.update(session, { status: 'testing', progress: null, problem: null, test: 'waiting' });
    session.testTimer = setTimeout(() => this.endTesting(), TEST_WINDOW_MS);
    session.testTimer.unref?.();
  }

  private failed(session: Session, failure: EnrolmentFailure, duplicateOf: string | null): void {
    this.update(session, { status: failure === 'cancelled' ? 'cancelled' : 'failed', failure, duplicateOf, progress: null, problem: null });
    if (failure !== 'cancelled') {
      recordAudit(this.ctx.db, {
        at: this.ctx.clock.now(), actorKind: 'staff', actorId: session.staffId, action: 'biometric.enrolment_failed',
        target: session.state.memberId, detail: { enrolmentId: session.state.id, failure },
      });
    }
    this.retire(session);
  }

  /** Test step over without a result: the finger is enrolled, the session is done. */
  private endTesting(): void {
    const session = this.active;
    if (!session || session.state.status !== 'testing') return;
    this.update(session, { status: 'done' });
    this.retire(session);
  }

  private retire(session: Session): void {
    clearTimeout(session.testTimer);
    if (this.active === session) this.active = null;
    this.recent.set(session.state.id, session.state);
    while (this.recent.size > 20) this.recent.delete(this.recent.keys().next().value as string);
  }

  private update(session: Session, change: Partial<EnrolmentState>): void {
    session.state = { ...session.state, ...change };
    this.ctx.bus.publish('enrolment', session.state);
  }

  /** Lowest slot free on the sensor, in our links and in the deletion queue. */
  private async freeSlot(): Promise<number> {
    const info = await this.reader.info();
    const taken = new Set<number>([
      ...info.usedSlots,
      ...listEnrolments(this.ctx.db, this.reader.sensorId).map((e) => e.slot),
      ...listPendingSensorDeletions(this.ctx.db, this.reader.sensorId),
    ]);
    for (let slot = 0; slot < info.librarySize; slot++) if (!taken.has(slot)) return slot;
    throw new DomainError('conflict', 'sensor_full', `The sensor's library of ${info.librarySize} fingerprints is full`);
  }

  private ownerName(slot: number): string | null {
    const link = findEnrolmentBySlot(this.ctx.db, this.reader.sensorId, slot);
    return link ? enrolledPersonName(this.ctx.db, link) : null;
  }
}
