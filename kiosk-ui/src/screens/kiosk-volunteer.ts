import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import type { ActivityKind, PartnerChoice, PresentVolunteer } from '../../../edge-server/src/api-types.js';
import { ApiFailure } from '../api/client.js';
import { communityApi } from '../api/community.js';
import { pictogram } from '../components/pictograms.js';
import { fireEvent } from '../fire-event.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { centredScreen, screenStyles } from '../styles/theme.js';
import { ACTIVITY_CHOICES, kindKey, kindPictogram } from './community-kinds.js';
import { KioskScreen } from './kiosk-screen.js';

/** Where the volunteer is in sign-in or sign-out; each step is one decision. */
type Step =
  | { at: 'choose' }
  | { at: 'name' }
  | { at: 'organisation' }
  | { at: 'organisation-typed' }
  | { at: 'party' }
  | { at: 'activity' }
  | { at: 'signed-in'; name: string }
  | { at: 'who' }
  | { at: 'signed-out'; name: string; minutes: number };

/** What has been chosen so far on the way in. */
interface Draft {
  name: string;
  partnerId: string | null;
  organisation: string | null;
  partyMember: boolean;
}

const PROMPTS: Record<Exclude<Step['at'], 'signed-in' | 'signed-out'>, MessageKey> = {
  choose: 'community.vol.choose',
  name: 'community.vol.namePrompt',
  organisation: 'community.vol.orgPrompt',
  'organisation-typed': 'community.vol.orgTypedPrompt',
  party: 'community.vol.partyPrompt',
  activity: 'community.vol.activityPrompt',
  who: 'community.vol.whoPrompt',
};

/** The step Escape/Backspace goes back to (the first step goes back to the start screen). */
const PREVIOUS: Partial<Record<Step['at'], Step['at']>> = {
  name: 'choose', organisation: 'name', 'organisation-typed': 'organisation', party: 'organisation', activity: 'party', who: 'choose',
};

/**
 * Volunteers at the kiosk (a public screen, at the member floor): sign in — name, organisation
 * (a partner, 个人, or typed), Party member or not, the service they help with — or sign out by
 * choosing their name among those signed in now.
 */
export class KioskVolunteer extends KioskScreen {
  static override properties = { step: { state: true }, busy: { state: true } };
  declare step: Step;
  declare busy: boolean;

