import type { BiometricStatus, ConsentBy, Finger } from '../api-types.js';
import type { FingerprintPort } from '../../../hardware/fingerprint/index.js';
import { formatWithOffset } from '../clock.js';
import { recordAudit } from '../db/audit.repo.js';
import { findConsentInForce, insertConsent } from '../db/consents.repo.js';
import { listEnrolments, listPersonEnrolments, removeEnrolment, type LiveEnrolment } from '../db/enrolments.repo.js';
import { findMemberById, type Member } from '../db/members.repo.js';
import { confirmSensorDeletion, listPendingSensorDeletions, requestSensorDeletion } from '../db/sensor-deletions.repo.js';
import { findStaffById } from '../db/staff.repo.js';
import type { AppendEvent } from '../events/event-log.js';
import { newRecordId } from '../ids.js';
import type { DomainContext } from './context.js';
import { DomainError } from './errors.js';

export const BIOMETRIC_PURPOSE = 'biometric_attendance';

/** Why a fingerprint link ended; the words go upstream in `member.biometric_removed`. */
export type RemovalReason = 'consent_withdrawn' | 'finger_removed' | 'left_centre';

/**
 * Consent to biometric attendance and the life of a member's fingerprint links (PIPL: separate,
 * purpose-bound consent; withdrawal deletes the template). Enrolling itself is EnrolmentSessions'.
 *
 * Removal happens in two steps so that nothing is lost when the reader is unplugged: the transaction
 * ends the link (the slot identifies nobody from then on) and queues the slot for deletion on the
 * sensor; the queue is worked off now if the reader answers, else when it comes back.
 */
export class BiometricService {
  constructor(
    private readonly ctx: DomainContext,
    private readonly reader: FingerprintPort,
  ) {}

  status(memberId: string): BiometricStatus {
    const member = this.member(memberId);
    const consent = findConsentInForce(this.ctx.db, member.id, BIOMETRIC_PURPOSE);
    const tz = this.ctx.timeZone();
    return {
      member: { id: member.id, name: member.name },
      consent: consent ? {
        id: consent.id,
        by: consent.givenBy,
        guardianName: consent.guardianName,
        givenAt: formatWithOffset(consent.recordedAt, tz),
        staffName: findStaffById(this.ctx.db, consent.staffId)?.name ?? consent.staffId,
      } : null,
      fingers: listPersonEnrolments(this.ctx.db, 'member', member.id).map((e) => ({
        finger: e.finger as Finger, slot: e.slot, enrolledAt: formatWithOffset(e.enrolledAt, tz),
      })),
      reader: this.reader.health(),
      pendingSensorDeletions: listPendingSensorDeletions(this.ctx.db, this.reader.sensorId).length,
    };
  }

