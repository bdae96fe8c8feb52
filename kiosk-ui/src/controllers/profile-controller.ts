import type { ReactiveControllerHost } from 'lit';
import type { AccessibilityProfile } from '../../../edge-server/src/api-types.js';
import { Store, StoreController } from './store.js';

/** The profile before anyone is identified (same values as the server's DEFAULT_PROFILE). */
export const NEUTRAL_PROFILE: AccessibilityProfile = {
  speech: true,
  largeText: false,
  highContrast: false,
  easyRead: false,
  timeoutScale: 1,
};

/** The accessibility profile in force: the identified member's, or the neutral one on idle and staff screens. */
export const profileStore = new Store<AccessibilityProfile>(NEUTRAL_PROFILE);

/**
 * Gives an element the profile in force and re-renders it when it changes. With `reflect`, the host
 * also mirrors it as attributes (`large-text`, `high-contrast`, `easy-read`) that the theme keys on.
 */
export class ProfileController extends StoreController<AccessibilityProfile> {
  constructor(
    private readonly element: ReactiveControllerHost & HTMLElement,
    private readonly reflect = false,
  ) {
    super(element, profileStore);
  }

  get profile(): AccessibilityProfile {
    return this.value;
  }

  hostUpdate(): void {
    if (!this.reflect) return;
    const p = this.value;
    this.element.toggleAttribute('large-text', p.largeText);
    this.element.toggleAttribute('high-contrast', p.highContrast);
    this.element.toggleAttribute('easy-read', p.easyRead);
  }
}
