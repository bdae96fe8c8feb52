import { css, html, nothing } from 'lit';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { centredScreen, screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

/** Card screen: the wedge reader (or a person) types the card number into a labelled field. */
export class KioskCard extends KioskScreen {
  static override properties = { busy: { type: Boolean } };
  declare busy: boolean;

  static override styles = [
    screenStyles,
    centredScreen,
    css`
      :host {
        gap: var(--k-gap);
      }
      .big {
        width: min(14vh, 120px);
        height: min(14vh, 120px);
        color: var(--k-primary-bg);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--k-gap);
        align-items: end;
        justify-content: center;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 8px;
        text-align: start;
      }
      input {
        width: 10em;
        font-size: var(--k-h2);
        letter-spacing: 0.1em;
      }
    `,
  ];

  constructor() {
    super();
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      ${pictogram('card', 'big')}
      <h1>${t('card.heading')}</h1>
      <p>${t('card.prompt')}</p>
      <form @submit=${this.onSubmit}>
        <label>
          <span>${t('card.label')}</span>
          <input
            name="card"
            data-primary
            autocomplete="off"
            inputmode="numeric"
            enterkeyhint="done"
            ?readonly=${this.busy}
            @keydown=${this.onKeyDown}
          />
        </label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${pictogram('yes')}<span>${t('card.submit')}</span></button>
        <button type="button" @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'idle' })}>
          ${pictogram('back')}<span>${t('frame.back')}</span>
        </button>
      </form>
      <p role="status">${this.busy ? t('card.checking') : nothing}</p>
    `;
  }

  private onKeyDown(e: KeyboardEvent): void {
    // Escape goes back even from inside the field; Backspace there deletes a digit as usual.
    if (e.key === 'Escape') {
      e.stopPropagation();
      fireEvent(this, 'kiosk-navigate', { to: 'idle' });
    }
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (!this.busy) sendTypedCard(this, e.target as HTMLFormElement);
  }
}

/** Sends the number typed into a form's `card` field as `kiosk-card` (if any) and empties the field. */
export function sendTypedCard(host: HTMLElement, form: HTMLFormElement): void {
  const input = form.elements.namedItem('card') as HTMLInputElement | null;
  const cardNumber = input?.value.trim() ?? '';
  if (!cardNumber) return;
  if (input) input.value = '';
  fireEvent(host, 'kiosk-card', { cardNumber });
}

customElements.define('kiosk-card', KioskCard);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-card': KioskCard;
  }
}
