/**
 * The 数据同步 view of staff mode against the bar: axe (target-size on) and 7:1 text contrast, in zh-CN
 * and en and in high contrast; staff target floors and reflow at 1280×800 and at 200 % zoom. Two kiosks:
 * one never enrolled, one enrolled with the reference upstream, with rejected events and a backlog.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatusInfo } from '../../../edge-server/src/api-types.js';
import { translate, type Lang, type MessageKey } from '../../../kiosk-ui/src/i18n/catalogue.js';
import { ReferenceUpstream } from '../../support/upstream/reference-upstream.js';
import { enrolTestDevice } from '../../support/upstream/sync-fixture.js';
import { VIEWPORT_LANDSCAPE, clickByName, enterStaffMode, startKiosk, staffApi, waitForText, type KioskHarness } from '../harness.js';
import { checkHighContrast, expectNoAxeViolations, freshIdle, printServerLogOnFailure, settle, STAFF_SCREEN_CONFIGS } from './a11y-support.js';
import { layoutReport, reflowProblems, targetProblems } from './layout-report.js';

/** Polls (real time: a real server and upstream) until `condition` holds; the limit only ends a stuck setup. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (await condition()) return;
  }
  throw new Error('the sync never reached the state the views need');
}

let bare: KioskHarness;
let enrolled: KioskHarness;
let upstream: ReferenceUpstream;
let barePage: Page;
let enrolledPage: Page;

beforeAll(async () => {
  upstream = new ReferenceUpstream();
  await upstream.start();
  // the first events are too large for this platform (parked as rejected), then it fails: a backlog waits
  upstream.faults.maxBodyBytes = 10;
  [bare, enrolled] = await Promise.all([startKiosk(), startKiosk({
    identity: enrolTestDevice(upstream, 1),
  })]);
  const staff = await staffApi(enrolled.server);
  await enrolled.touchFinger(1);
  await until(async () => (await staff.call<SyncStatusInfo>('GET', '/api/staff/sync')).rejected.total > 0);
  upstream.faults.maxBodyBytes = Number.MAX_SAFE_INTEGER;
  upstream.faults.fail500 = 1_000_000;
  await enrolled.touchFinger(2);
  await until(async () => (await staff.call<SyncStatusInfo>('GET', '/api/staff/sync')).pending > 0);
  barePage = await bare.openPage();
  enrolledPage = await enrolled.openPage();
});

afterAll(async () => {
  await bare?.close();
  await enrolled?.close();
  await upstream?.stop();
});

printServerLogOnFailure(() => enrolled);

describe.each(STAFF_SCREEN_CONFIGS)('data sync view ($label)', ({ lang, viewport, label }) => {
  const t = (key: MessageKey, params?: Record<string, string | number>): string => translate(lang as Lang, key, params);

  async function check(page: Page, state: string): Promise<void> {
    await settle(page);
    const where = `${state} (${label})`;
    await expectNoAxeViolations(page, where);
    const report = await layoutReport(page);
    expect.soft(targetProblems(report, 'staff'), `${where}: target floors`).toEqual([]);
    expect.soft(reflowProblems(report), `${where}: clipped or overlapping text`).toEqual([]);
    if (lang === 'zh-CN' && viewport === VIEWPORT_LANDSCAPE) await checkHighContrast(page, where);
  }

  async function inSyncView(h: KioskHarness, page: Page): Promise<void> {
    await page.setViewport(viewport);
    await freshIdle(h, page, lang);
    await enterStaffMode(h, page, t('staff.manage'));
    await clickByName(page, t('mode.sync'));
  }

  it('not connected to a district platform', async () => {
    await inSyncView(bare, barePage);
    await waitForText(barePage, t('sync.notConnected'));
    await check(barePage, 'not connected');
  });

  it('connected, with a backlog draining and rejected events with their reasons', async () => {
    await inSyncView(enrolled, enrolledPage);
    await waitForText(enrolledPage, t('sync.connected', { facility: '阳光街道残疾人之家' }));
    await enrolledPage.waitForSelector('kiosk-app >>> kiosk-staff-sync >>> progress', { visible: true });
    await enrolledPage.waitForSelector('kiosk-app >>> kiosk-staff-sync >>> ul[data-list="rejected"]', { visible: true });
    await check(enrolledPage, 'connected, draining, rejected');
  });
});
