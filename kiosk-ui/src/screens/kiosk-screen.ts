import { LitElement } from 'lit';
import { I18nController } from '../controllers/i18n-controller.js';
import { ProfileController } from '../controllers/profile-controller.js';
import { screenStyles } from '../styles/theme.js';

/**
 * What every screen has: the message catalogue, the profile in force, the shared styles, and a way
 * for `<kiosk-app>` to put keyboard focus on the screen's main choice (marked `data-primary`).
 */
export abstract class KioskScreen extends LitElement {
  static override styles = [screenStyles];

  protected readonly i18n = new I18nController(this);
  protected readonly profileCtl = new ProfileController(this);

  protected get easyRead(): boolean {
    return this.profileCtl.profile.easyRead;
  }

  async focusPrimary(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-primary]')?.focus();
  }
}
