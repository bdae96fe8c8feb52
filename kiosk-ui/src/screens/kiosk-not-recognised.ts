import { css, html, nothing } from 'lit';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { centredScreen, screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

/** After this many misses in a row the card and "call staff" are offered prominently. */
export const MISSES_BEFORE_OFFER = 3;

/** The finger (or card) was not recognised: say what to do next. */
export class KioskNotRecognised extends KioskScreen {
  static override properties = {
    misses: { type: Number },
    /** 'card' when the card number was not found */
    via: { type: String },
  };
  declare misses: number;
  declare via: 'finger' | 'card';

  static override styles = [
    screenStyles,
    centredScreen,
    css`
      .big {
        width: min(22vh, 160px);
        height: min(22vh, 160px);
        color: var(--k-fg);
      }
      .offer {
        display: flex;
        flex-wrap: wrap;
        gap: calc(var(--k-gap) * 1.5);
        justify-content: center;
        width: 100%;
      }
      .offer button {
        flex: 1 1 280px;
        max-width: 440px;
      }
    `,
  ];

  constructor() {
    super();
    this.misses = 1;
    this.via = 'finger';
  }

  /** The words shown and spoken for this state (kiosk-app speaks them). */
  message(): string {
    const t = this.i18n.t.bind(this.i18n);
    if (this.via === 'card') return t('unknown.cardNotFound');
    if (this.misses >= MISSES_BEFORE_OFFER) return t('unknown.spokenOffer');
    return t('unknown.prompt');
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const offer = this.misses >= MISSES_BEFORE_OFFER || this.via === 'card';
    return html`
      ${pictogram(this.via === 'card' ? 'card' : 'finger', 'big')}
      <h1>${this.via === 'card' ? t('unknown.heading') : t(this.easyRead ? 'unknown.promptEasy' : 'unknown.prompt')}</h1>
      ${this.via === 'card' ? html`<p>${t('unknown.cardNotFound')}</p>` : nothing}
      ${offer
        ? html`
            ${this.via === 'card' ? nothing : html`<p>${t('unknown.offer')}</p>`}
            <div class="offer">
              <button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'card' })}>
                ${pictogram('card')}<span>${t('idle.useCard')}</span>
              </button>
              <button class="primary help" @click=${() => fireEvent(this, 'kiosk-call-staff', { memberId: null })}>
                ${pictogram('help')}<span>${t('frame.callStaff')}</span>
              </button>
            </div>
          `
        : html`<button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'card' })}>
            ${pictogram('card')}<span>${t('idle.useCard')}</span>
          </button>`}
    `;
  }
}

customElements.define('kiosk-not-recognised', KioskNotRecognised);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-not-recognised': KioskNotRecognised;
  }
}
