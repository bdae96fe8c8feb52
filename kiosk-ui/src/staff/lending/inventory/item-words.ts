import { css, html, nothing } from 'lit';
import type { Item, ItemStatus } from '../../../api/lending-inventory.js';
import { DEVICE_KINDS, statusWord } from '../../../components/device-kinds.js';
import { pictogram, type PictogramName } from '../../../components/pictograms.js';
import type { I18nController } from '../../../controllers/i18n-controller.js';

/** One pictogram per status, always next to the status word (never colour alone). */
const STATUS_PICTOGRAMS: Record<ItemStatus, PictogramName> = {
  available: 'yes',
  on_loan: 'forward',
  reserved: 'calendar',
  cleaning: 'broom',
  maintenance: 'key',
  retired: 'no',
};

/** The status as pictogram + word. */
export function statusBadge(i18n: I18nController, status: ItemStatus) {
  return html`<span class="badge" data-status=${status}>${pictogram(STATUS_PICTOGRAMS[status])}<span>${i18n.t(statusWord(status))}</span></span>`;
}

/** The device kind as pictogram + word. */
export function kindBadge(i18n: I18nController, category: Item['category']) {
  const kind = DEVICE_KINDS[category];
  return html`<span class="badge">${pictogram(kind.pictogram)}<span>${i18n.t(kind.word)}</span></span>`;
}

/** 维护到期 / 超过使用年限, as words with a flag. */
export function itemFlags(i18n: I18nController, item: Pick<Item, 'serviceDue' | 'pastServiceLife'>) {
  if (!item.serviceDue && !item.pastServiceLife) return nothing;
  return html`${item.serviceDue ? html`<span class="flag" data-flag="service-due">${pictogram('flag')}<span>${i18n.t('lendingInventory.flag.serviceDue')}</span></span>` : nothing}
    ${item.pastServiceLife ? html`<span class="flag" data-flag="past-life">${pictogram('flag')}<span>${i18n.t('lendingInventory.flag.pastLife')}</span></span>` : nothing}`;
}

/** Who has the item and until when (and how late). */
export function loanLine(i18n: I18nController, loan: NonNullable<Item['loan']>): string {
  return i18n.t(loan.daysLate > 0 ? 'lendingInventory.item.loanLate' : 'lendingInventory.item.loanOpen', { name: loan.memberName, due: loan.dueOn, days: loan.daysLate });
}

/** The reasons the server writes on an item's state chain; staff's own reasons come as `manual: …`. */
const REASONS = ['registered', 'checked_out', 'returned', 'cleaned', 'maintenance', 'lost'] as const;

/** Why an item's state changed, in words. */
export function reasonWords(i18n: I18nController, reason: string): string {
  if (reason.startsWith('manual:')) return i18n.t('lendingInventory.reason.manual', { reason: reason.slice('manual:'.length).trim() });
  const known = REASONS.find((r) => r === reason);
  return known ? i18n.t(`lendingInventory.reason.${known}`) : reason;
}

export const itemWordStyles = css`
  .badge,
  .flag {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .flag {
    padding: 2px 10px;
    border: 2px solid currentColor;
    border-radius: var(--k-radius);
    background: var(--k-warn-bg);
    color: var(--k-warn-fg);
    font-weight: 600;
  }
  .badge .picto,
  .flag .picto {
    width: 1.2em;
    height: 1.2em;
  }
`;
