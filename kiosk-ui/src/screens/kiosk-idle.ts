import { css, html } from 'lit';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { centredScreen, screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

/** Nobody identified yet: place a finger, or use a card. */
export class KioskIdle extends KioskScreen {
  static override styles = [
    screenStyles,
    centredScreen,
    css`
      :host {
        justify-content: center;
      }
      .finger {
        width: min(30vh, 220px);
        height: min(30vh, 220px);
        color: var(--k-primary-bg);
      }
      button.primary {
        min-width: 320px;
      }
      .ways {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        align-items: center;
        gap: calc(var(--k-gap) * 2);
      }
    `,
  ];

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      ${pictogram('finger', 'finger')}
      <h1>${t(this.easyRead ? 'idle.promptEasy' : 'idle.prompt')}</h1>
      <div class="ways">
        <button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'card' })}>
          ${pictogram('card')}<span>${t('idle.useCard')}</span>
        </button>
        <!-- volunteers' way in: beside the card, smaller, so the members' path stays the first thing -->
        <button class="volunteer" @click=${() => fireEvent(this, 'kiosk-community-screen', { to: 'volunteer' })}>
          ${pictogram('heart')}<span>${t('community.idle.volunteer')}</span>
        </button>
      </div>
    `;
  }
}

customElements.define('kiosk-idle', KioskIdle);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-idle': KioskIdle;
  }
}
