/**
 * Measurements of the page as drawn, through every shadow root: interactive elements and their boxes,
 * text with its size, colours and overflow; and the checks against the house floors
 * (ACCESSIBILITY.md) that axe cannot make.
 */
import type { Page } from 'puppeteer-core';

/** House floors (ACCESSIBILITY.md). */
export const FLOOR = {
  memberTarget: 64,
  staffTarget: 44,
  spacing: 8,
  primaryHeight: 96,
  memberText: 24,
} as const;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface InteractiveInfo {
  /** where it is: host tags and the element, e.g. `kiosk-app > kiosk-idle > button.primary` */
  path: string;
  name: string;
  /** the box a finger can hit: the element, or for a control inside a <label> the label */
  box: Box;
  /** the element's own box */
  own: Box;
  primary: boolean;
  /** a button with a pictogram (an <svg>) inside */
  pictogram: boolean;
  /** the words shown on it */
  text: string;
  /** the footer's call-staff button */
  callStaff: boolean;
  /** an `overflow: hidden/clip` ancestor cuts it off: part of it cannot be seen or pressed */
  clippedBy: string | null;
  /** the box that is really visible (after scroll containers), null when scrolled out of view */
  visible: Box | null;
}

export interface TextInfo {
  path: string;
  text: string;
  fontSize: number;
  /** the text's container overflows sideways (text cut off or pushing out) */
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  overflowX: string;
  overflowY: string;
  box: Box;
  visible: Box | null;
  hiddenVisually: boolean;
  /** text colour and the background under it, as [r, g, b] after compositing translucent layers */
  color: [number, number, number];
  background: [number, number, number];
}

export interface LayoutReport {
  screen: string | null;
  viewport: { width: number; height: number };
  interactive: InteractiveInfo[];
  texts: TextInfo[];
  /** text-bearing or interactive elements whose visible boxes overlap (neither contains the other) */
  overlaps: string[];
  documentScroll: { scrollWidth: number; clientWidth: number };
}

/**
 * Everything visible on the page, through every shadow root: interactive elements (button, a, input,
 * select, textarea, [role=button], focusable [tabindex]) with their boxes, and text containers with
 * their font size and overflow. Runs in the page; must stay self-contained.
 */
