import { css } from 'lit';

/**
 * Design tokens, set on `<kiosk-app>` and inherited through every shadow root. The default theme,
 * `high-contrast` and `large-text` are attribute switches on the host (ProfileController reflects them).
 * Every text/background pair here is ≥ 7:1.
 */
export const themeTokens = css`
  :host {
    --k-bg: #fbfaf7;
    --k-fg: #161616;
    --k-muted: #3a3a3a;
    --k-surface: #ffffff;
    --k-border: #4a4a4a;
    --k-primary-bg: #0b4a8b;
    --k-primary-fg: #ffffff;
    --k-secondary-bg: #e8eef6;
    --k-secondary-fg: #0b2f59;
    --k-secondary-border: #0b4a8b;
    --k-help-bg: #a32100;
    --k-help-fg: #ffffff;
    --k-ok-bg: #e3f2e6;
    --k-ok-fg: #0d3f1b;
    --k-warn-bg: #fff3cf;
    --k-warn-fg: #3f2900;
    --k-alert-bg: #fde8e8;
    --k-alert-fg: #6e0000;
    --k-focus: #111111;
    --k-focus-halo: #ffd400;

    --k-font: 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', system-ui, sans-serif;
    --k-text: 28px;
    --k-text-small: 24px;
    --k-h1: 48px;
    --k-h2: 34px;
    --k-target: 72px;
    --k-primary-h: 104px;
    --k-gap: 20px;
    --k-radius: 14px;
  }
  :host([large-text]) {
    --k-text: 40px;
    --k-text-small: 34px;
    --k-h1: 64px;
    --k-h2: 48px;
    --k-target: 96px;
    --k-primary-h: 128px;
  }
  :host([high-contrast]) {
    --k-bg: #000000;
    --k-fg: #ffffff;
    --k-muted: #ffffff;
    --k-surface: #000000;
    --k-border: #ffffff;
    --k-primary-bg: #ffd400;
    --k-primary-fg: #000000;
    --k-secondary-bg: #000000;
    --k-secondary-fg: #ffd400;
    --k-secondary-border: #ffd400;
    --k-help-bg: #ffffff;
    --k-help-fg: #000000;
    --k-ok-bg: #000000;
    --k-ok-fg: #7dff9a;
    --k-warn-bg: #000000;
    --k-warn-fg: #ffd400;
    --k-alert-bg: #000000;
    --k-alert-fg: #ff9f9f;
    --k-focus: #ffffff;
    --k-focus-halo: #0050ff;
  }
`;

/** Shared element styles for screens: buttons, focus ring, text sizes. */
export const screenStyles = css`
  :host {
    display: block;
    color: var(--k-fg);
    font-family: var(--k-font);
    font-size: var(--k-text);
    line-height: 1.4;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  h1 {
    font-size: var(--k-h1);
    line-height: 1.25;
  }
  h2 {
    font-size: var(--k-h2);
    line-height: 1.3;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    min-width: var(--k-target);
    min-height: var(--k-target);
    padding: 12px 28px;
    border-radius: var(--k-radius);
    border: 3px solid var(--k-secondary-border);
    background: var(--k-secondary-bg);
    color: var(--k-secondary-fg);
    font-weight: 600;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 14px;
    touch-action: manipulation;
    user-select: none;
  }
  button.primary {
    background: var(--k-primary-bg);
    color: var(--k-primary-fg);
    border-color: var(--k-primary-bg);
    min-height: var(--k-primary-h);
    font-size: var(--k-h2);
  }
  button.help {
    background: var(--k-help-bg);
    color: var(--k-help-fg);
    border-color: var(--k-help-bg);
  }
  button[disabled] {
    cursor: default;
    opacity: 1;
    text-decoration: line-through;
  }
  button:focus,
  input:focus,
  select:focus,
  [tabindex]:focus {
    outline: 5px solid var(--k-focus);
    outline-offset: 4px;
    box-shadow: 0 0 0 4px var(--k-focus-halo);
  }
  input {
    min-height: var(--k-target);
    padding: 8px 16px;
    border: 3px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-surface);
  }
  .picto {
    width: 1.4em;
    height: 1.4em;
    flex: none;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--k-gap);
    align-items: center;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--k-gap);
  }
  .muted {
    color: var(--k-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The layout most member screens share: one centred column of heading, pictogram, choices. */
export const centredScreen = css`
  :host {
    padding: var(--k-gap);
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    gap: calc(var(--k-gap) * 1.5);
  }
`;