  /** Records consent (`consent.given`). Giving it again while it is in force changes nothing. */
  giveConsent(staffId: string, memberId: string, input: { by: ConsentBy; guardianName?: string | undefined }): BiometricStatus {
    const member = this.member(memberId);
    if (member.status !== 'active') throw new DomainError('conflict', 'member_inactive', 'The member is inactive in the registry');
    const guardianName = input.by === 'guardian' ? input.guardianName?.trim() : undefined;
    if (input.by === 'guardian' && !guardianName) {
      throw new DomainError('invalid', 'guardian_name_required', "Consent by a guardian needs the guardian's name");
    }
    this.ctx.log.write((append) => {
      if (findConsentInForce(this.ctx.db, member.id, BIOMETRIC_PURPOSE)) return;
      const now = this.ctx.clock.now();
      const consentId = newRecordId(now);
      const event = append('consent.given', { consentId, memberId: member.id, purpose: BIOMETRIC_PURPOSE, by: input.by, staffId });
      insertConsent(this.ctx.db, {
        id: consentId, memberId: member.id, purpose: BIOMETRIC_PURPOSE, action: 'given', givenBy: input.by,
        guardianName: guardianName ?? null, staffId, reason: null, recordedAt: now, eventId: event.id,
      });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'biometric.consent_given', target: member.id,
        detail: { consentId, by: input.by },
      });
    });
    return this.status(member.id);
  }

  /**
   * Withdraws consent (`consent.withdrawn`) and removes every fingerprint of the member
   * (`member.biometric_removed` each), deleting the templates on the sensor.
   */
  async withdrawConsent(staffId: string, memberId: string, input: { by: ConsentBy; guardianName?: string | undefined }): Promise<BiometricStatus> {
    const member = this.member(memberId);
    this.ctx.log.write((append) => {
      const consent = findConsentInForce(this.ctx.db, member.id, BIOMETRIC_PURPOSE);
      if (!consent) throw new DomainError('conflict', 'no_consent', 'There is no consent in force to withdraw');
      const now = this.ctx.clock.now();
      this.endLinks(append, listPersonEnrolments(this.ctx.db, 'member', member.id), 'consent_withdrawn', staffId, now);
      const id = newRecordId(now);
      const event = append('consent.withdrawn', { consentId: consent.id, memberId: member.id, purpose: BIOMETRIC_PURPOSE, by: input.by, staffId });
      insertConsent(this.ctx.db, {
        id, memberId: member.id, purpose: BIOMETRIC_PURPOSE, action: 'withdrawn', givenBy: input.by,
        guardianName: input.by === 'guardian' ? input.guardianName?.trim() || null : null, staffId,
        reason: null, recordedAt: now, eventId: event.id,
      });
      recordAudit(this.ctx.db, {
        at: now, actorKind: 'staff', actorId: staffId, action: 'biometric.consent_withdrawn', target: member.id,
        detail: { consentId: consent.id, by: input.by },
      });
    });
    await this.deletePendingOnSensor();
    return this.status(member.id);
  }

  /** Removes one enrolled finger (staff re-enrolling a worn finger, or the member asked). */
  async removeFinger(staffId: string, memberId: string, finger: Finger): Promise<BiometricStatus> {
    const member = this.member(memberId);
    this.ctx.log.write((append) => {
      const links = listPersonEnrolments(this.ctx.db, 'member', member.id).filter((e) => e.finger === finger);
      if (links.length === 0) throw new DomainError('not_found', 'finger_not_enrolled', 'That finger is not enrolled');
      this.endLinks(append, links, 'finger_removed', staffId, this.ctx.clock.now());
    });
    await this.deletePendingOnSensor();
    return this.status(member.id);
  }

  /**
   * The member left the centre (the registry made them inactive): their fingerprints go.
   * Called by whoever learns of it (the upstream members stream); safe to call more than once.
   */
  async memberLeft(memberId: string): Promise<void> {
    this.ctx.log.write((append) => {
      const links = listPersonEnrolments(this.ctx.db, 'member', memberId);
      if (links.length > 0) this.endLinks(append, links, 'left_centre', null, this.ctx.clock.now());
    });
    await this.deletePendingOnSensor();
  }

  /**
   * Deletes queued slots on the sensor; a slot stays queued when the reader cannot do it now.
   * Run after every removal and whenever the reader comes back. Never throws.
   */
  async deletePendingOnSensor(): Promise<{ deleted: number; pending: number }> {
    const sensorId = this.reader.sensorId;
    const pending = listPendingSensorDeletions(this.ctx.db, sensorId);
    let deleted = 0;
    for (const slot of pending) {
      if (this.reader.health() !== 'ok') break;
      try {
        await this.reader.deleteSlot(slot);
        confirmSensorDeletion(this.ctx.db, sensorId, slot);
        deleted += 1;
      } catch (err) {
        console.error(`fingerprint: deleting slot ${slot} on the sensor failed, will retry when the reader is back: ${(err as Error).message}`);
        break;
      }
    }
    return { deleted, pending: pending.length - deleted };
  }

  /**
   * Compares the links in the database with the templates on the sensor (run when the reader comes
   * back). Linked slots that are empty on the sensor mean the module was replaced or wiped: those
   * people cannot check in by finger until re-enrolled, which the log says plainly. Never throws.
   */
  async reconcile(): Promise<{ missingSlots: number[] }> {
    try {
      const onSensor = new Set(await this.reader.enrolledSlots());
      const missingSlots = listEnrolments(this.ctx.db, this.reader.sensorId).map((e) => e.slot).filter((slot) => !onSensor.has(slot));
      if (missingSlots.length > 0) {
        console.warn(`fingerprint: ${missingSlots.length} enrolled finger(s) are not on the reader (slots ${missingSlots.join(', ')}); `
          + 'was the module replaced or emptied? Those people use a card until staff enrol them again.');
      }
      return { missingSlots };
    } catch (err) {
      console.error(`fingerprint: could not compare enrolments with the reader: ${(err as Error).message}`);
      return { missingSlots: [] };
    }
  }

  private endLinks(append: AppendEvent, links: LiveEnrolment[], reason: RemovalReason, staffId: string | null, now: number): void {
    for (const link of links) {
      removeEnrolment(this.ctx.db, link.id, now, reason);
      requestSensorDeletion(this.ctx.db, link.sensorId, link.slot, now);
      append('member.biometric_removed', { memberId: link.personId, finger: link.finger, reason, staffId });
      recordAudit(this.ctx.db, {
        at: now, actorKind: staffId ? 'staff' : 'system', actorId: staffId, action: 'biometric.removed', target: link.personId,
        detail: { finger: link.finger, reason },
      });
    }
  }

  private member(memberId: string): Member {
    const member = findMemberById(this.ctx.db, memberId);
    if (!member) throw new DomainError('not_found', 'member_not_found', `No member with id ${memberId}`);
    return member;
  }
}