function collectLayout(): Omit<LayoutReport, 'overlaps'> & { overlapCandidates: { path: string; box: Box; id: number; ancestors: number[] }[] } {
  type B = { x: number; y: number; width: number; height: number };
  const INTERACTIVE = 'button, a[href], a, input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
  const ids = new Map<Element, number>();
  const idOf = (el: Element): number => {
    let id = ids.get(el);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(el, id);
    }
    return id;
  };
  const parentOf = (el: Element): Element | null => {
    if (el.assignedSlot) return el.assignedSlot;
    if (el.parentElement) return el.parentElement;
    const root = el.parentNode;
    return root instanceof ShadowRoot ? root.host : null;
  };
  const describe = (el: Element): string => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return el.tagName.toLowerCase() + cls;
  };
  const pathOf = (el: Element): string => {
    const parts: string[] = [describe(el)];
    for (let p = parentOf(el); p; p = parentOf(p)) {
      if (p.tagName.includes('-')) parts.unshift(p.tagName.toLowerCase());
    }
    return parts.join(' > ');
  };
  const toBox = (r: DOMRect): B => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  const intersect = (a: B, b: B): B | null => {
    const x = Math.max(a.x, b.x);
    const y = Math.max(a.y, b.y);
    const r = Math.min(a.x + a.width, b.x + b.width);
    const bt = Math.min(a.y + a.height, b.y + b.height);
    return r > x && bt > y ? { x, y, width: r - x, height: bt - y } : null;
  };
  const viewport: B = { x: 0, y: 0, width: window.innerWidth, height: window.innerHeight };
  /**
   * The visible part of `el` (after every clipping or scrolling ancestor and the screen), and the
   * first `overflow: hidden/clip` ancestor (or the screen: the kiosk never scrolls the document) that
   * cuts off a part no scrolling can bring back.
   */
  const clipping = (el: Element, box: B): { visible: B | null; clippedBy: string | null } => {
    let visible: B | null = box;
    // what has to fit inside the next clipping ancestor: the element, or the scroll container around it
    let mustFit: B = box;
    let clippedBy: string | null = null;
    const fits = (inner: B, outer: B): boolean =>
      inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
    for (let p = parentOf(el); p; p = parentOf(p)) {
      const cs = getComputedStyle(p);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
      const pr = toBox(p.getBoundingClientRect());
      visible = visible && intersect(visible, pr);
      if (/auto|scroll/.test(cs.overflowX + cs.overflowY)) {
        mustFit = pr;
      } else if (clippedBy === null && !fits(mustFit, pr)) {
        clippedBy = pathOf(p);
      }
    }
    visible = visible && intersect(visible, viewport);
    if (clippedBy === null && !fits(mustFit, viewport)) clippedBy = 'the screen edge';
    return { visible, clippedBy };
  };
  const isHiddenVisually = (el: Element): boolean => {
    for (let p: Element | null = el; p; p = parentOf(p)) {
      const r = p.getBoundingClientRect();
      const cs = getComputedStyle(p);
      if ((r.width <= 1 && r.height <= 1) || cs.clipPath === 'inset(50%)') return true;
    }
    return false;
  };
  type RGBA = [number, number, number, number];
  const parseColor = (c: string): RGBA => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const over = (top: RGBA, under: [number, number, number]): [number, number, number] => [
    top[0] * top[3] + under[0] * (1 - top[3]),
    top[1] * top[3] + under[1] * (1 - top[3]),
    top[2] * top[3] + under[2] * (1 - top[3]),
  ];
  /** the background colour under `el`: its own and its ancestors' backgrounds, composited, over white */
  const backgroundOf = (el: Element): [number, number, number] => {
    const layers: RGBA[] = [];
    for (let p: Element | null = el; p; p = parentOf(p)) {
      const bg = parseColor(getComputedStyle(p).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let colour: [number, number, number] = [255, 255, 255];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    if (el instanceof HTMLInputElement) {
      const l = el.closest('label');
      return (l?.textContent ?? el.name ?? '').replace(/\s+/g, ' ').trim() || `input[${el.type}]`;
    }
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  };

  const interactive: InteractiveInfo[] = [];
  const texts: TextInfo[] = [];
  const overlapCandidates: { path: string; box: B; id: number; ancestors: number[] }[] = [];
  const ancestorsOf = (el: Element): number[] => {
    const list: number[] = [];
    for (let p = parentOf(el); p; p = parentOf(p)) list.push(idOf(p));
    return list;
  };

  const visit = (el: Element): void => {
    const rendered = el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    if (!rendered) return;
    if (el.matches(INTERACTIVE) && !(el instanceof HTMLInputElement && el.type === 'hidden')) {
      const own = toBox(el.getBoundingClientRect());
      const label = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? el.closest('label') : null;
      const hitEl = label ?? el;
      const box = toBox(hitEl.getBoundingClientRect());
      const { visible, clippedBy } = clipping(hitEl, box);
      interactive.push({
        path: pathOf(el),
        name: nameOf(el),
        box,
        own,
        primary: el instanceof HTMLButtonElement && (el.classList.contains('primary') || el.hasAttribute('data-primary')),
        pictogram: el.querySelector('svg') !== null,
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        callStaff: el instanceof HTMLButtonElement && el.classList.contains('help') && el.closest('footer') !== null,
        clippedBy,
        visible,
      });
      if (visible) overlapCandidates.push({ path: pathOf(hitEl), box: visible, id: idOf(hitEl), ancestors: ancestorsOf(hitEl) });
    }
    const ownText = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (ownText) {
      const cs = getComputedStyle(el);
      // an inline element has no box of its own to scroll; its block container is checked instead
      const container = cs.display === 'inline' ? (parentOf(el) ?? el) : el;
      const ccs = getComputedStyle(container);
      const box = toBox(el.getBoundingClientRect());
      const hiddenVisually = isHiddenVisually(el);
      const { visible } = clipping(el, box);
      texts.push({
        path: pathOf(el),
        text: ownText.slice(0, 60),
        fontSize: parseFloat(cs.fontSize),
        scrollWidth: container.scrollWidth,
        clientWidth: container.clientWidth,
        scrollHeight: container.scrollHeight,
        clientHeight: container.clientHeight,
        overflowX: ccs.overflowX,
        overflowY: ccs.overflowY,
        box,
        visible,
        hiddenVisually,
        color: over(parseColor(cs.color), backgroundOf(el)),
        background: backgroundOf(el),
      });
      if (visible && !hiddenVisually && cs.display !== 'inline') {
        overlapCandidates.push({ path: pathOf(el), box: visible, id: idOf(el), ancestors: ancestorsOf(el) });
      }
    }
    if (el.shadowRoot) for (const child of Array.from(el.shadowRoot.children)) visit(child);
    for (const child of Array.from(el.children)) visit(child);
  };
  visit(document.body);
  return {
    screen: document.querySelector('kiosk-app')?.getAttribute('screen') ?? null,
    viewport: { width: window.innerWidth, height: window.innerHeight },
    interactive,
    texts,
    overlapCandidates,
    documentScroll: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
  };
}

export async function layoutReport(page: Page): Promise<LayoutReport> {
  const raw = await page.evaluate(collectLayout);
  const overlaps: string[] = [];
  const c = raw.overlapCandidates;
  for (let i = 0; i < c.length; i++) {
    for (let j = i + 1; j < c.length; j++) {
      const a = c[i]!;
      const b = c[j]!;
      if (a.id === b.id || a.ancestors.includes(b.id) || b.ancestors.includes(a.id)) continue;
      const w = Math.min(a.box.x + a.box.width, b.box.x + b.box.width) - Math.max(a.box.x, b.box.x);
      const h = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
      // a pixel of shared edge from rounding is not an overlap
      if (w > 1 && h > 1) overlaps.push(`${a.path} overlaps ${b.path} by ${Math.round(w)}×${Math.round(h)} px`);
    }
  }
  const { overlapCandidates: _unused, ...rest } = raw;
  return { ...rest, overlaps };
}

/** Gap between two boxes: 0 when they touch or overlap; otherwise the larger of the x and y gaps. */
export function gapBetween(a: Box, b: Box): number {
  const dx = Math.max(0, Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width)));
  const dy = Math.max(0, Math.max(a.y - (b.y + b.height), b.y - (a.y + a.height)));
  return Math.max(dx, dy);
}

