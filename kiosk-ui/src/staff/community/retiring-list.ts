import { html } from 'lit';
import type { MessageKey } from '../../i18n/catalogue.js';
import { KioskScreen } from '../../screens/kiosk-screen.js';
import '../kiosk-confirm-dialog.js';

/**
 * A staff list whose entries can be retired after a confirmation (partner organisations, the
 * volunteer roster): the state, the confirm dialog and the retire call they share. Retiring is
 * appended on the server; the list is read again afterwards.
 */
export abstract class RetiringList<T extends { id: string; name: string }> extends KioskScreen {
  static override properties = { retiring: { state: true }, busy: { state: true }, notice: { state: true }, problem: { state: true } };
  declare retiring: T | null;
  declare busy: boolean;
  declare notice: string;
  declare problem: string;

  constructor() {
    super();
    this.retiring = null;
    this.busy = false;
    this.notice = '';
    this.problem = '';
  }

  /** Retires one entry on the server. */
  protected abstract retireOnServer(id: string): Promise<unknown>;
  /** Reads the list again. */
  protected abstract reload(): Promise<unknown>;

  /** The "retire?" dialog; `question` is the catalogue text with `{name}`. */
  protected retireDialog(question: MessageKey) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<kiosk-confirm-dialog
      .open=${this.retiring !== null}
      .busy=${this.busy}
      .heading=${this.retiring ? t('community.staff.retire') + ' · ' + this.retiring.name : ''}
      .confirmLabel=${t('community.staff.retire')}
      @kiosk-dialog-answer=${(e: CustomEvent<{ confirmed: boolean }>) => {
        e.stopPropagation();
        void this.retire(e.detail.confirmed);
      }}
    ><p>${this.retiring ? t(question, { name: this.retiring.name }) : ''}</p></kiosk-confirm-dialog>`;
  }

  /** The row's retire button (asks first). */
  protected retireButton(entry: T) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<button aria-label=${`${t('community.staff.retire')} ${entry.name}`} @click=${() => (this.retiring = entry)}>${t('community.staff.retire')}</button>`;
  }

  /** Runs an add/register call: busy while it runs, the notice on success, the problem (from `failure`) otherwise. */
  protected async submit<R>(call: () => Promise<R>, done: (result: R) => string, failure: (err: unknown) => MessageKey): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.problem = '';
    try {
      this.notice = done(await call());
      await this.reload();
    } catch (err) {
      this.notice = '';
      this.problem = this.i18n.t(failure(err));
    } finally {
      this.busy = false;
    }
  }

  private async retire(confirmed: boolean): Promise<void> {
    const entry = this.retiring;
    if (!confirmed || !entry) {
      this.retiring = null;
      return;
    }
    this.busy = true;
    try {
      await this.retireOnServer(entry.id);
      this.problem = '';
      await this.reload();
    } catch {
      this.problem = this.i18n.t('community.staff.failed');
    } finally {
      this.busy = false;
      this.retiring = null;
    }
  }
}
