/**
 * The contract for volunteers, partner organisations and member satisfaction (issue 5).
 * Re-exported by `api-types.ts`; kiosk-ui imports it type-only.
 */

/**
 * The satisfaction question a member is due at check-out (at most once a week by default), carried
 * on the `checked_out` outcome. Answered (or skipped) with the member's visit token.
 */
export interface SurveyPrompt {
  questionId: string;
  /** the service kind the question is about, or null for the centre as a whole */
  about: import('./api-types-sessions.js').ActivityKind | null;
}
