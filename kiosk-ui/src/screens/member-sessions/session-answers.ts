import { css, html } from 'lit';
import { pictogram, type PictogramName } from '../../components/pictograms.js';
import type { I18nController } from '../../controllers/i18n-controller.js';

/**
 * The one-question steps of the sessions screen, each centred with its main choice focused: what a
 * sign-up did or a cancel is about to do (with Undo while the seconds run), a list that could not load, an expired visit.
 */

export function renderResult(opts: {
  i18n: I18nController;
  look: PictogramName;
  heading: string;
  title: string;
  /** the live countdown line ("5 秒后回到活动", or for a held cancel "5 秒后生效") */
  countdown: string;
  onUndo: () => void;
  onOk: () => void;
}) {
  const t = opts.i18n.t.bind(opts.i18n);
  return html`<div class="centred">
    ${pictogram(opts.look)}
    <h1>${opts.heading}</h1>
    <p>${opts.title}</p>
    <p role="status">${opts.countdown}</p>
    <div class="choices">
      <button class="primary" data-primary @click=${opts.onUndo}>${pictogram('back')}<span>${t('memberSessions.undo')}</span></button>
      <button @click=${opts.onOk}>${pictogram('yes')}<span>${t('memberSessions.ok')}</span></button>
    </div>
  </div>`;
}

/** A list that could not load (network): say what to do, and offer to try again or finish. */
export function renderRetry(i18n: I18nController, onRetry: () => void, onDone: () => void) {
  const t = i18n.t.bind(i18n);
  return html`<div class="centred">
    ${pictogram('plug')}
    <h1>${t('memberSessions.network')}</h1>
    <div class="choices">
      <button class="primary" data-primary @click=${onRetry}>${pictogram('wait')}<span>${t('memberSessions.retry')}</span></button>
      <button @click=${onDone}>${pictogram('yes')}<span>${t('memberSessions.done')}</span></button>
    </div>
  </div>`;
}

/** The visit ran out (or the kiosk restarted): identify again; the screen goes back to the start by itself too. */
export function renderExpired(i18n: I18nController, onOk: () => void) {
  return html`<div class="centred">
    ${pictogram('finger')}
    <h1>${i18n.t('memberSessions.expired')}</h1>
    <div class="choices">
      <button class="primary" data-primary @click=${onOk}>${pictogram('yes')}<span>${i18n.t('memberSessions.ok')}</span></button>
    </div>
  </div>`;
}

export const sessionAnswerStyles = css`
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--k-gap);
    margin-top: calc(var(--k-gap) * 1.5);
  }
  .choices button {
    flex: 1 1 240px;
  }
  .centred {
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    gap: var(--k-gap);
  }
  .centred > .picto {
    width: 3em;
    height: 3em;
  }
  .centred > .choices {
    width: 100%;
    justify-content: center;
    margin-top: 0;
  }
  .centred > .choices button {
    max-width: 420px;
  }
  .notice {
    display: flex;
    align-items: center;
    gap: 12px;
    margin-bottom: 12px;
    font-weight: 700;
  }
`;
