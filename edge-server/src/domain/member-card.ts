import type { MemberCard, StaffCard } from '../api-types.js';
import type { Member } from '../db/members.repo.js';
import type { Staff } from '../db/staff.repo.js';

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
