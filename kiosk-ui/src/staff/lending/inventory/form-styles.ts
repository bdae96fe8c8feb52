import { css } from 'lit';

/** The inventory's forms: the blocks of a fieldset one under another, 12 px apart (targets stay ≥ 8 px apart). */
export const inventoryFormStyles = css`
  fieldset {
    display: grid;
    gap: 12px;
    min-width: 0;
  }
  .options {
    align-items: end;
  }
`;
