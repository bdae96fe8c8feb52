import { css, html, nothing } from 'lit';
import type { AlertInfo } from '../api/client.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import { KioskScreen } from '../screens/kiosk-screen.js';
import { ALERT_PICTOGRAM, detailText, kindWords, noShowDate, noShowMembers, whenText } from './alert-words.js';
import { staffViewStyles } from './staff-styles.js';

/**
 * One alert in the staff console: pictogram and kind, how urgent (in words), when, who acknowledged
 * or resolved it, what happened in plain words, the notes; and while it is not resolved, Acknowledge
 * and Resolve. A no-show lists the members with their guardian's phone and "record leave" for each.
 */
export class KioskAlertCard extends KioskScreen {
  static override properties = {
    alert: { attribute: false },
    memberNames: { attribute: false },
    /** `date:memberId` of the leaves recorded from this console */
    onLeave: { attribute: false },
  };
  declare alert: AlertInfo;
  declare memberNames: ReadonlyMap<string, string>;
  declare onLeave: ReadonlySet<string>;

  static override styles = [
    ...staffViewStyles,
    css`
      :host {
        gap: 10px;
        padding: 12px 16px;
        border: 2px solid var(--k-border);
        border-radius: var(--k-radius);
        background: var(--k-surface);
      }
      :host([severity='critical']:not([state='resolved'])) {
        border: 6px double var(--k-help-bg);
      }
      .title {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 14px;
      }
      h4 {
        margin: 0;
        font-size: 24px;
      }
      .severity {
        padding: 0 10px;
        border: 2px solid currentColor;
        border-radius: 999px;
        font-weight: 700;
      }
      :host([severity='critical']) .severity {
        background: var(--k-help-bg);
        color: var(--k-help-fg);
      }
      .meta {
        color: var(--k-muted);
      }
      ul.rows .guardian {
        display: inline-flex;
        align-items: center;
        gap: 8px;
      }
      .notes {
        margin: 0;
        padding-inline-start: 1.2em;
      }
    `,
  ];

  protected override willUpdate(): void {
    // styled by how urgent it is and whether it is done (the words say both too)
    this.setAttribute('severity', this.alert.severity);
    this.setAttribute('state', this.alert.state);
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const a = this.alert;
    const kind = kindWords(this.i18n, a.kind);
    const when = whenText(this.i18n, a.raisedAt);
    return html`
      <div class="title">
        ${pictogram(ALERT_PICTOGRAM[a.kind])}
        <h4>${kind}</h4>
        <span class="severity">${t(`severity.${a.severity}`)}</span>
      </div>
      <p class="meta">${t('alerts.raisedAt', { when })} · ${this.stateWords()}</p>
      <p>${detailText(this.i18n, a, this.memberNames)}</p>
      ${a.kind === 'no_show' ? this.renderNoShows() : nothing}
      ${a.notes.length > 0
        ? html`<div>
            <strong>${t('alerts.notes')}</strong>
            <ul class="notes">${a.notes.map((n) => html`<li>${n}</li>`)}</ul>
          </div>`
        : nothing}
      ${a.state === 'resolved'
        ? nothing
        : html`<div class="actions">
            ${a.state === 'open'
              ? html`<button class="primary" data-action="acknowledge" aria-label=${t('alerts.acknowledgeFor', { kind, when })} @click=${() => this.act('acknowledge')}>
                  ${pictogram('yes')}<span>${t('alerts.acknowledge')}</span>
                </button>`
              : nothing}
            <button data-action="resolve" aria-label=${t('alerts.resolveFor', { kind, when })} @click=${() => this.act('resolve')}>
              ${t('alerts.resolve')}
            </button>
          </div>`}
    `;
  }

  private stateWords(): string {
    const a = this.alert;
    const t = this.i18n.t.bind(this.i18n);
    if (a.state === 'resolved' && a.resolvedAt) {
      return t('alerts.state.resolved', { who: a.resolvedBy ?? '', when: whenText(this.i18n, a.resolvedAt) });
    }
    if (a.state !== 'open' && a.acknowledgedAt) {
      return t('alerts.state.acknowledged', { who: a.acknowledgedBy ?? '', when: whenText(this.i18n, a.acknowledgedAt) });
    }
    return t('alerts.state.open');
  }

  private renderNoShows() {
    const t = this.i18n.t.bind(this.i18n);
    const date = noShowDate(this.alert);
    const open = this.alert.state !== 'resolved';
    return html`<ul class="rows">
      ${noShowMembers(this.alert).map(
        (m) => html`<li>
          <span>
            <strong>${m.name}</strong><br />
            <span class="guardian">${pictogram('phone')}<span>${m.guardianContact ? t('detail.guardian', { contact: m.guardianContact }) : t('detail.noGuardian')}</span></span>
          </span>
          ${this.onLeave.has(`${date}:${m.memberId}`)
            ? html`<span class="ok">${t('leave.recorded')}</span>`
            : open
              ? html`<button data-action="leave" aria-label=${t('leave.actionFor', { name: m.name })}
                  @click=${() => fireEvent(this, 'kiosk-leave-request', { memberId: m.memberId, name: m.name, date })}>
                  ${t('leave.action')}
                </button>`
              : nothing}
        </li>`,
      )}
    </ul>`;
  }

  private act(action: 'acknowledge' | 'resolve'): void {
    fireEvent(this, 'kiosk-alert-action', { alert: this.alert, action });
  }
}

customElements.define('kiosk-alert-card', KioskAlertCard);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-alert-card': KioskAlertCard;
  }
}
