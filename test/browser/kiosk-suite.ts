import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { pageErrorsOf, startKiosk, type KioskHarness, type StartOptions } from './harness.js';

export interface KioskSuite {
  /** The running kiosk (server + Chromium); use it inside tests and hooks, not at collection time. */
  readonly harness: KioskHarness;
  /** A fresh page on the kiosk UI (`KioskHarness.openPage`), closed after the test that opened it. */
  openPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Closes a page before the test ends (checked for errors first, if the suite asks for that). */
  closePage(page: Page): Promise<void>;
}

export interface KioskSuiteOptions {
  start?: StartOptions;
  /** After each test, fail if a page it opened saw an uncaught exception or a console error. */
  failOnPageErrors?: boolean;
}

/**
 * The set-up every browser suite shares: one kiosk started before the describe block's tests and
 * closed after them, and each test's pages closed after it (so tests do not see each other's tabs).
 * Call it inside `describe`.
 */
export function useKioskSuite(options: KioskSuiteOptions = {}): KioskSuite {
  let harness: KioskHarness | undefined;
  let pages: Page[] = [];

  beforeAll(async () => {
    harness = await startKiosk(options.start);
  });
  afterAll(async () => {
    await harness?.close();
  });
  async function close(opened: Page[]): Promise<void> {
    try {
      if (options.failOnPageErrors) for (const page of opened) expect(pageErrorsOf(page)).toEqual([]);
    } finally {
      await Promise.all(opened.map((page) => page.browserContext().close()));
    }
  }
  afterEach(async () => {
    const opened = pages;
    pages = [];
    await close(opened);
  });

  return {
    get harness(): KioskHarness {
      if (!harness) throw new Error('the kiosk is not started yet: use the harness inside tests and hooks');
      return harness;
    },
    async openPage(viewport) {
      if (!harness) throw new Error('the kiosk is not started yet');
      const page = await harness.openPage(viewport);
      pages.push(page);
      return page;
    },
    async closePage(page) {
      pages = pages.filter((p) => p !== page);
      await close([page]);
    },
  };
}
