import type { MemberCard, StaffCard } from '../api-types.js';
import type { Db } from '../db/connection.js';
import type { Enrolment } from '../db/enrolments.repo.js';
import { findMemberById, type Member } from '../db/members.repo.js';
import { findStaffById, type Staff } from '../db/staff.repo.js';

/** The part of a member the kiosk screen may show. */
export function toMemberCard(member: Member): MemberCard {
  return {
    id: member.id,
    name: member.name,
    photoUrl: member.photoPath ? `/api/members/${encodeURIComponent(member.id)}/photo` : null,
    profile: member.profile,
  };
}

export function toStaffCard(staff: Staff): StaffCard {
  return { id: staff.id, name: staff.name, role: staff.role };
}

/** The name of whoever a fingerprint slot is linked to (member or staff), or null if they are gone. */
export function enrolledPersonName(db: Db, link: Pick<Enrolment, 'personKind' | 'personId'>): string | null {
  const person = link.personKind === 'member' ? findMemberById(db, link.personId) : findStaffById(db, link.personId);
  return person?.name ?? null;
}
