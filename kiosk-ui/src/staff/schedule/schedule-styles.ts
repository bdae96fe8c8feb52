import { css, unsafeCSS } from 'lit';
import { ACTIVITY_KINDS } from '../../components/activity-kinds.js';

/** Each kind's bar takes the kind's own colour, the same as on the member screens. */
const kindColours = unsafeCSS(
  Object.entries(ACTIVITY_KINDS)
    .map(([kind, look]) => `[data-kind='${kind}'] { --kind-colour: ${look.ink}; }`)
    .join('\n'),
);

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
  ${kindColours}
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
