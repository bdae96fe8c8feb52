import { css } from 'lit';
import { activityKindStyles } from '../../components/activity-kinds.js';

/**
 * What the sessions screens share: the kind badge (pictogram + word, and a colour bar that is never
 * the only cue) and the status words of a cancelled or moved date. The kind's colour is the member
 * screens' (`kind-<kind>` classes of `components/activity-kinds.ts`), so a kind looks the same to both.
 */
export const scheduleStyles = [
  ...activityKindStyles,
  css`
  .kind {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 700;
    border-left: 8px solid var(--kind-ink, var(--k-border));
    padding-left: 8px;
  }
  .kind .picto {
    width: 28px;
    height: 28px;
    flex: none;
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
`,
];
