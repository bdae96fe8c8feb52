import { html, nothing } from 'lit';
import { ApiFailure } from '../../../api/client.js';
import { lendingDeskApi, type IdentifyCapture, type LoanAcknowledgement } from '../../../api/lending-desk.js';
import { DEVICE_KINDS } from '../../../components/device-kinds.js';
import { pictogram } from '../../../components/pictograms.js';
import { CardWedgeController } from '../../../controllers/card-wedge-controller.js';
import { SpeechController } from '../../../controllers/speech-controller.js';
import { fireEvent } from '../../../fire-event.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import { dayText } from '../../alert-words.js';
import { CaptureFollower } from './capture-follower.js';
import type { CheckoutDraft } from './checkout-draft.js';
import './desk-events.js';
import { memberFloorStyles } from './member-floor-styles.js';
import { refusalText } from './refusal-words.js';

type Witness = null | 'choose' | 'guardian';

/**
 * MEMBER-FACING: the borrower (or their guardian) sees and hears what they take and when it comes back,
 * then confirms with their finger (or card), or staff witness their "yes". Then the loan is checked out.
 */
export class KioskDeskAcknowledge extends KioskScreen {
  static override properties = {
    draft: { attribute: false },
    witness: { state: true },
    guardianName: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  declare draft: CheckoutDraft;
  declare witness: Witness;
  declare guardianName: string;
  declare problem: string;
  declare busy: boolean;

  private readonly speech = new SpeechController(this);
  private readonly follower = new CaptureFollower(this, (c) => void this.settled(c));
  protected readonly wedge = new CardWedgeController(this, (card) => void this.byCard(card));

  static override styles = memberFloorStyles;

  constructor() {
    super();
    this.witness = null;
    this.guardianName = '';
    this.problem = '';
    this.busy = false;
  }

  private get dueWords(): string {
    return this.i18n.t('lendingDesk.ack.due', { date: dayText(this.i18n, this.draft.input.dueOn) });
  }

  override firstUpdated(): void {
    this.speech.say(`${this.i18n.t('lendingDesk.ack.spoken', { item: this.draft.item.catalogueName })}${this.dueWords}`);
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const { item } = this.draft;
    const waiting = this.follower.capture?.state === 'waiting';
    return html`
      <h2 tabindex="-1">${t('lendingDesk.ack.heading', { name: this.draft.member.name })}</h2>
      <div class="what">
        <div class="device">${this.draft.photoPath
          ? html`<img src=${this.draft.photoPath} alt=${item.catalogueName} />`
          : pictogram(DEVICE_KINDS[item.category].pictogram)}</div>
        <div class="words">
          <p class="big" data-item>${item.catalogueName}</p>
          <p class="big" data-due>${this.dueWords}</p>
        </div>
      </div>
      ${this.problem ? html`<p class="status error" role="alert">${this.problem}</p>` : nothing}
      ${waiting ? html`<p class="status" role="status">${t('lendingDesk.ack.putFinger')}</p>` : nothing}
      ${this.witness ? this.renderWitness() : html`<div class="choices">
        <button class="primary" data-primary ?disabled=${this.busy || waiting} @click=${() => void this.byFinger()}>
          ${pictogram('finger')}<span>${t('lendingDesk.ack.finger')}</span></button>
        <button ?disabled=${this.busy} @click=${() => this.chooseWitness('choose')}>${pictogram('people')}<span>${t('lendingDesk.ack.witness')}</span></button>
      </div>`}
      <div class="choices">
        <button @click=${() => this.speech.repeat()}>${pictogram('speaker')}<span>${t('frame.repeat')}</span></button>
        <button @click=${() => this.back()}>${pictogram('back')}<span>${t('frame.back')}</span></button>
      </div>
    `;
  }

  private renderWitness() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.witness === 'guardian') {
      return html`<label class="field"><span>${t('lendingDesk.ack.guardianName')}</span>
          <input name="guardian-name" autocomplete="off" .value=${this.guardianName}
            @input=${(e: InputEvent) => (this.guardianName = (e.target as HTMLInputElement).value)} /></label>
        <div class="choices">
          <button class="primary" data-primary ?disabled=${this.busy}
            @click=${() => void this.witnessed('guardian')}>${pictogram('yes')}<span>${t('lendingDesk.ack.confirm')}</span></button>
        </div>`;
    }
    return html`<div class="choices">
      <button class="primary" data-primary ?disabled=${this.busy} @click=${() => void this.witnessed('self')}>
        ${pictogram('yes')}<span>${t('lendingDesk.ack.self')}</span></button>
      <button ?disabled=${this.busy} @click=${() => this.chooseWitness('guardian')}>${pictogram('people')}<span>${t('lendingDesk.ack.guardian')}</span></button>
    </div>`;
  }

  /** Escape/Backspace: out of the witness choice first, then back to the staff's loan form. */
  back(): boolean {
    if (this.witness) {
      this.chooseWitness(this.witness === 'guardian' ? 'choose' : null);
      return true;
    }
    this.follower.stop();
    fireEvent(this, 'lending-go', { to: 'lend' });
    return true;
  }

  private chooseWitness(witness: Witness): void {
    this.witness = witness;
    this.problem = '';
    this.follower.stop();
    void this.focusPrimary();
  }

  private async byFinger(): Promise<void> {
    this.problem = '';
    try {
      await this.follower.start('acknowledge', this.draft.member.id);
      this.speech.say(this.i18n.t('lendingDesk.ack.putFinger'));
    } catch {
      this.fail('lendingDesk.error.failed');
    }
  }

  /** The borrower's card at the wedge confirms like their finger (a capture is started when none waits). */
  private async byCard(cardNumber: string): Promise<void> {
    if (this.witness || this.busy) return;
    this.problem = '';
    try {
      if (this.follower.capture?.state !== 'waiting') await this.follower.start('acknowledge', this.draft.member.id);
      await this.follower.card(cardNumber);
    } catch {
      this.fail('lendingDesk.error.failed');
    }
  }

  private async settled(capture: IdentifyCapture): Promise<void> {
    if (capture.state === 'matched' && capture.method) {
      await this.checkout({ method: capture.method, captureId: capture.id });
      return;
    }
    this.fail(capture.state === 'no_match' ? 'lendingDesk.ack.notThem' : 'lendingDesk.ack.expired');
  }

  private async witnessed(by: 'self' | 'guardian'): Promise<void> {
    const name = this.guardianName.trim();
    if (by === 'guardian' && !name) return this.fail('lendingDesk.ack.guardianNeeded');
    await this.checkout(by === 'guardian' ? { method: 'staff_witnessed', by, guardianName: name } : { method: 'staff_witnessed', by });
  }

  private async checkout(acknowledgement: LoanAcknowledgement): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      const loan = await lendingDeskApi.checkout({ ...this.draft.input, acknowledgement });
      fireEvent(this, 'lending-checked-out', { loan });
    } catch (err) {
      this.problem = this.explain(err);
      this.speech.say(this.problem);
    } finally {
      this.busy = false;
    }
  }

  private explain(err: unknown): string {
    const t = this.i18n.t.bind(this.i18n);
    if (!(err instanceof ApiFailure)) return t('lendingDesk.error.failed');
    if (err.code === 'item_not_available') return t('lendingDesk.ack.taken');
    if (err.code === 'invalid_due_on') return t('lendingDesk.ack.invalidDue');
    if (err.code === 'acknowledgement_invalid') return t('lendingDesk.ack.ackInvalid');
    if (err.code === 'not_eligible' && Array.isArray(err.body['refusals'])) {
      return (err.body['refusals'] as Parameters<typeof refusalText>[1][]).map((r) => refusalText(this.i18n, r)).join(' ');
    }
    return t('lendingDesk.error.failed');
  }

  private fail(key: 'lendingDesk.error.failed' | 'lendingDesk.ack.notThem' | 'lendingDesk.ack.expired' | 'lendingDesk.ack.guardianNeeded'): void {
    this.problem = this.i18n.t(key);
    this.speech.say(this.problem);
  }
}

customElements.define('kiosk-desk-acknowledge', KioskDeskAcknowledge);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-desk-acknowledge': KioskDeskAcknowledge;
  }
}