const fmt = (b: Box): string => `${Math.round(b.width)}×${Math.round(b.height)} at (${Math.round(b.x)},${Math.round(b.y)})`;

/**
 * Problems against the target floors: size (member 64 / staff 44), spacing 8 px, primary 96 px tall,
 * nothing cut off by an overflow-hidden ancestor.
 */
export function targetProblems(report: LayoutReport, kind: 'member' | 'staff'): string[] {
  const min = kind === 'member' ? FLOOR.memberTarget : FLOOR.staffTarget;
  const problems: string[] = [];
  const items = report.interactive;
  for (const el of items) {
    if (el.box.width < min - 0.5 || el.box.height < min - 0.5) {
      problems.push(`${el.path} "${el.name}" is ${fmt(el.box)}, below ${min}×${min}`);
    }
    if (kind === 'member' && el.primary && el.box.height < FLOOR.primaryHeight - 0.5) {
      problems.push(`primary ${el.path} "${el.name}" is ${Math.round(el.box.height)} px tall, below ${FLOOR.primaryHeight}`);
    }
    if (el.clippedBy) problems.push(`${el.path} "${el.name}" (${fmt(el.box)}) is cut off by ${el.clippedBy}`);
    // Members touch; scrolling is a swipe, and a swipe may never be the only way to reach a control.
    if (kind === 'member' && !el.clippedBy && !covers(el.visible, el.box)) {
      problems.push(
        `${el.path} "${el.name}" (${fmt(el.box)}) needs scrolling to be seen whole: visible part ${el.visible ? fmt(el.visible) : 'none'}`,
      );
    }
  }
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      // a control and the label around it are one target
      if (sameBox(a.box, b.box)) continue;
      // what a finger can reach: the parts not scrolled out of view
      if (!a.visible || !b.visible) continue;
      const gap = gapBetween(a.visible, b.visible);
      if (gap < FLOOR.spacing - 0.5) {
        problems.push(`${a.path} "${a.name}" and ${b.path} "${b.name}" are ${Math.round(gap)} px apart (< ${FLOOR.spacing})`);
      }
    }
  }
  return problems;
}

