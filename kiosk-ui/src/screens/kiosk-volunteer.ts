import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { ActivityKind, KnownVolunteer, PartnerChoice, PresentVolunteer } from '../../../edge-server/src/api-types.js';
import { ApiFailure } from '../api/client.js';
import { communityApi, type OrganisationChoice } from '../api/community.js';
import { ACTIVITY_KIND_ORDER, ACTIVITY_KINDS } from '../components/activity-kinds.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { centredScreen, screenStyles } from '../styles/theme.js';
import { KioskScreen } from './kiosk-screen.js';

/** Where the volunteer is in sign-in or sign-out; each step is one decision. */
type Step =
  | { at: 'choose' }
  | { at: 'organisation' }
  | { at: 'name'; org: OrganisationChoice; page: number }
  | { at: 'new' }
  | { at: 'party' }
  | { at: 'activity' }
  | { at: 'signed-in'; name: string }
  | { at: 'who'; page: number }
  | { at: 'signed-out'; name: string; minutes: number };

/**
 * Names shown at once: a list of names is paged with previous/next buttons, never scrolled. Four
 * (with 我是新来的 and the page buttons) fit the screen in both orientations and in large text.
 */
export const NAMES_PER_PAGE = 4;

const PROMPTS: Record<'choose' | 'organisation' | 'name' | 'new' | 'activity' | 'who', MessageKey> = {
  choose: 'community.vol.choose',
  organisation: 'community.vol.orgPrompt',
  name: 'community.vol.whoPrompt',
  new: 'community.vol.newExplain',
  activity: 'community.vol.activityPrompt',
  who: 'community.vol.whoPrompt',
};

/** The step Escape/Backspace goes back to (the first step goes back to the start screen). */
const PREVIOUS: Partial<Record<Step['at'], Step>> = {
  organisation: { at: 'choose' }, new: { at: 'organisation' }, name: { at: 'organisation' },
  activity: { at: 'party' }, who: { at: 'choose' },
};

/** The slice of a list on one page, and how many pages there are (at least one). */
function pageOf<T>(items: T[], page: number): { shown: T[]; pages: number } {
  return { shown: items.slice(page * NAMES_PER_PAGE, (page + 1) * NAMES_PER_PAGE), pages: Math.max(1, Math.ceil(items.length / NAMES_PER_PAGE)) };
}

/**
 * Volunteers at the kiosk (a public screen, at the member floor), by touch alone: the appliance has
 * no keyboard and no Chinese input method, so nobody types here. Sign in: the organisation (a
 * partner, 个人, or 其他单位), then one's own name among that organisation's registered volunteers
 * (most recent first, paged), Party member (the known answer offered first), the service they help
 * with. A volunteer not on the roster (“我是新来的”) is asked to have staff register them and can call
 * staff. Sign out: choose one's name among those signed in now.
 */
export class KioskVolunteer extends KioskScreen {
  static override properties = { step: { state: true }, busy: { state: true } };
  declare step: Step;
  declare busy: boolean;

  /** who is signing in and their Party membership as confirmed today */
  private chosen: { volunteer: KnownVolunteer; partyMember: boolean; org: OrganisationChoice } | null = null;
  /** the chosen organisation's registered volunteers, read when its name list opens */
  private known: KnownVolunteer[] = [];
  /** who is here and the partners; read when the screen opens and again before each step that lists them */
  private readonly data = new Task(this, {
    task: ([], { signal }) => communityApi.volunteerKiosk(signal),
    args: () => [] as const,
  });

  static override styles = [
    screenStyles,
    centredScreen,
    css`
      .choices {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 16px;
        max-width: 60em;
      }
      .choices button {
        min-width: 220px;
      }
      /* the choices of a step, and whatever has the focus first, are primary-sized (≥ 96 px tall) */
      .choices button,
      button[data-primary] {
        min-height: var(--k-primary-h);
      }
      .small {
        font-size: var(--k-text-small);
        font-weight: 400;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
        align-items: center;
        justify-content: center;
      }
      .explain {
        max-width: 28em;
      }
      /* "next page": the back arrow turned round */
      .flip {
        transform: scaleX(-1);
      }
      .big {
        width: min(14vh, 120px);
        height: min(14vh, 120px);
        color: var(--k-primary-bg);
      }
    `,
  ];

