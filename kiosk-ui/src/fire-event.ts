import type { AlertInfo, AttendanceLine, EnrolmentState, KioskOutcome, MemberMatch } from '../../edge-server/src/api-types.js';
import type { SessionsStart } from './screens/kiosk-member-sessions.js';
import type { ScheduleStep } from './staff/schedule/schedule-step.js';

/** Where the fingerprint screens go next (staff mode). */
export type FingerprintStep =
  | { to: 'pick' }
  | { to: 'status'; notice?: string }
  | { to: 'consent' }
  | { to: 'finger'; notice?: string }
  | { to: 'enrol'; enrolment: EnrolmentState };

/** Every custom event the kiosk's elements send up to `<kiosk-app>`, with its detail type. */
export interface KioskEventMap {
  /** an identification or confirmation result to show */
  'kiosk-outcome': KioskOutcome;
  /** go to another member screen */
  'kiosk-navigate': { to: 'idle' | 'card' | 'pin' | 'staff-mode' };
  /** the member (or nobody) asks for staff */
  'kiosk-call-staff': { memberId: string | null };
  'kiosk-more-time': Record<string, never>;
  /** the card screen or the wedge read a card number */
  'kiosk-card': { cardNumber: string };
  /** staff PIN accepted: a session cookie is set */
  'kiosk-staff-session': { idleTimeoutSec: number };
  /** something to say and show as a status (e.g. an error on a member screen) */
  'kiosk-say': { text: string };
  /** staff mode: open the correction form for one line of today's attendance */
  'kiosk-staff-correct': { line: AttendanceLine };
  /** staff mode: an assisted check-in/out or a correction was saved */
  'kiosk-staff-done': { message: string };
  /** the kiosk is back on the idle screen (a safe moment to apply an update) */
  'kiosk-idle-entered': Record<string, never>;
  /** staff mode: a member was chosen in a member search */
  'kiosk-member-picked': { member: MemberMatch };
  /** staff mode: the fingerprint screens move to another step */
  'kiosk-fingerprint-step': FingerprintStep;
  /** a confirm dialog was answered */
  'kiosk-dialog-answer': { confirmed: boolean };
  /** say the last prompt again (the emergency banner's "hear again") */
  'kiosk-repeat': Record<string, never>;
  /** staff mode: show the alert console (from the emergency strip) */
  'kiosk-open-alerts': Record<string, never>;
  /** the alert console: acknowledge or resolve this alert (asks first) */
  'kiosk-alert-action': { alert: AlertInfo; action: 'acknowledge' | 'resolve' };
  /** the alert console: record leave for a member listed as not here */
  'kiosk-leave-request': { memberId: string; name: string; date: string };
  /** the leave dialog closed: `recorded` when the leave slip was saved */
  'kiosk-leave-closed': { memberId: string; name: string; date: string; recorded: boolean };
  /** the welcome screen: open the member's sessions (a session's detail, or this week) */
  'kiosk-open-sessions': { start: SessionsStart };
  /** open a community screen: the volunteers' sign-in/out, or the satisfaction question after a goodbye */
  'kiosk-community-screen': { to: 'volunteer' | 'survey' };
  /** speak a prompt that is already on screen as its heading (a step inside one screen) */
  'kiosk-speak': { text: string };
  /** staff mode's sessions: go to the week planner, a session form or one date's roster */
  'kiosk-schedule-go': ScheduleStep;
  /** a session roster was changed from one of its parts (e.g. a member signed up): read it again, say `notice` */
  'kiosk-roster-changed': { notice: string };
}

export type KioskEventName = keyof KioskEventMap;

/** Dispatch a typed event that bubbles out of shadow roots. */
export function fireEvent<K extends KioskEventName>(node: EventTarget, type: K, detail: KioskEventMap[K]): void {
  node.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'kiosk-outcome': CustomEvent<KioskEventMap['kiosk-outcome']>;
    'kiosk-navigate': CustomEvent<KioskEventMap['kiosk-navigate']>;
    'kiosk-call-staff': CustomEvent<KioskEventMap['kiosk-call-staff']>;
    'kiosk-more-time': CustomEvent<KioskEventMap['kiosk-more-time']>;
    'kiosk-card': CustomEvent<KioskEventMap['kiosk-card']>;
    'kiosk-staff-session': CustomEvent<KioskEventMap['kiosk-staff-session']>;
    'kiosk-say': CustomEvent<KioskEventMap['kiosk-say']>;
    'kiosk-staff-correct': CustomEvent<KioskEventMap['kiosk-staff-correct']>;
    'kiosk-staff-done': CustomEvent<KioskEventMap['kiosk-staff-done']>;
    'kiosk-idle-entered': CustomEvent<KioskEventMap['kiosk-idle-entered']>;
    'kiosk-member-picked': CustomEvent<KioskEventMap['kiosk-member-picked']>;
    'kiosk-fingerprint-step': CustomEvent<KioskEventMap['kiosk-fingerprint-step']>;
    'kiosk-dialog-answer': CustomEvent<KioskEventMap['kiosk-dialog-answer']>;
    'kiosk-repeat': CustomEvent<KioskEventMap['kiosk-repeat']>;
    'kiosk-open-alerts': CustomEvent<KioskEventMap['kiosk-open-alerts']>;
    'kiosk-alert-action': CustomEvent<KioskEventMap['kiosk-alert-action']>;
    'kiosk-leave-request': CustomEvent<KioskEventMap['kiosk-leave-request']>;
    'kiosk-leave-closed': CustomEvent<KioskEventMap['kiosk-leave-closed']>;
    'kiosk-open-sessions': CustomEvent<KioskEventMap['kiosk-open-sessions']>;
    'kiosk-community-screen': CustomEvent<KioskEventMap['kiosk-community-screen']>;
    'kiosk-speak': CustomEvent<KioskEventMap['kiosk-speak']>;
    'kiosk-schedule-go': CustomEvent<KioskEventMap['kiosk-schedule-go']>;
    'kiosk-roster-changed': CustomEvent<KioskEventMap['kiosk-roster-changed']>;
  }
}

declare global {
  interface WindowEventMap {
    'kiosk-idle-entered': CustomEvent<KioskEventMap['kiosk-idle-entered']>;
  }
}