function covers(visible: Box | null, box: Box): boolean {
  return visible !== null && visible.width >= box.width - 1 && visible.height >= box.height - 1;
}

function sameBox(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;
}

/**
 * One decision per screen, in few words: every button on a member screen has a pictogram next to
 * its words, and in Chinese at most 8 characters.
 */
export function choiceProblems(report: LayoutReport, lang: 'zh-CN' | 'en'): string[] {
  const problems: string[] = [];
  for (const el of report.interactive) {
    if (!/(^|> )button[.\w-]*$/.test(el.path)) continue;
    if (!el.pictogram) problems.push(`${el.path} "${el.text}" has no pictogram`);
    // An activity card's words are the session's own (time, title, room), not the label of a choice:
    // it needs its pictogram, and the count of a choice's words does not apply.
    if (/button\.activity\b/.test(el.path)) continue;
    const chars = Array.from(el.text.replace(/\s/g, '')).length;
    if (lang === 'zh-CN' && chars > 8) problems.push(`${el.path} "${el.text}" has ${chars} characters (> 8)`);
  }
  return problems;
}

/** Text below 24 px on a member screen (visually hidden text for the speech/AT only is skipped). */
export function smallTextProblems(report: LayoutReport): string[] {
  return report.texts
    .filter((t) => !t.hiddenVisually && t.fontSize < FLOOR.memberText - 0.01)
    .map((t) => `${t.path} "${t.text}" is ${t.fontSize} px (< ${FLOOR.memberText})`);
}

/** Clipped text (container narrower than its content, or cut off vertically), overlaps, sideways scroll. */
export function reflowProblems(report: LayoutReport): string[] {
  const problems: string[] = [];
  for (const t of report.texts) {
    if (t.hiddenVisually) continue;
    if (t.scrollWidth > t.clientWidth + 1 && t.clientWidth > 0) {
      problems.push(`${t.path} "${t.text}": content ${t.scrollWidth} px wide in a ${t.clientWidth} px box (overflow-x ${t.overflowX})`);
    }
    // Glyphs of CJK fonts reach a few pixels past a tight line-height; that is not clipping. Text cut
    // off by overflow hidden is, and so is a whole line spilling out of a box that is too short.
    const clips = /hidden|clip/.test(t.overflowY);
    const spill = clips ? 1 : t.fontSize / 2;
    if (!/auto|scroll/.test(t.overflowY) && t.scrollHeight > t.clientHeight + spill && t.clientHeight > 0) {
      problems.push(`${t.path} "${t.text}": content ${t.scrollHeight} px tall in a ${t.clientHeight} px box (overflow-y ${t.overflowY})`);
    }
    if (t.visible && (t.box.x < -0.5 || t.box.x + t.box.width > report.viewport.width + 0.5)) {
      problems.push(`${t.path} "${t.text}" runs off the screen sideways: ${fmt(t.box)}`);
    }
  }
  problems.push(...report.overlaps);
  if (report.documentScroll.scrollWidth > report.documentScroll.clientWidth + 1) {
    problems.push(`the page scrolls sideways: ${report.documentScroll.scrollWidth} > ${report.documentScroll.clientWidth}`);
  }
  return problems;
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Text whose contrast with the background under it is below 7:1 — the house floor for all text,
 * large or not. axe's rules cannot check it: for text ≥ 24 px (all member text) they ask 3:1 (AA)
 * or 4.5:1 (AAA).
 */
export function contrastProblems(report: LayoutReport): string[] {
  const rgb = (c: [number, number, number]): string => `rgb(${c.map((v) => Math.round(v)).join(',')})`;
  return report.texts
    .filter((t) => !t.hiddenVisually)
    .map((t) => ({ t, ratio: contrastRatio(t.color, t.background) }))
    .filter(({ ratio }) => ratio < 7 - 0.005)
    .map(({ t, ratio }) => `${t.path} "${t.text}": ${ratio.toFixed(2)}:1 (${rgb(t.color)} on ${rgb(t.background)})`);
}
