import type { ReactiveController, ReactiveControllerHost } from 'lit';

const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * Focusable elements under `root` in visual (tree) order, through shadow roots. `anchor` (the focused
 * element, e.g. a heading given focus by script) is kept in the list too, so moving on from it goes
 * to its neighbours rather than back to the start.
 */
export function focusableElements(root: ParentNode, anchor: Element | null = null): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (el: Element): void => {
    if (el instanceof HTMLElement && (el === anchor || (el.matches(FOCUSABLE) && !el.matches(':disabled'))) && el.getClientRects().length > 0) {
      found.push(el);
    }
    walk(el.shadowRoot ?? el);
  };
  const walk = (node: ParentNode): void => {
    for (const el of Array.from(node.children)) {
      // slotted content is drawn where its slot is (a host's own children are not walked otherwise)
      const assigned = el instanceof HTMLSlotElement ? el.assignedElements({ flatten: true }) : [];
      if (assigned.length > 0) assigned.forEach(visit);
      else visit(el);
    }
  };
  walk(root);
  return found;
}

/** The open modal dialog under `root` (through shadow roots), if any: only its controls can take focus. */
function openModal(root: ParentNode): HTMLDialogElement | null {
  for (const el of Array.from(root.children)) {
    if (el instanceof HTMLDialogElement && el.matches(':modal')) return el;
    const inner = openModal(el.shadowRoot ?? el);
    if (inner) return inner;
  }
  return null;
}

/**
 * Keypad navigation for the whole kiosk: arrows move focus to the next/previous control (Tab works
 * natively too), Enter chooses (native button behaviour), Backspace/Escape call `onBack`.
 * Keys typed into text fields are left to the field.
 */
export class KeyboardNavController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onBack: () => void,
  ) {
    host.addController(this);
  }

  // On window, not the host: when the focused control disappears (a screen changes, a button is
  // disabled) focus falls back to <body>, and the keypad must still work from there.
  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.composedPath()[0];
    const inField = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowRight':
      case 'ArrowUp':
      case 'ArrowLeft': {
        if (inField) return;
        e.preventDefault();
        this.move(e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1);
        return;
      }
      case 'Escape':
        e.preventDefault();
        this.onBack();
        return;
      case 'Backspace':
        if (inField) return;
        e.preventDefault();
        this.onBack();
        return;
    }
  };

  private move(delta: 1 | -1): void {
    const root = this.host.shadowRoot;
    if (!root) return;
    const current = deepActiveElement();
    const items = focusableElements(openModal(root) ?? root, current);
    if (items.length === 0) return;
    const index = items.findIndex((el) => el === current);
    const next = index === -1 ? (delta === 1 ? 0 : items.length - 1) : (index + delta + items.length) % items.length;
    items[next]?.focus();
  }
}
