import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  clickByName,
  delay,
  VIEWPORT_LANDSCAPE,
  VIEWPORT_PORTRAIT,
  waitForScreen,
  waitForSpeech,
  waitForText,
  watchRecords,
} from './harness.js';
import { useKioskSuite } from './kiosk-suite.js';

interface Box {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Boxes of every visible interactive element in the kiosk (through shadow roots). */
function interactiveBoxes(page: Page): Promise<Box[]> {
  // A string, not a function: transpilers may wrap named inner functions in helpers the page lacks.
  return page.evaluate(`(() => {
    const out = [];
    const walk = (root) => {
      for (const el of Array.from(root.children)) {
        if (el.matches('button, input, select, a[href]')) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.height > 0) {
            out.push({ label: (el.getAttribute('aria-label') || el.textContent || el.tagName).trim().replace(/\\s+/g, ' '),
              x: r.x, y: r.y, width: r.width, height: r.height });
          }
        }
        walk(el.shadowRoot || el);
      }
    };
    walk(document.body);
    return out;
  })()`) as Promise<Box[]>;
}

function gap(a: Box, b: Box): number {
  const dx = Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width));
  const dy = Math.max(0, Math.max(a.y, b.y) - Math.min(a.y + a.height, b.y + b.height));
  return Math.max(dx, dy);
}

function expectMemberTargets(boxes: Box[]): void {
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect.soft(b.width, `${b.label} width`).toBeGreaterThanOrEqual(64);
    expect.soft(b.height, `${b.label} height`).toBeGreaterThanOrEqual(64);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect.soft(gap(boxes[i]!, boxes[j]!), `${boxes[i]!.label} ↔ ${boxes[j]!.label}`).toBeGreaterThanOrEqual(8);
    }
  }
}

describe('call staff and touch targets', () => {
  const kiosk = useKioskSuite();
  let page: Page;

  it('raises a help_requested alert for the identified member when 呼叫工作人员 is pressed, and says so', async () => {
    page = await kiosk.openPage();
    const watch = watchRecords(kiosk.harness.baseUrl);
    await watch.ready;
    try {
      await kiosk.harness.touchFinger(6);
      await waitForScreen(page, 'welcome');
      await clickByName(page, '呼叫工作人员');
      await waitForText(page, '已通知工作人员，请稍等');
      await waitForSpeech(page, '已通知工作人员');
      await delay(300);
      const alert = watch.records.find((r) => r.type === 'alert.raised');
      expect(alert?.data).toMatchObject({ kind: 'help_requested' });
      expect(typeof alert?.data['memberId']).toBe('string');
    } finally {
      watch.close();
    }
  });

  it('keeps the call-staff button in the same place on every member screen', async () => {
    page = await kiosk.openPage();
    const where = async () => {
      const boxes = await interactiveBoxes(page);
      const help = boxes.filter((b) => b.label === '呼叫工作人员').at(-1)!;
      return { x: Math.round(help.x), y: Math.round(help.y) };
    };
    const onIdle = await where();
    await kiosk.harness.touchFinger(11);
    await waitForScreen(page, 'welcome');
    expect(await where()).toEqual(onIdle);
    await kiosk.harness.touchFinger(null);
    await waitForScreen(page, 'not-recognised');
    expect(await where()).toEqual(onIdle);
    await clickByName(page, '刷卡');
    await waitForScreen(page, 'card');
    expect(await where()).toEqual(onIdle);
  });

  for (const [name, viewport] of [
    ['1280×800', VIEWPORT_LANDSCAPE],
    ['800×1280', VIEWPORT_PORTRAIT],
  ] as const) {
    it(`gives every member-screen control ≥ 64×64 px, 8 px apart, primary ≥ 96 px tall (${name})`, async () => {
      page = await kiosk.openPage(viewport);
      expectMemberTargets(await interactiveBoxes(page));
      const card = (await interactiveBoxes(page)).find((b) => b.label === '刷卡')!;
      expect(card.height).toBeGreaterThanOrEqual(96);

      await kiosk.harness.touchFinger(null);
      await waitForScreen(page, 'not-recognised');
      await kiosk.harness.touchFinger(null);
      await delay(200);
      await kiosk.harness.touchFinger(null);
      await waitForText(page, '也可以刷卡');
      expectMemberTargets(await interactiveBoxes(page));

      await clickByName(page, '刷卡');
      await waitForScreen(page, 'card');
      expectMemberTargets(await interactiveBoxes(page));
      await page.screenshot({ path: `/tmp/kiosk-card-${viewport.width}x${viewport.height}.png` });
    });
  }
});
