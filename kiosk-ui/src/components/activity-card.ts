import { css, html, nothing } from 'lit';
import type { MemberOccurrence } from '../../../edge-server/src/api-types.js';
import type { I18nController } from '../controllers/i18n-controller.js';
import { ACTIVITY_KINDS, activityKindStyles } from './activity-kinds.js';
import { kindWord, occurrenceBadge, whenText } from './occurrence-words.js';
import { pictogram } from './pictograms.js';

/**
 * One session as a large button: kind tile (pictogram on the kind's colour), time, title, kind word and
 * room, and where the member stands ("已报名", "排队中 第2位", "已满"). Easy-read drops the second line
 * and doubles the pictogram. Used by the welcome screen and the member's session lists.
 */
export function activityCard(
  o: MemberOccurrence,
  opts: { i18n: I18nController; easyRead: boolean; onOpen: (o: MemberOccurrence) => void; primary?: boolean },
) {
  const { i18n, easyRead } = opts;
  const badge = occurrenceBadge(o, i18n);
  return html`<button
    class="activity kind-${o.kind} ${easyRead ? 'easy' : ''}"
    data-session=${`${o.sessionId}/${o.date}`}
    ?data-primary=${opts.primary ?? false}
    @click=${() => opts.onOpen(o)}
  >
    <span class="tile">${pictogram(ACTIVITY_KINDS[o.kind].pictogram)}</span>
    <span class="what">
      <span class="line"><span class="time">${whenText(o, i18n)}</span> <span class="title">${o.title}</span></span>
      ${easyRead ? nothing : html`<span class="line meta">${kindWord(o, i18n)}${o.room ? ` · ${o.room}` : ''}</span>`}
    </span>
    ${badge ? html`<span class="badge tone-${badge.tone}">${pictogram(badge.pictogram)}<span>${badge.text}</span></span>` : nothing}
  </button>`;
}

/** The colours of a badge's tone (`tone-ok`, `tone-warn`, `tone-muted`); the badge's words carry the meaning. */
export function toneStyles() {
  return css`
    .tone-ok {
      background: var(--k-ok-bg);
      color: var(--k-ok-fg);
    }
    .tone-warn {
      background: var(--k-warn-bg);
      color: var(--k-warn-fg);
    }
    .tone-muted {
      background: var(--k-surface);
      color: var(--k-muted);
    }
  `;
}

export const activityCardStyles = [
  ...activityKindStyles,
  css`
    .activities {
      list-style: none;
      padding: 0;
      margin: 12px 0 0;
      display: grid;
      gap: 12px;
    }
    button.activity {
      width: 100%;
      /* the first card can be the screen's main choice: every card is as tall as a primary button */
      min-height: var(--k-primary-h);
      justify-content: flex-start;
      text-align: start;
      flex-wrap: wrap;
      gap: 16px;
      padding: 8px 16px;
      border-color: var(--kind-ink);
      border-inline-start-width: 14px;
      background: var(--k-surface);
      color: var(--k-fg);
      font-weight: 400;
    }
    .tile {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      padding: 8px;
      border-radius: var(--k-radius);
      background: var(--kind-tint);
      color: var(--kind-ink);
      border: 3px solid var(--kind-ink);
    }
    .tile .picto {
      width: 1.6em;
      height: 1.6em;
    }
    .easy .tile .picto {
      width: 3em;
      height: 3em;
    }
    .what {
      flex: 1 1 10em;
      min-width: 0;
      display: grid;
      gap: 4px;
      overflow-wrap: anywhere;
    }
    .time {
      font-variant-numeric: tabular-nums;
      font-weight: 700;
    }
    .title {
      font-weight: 700;
    }
    .meta {
      color: var(--k-muted);
      font-size: var(--k-text-small);
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      padding: 4px 12px;
      border-radius: var(--k-radius);
      border: 2px solid currentColor;
      font-weight: 700;
    }
    .badge .picto {
      width: 1.1em;
      height: 1.1em;
    }
  `,
  toneStyles(),
];
