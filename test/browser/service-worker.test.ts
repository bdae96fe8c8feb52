import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startKiosk, waitForScreen, waitForText, type KioskHarness } from './harness.js';

const DIST = join(REPO_ROOT, 'kiosk-ui/dist');

describe('service worker (app shell offline)', () => {
  let h: KioskHarness;

  beforeAll(async () => {
    h = await startKiosk();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is built with its Workbox runtime next to it and no CDN or /api caching', () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).not.toMatch(/https?:\/\//);
    expect(sw).toContain('index.html');
    expect(sw).not.toMatch(/registerRoute\([^)]*api/);
    const runtime = readdirSync(DIST).find((f) => /^workbox-[\w-]+\.js$/.test(f));
    expect(runtime).toBeDefined();
    expect(sw).toContain(`./${runtime!.replace(/\.js$/, '')}`);
  });

  it('precaches the shell, never /api answers, and starts the UI from cache while the server is down', async () => {
    const page = await h.openPage();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // the page that registered the worker is not controlled until the next load
    await page.reload({ waitUntil: 'load' });
    await waitForScreen(page, 'idle');
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.some((u) => u.startsWith('/api') || u === '/healthz')).toBe(false);

    await h.stopServer();
    try {
      await page.reload({ waitUntil: 'load' });
      await waitForScreen(page, 'idle');
      await waitForText(page, '正在重新连接，请稍等', 15_000);
    } finally {
      await h.startServer();
    }
    await page.waitForFunction(
      () => !document.querySelector('kiosk-app')?.shadowRoot?.textContent?.includes('正在重新连接'),
      { timeout: 20_000 },
    );
  });
});
