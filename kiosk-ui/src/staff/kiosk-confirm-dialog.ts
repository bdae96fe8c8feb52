import { css, html, type PropertyValues } from 'lit';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { screenStyles } from '../styles/theme.js';
import { staffStyles } from './staff-styles.js';

/**
 * A modal question before something that cannot be undone. The slotted content says plainly what
 * will happen; focus starts on Cancel; Escape or Backspace cancels. Answers with `kiosk-dialog-answer`;
 * the owner closes it by clearing `open`.
 */
export class KioskConfirmDialog extends KioskScreen {
  static override properties = {
    open: { type: Boolean },
    heading: { attribute: false },
    confirmLabel: { attribute: false },
    /** the confirmed action is running: the confirm button waits */
    busy: { type: Boolean },
  };
  declare open: boolean;
  declare heading: string;
  declare confirmLabel: string;
  declare busy: boolean;

  static override styles = [
    screenStyles,
    staffStyles,
    css`
      dialog {
        max-width: min(720px, calc(100vw - 32px));
        max-height: calc(100vh - 32px);
        overflow: auto;
        padding: 24px;
        border: 4px solid var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
        color: var(--k-fg);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.6);
      }
      .body {
        display: grid;
        gap: 16px;
        margin: 16px 0 24px;
      }
    `,
  ];

  constructor() {
    super();
    this.open = false;
    this.heading = '';
    this.confirmLabel = '';
    this.busy = false;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<dialog aria-labelledby="heading" aria-describedby="body" @keydown=${this.onKey} @cancel=${this.onCancel}>
      <h2 id="heading">${this.heading}</h2>
      <div class="body" id="body"><slot></slot></div>
      <div class="actions">
        <button autofocus @click=${() => this.answer(false)}>${t('fp.cancel')}</button>
        <button class="primary" ?disabled=${this.busy} @click=${() => this.answer(true)}>${this.confirmLabel}</button>
      </div>
    </dialog>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) dialog.showModal();
    else if (!this.open && dialog.open) dialog.close();
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.composedPath()[0];
    // Backspace in a text field deletes a character (a note is typed in a textarea)
    const inField = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (e.key !== 'Escape' && !(e.key === 'Backspace' && !inField)) return;
    // handled here: the kiosk's own Escape/Backspace ("go back") must not also leave the screen behind
    e.preventDefault();
    this.answer(false);
  }

  private onCancel(e: Event): void {
    e.preventDefault();
    this.answer(false);
  }

  private answer(confirmed: boolean): void {
    fireEvent(this, 'kiosk-dialog-answer', { confirmed });
  }
}

customElements.define('kiosk-confirm-dialog', KioskConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-confirm-dialog': KioskConfirmDialog;
  }
}
