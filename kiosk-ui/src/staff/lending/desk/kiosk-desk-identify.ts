import { css, html, nothing } from 'lit';
import { ApiFailure, type MemberMatch } from '../../../api/client.js';
import type { IdentifyCapture } from '../../../api/lending-desk.js';
import { CardWedgeController } from '../../../controllers/card-wedge-controller.js';
import { fireEvent } from '../../../fire-event.js';
import { KioskScreen } from '../../../screens/kiosk-screen.js';
import '../../kiosk-member-picker.js';
import { staffViewStyles } from '../../staff-styles.js';
import { CaptureFollower } from './capture-follower.js';
import './desk-events.js';

/** The desk's first step: who is borrowing or returning — their finger, their card, or their name. */
export class KioskDeskIdentify extends KioskScreen {
  static override properties = { problem: { state: true } };
  declare problem: string;

  private readonly follower = new CaptureFollower(this, (c) => this.settled(c));
  protected readonly wedge = new CardWedgeController(this, (card) => void this.card(card));

  static override styles = [
    ...staffViewStyles,
    css`
      .finger {
        display: grid;
        gap: 12px;
        justify-items: start;
      }
    `,
  ];

  constructor() {
    super();
    this.problem = '';
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const waiting = this.follower.capture?.state === 'waiting';
    return html`
      <h3>${t('lendingDesk.identify.heading')}</h3>
      <div class="finger">
        ${waiting
          ? html`<p class="warn" role="status" data-capture>${t('lendingDesk.identify.waiting')}</p>
              <button @click=${() => this.follower.stop()}>${t('lendingDesk.identify.stop')}</button>`
          : html`<button class="primary" data-primary @click=${() => void this.start()}>${t('lendingDesk.identify.finger')}</button>`}
        <p class="muted">${t('lendingDesk.identify.cardHint')}</p>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <h4>${t('lendingDesk.identify.byName')}</h4>
      <kiosk-member-picker @kiosk-member-picked=${(e: CustomEvent<{ member: MemberMatch }>) => this.chosen(e.detail.member.id)}></kiosk-member-picker>
    `;
  }

  private async start(): Promise<void> {
    this.problem = '';
    try {
      await this.follower.start('member');
    } catch (err) {
      this.problem = this.failure(err);
    }
  }

  private async card(cardNumber: string): Promise<void> {
    this.problem = '';
    try {
      if (this.follower.capture?.state !== 'waiting') await this.follower.start('member');
      await this.follower.card(cardNumber);
    } catch (err) {
      this.problem = this.failure(err);
    }
  }

  private settled(capture: IdentifyCapture): void {
    if (capture.state === 'matched' && capture.member) return this.chosen(capture.member.id);
    const t = this.i18n.t.bind(this.i18n);
    if (capture.state === 'no_match') this.problem = t(capture.method === 'card' ? 'lendingDesk.identify.unknownCard' : 'lendingDesk.identify.noMatch');
    else if (capture.state === 'expired') this.problem = t('lendingDesk.identify.expired');
    this.requestUpdate();
  }

  private chosen(memberId: string): void {
    this.follower.stop();
    fireEvent(this, 'lending-member', { memberId });
  }

  private failure(err: unknown): string {
    const busy = err instanceof ApiFailure && err.status === 409;
    return this.i18n.t(busy ? 'lendingDesk.identify.readerBusy' : 'lendingDesk.error.failed');
  }

}

customElements.define('kiosk-desk-identify', KioskDeskIdentify);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-desk-identify': KioskDeskIdentify;
  }
}