  private draft: Draft = { name: '', partnerId: null, organisation: null, partyMember: false };
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
      form.row {
        justify-content: center;
        align-items: end;
      }
      label {
        display: grid;
        gap: 8px;
        text-align: start;
      }
      input {
        width: 12em;
        font-size: var(--k-h2);
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
    if (s.at === 'signed-in') return t('community.vol.signedIn', { name: s.name });
    if (s.at === 'signed-out') return t('community.vol.signedOut', { name: s.name, duration: this.duration(s.minutes) });
    if (s.at === 'who' && this.data.value?.present.length === 0) return t('community.vol.nobody');
    return t(PROMPTS[s.at]);
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
            <button class="primary" data-primary @click=${() => this.go({ at: 'name' })}>${pictogram('yes')}<span>${t('community.vol.signIn')}</span></button>
            <button class="primary" @click=${() => this.go({ at: 'who' })}>${pictogram('leave')}<span>${t('community.vol.signOut')}</span></button>
          </div>
          ${this.backButton()}
        `;
      case 'name':
        return this.textStep('community.vol.namePrompt', 'community.vol.nameLabel', 'name', this.draft.name, 40, (v) => {
          this.draft = { ...this.draft, name: v };
          this.go({ at: 'organisation' });
        }, 'community.vol.nameMissing');
      case 'organisation-typed':
        return this.textStep('community.vol.orgTypedPrompt', 'community.vol.orgLabel', 'organization', this.draft.organisation ?? '', 60, (v) => {
          this.draft = { ...this.draft, partnerId: null, organisation: v };
          this.go({ at: 'party' });
        }, 'community.vol.orgMissing');
      case 'organisation':
        return this.organisationStep();
      case 'party':
        return html`
          ${pictogram('flag', 'big')}
          <h1>${t('community.vol.partyPrompt')}</h1>
          <div class="choices">
            <button data-primary @click=${() => this.chooseParty(true)}>${pictogram('yes')}<span>${t('community.vol.partyYes')}</span></button>
            <button @click=${() => this.chooseParty(false)}>${pictogram('no')}<span>${t('community.vol.partyNo')}</span></button>
          </div>
          ${this.backButton()}
        `;
      case 'activity':
        return html`
          <h1>${t('community.vol.activityPrompt')}</h1>
          <div class="choices">
            ${ACTIVITY_CHOICES.map((kind, i) => html`<button ?data-primary=${i === 0} ?disabled=${this.busy} @click=${() => void this.signIn(kind)}>
              ${pictogram(kindPictogram(kind))}<span>${t(kindKey(kind))}</span>
            </button>`)}
          </div>
          ${this.backButton()}
        `;
      case 'who':
        return this.whoStep();
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
    return html`
      <h1>${t('community.vol.orgPrompt')}</h1>
      <div class="choices">
        ${partners.map((p, i) => html`<button ?data-primary=${i === 0} @click=${() => this.chooseOrganisation(p.id, null)}>
          ${pictogram('people')}<span>${p.name}</span>
        </button>`)}
        <button ?data-primary=${partners.length === 0} @click=${() => this.chooseOrganisation(null, null)}>
          ${pictogram('heart')}<span>${t('community.vol.onOwn')}</span>
        </button>
        <button @click=${() => this.go({ at: 'organisation-typed' })}>${pictogram('key')}<span>${t('community.vol.otherOrg')}</span></button>
      </div>
      ${this.backButton()}
    `;
  }

  private whoStep() {
    const t = this.i18n.t.bind(this.i18n);
    const present: PresentVolunteer[] = this.data.value?.present ?? [];
    // a name is enough (few words on a choice); two people of the same name also show their organisation
    const shared = (v: PresentVolunteer) => present.filter((o) => o.name === v.name).length > 1;
    return html`
      <h1>${present.length === 0 ? t('community.vol.nobody') : t('community.vol.whoPrompt')}</h1>
      <div class="choices">
        ${present.map((v, i) => html`<button ?data-primary=${i === 0} ?disabled=${this.busy} @click=${() => void this.signOut(v)}>
          ${pictogram('leave')}<span>${v.name}${shared(v) ? html` <span class="small">${v.organisation}</span>` : nothing}</span>
        </button>`)}
      </div>
      ${this.backButton(present.length === 0)}
    `;
  }

  /** A step with one text field (typed on the physical or the system's on-screen keyboard). */
  private textStep(heading: MessageKey, label: MessageKey, autocomplete: string, value: string, max: number,
    done: (value: string) => void, missing: MessageKey) {
    const t = this.i18n.t.bind(this.i18n);
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      const input = (e.target as HTMLFormElement).elements.namedItem('text') as HTMLInputElement;
      const text = input.value.trim();
      if (!text) return fireEvent(this, 'kiosk-say', { text: t(missing) });
      done(text);
    };
    return html`
      <h1>${t(heading)}</h1>
      <form class="row" @submit=${submit}>
        <label>
          <span>${t(label)}</span>
          <input name="text" data-primary autocomplete=${autocomplete} maxlength=${max} enterkeyhint="next" .value=${value} />
        </label>
        <button class="primary" type="submit">${pictogram('yes')}<span>${t('community.vol.next')}</span></button>
      </form>
      ${this.backButton()}
    `;
  }

  private backButton(primary = false) {
    return html`<button ?data-primary=${primary} @click=${() => this.back()}>${pictogram('back')}<span>${this.i18n.t('community.vol.back')}</span></button>`;
  }

  private chooseOrganisation(partnerId: string | null, organisation: string | null): void {
    this.draft = { ...this.draft, partnerId, organisation };
    this.go({ at: 'party' });
  }

  private chooseParty(partyMember: boolean): void {
    this.draft = { ...this.draft, partyMember };
    this.go({ at: 'activity' });
  }

  private async signIn(activity: ActivityKind): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const visit = await communityApi.signIn({ ...this.draft, activity });
      this.draft = { name: '', partnerId: null, organisation: null, partyMember: false };
      this.go({ at: 'signed-in', name: visit.name });
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
      this.go({ at: 'signed-out', name: out.name, minutes: out.minutes });
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
      // a failed read shows the lists empty; 个人 and typing the organisation still work
      await this.data.run().catch(() => undefined);
    }
    this.step = step;
    await this.updateComplete;
    fireEvent(this, 'kiosk-speak', { text: this.prompt() });
    await this.focusPrimary();
  }

  private back(): void {
    const previous = PREVIOUS[this.step.at];
    if (previous) void this.go({ at: previous } as Step);
    else fireEvent(this, 'kiosk-navigate', { to: 'idle' });
  }

  /** Escape (and Backspace outside a field) goes one step back, not all the way to the start. */
  private onKeyDown(e: KeyboardEvent): void {
    const inField = e.composedPath()[0] instanceof HTMLInputElement;
    if (e.key === 'Escape' || (e.key === 'Backspace' && !inField)) {
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
