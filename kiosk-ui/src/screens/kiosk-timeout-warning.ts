import { css, html } from 'lit';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

/** "Do you need more time?" with a countdown and a large button that extends. */
export class KioskTimeoutWarning extends KioskScreen {
  static override properties = {
    seconds: { type: Number },
    /** message key variant: member screens or staff mode */
    staff: { type: Boolean },
  };
  declare seconds: number;
  declare staff: boolean;

  static override styles = [
    screenStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        text-align: center;
        gap: calc(var(--k-gap) * 1.5);
        padding: var(--k-gap);
        background: var(--k-warn-bg);
        color: var(--k-warn-fg);
        border: 4px solid currentColor;
        border-radius: var(--k-radius);
      }
      .big {
        width: min(16vh, 120px);
        height: min(16vh, 120px);
      }
      p {
        font-size: var(--k-h1);
        font-weight: 700;
        line-height: 1.25;
      }
      button.primary {
        min-width: 320px;
      }
    `,
  ];

  constructor() {
    super();
    this.seconds = 0;
    this.staff = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      ${pictogram('wait', 'big')}
      <p role="alert">${t(this.staff ? 'mode.signOutWarning' : 'timeout.warning', { seconds: this.seconds })}</p>
      <button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-more-time', {})}>
        ${pictogram('clock')}<span>${t(this.staff ? 'mode.stay' : 'timeout.more')}</span>
      </button>
    `;
  }
}

customElements.define('kiosk-timeout-warning', KioskTimeoutWarning);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-timeout-warning': KioskTimeoutWarning;
  }
}
