/** Keyboard focus: which element has it, and whether its focus ring is drawn and not hidden. */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Box } from './layout-report.js';

const fmt = (b: Box): string => `${Math.round(b.width)}×${Math.round(b.height)} at (${Math.round(b.x)},${Math.round(b.y)})`;

export interface FocusInfo {
  path: string;
  text: string;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
  box: Box;
  /** the element (or something inside it) is what is on top at its centre */
  onTop: boolean;
  inViewport: boolean;
}

/** The deepest focused element and how its focus indicator is drawn. */
export async function focusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || !document.hasFocus()) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const cx = r.x + r.width / 2;
    const cy = r.y + r.height / 2;
    let top: Element | null = document.elementFromPoint(cx, cy);
    while (top?.shadowRoot) {
      const inner = top.shadowRoot.elementFromPoint(cx, cy);
      if (!inner || inner === top) break;
      top = inner;
    }
    const contains = (outer: Element, inner: Element | null): boolean => {
      for (let p: Node | null = inner; p; p = p instanceof ShadowRoot ? p.host : p.parentNode) if (p === outer) return true;
      return false;
    };
    const tag = el.tagName.toLowerCase();
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const host = (el.getRootNode() as ShadowRoot).host;
    return {
      path: (host ? host.tagName.toLowerCase() + ' > ' : '') + tag + cls,
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth) || 0,
      boxShadow: cs.boxShadow,
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
      onTop: contains(el, top),
      inViewport: r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth,
    };
  });
}

/** Asserts something is focused and its focus ring is drawn and not hidden. Returns it. */
export async function expectVisibleFocus(page: Page, where: string): Promise<FocusInfo> {
  const f = await focusInfo(page);
  expect(f, `${where}: nothing in the page has keyboard focus`).not.toBeNull();
  const info = f!;
  const ring = (info.outlineStyle !== 'none' && info.outlineWidth >= 2) || (info.boxShadow !== 'none' && info.boxShadow !== '');
  expect(ring, `${where}: focused ${info.path} "${info.text}" has no focus ring (outline ${info.outlineStyle} ${info.outlineWidth}px, box-shadow ${info.boxShadow})`).toBe(true);
  expect(info.inViewport && info.onTop, `${where}: focused ${info.path} "${info.text}" is off screen or covered (${fmt(info.box)})`).toBe(true);
  return info;
}

/**
 * Press `key` until the focused element's text or label includes `text` (at most `max` presses),
 * checking the focus ring at every step.
 */
export async function moveFocusTo(
  page: Page,
  text: string,
  key: 'Tab' | 'ArrowRight' | 'ArrowDown' | 'ArrowLeft' | 'ArrowUp' = 'Tab',
  max = 12,
): Promise<FocusInfo> {
  const seen: string[] = [];
  for (let i = 0; i <= max; i++) {
    const f = await focusInfo(page);
    if (f && f.text.includes(text)) {
      await expectVisibleFocus(page, `focus on "${text}"`);
      return f;
    }
    if (f) {
      seen.push(f.text);
      await expectVisibleFocus(page, `moving focus towards "${text}"`);
    }
    await page.keyboard.press(key);
  }
  throw new Error(`"${text}" never got focus with ${key}; focus went through: ${seen.join(' | ')}`);
}
