/**
 * Fingerprint enrolment from the test side: read a member's biometric status, put a member into a
 * state (no consent; consent and an enrolled finger) through the staff API and the simulated reader,
 * and open a member's fingerprint status in staff mode.
 */
import type { Page } from 'puppeteer-core';
import type { BiometricStatus, EnrolmentState, Finger } from '../../edge-server/src/api-types.js';
import type { StaffApi } from './a11y/a11y-support.js';
import { clickByName, delay, waitForText, type KioskHarness } from './harness.js';

/** Demo members without consent or fingerprint at the start (edge-server/src/demo-data.ts). */
export const QIAN = { id: 'mem_demo_15', name: '钱志刚' } as const;
export const ZHENG = { id: 'mem_demo_14', name: '郑红梅', guardian: '郑国强' } as const;
/** 张伟's right index finger sits in slot 1 of the simulated reader; 李秀英's in slot 2. */
export const ZHANG_WEI_SLOT = 1;
export const LI_XIUYING = { id: 'mem_demo_02', name: '李秀英' } as const;

export function biometrics(staff: StaffApi, memberId: string): Promise<BiometricStatus> {
  return staff.call<BiometricStatus>('GET', `/api/staff/members/${memberId}/biometrics`);
}

/** Slots holding a template on the simulated reader. */
export async function simEnrolledSlots(h: KioskHarness): Promise<number[]> {
  return (await h.server.api<{ fingerprint: { enrolled: number[] } }>('GET', '/api/sim')).fingerprint.enrolled;
}

/** Back to "no consent, no fingerprint" (withdrawing consent if it is in force). */
export async function withoutConsent(staff: StaffApi, memberId: string): Promise<void> {
  if ((await biometrics(staff, memberId)).consent) {
    await staff.call('POST', `/api/staff/members/${memberId}/consent/withdraw`, { by: 'self' });
  }
}

/**
 * Ends an enrolment a failed test may have left running: while one runs, every touch (the staff
 * member's finger too) is taken as an enrolment press.
 */
export async function stopAnyEnrolment(staff: StaffApi): Promise<void> {
  const current = await staff.call<EnrolmentState>('GET', '/api/staff/enrolments/current').catch(() => null);
  if (current) await staff.call('POST', `/api/staff/enrolments/${current.id}/cancel`);
}

/** Consent by the member and one finger enrolled (three presses of a new finger, test skipped); returns its slot. */
export async function enrolThroughApi(h: KioskHarness, staff: StaffApi, memberId: string, finger: Finger): Promise<number> {
  await staff.call('POST', `/api/staff/members/${memberId}/consent`, { by: 'self' });
  let state = await staff.call<EnrolmentState>('POST', '/api/staff/enrolments', { memberId, finger });
  for (let press = 1; press <= 3; press++) {
    await h.touchFinger(null);
    // the next press only counts once the reader asks for it
    for (let tries = 0; tries < 100; tries++) {
      state = await staff.call<EnrolmentState>('GET', `/api/staff/enrolments/${state.id}`);
      const p = state.progress;
      if (state.status !== 'pressing' || (p?.step === 'place' && p.press === press + 1)) break;
      await delay(50);
    }
  }
  if (state.status !== 'testing') throw new Error(`enrolment through the API ended ${state.status} (${state.failure})`);
  await staff.call('POST', `/api/staff/enrolments/${state.id}/cancel`);
  return (await biometrics(staff, memberId)).fingers.find((f) => f.finger === finger)!.slot;
}

/**
 * In staff mode: the fingerprint screens (`navLabel`, the nav button's words), search for the member
 * and open their status (`heading`, its heading in the page's language).
 */
export async function openMember(page: Page, name: string, navLabel = '指纹登记', heading = `${name} 的指纹`): Promise<void> {
  await clickByName(page, navLabel);
  const search = await page.waitForSelector('kiosk-app >>> kiosk-staff-fingerprints >>> input[type=search]', { visible: true });
  await search!.type(name);
  await search!.dispose();
  // the list narrows after a short pause; choose once it has
  await page.waitForSelector('kiosk-app >>> kiosk-member-picker >>> ul > li:only-child', { visible: true });
  await clickByName(page, name);
  await waitForText(page, heading);
}

/** Click the control showing `text` (e.g. a finger button, whose text also carries "推荐"). */
export async function clickText(page: Page, text: string): Promise<void> {
  await page.locator(`::-p-text(${JSON.stringify(text)})`).click();
}
