import { css } from 'lit';

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
  .error {
    padding: 8px 16px;
    border-radius: var(--k-radius);
    background: var(--k-alert-bg);
    color: var(--k-alert-fg);
    border: 2px solid currentColor;
  }
  .ok {
    padding: 8px 16px;
    border-radius: var(--k-radius);
    background: var(--k-ok-bg);
    color: var(--k-ok-fg);
    border: 2px solid currentColor;
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
`;
