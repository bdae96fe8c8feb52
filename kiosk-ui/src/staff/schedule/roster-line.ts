import { html, nothing } from 'lit';
import type { RosterLine, SessionAttendanceStatus } from '../../../../edge-server/src/api-types.js';
import type { I18nController } from '../../controllers/i18n-controller.js';

export const MARKS: readonly SessionAttendanceStatus[] = ['present', 'absent', 'excused'];

export interface RosterLineOptions {
  line: RosterLine;
  /** the mark chosen on screen (not saved yet), else the saved one */
  chosen: SessionAttendanceStatus | null;
  /** null: no marks (a cancelled date) */
  onMark: ((status: SessionAttendanceStatus) => void) | null;
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
      ${o.onMark
        ? html`<div class="options" role="radiogroup" aria-label=${t('schedule.roster.markFor', { name: line.name })}>
            ${MARKS.map(
              (status) => html`<label class="choice">
                <input type="radio" name=${`mark-${line.memberId}`} value=${status} .checked=${o.chosen === status}
                  @change=${() => o.onMark?.(status)} />
                <span>${t(`schedule.roster.${status}`)}</span>
              </label>`,
            )}
          </div>`
        : nothing}
      <div class="actions">${o.actions}</div>
    </fieldset>
  </li>`;
}
