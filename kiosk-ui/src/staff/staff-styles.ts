import { css } from 'lit';
import { screenStyles } from '../styles/theme.js';

/** Staff screens: denser than member screens (targets ≥ 44 px, text 20 px+), same theme and focus ring. */
export const staffStyles = css`
  :host {
    font-size: 20px;
    --k-target: 48px;
    --k-primary-h: 56px;
    --k-h1: 30px;
    --k-h2: 24px;
  }
  button {
    padding: 8px 18px;
  }
  button.primary {
    font-size: 22px;
  }
  .error,
  .warn,
  .ok {
    padding: 8px 16px;
    border-radius: var(--k-radius);
    border: 2px solid currentColor;
  }
  .error {
    background: var(--k-alert-bg);
    color: var(--k-alert-fg);
  }
  .warn {
    background: var(--k-warn-bg);
    color: var(--k-warn-fg);
  }
  .ok {
    background: var(--k-ok-bg);
    color: var(--k-ok-fg);
  }
  fieldset {
    border: 2px solid var(--k-border);
    border-radius: var(--k-radius);
    padding: 12px 16px;
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 8px;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 10px;
    min-height: 48px;
    min-width: 48px;
    padding: 4px 14px 4px 8px;
    border: 2px solid var(--k-border);
    border-radius: var(--k-radius);
    cursor: pointer;
  }
  .choice input {
    width: 28px;
    height: 28px;
    min-height: 0;
    margin: 0;
  }
  .options,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }
  .actions {
    gap: var(--k-gap);
  }
  label.field {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .who label.field {
    margin-top: 12px;
  }
  label.search {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
  }
  label.search input {
    flex: 1 1 16em;
  }
  ul.rows {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  /* Chromium moves the focus into the date and time fields' parts, where :focus alone draws no ring */
  input:focus-within {
    outline: 5px solid var(--k-focus);
    outline-offset: 4px;
    box-shadow: 0 0 0 4px var(--k-focus-halo);
  }
  /* a note or reason typed by staff (alert notes, cancel and move reasons) */
  textarea {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 96px;
    padding: 8px 12px;
    border: 3px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-surface);
  }
  textarea:focus {
    outline: 5px solid var(--k-focus);
    outline-offset: 4px;
    box-shadow: 0 0 0 4px var(--k-focus-halo);
  }
  textarea[aria-invalid='true'] {
    border-width: 5px;
    border-style: double;
  }
  ul.rows > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding-bottom: 8px;
    border-bottom: 1px solid var(--k-border);
  }
`;

/** A staff view laid out as one column of blocks (heading, text, controls) with the usual gap. */
export const staffViewStyles = [
  screenStyles,
  staffStyles,
  css`
    :host {
      display: grid;
      gap: var(--k-gap);
      align-content: start;
    }
  `,
];

/** A row of view buttons; the one shown is marked `aria-current="page"` and filled. */
export const staffNavStyles = css`
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }
  nav button[aria-current='page'] {
    background: var(--k-primary-bg);
    color: var(--k-primary-fg);
  }
`;
