import { css, html, nothing } from 'lit';
import type { RosterLine, SessionAttendanceStatus } from '../../../../edge-server/src/api-types.js';
import { ApiFailure } from '../../api/client.js';
import type { I18nController } from '../../controllers/i18n-controller.js';

/** The marks for a member signed up; one who came without signing up can only be marked present. */
export const MARKS: readonly SessionAttendanceStatus[] = ['present', 'absent', 'excused'];
export const WALK_IN_MARKS: readonly SessionAttendanceStatus[] = ['present'];

export interface RosterLineOptions {
  line: RosterLine;
  /** the mark chosen on screen (not saved yet), else the saved one */
  chosen: SessionAttendanceStatus | null;
  /** the marks offered; one mark is a checkbox (ticked or not), more are radio buttons */
  marks: readonly SessionAttendanceStatus[];
  /** null: no marks (a cancelled or future date); a checkbox cleared gives null */
  onMark: ((status: SessionAttendanceStatus | null) => void) | null;
  /** buttons after the marks (record leave, remove) */
  actions: unknown;
}

/** What is known of a member today, in words: checked in or not, on leave, the mark already saved. */
export function lineFacts(i18n: I18nController, line: RosterLine) {
  const t = i18n.t.bind(i18n);
  return html`<span class="facts">
    <span class="fact" data-fact="checkin">${t(line.checkedIn ? 'schedule.roster.checkedIn' : 'schedule.roster.notCheckedIn')}</span>
    ${line.onLeave ? html`<strong class="fact leave" data-fact="leave">${t('schedule.roster.onLeave')}</strong>` : nothing}
    ${line.mark ? html`<span class="fact" data-fact="mark">${t('schedule.roster.marked', { mark: t(`schedule.roster.${line.mark}`) })}</span>` : nothing}
  </span>`;
}

/** One member on the attendance sheet: name and facts, the three marks as radio buttons, the actions. */
export function rosterLine(i18n: I18nController, o: RosterLineOptions) {
  const t = i18n.t.bind(i18n);
  const { line } = o;
  return html`<li data-member=${line.memberId}>
    <fieldset>
      <legend><span class="name">${line.name}</span></legend>
      ${lineFacts(i18n, line)}
      ${o.onMark ? markChoices(i18n, o, o.onMark) : nothing}
      <div class="actions">${o.actions}</div>
    </fieldset>
  </li>`;
}

function markChoices(i18n: I18nController, o: RosterLineOptions, onMark: (status: SessionAttendanceStatus | null) => void) {
  const t = i18n.t.bind(i18n);
  const { line } = o;
  const name = `mark-${line.memberId}`;
  const [only] = o.marks;
  if (o.marks.length === 1 && only) {
    return html`<label class="choice">
      <input type="checkbox" name=${name} value=${only} .checked=${o.chosen === only}
        @change=${(e: Event) => onMark((e.target as HTMLInputElement).checked ? only : null)} />
      <span>${t(`schedule.roster.${only}`)}</span>
    </label>`;
  }
  return html`<div class="options" role="radiogroup" aria-label=${t('schedule.roster.markFor', { name: line.name })}>
    ${o.marks.map(
      (status) => html`<label class="choice">
        <input type="radio" name=${name} value=${status} .checked=${o.chosen === status} @change=${() => onMark(status)} />
        <span>${t(`schedule.roster.${status}`)}</span>
      </label>`,
    )}
  </div>`;
}

/** Why a change to a roster (marks, a sign-up, a removal) was refused, in words; `name`: the member concerned. */
export function rosterFailure(i18n: I18nController, err: unknown, name: string): string {
  const t = i18n.t.bind(i18n);
  const code = err instanceof ApiFailure ? err.code : '';
  if (code === 'session_full') return t('schedule.roster.full', { name });
  if (code === 'session_ended' || code === 'session_cancelled') return t('schedule.roster.closed');
  if (code === 'session_not_started') return t('schedule.roster.notYet');
  if (code === 'not_on_roster') return t('schedule.roster.walkInPresentOnly');
  if (code === 'member_inactive') return t('schedule.roster.inactive', { name });
  if (code === 'member_not_found') return t('schedule.roster.memberNotFound');
  if (err instanceof ApiFailure && err.status === 404) return t('schedule.error.notFound');
  return t('alerts.failed');
}

/** The attendance sheet and the waiting list of a roster. */
export const rosterStyles = css`
  ul.sheet,
  ol.waiting {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  ul.sheet fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px 16px;
  }
  legend .name,
  ol.waiting .name {
    font-weight: 700;
    font-size: 22px;
  }
  .facts {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .fact {
    padding: 0 8px;
    border: 2px solid var(--k-border);
    border-radius: var(--k-radius);
  }
  .fact.leave {
    background: var(--k-warn-bg);
    color: var(--k-warn-fg);
  }
  ol.waiting li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px 16px;
    padding-bottom: 8px;
    border-bottom: 1px solid var(--k-border);
  }
`;
