import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../app.js';
import { findMemberById, type Member } from '../db/members.repo.js';
import { DomainError } from '../domain/errors.js';

/** The header a member screen sends its visit token in (`MemberVisit.token`). */
export const MEMBER_VISIT_HEADER = 'X-Member-Visit';

export type MemberEnv = { Variables: { member: Member } };

/**
 * For `/api/member/*`: the member identified at the screen a moment ago (finger or card) and still
 * active. A missing or expired visit is 401 `visit_expired`: the screen asks them to identify again.
 */
export function requireMemberVisit(deps: AppDeps) {
  return createMiddleware<MemberEnv>(async (c, next) => {
    const token = c.req.header(MEMBER_VISIT_HEADER);
    const memberId = token ? deps.services.memberVisits.use(token) : undefined;
    const member = memberId ? findMemberById(deps.db, memberId) : undefined;
    if (!member || member.status !== 'active') {
      throw new DomainError('unauthenticated', 'visit_expired', 'Place your finger or show your card again');
    }
    c.set('member', member);
    await next();
  });
}
