import { css } from 'lit';
import { screenStyles, themeTokens } from './styles/theme.js';

/** The frame's styles: header, screen area, the fixed "call staff" / "repeat" bar, notices. */
export const kioskAppStyles = [
  themeTokens,
  screenStyles,
  css`
    :host {
      position: fixed;
      inset: 0;
      display: grid;
      grid-template-rows: auto auto 1fr auto;
      background: var(--k-bg);
      color: var(--k-fg);
      overflow: hidden;
    }
    header,
    footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--k-gap);
      padding: 12px var(--k-gap);
      border-color: var(--k-border);
      border-style: solid;
      border-width: 0;
    }
    header {
      border-bottom-width: 2px;
    }
    footer {
      border-top-width: 2px;
      justify-content: space-between;
    }
    .centre {
      font-weight: 700;
      flex: 1 1 auto;
      min-width: 0;
    }
    .clock {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      font-variant-numeric: tabular-nums;
      font-size: var(--k-h2);
      font-weight: 700;
    }
    .banners {
      display: grid;
      padding: 0 var(--k-gap);
    }
    .banners .banner {
      margin: 8px 0 0;
    }
    .banner {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 16px;
      border-radius: var(--k-radius);
      border: 2px solid currentColor;
      font-weight: 600;
    }
    .banner.info {
      background: var(--k-warn-bg);
      color: var(--k-warn-fg);
    }
    .banner.ok {
      background: var(--k-ok-bg);
      color: var(--k-ok-fg);
    }
    .banner.alert {
      background: var(--k-alert-bg);
      color: var(--k-alert-fg);
    }
    main {
      overflow: auto;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }
    .screen {
      flex: 1 0 auto;
      display: flex;
      flex-direction: column;
    }
    .screen > * {
      flex: 1 0 auto;
    }
    main > kiosk-timeout-warning {
      flex: 1 0 auto;
      margin: var(--k-gap);
    }
    footer button {
      flex: 0 1 auto;
    }
    footer button.help {
      min-height: var(--k-primary-h);
      font-size: var(--k-h2);
      margin-inline-start: auto;
    }
  `,
];
