import { css } from 'lit';

/**
 * The inventory's forms: the blocks of a fieldset one under another, 12 px apart (targets stay ≥ 8 px
 * apart); choice lists (entry, status) drawn like the text fields.
 */
export const inventoryFormStyles = css`
  fieldset {
    display: grid;
    gap: 12px;
    min-width: 0;
  }
  .options {
    align-items: end;
  }
  select {
    min-height: var(--k-target);
    padding: 8px 12px;
    border: 3px solid var(--k-border);
    border-radius: var(--k-radius);
    background: var(--k-surface);
    max-width: 100%;
  }
`;
