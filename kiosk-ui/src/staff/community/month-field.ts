import { css, html } from 'lit';
import { centreTimeZone } from '../../controllers/i18n-controller.js';
import { todayIn } from '../zoned-time.js';

/** What a staff view's `Task.render` shows while reading and when the read failed. */
export function loadingStates(t: (key: 'community.staff.loading' | 'community.staff.loadFailed') => string) {
  return {
    pending: () => html`<p role="status">${t('community.staff.loading')}</p>`,
    error: () => html`<p class="error" role="alert">${t('community.staff.loadFailed')}</p>`,
  };
}

/** The centre's current month, `YYYY-MM`. */
export function thisMonth(): string {
  return todayIn(centreTimeZone.value).slice(0, 7);
}

/** A labelled month picker; `onChange` gets a valid `YYYY-MM` (an emptied field is ignored). */
export function monthField(label: string, value: string, onChange: (month: string) => void) {
  return html`<label class="month">
    <span>${label}</span>
    <input type="month" name="month" required .value=${value}
      @change=${(e: Event) => {
        const month = (e.target as HTMLInputElement).value;
        if (/^\d{4}-\d{2}$/.test(month)) onChange(month);
      }} />
  </label>`;
}

/** Tables of the community staff views: plain, bordered, numbers right-aligned. */
export const communityTableStyles = css`
  /* form fields on the theme's surface (the browser's grey would lose white text in high contrast) */
  select,
  input {
    background: var(--k-surface);
    color: var(--k-fg);
    border: 2px solid var(--k-border);
  }
  label.month {
    display: inline-flex;
    align-items: center;
    gap: 12px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 6px;
  }
  th,
  td {
    border: 1px solid var(--k-border);
    padding: 6px 10px;
    text-align: start;
  }
  td.n,
  th.n {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;

/** Minutes as hours with one decimal (staff tables), e.g. 95 → "1.6". */
export function hoursText(minutes: number): string {
  return (minutes / 60).toFixed(1);
}
