import { css } from 'lit';

/**
 * What the sessions screens share: the kind badge (pictogram + word, and a colour bar that is never
 * the only cue) and the status words of a cancelled or moved date.
 */
export const scheduleStyles = css`
  .kind {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 700;
    border-left: 8px solid var(--kind-colour, var(--k-border));
    padding-left: 8px;
  }
  .kind .picto {
    width: 28px;
    height: 28px;
    flex: none;
  }
  [data-kind='day_care'] {
    --kind-colour: #1b6e3a;
  }
  [data-kind='assisted_employment'] {
    --kind-colour: #8a4b00;
  }
  [data-kind='skills_training'] {
    --kind-colour: #0b4a8b;
  }
  [data-kind='rehabilitation'] {
    --kind-colour: #7a1f6e;
  }
  [data-kind='culture_sports'] {
    --kind-colour: #a32100;
  }
  [data-kind='other'] {
    --kind-colour: #4a4a4a;
  }
  .status {
    display: inline-block;
    padding: 0 8px;
    border: 2px solid currentColor;
    border-radius: var(--k-radius);
  }
  .status[data-status='cancelled'] {
    background: var(--k-alert-bg);
    color: var(--k-alert-fg);
  }
  .status[data-status='moved'] {
    background: var(--k-warn-bg);
    color: var(--k-warn-fg);
  }
  section {
    display: grid;
    gap: 8px;
  }
  h3 {
    margin: 0;
    font-size: 22px;
  }
  .cancelled-title {
    text-decoration: line-through;
  }
`;
