import { randomUUID } from 'node:crypto';
import type { IdentifyCapture } from '../../api-types.js';
import { formatWithOffset } from '../../clock.js';
import { findEnrolmentBySlot } from '../../db/enrolments.repo.js';
import { findMemberByCard, findMemberById, type Member } from '../../db/members.repo.js';
import type { DomainContext } from '../context.js';
import { DomainError } from '../errors.js';

const CAPTURE_MS = 60_000;
/** Ended captures are kept this long so the screen that started one can still read its result. */
const KEEP_MS = 10 * 60_000;

interface Capture {
  id: string;
  purpose: IdentifyCapture['purpose'];
  /** for an acknowledgement: the borrower whose finger or card is expected */
  expectedMemberId: string | null;
  state: IdentifyCapture['state'];
  method: IdentifyCapture['method'];
  member: { id: string; name: string } | null;
  expiresAt: number;
  used: boolean;
}

/**
 * Identify captures for the loan desk: while one waits (60 s), the next finger at the reader — or a
 * card typed into it — answers the capture instead of checking anybody in. One capture waits at a
 * time; starting another cancels it. Every change is published on the bus as a `lending` message.
 */
export class LendingCaptures {
  private readonly captures = new Map<string, Capture>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly ctx: DomainContext, private readonly sensorId: () => string) {}

  start(purpose: IdentifyCapture['purpose'], memberId: string | null): IdentifyCapture {
    if (memberId !== null && !findMemberById(this.ctx.db, memberId)) {
      throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
    }
    if (purpose === 'acknowledge' && memberId === null) {
      throw new DomainError('invalid', 'member_required', 'An acknowledgement capture needs the borrower (memberId)');
    }
    const now = this.ctx.clock.now();
    this.prune(now);
    const waiting = this.waiting(now);
    if (waiting) this.end(waiting, { state: 'cancelled' });
    const capture: Capture = {
      id: randomUUID(), purpose, expectedMemberId: memberId, state: 'waiting', method: null, member: null,
      expiresAt: now + CAPTURE_MS, used: false,
    };
    this.captures.set(capture.id, capture);
    this.publish(capture);
    this.armTimer();
    return this.view(capture);
  }

  get(id: string): IdentifyCapture {
    return this.view(this.find(id));
  }

  /** A card number typed by the wedge reader answers a waiting capture. */
  card(id: string, cardNumber: string): IdentifyCapture {
    const capture = this.find(id);
    if (capture.state !== 'waiting') throw notWaiting(capture);
    this.answer(capture, 'card', findMemberByCard(this.ctx.db, cardNumber));
    return this.view(capture);
  }

  cancel(id: string): IdentifyCapture {
    const capture = this.find(id);
    if (capture.state !== 'waiting') throw notWaiting(capture);
    this.end(capture, { state: 'cancelled' });
    return this.view(capture);
  }

  /**
   * The reader identified a finger (`slot` null = no match). Returns true when a capture was waiting
   * and took it, so the caller does not treat it as a check-in.
   */
  claimIdentification(slot: number | null): boolean {
    const capture = this.waiting(this.ctx.clock.now());
    if (!capture) return false;
    const enrolment = slot === null ? undefined : findEnrolmentBySlot(this.ctx.db, this.sensorId(), slot);
    const member = enrolment?.personKind === 'member' ? findMemberById(this.ctx.db, enrolment.personId) : undefined;
    this.answer(capture, 'fingerprint', member);
    return true;
  }

  /**
   * The acknowledgement a check-out relies on: a capture that matched `memberId` for purpose
   * `acknowledge` and was not used yet. Checks without using it; `use()` after the loan is committed.
   */
  acknowledgement(id: string, memberId: string, method: 'fingerprint' | 'card'): void {
    const capture = this.captures.get(id);
    if (!capture) throw new DomainError('not_found', 'capture_not_found', `No identify capture ${id} (they last ${CAPTURE_MS / 1000} s)`);
    if (capture.purpose !== 'acknowledge' || capture.state !== 'matched' || capture.member?.id !== memberId || capture.method !== method || capture.used) {
      throw new DomainError('conflict', 'acknowledgement_invalid', 'The capture did not match this borrower by this method, or was used already');
    }
  }

  use(id: string): void {
    const capture = this.captures.get(id);
    if (capture) capture.used = true;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private answer(capture: Capture, method: 'fingerprint' | 'card', member: Member | undefined): void {
    const expected = capture.expectedMemberId;
    const matched = member !== undefined && (capture.purpose === 'member' || expected === null || expected === member.id);
    this.end(capture, matched ? { state: 'matched', method, member: { id: member.id, name: member.name } } : { state: 'no_match', method });
  }

  private end(capture: Capture, change: Partial<Pick<Capture, 'state' | 'method' | 'member'>>): void {
    Object.assign(capture, change);
    this.publish(capture);
  }

  /** The capture waiting now; one whose minute is up is marked expired (and announced) on the way. */
  private waiting(now: number): Capture | undefined {
    for (const capture of this.captures.values()) {
      if (capture.state !== 'waiting') continue;
      if (capture.expiresAt <= now) this.end(capture, { state: 'expired' });
      else return capture;
    }
    return undefined;
  }

  private find(id: string): Capture {
    this.waiting(this.ctx.clock.now());
    const capture = this.captures.get(id);
    if (!capture) throw new DomainError('not_found', 'capture_not_found', `No identify capture ${id}`);
    return capture;
  }

  private prune(now: number): void {
    for (const [id, capture] of this.captures) if (capture.expiresAt + KEEP_MS < now) this.captures.delete(id);
  }

  /** Announces the expiry when nobody asks (the staff screen follows SSE); the clock decides what has expired. */
  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.waiting(this.ctx.clock.now());
    }, CAPTURE_MS + 100);
    this.timer.unref?.();
  }

  private publish(capture: Capture): void {
    this.ctx.bus.publish('lending', { kind: 'capture', capture: this.view(capture) });
  }

  private view(c: Capture): IdentifyCapture {
    return { id: c.id, purpose: c.purpose, state: c.state, method: c.method, member: c.member, expiresAt: formatWithOffset(c.expiresAt, this.ctx.timeZone()) };
  }
}

function notWaiting(capture: Capture): DomainError {
  return new DomainError('conflict', 'capture_not_waiting', `This capture is ${capture.state}, no longer waiting`, { state: capture.state });
}
