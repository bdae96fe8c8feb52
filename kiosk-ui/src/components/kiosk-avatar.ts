import { LitElement, css, html } from 'lit';
import { screenStyles } from '../styles/theme.js';

/** Dark enough that white initials are ≥ 7:1 on every one of them. */
const COLOURS = ['#0b4f6c', '#5a2a82', '#7a2e0e', '#1b5e20', '#7b1f45', '#2d3a8c'] as const;

/**
 * A member's photo, or a friendly avatar: the name's first character on a colour picked from the name.
 * The colour is decoration only; the name is always shown next to it by the screen.
 */
export class KioskAvatar extends LitElement {
  static override properties = {
    name: { type: String },
    photoUrl: { attribute: false },
    alt: { type: String },
  };

  declare name: string;
  declare photoUrl: string | null;
  declare alt: string;

  static override styles = [
    screenStyles,
    css`
      :host {
        display: inline-block;
        width: min(calc(var(--k-h1) * 3.2), 20vh);
        height: min(calc(var(--k-h1) * 3.2), 20vh);
        flex: none;
      }
      img,
      .initial {
        width: 100%;
        height: 100%;
        border-radius: 50%;
        object-fit: cover;
        border: 4px solid var(--k-border);
      }
      .initial {
        display: flex;
        align-items: center;
        justify-content: center;
        color: #ffffff;
        font-size: min(calc(var(--k-h1) * 1.5), 9vh);
        font-weight: 700;
      }
    `,
  ];

  constructor() {
    super();
    this.name = '';
    this.photoUrl = null;
    this.alt = '';
  }

  override render() {
    if (this.photoUrl) return html`<img src=${this.photoUrl} alt=${this.alt} />`;
    const initial = Array.from(this.name.trim())[0] ?? '?';
    return html`<div class="initial" aria-hidden="true">${initial}</div>`;
  }

  override updated(): void {
    // Colour via CSSOM, not a style attribute: the server's CSP forbids inline styles.
    const el = this.renderRoot.querySelector<HTMLElement>('.initial');
    if (el) el.style.backgroundColor = colourFor(this.name);
  }
}

function colourFor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

customElements.define('kiosk-avatar', KioskAvatar);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-avatar': KioskAvatar;
  }
}
