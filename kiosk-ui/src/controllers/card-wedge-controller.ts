import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A keyboard-wedge card reader "types" the whole number faster than any person: ≤ this gap per key. */
const MAX_GAP_MS = 60;
const MIN_LENGTH = 4;

/**
 * Picks card numbers out of the keyboard stream: a burst of fast characters ending in Enter.
 * Keys typed into a text field are left alone (the card screen's own input handles those), and a
 * slow typist's keys are never swallowed.
 */
export class CardWedgeController implements ReactiveController {
  /** Off on staff screens, where digits are a PIN. */
  enabled = true;
  private buffer = '';
  private lastAt = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly onCard: (cardNumber: string) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown, true);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown, true);
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (!this.enabled || isTextField(e)) {
      this.buffer = '';
      return;
    }
    const now = e.timeStamp;
    if (now - this.lastAt > MAX_GAP_MS) this.buffer = '';
    this.lastAt = now;
    if (e.key === 'Enter') {
      const card = this.buffer;
      this.buffer = '';
      if (card.length >= MIN_LENGTH) {
        // The Enter ends the card number; it must not also press the focused button.
        e.preventDefault();
        e.stopPropagation();
        this.onCard(card);
      }
      return;
    }
    if (e.key.length === 1 && /[0-9A-Za-z]/.test(e.key)) this.buffer += e.key;
    else this.buffer = '';
  };
}

function isTextField(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0];
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