  constructor() {
    super();
    this.step = { at: 'choose' };
    this.busy = false;
    this.addEventListener('keydown', (e) => this.onKeyDown(e));
  }

  /** What the screen says now (spoken on entry and on every step, again in the other language). */
  prompt(): string {
    const t = this.i18n.t.bind(this.i18n);
    const s = this.step;
    switch (s.at) {
      case 'signed-in': return t('community.vol.signedIn', { name: s.name });
      case 'signed-out': return t('community.vol.signedOut', { name: s.name, duration: this.duration(s.minutes) });
      case 'party': return t(this.chosen?.volunteer.partyMember ? 'community.vol.partyConfirmYes' : 'community.vol.partyConfirmNo');
      case 'who': return this.listPrompt(this.data.value?.present ?? [], s.page, 'community.vol.nobody');
      case 'name': return this.listPrompt(this.known, s.page, 'community.vol.noNames');
      default: return t(PROMPTS[s.at]);
    }
  }

  override render() {
    return html`${this.renderStep()}`;
  }

  private renderStep() {
    const t = this.i18n.t.bind(this.i18n);
    const s = this.step;
    switch (s.at) {
      case 'choose':
        return html`
          ${pictogram('heart', 'big')}
          <h1>${t('community.vol.choose')}</h1>
          <div class="choices">
            <button class="primary" data-primary @click=${() => this.go({ at: 'organisation' })}>${pictogram('yes')}<span>${t('community.vol.signIn')}</span></button>
            <button class="primary" @click=${() => this.go({ at: 'who', page: 0 })}>${pictogram('leave')}<span>${t('community.vol.signOut')}</span></button>
          </div>
          ${this.backButton()}
        `;
      case 'organisation':
        return this.organisationStep();
      case 'name':
        return this.nameStep(s.org, s.page);
      case 'new':
        return html`
          ${pictogram('help', 'big')}
          <h1 class="explain">${t('community.vol.newExplain')}</h1>
          <div class="choices">
            <button class="primary help" data-primary @click=${() => fireEvent(this, 'kiosk-call-staff', { memberId: null })}>
              ${pictogram('help')}<span>${t('frame.callStaff')}</span>
            </button>
          </div>
          ${this.backButton()}
        `;
      case 'party':
        return this.partyStep();
      case 'activity':
        return html`
          <h1>${t('community.vol.activityPrompt')}</h1>
          <div class="choices">
            ${ACTIVITY_KIND_ORDER.map((kind, i) => html`<button ?data-primary=${i === 0} ?disabled=${this.busy} @click=${() => void this.signIn(kind)}>
              ${pictogram(ACTIVITY_KINDS[kind].pictogram)}<span>${t(ACTIVITY_KINDS[kind].word)}</span>
            </button>`)}
          </div>
          ${this.backButton()}
        `;
      case 'who':
        return this.whoStep(s.page);
      case 'signed-in':
      case 'signed-out':
        return html`
          ${pictogram('heart', 'big')}
          <h1>${this.prompt()}</h1>
          <button class="primary" data-primary @click=${() => fireEvent(this, 'kiosk-navigate', { to: 'idle' })}>
            ${pictogram('yes')}<span>${t('community.vol.done')}</span>
          </button>
        `;
    }
  }

