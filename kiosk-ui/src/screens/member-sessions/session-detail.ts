import { css, html, nothing } from 'lit';
import type { MemberOccurrence } from '../../../../edge-server/src/api-types.js';
import { toneStyles } from '../../components/activity-card.js';
import { ACTIVITY_KINDS, activityKindStyles } from '../../components/activity-kinds.js';
import { kindWord, occurrenceBadge, placesText, whenText } from '../../components/occurrence-words.js';
import { pictogram, type PictogramName } from '../../components/pictograms.js';
import type { I18nController } from '../../controllers/i18n-controller.js';
import type { MessageKey } from '../../i18n/catalogue.js';

/** What the member can do with a session, given where they stand. */
export type SessionAction = 'signUp' | 'joinWaitlist' | 'cancel' | 'leaveWaitlist';

export function actionFor(o: MemberOccurrence): SessionAction | null {
  if (o.closed || o.status === 'cancelled') return null;
  if (o.mine === 'signed_up') return 'cancel';
  if (o.mine === 'waiting') return 'leaveWaitlist';
  return o.full ? 'joinWaitlist' : 'signUp';
}

const ACTION_LOOK: Record<SessionAction, { pictogram: PictogramName; words: MessageKey }> = {
  signUp: { pictogram: 'yes', words: 'memberSessions.signUp' },
  joinWaitlist: { pictogram: 'wait', words: 'memberSessions.joinWaitlist' },
  cancel: { pictogram: 'no', words: 'memberSessions.cancel' },
  leaveWaitlist: { pictogram: 'no', words: 'memberSessions.leaveWaitlist' },
};

/**
 * One session: what it is, when, where, who leads, places left or "已满" with the waiting-list offer,
 * and one decision. Taking a place or joining the line is the main choice (it has the focus); for a
 * session already theirs the main choice is "back", so a stray Enter never cancels.
 */
export function renderSessionDetail(
  o: MemberOccurrence,
  opts: { i18n: I18nController; easyRead: boolean; onAction: (action: SessionAction) => void; onBack: () => void },
) {
  const { i18n, easyRead } = opts;
  const t = i18n.t.bind(i18n);
  const badge = occurrenceBadge(o, i18n);
  const action = actionFor(o);
  const actionIsMain = action === 'signUp' || action === 'joinWaitlist';
  const offerWaitlist = action === 'joinWaitlist';
  return html`
    <div class="head kind-${o.kind} ${easyRead ? 'easy' : ''}">
      <span class="tile">${pictogram(ACTIVITY_KINDS[o.kind].pictogram)}</span>
      <div>
        <p class="kind">${kindWord(o, i18n)}</p>
        <h1>${o.title}</h1>
      </div>
    </div>
    <dl class="facts">
      <div><dt>${pictogram('clock')}${t('memberSessions.when')}</dt><dd>${whenText(o, i18n)}${o.moved ? html` · ${t('memberSessions.moved')}` : nothing}</dd></div>
      ${o.room ? html`<div><dt>${pictogram('door')}${t('memberSessions.where')}</dt><dd>${o.room}</dd></div>` : nothing}
      ${easyRead
        ? nothing
        : html`<div><dt>${pictogram('people')}${t('memberSessions.lead')}</dt><dd>${o.lead?.name ?? t('memberSessions.nobody')}</dd></div>`}
    </dl>
    <div class="standing">
      <p class="state tone-${badge?.tone ?? 'open'}">
        ${pictogram(badge?.pictogram ?? 'people')}<span>${badge?.text ?? placesText(o, i18n)}</span>
      </p>
      ${offerWaitlist && !easyRead ? html`<p class="offer">${t('memberSessions.fullOffer')}</p>` : nothing}
    </div>
    <div class="choices">
      ${action
        ? html`<button class=${actionIsMain ? 'primary' : ''} ?data-primary=${actionIsMain} data-action=${action} @click=${() => opts.onAction(action)}>
            ${pictogram(ACTION_LOOK[action].pictogram)}<span>${t(ACTION_LOOK[action].words)}</span>
          </button>`
        : nothing}
      <button class=${actionIsMain ? '' : 'primary'} ?data-primary=${!actionIsMain} @click=${opts.onBack}>
        ${pictogram('back')}<span>${t('memberSessions.back')}</span>
      </button>
    </div>
  `;
}

export const sessionDetailStyles = [
  ...activityKindStyles,
  toneStyles(),
  css`
    .head {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: var(--k-gap);
    }
    .head > div {
      flex: 1 1 10em;
      min-width: 0;
    }
    .head .tile {
      display: inline-flex;
      padding: 10px;
      border-radius: var(--k-radius);
      background: var(--kind-tint);
      color: var(--kind-ink);
      border: 4px solid var(--kind-ink);
    }
    .head .tile .picto {
      width: 2em;
      height: 2em;
    }
    .head.easy .tile .picto {
      width: 4em;
      height: 4em;
    }
    .kind {
      font-weight: 700;
    }
    /* one line on a wide screen, wrapping with large text: the choices stay in view */
    .facts {
      margin: var(--k-gap) 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: 8px 40px;
    }
    .facts > div {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    dt {
      display: inline-flex;
      align-items: center;
      gap: 12px;
      font-weight: 700;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .standing {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px var(--k-gap);
      margin-top: var(--k-gap);
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 12px;
      padding: 8px 16px;
      border-radius: var(--k-radius);
      border: 2px solid currentColor;
      font-weight: 700;
    }
    .offer {
      flex: 1 1 12em;
    }
  `,
];
