import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { ReferenceUpstream } from '../support/upstream/reference-upstream.js';
import { enrolTestDevice } from '../support/upstream/sync-fixture.js';
import { clickByName, enterStaffMode, startKiosk, waitForText, type KioskHarness } from './harness.js';

/** Staff mode's 数据同步 view: without an identity, and enrolled with the reference upstream on loopback. */
describe('staff: data sync status', () => {
  let page: Page | undefined;
  afterEach(async () => {
    await page?.browserContext().close();
    page = undefined;
  });

  async function openSync(h: KioskHarness): Promise<Page> {
    page = await h.openPage();
    await enterStaffMode(h, page);
    await clickByName(page, '数据同步');
    return page;
  }

  describe('without an identity', () => {
    let h: KioskHarness;
    beforeAll(async () => { h = await startKiosk(); });
    afterAll(async () => { await h?.close(); });

    it('says calmly that the kiosk is not connected and how a technician enrols it', async () => {
      const p = await openSync(h);
      await waitForText(p, '未连接区级平台');
      await waitForText(p, 'npm run provision -- enroll');
      await waitForText(p, '待发送记录');
      await waitForText(p, '没有被拒收的记录');
    });
  });

  describe('enrolled with a district platform', () => {
    let h: KioskHarness;
    let upstream: ReferenceUpstream;
    beforeAll(async () => {
      upstream = new ReferenceUpstream();
      await upstream.start();
      // every event is too large for this platform: the kiosk parks each as rejected with reason too_large
      upstream.faults.maxBodyBytes = 10;
        h = await startKiosk({
        identity: enrolTestDevice(upstream, 2),
      });
    });
    afterAll(async () => {
      await h?.close();
      await upstream?.stop();
    });

    it('shows the facility, the last push and the rejected events with their reasons in plain words and code', async () => {
      await h.touchFinger(1); // a check-in: an event to send
      const p = await openSync(h);
      await waitForText(p, '已连接区级平台：阳光街道残疾人之家');
      await waitForText(p, '记录太大 — 原因：too_large', 20_000);
      await waitForText(p, '上次发送');
    });
  });
});