  private organisationStep() {
    const t = this.i18n.t.bind(this.i18n);
    const partners: PartnerChoice[] = this.data.value?.partners ?? [];
    const choose = (org: OrganisationChoice) => this.go({ at: 'name', org, page: 0 });
    return html`
      <h1>${t('community.vol.orgPrompt')}</h1>
      <div class="choices">
        ${partners.map((p, i) => html`<button ?data-primary=${i === 0} @click=${() => choose({ partnerId: p.id })}>
          ${pictogram('people')}<span>${p.name}</span>
        </button>`)}
        <button ?data-primary=${partners.length === 0} @click=${() => choose('individual')}>
          ${pictogram('heart')}<span>${t('community.vol.onOwn')}</span>
        </button>
        <button @click=${() => choose('other')}>${pictogram('people')}<span>${t('community.vol.otherOrg')}</span></button>
        <button @click=${() => this.go({ at: 'new' })}>${pictogram('help')}<span>${t('community.vol.newHere')}</span></button>
      </div>
      ${this.backButton()}
    `;
  }

  /** One's own name among the organisation's registered volunteers; 其他单位 also shows each one's organisation. */
  private nameStep(org: OrganisationChoice, page: number) {
    const t = this.i18n.t.bind(this.i18n);
    const { shown, pages } = pageOf(this.known, page);
    return html`
      <h1>${this.prompt()}</h1>
      <div class="choices">
        ${shown.map((v, i) => html`<button ?data-primary=${i === 0} @click=${() => this.chooseVolunteer(v, org)}>
          ${pictogram('people')}<span>${v.name}${org === 'other' ? html` <span class="small">${v.organisation}</span>` : nothing}</span>
        </button>`)}
        ${page === pages - 1 // after the last names (also on the organisation step): keeps a full page to one row
          ? html`<button ?data-primary=${shown.length === 0} @click=${() => this.go({ at: 'new' })}>${pictogram('help')}<span>${t('community.vol.newHere')}</span></button>`
          : nothing}
      </div>
      ${this.pager(page, pages, (p) => this.go({ at: 'name', org, page: p }))}
    `;
  }

  /** The answer known from before comes first and has the focus: one press confirms it. */
  private partyStep() {
    const t = this.i18n.t.bind(this.i18n);
    const known = this.chosen?.volunteer.partyMember ?? false;
    const answers = known ? [true, false] : [false, true];
    // no big pictogram here: the longer question and two primary choices fit in large text without scrolling
    return html`
      <h1>${this.prompt()}</h1>
      <div class="choices">
        ${answers.map((yes, i) => html`<button ?data-primary=${i === 0} @click=${() => this.chooseParty(yes)}>
          ${pictogram(yes ? 'yes' : 'no')}<span>${t(yes ? 'community.vol.partyYes' : 'community.vol.partyNo')}</span>
        </button>`)}
      </div>
      ${this.backButton()}
    `;
  }

  private whoStep(page: number) {
    const present: PresentVolunteer[] = this.data.value?.present ?? [];
    const { shown, pages } = pageOf(present, page);
    // a name is enough (few words on a choice); two people of the same name also show their organisation
    const shared = (v: PresentVolunteer) => present.filter((o) => o.name === v.name).length > 1;
    return html`
      <h1>${this.prompt()}</h1>
      <div class="choices">
        ${shown.map((v, i) => html`<button ?data-primary=${i === 0} ?disabled=${this.busy} @click=${() => void this.signOut(v)}>
          ${pictogram('leave')}<span>${v.name}${shared(v) ? html` <span class="small">${v.organisation}</span>` : nothing}</span>
        </button>`)}
      </div>
      ${this.pager(page, pages, (p) => this.go({ at: 'who', page: p }), present.length === 0)}
    `;
  }

