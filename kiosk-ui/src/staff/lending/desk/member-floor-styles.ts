import { css } from 'lit';
import { screenStyles } from '../../../styles/theme.js';

/**
 * The member-facing screens of the loan desk (acknowledgement, summary) sit inside staff mode but are at
 * the MEMBER floor: the theme's member sizes (text ≥ 24 px, targets ≥ 72 px, primary ≥ 104 px), centred.
 */
export const memberFloorStyles = [
  screenStyles,
  css`
    :host {
      /* the member sizes again (staff mode sets its denser ones on the way down) */
      --k-text: 28px;
      --k-text-small: 24px;
      --k-h1: 48px;
      --k-h2: 34px;
      --k-target: 72px;
      --k-primary-h: 104px;
      font-size: var(--k-text);
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      gap: var(--k-gap);
      padding: var(--k-gap);
      border: 4px solid var(--k-border);
      border-radius: var(--k-radius);
      background: var(--k-surface);
    }
    /* the large-text mode of the kiosk (a member's profile) applies here too */
    :host-context([large-text]) {
      --k-text: 40px;
      --k-text-small: 34px;
      --k-h1: 64px;
      --k-h2: 48px;
      --k-target: 96px;
      --k-primary-h: 128px;
    }
    /* the device's picture beside its words, so the screen fits without scrolling even in large text */
    .what {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: center;
      gap: var(--k-gap);
    }
    .words {
      display: grid;
      gap: 12px;
      justify-items: start;
      text-align: start;
    }
    .device {
      width: 160px;
      height: 160px;
      flex: none;
    }
    .device .picto,
    .device img {
      width: 100%;
      height: 100%;
      object-fit: contain;
    }
    .big {
      font-size: var(--k-h2);
      font-weight: 700;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: var(--k-gap);
    }
    .choices button .picto {
      width: 48px;
      height: 48px;
    }
    .status {
      padding: 12px 20px;
      border-radius: var(--k-radius);
      border: 3px solid currentColor;
      background: var(--k-warn-bg);
      color: var(--k-warn-fg);
    }
    .status.error {
      background: var(--k-alert-bg);
      color: var(--k-alert-fg);
    }
    input {
      min-width: min(16em, 100%);
    }
    label.field {
      display: flex;
      flex-direction: column;
      gap: 8px;
      align-items: center;
    }
  `,
];