  /**
   * The row under a list: previous/next page (when it needs more than one page; the heading says
   * which page) and 返回, side by side so that a page fits without scrolling.
   */
  private pager(page: number, pages: number, to: (page: number) => void, backPrimary = false) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="pager">
      ${pages > 1 ? html`
        <button ?disabled=${page === 0} @click=${() => to(page - 1)}>${pictogram('back')}<span>${t('community.vol.prevPage')}</span></button>
        <button ?disabled=${page >= pages - 1} @click=${() => to(page + 1)}>${pictogram('back', 'picto flip')}<span>${t('community.vol.nextPage')}</span></button>
      ` : nothing}
      ${this.backButton(backPrimary)}
    </div>`;
  }

  /** The list's heading: what to do, the page when there are several, or that the list is empty. */
  private listPrompt(items: unknown[], page: number, empty: MessageKey): string {
    const t = this.i18n.t.bind(this.i18n);
    if (items.length === 0) return t(empty);
    const { pages } = pageOf(items, page);
    return pages > 1 ? t('community.vol.whoPromptPaged', { page: page + 1, pages }) : t('community.vol.whoPrompt');
  }

  private backButton(primary = false) {
    return html`<button ?data-primary=${primary} @click=${() => this.back()}>${pictogram('back')}<span>${this.i18n.t('community.vol.back')}</span></button>`;
  }

  private chooseVolunteer(volunteer: KnownVolunteer, org: OrganisationChoice): void {
    this.chosen = { volunteer, partyMember: volunteer.partyMember, org };
    void this.go({ at: 'party' });
  }

  private chooseParty(partyMember: boolean): void {
    if (this.chosen) this.chosen = { ...this.chosen, partyMember };
    void this.go({ at: 'activity' });
  }

  private async signIn(activity: ActivityKind): Promise<void> {
    if (this.busy || !this.chosen) return;
    this.busy = true;
    try {
      const visit = await communityApi.signIn({ volunteerId: this.chosen.volunteer.id, partyMember: this.chosen.partyMember, activity });
      this.chosen = null;
      void this.go({ at: 'signed-in', name: visit.name });
    } catch (err) {
      fireEvent(this, 'kiosk-say', { text: this.i18n.t(err instanceof ApiFailure && err.code === 'already_signed_in' ? 'community.vol.alreadyIn' : 'community.vol.failed') });
    } finally {
      this.busy = false;
    }
  }

  private async signOut(visit: PresentVolunteer): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const out = await communityApi.signOut(visit.visitId);
      void this.go({ at: 'signed-out', name: out.name, minutes: out.minutes });
    } catch (err) {
      const gone = err instanceof ApiFailure && err.code === 'already_signed_out';
      fireEvent(this, 'kiosk-say', { text: this.i18n.t(gone ? 'community.vol.alreadyOut' : 'community.vol.failed') });
      void this.data.run();
    } finally {
      this.busy = false;
    }
  }

  private duration(minutes: number): string {
    const t = this.i18n.t.bind(this.i18n);
    const hours = Math.floor(minutes / 60);
    return hours === 0 ? t('community.vol.minutesOnly', { minutes }) : t('community.vol.hours', { hours, minutes: minutes % 60 });
  }

  /** Show a step, say its prompt, put the focus on its main choice. */
  private async go(step: Step): Promise<void> {
    if (step.at === 'choose' || step.at === 'who' || step.at === 'organisation') {
      // a failed read shows the lists empty; 个人, 其他单位 and 我是新来的 still work
      await this.data.run().catch(() => undefined);
    }
    if (step.at === 'name' && step.page === 0) {
      this.known = await communityApi.knownVolunteers(step.org).then((r) => r.volunteers, () => []);
    }
    this.step = step;
    await this.updateComplete;
    fireEvent(this, 'kiosk-speak', { text: this.prompt() });
    await this.focusPrimary();
  }

  private back(): void {
    // back from the Party question: the name list the volunteer came from
    const previous: Step | undefined = this.step.at === 'party' && this.chosen
      ? { at: 'name', org: this.chosen.org, page: 0 } : PREVIOUS[this.step.at];
    if (previous) void this.go(previous);
    else fireEvent(this, 'kiosk-navigate', { to: 'idle' });
  }

  /** Escape and Backspace (keypad or a keyboard, when there is one) go one step back, not to the start. */
  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' || e.key === 'Backspace') {
      e.preventDefault();
      this.back();
    }
  }
}

customElements.define('kiosk-volunteer', KioskVolunteer);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-volunteer': KioskVolunteer;
  }
}
