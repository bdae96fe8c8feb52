import type { EnrolmentProblem, EnrolmentState } from '../../../edge-server/src/api-types.js';
import type { MessageKey, MessageParams } from '../i18n/catalogue.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** What the enrolment screen shows and says at one moment. */
export interface Guidance {
  /** what to do now, in a few words (pressing, testing) or the result (done, failed, cancelled) */
  instruction: string;
  /** plain advice after a press that has to be repeated; never blame */
  advice: string | null;
  /** more words under the instruction */
  detail: string | null;
  /** what is said aloud (advice first, then what to do) */
  spoken: string;
  /** equal keys: nothing new to say */
  key: string;
  /** which press this is and how many are done, while pressing */
  counter: { press: number; presses: number; done: number } | null;
}

/**
 * Turns an enrolment's states, one after another, into words for the member and staff. It remembers
 * what one state alone does not tell: the advice for a press that failed stays up (and is not said
 * twice) until a press succeeds, and the counter stays while the reader stores.
 */
export class EnrolmentGuide {
  private state: EnrolmentState | null = null;
  private problem: EnrolmentProblem | null = null;
  private counter: Guidance['counter'] = null;
  private retries = 0;
  private noMatches = 0;

  /** Take the next state in (once per state received). */
  observe(state: EnrolmentState): void {
    const p = state.progress;
    if (p?.step === 'retry') {
      this.problem = p.problem;
      this.retries += 1;
    } else if (p?.step === 'place' && state.problem) {
      // polling may skip the retry step itself; the state still carries the problem being repeated
      this.problem = state.problem;
    } else if (p?.step === 'lift' || p?.step === 'storing' || state.status !== 'pressing') {
      this.problem = null;
    }
    if (p && p.step !== 'storing') {
      this.counter = { press: p.press, presses: p.presses, done: p.step === 'lift' ? p.press : p.press - 1 };
    } else if (p?.step === 'storing' && this.counter) {
      this.counter = { ...this.counter, done: this.counter.presses };
    }
    if (state.test === 'no_match') this.noMatches += 1;
    this.state = state;
  }

  /** What to show and say for the latest state, in the language of `t`. */
  words(t: Translate, finger: string): Guidance {
    const s = this.state;
    if (!s || s.status === 'pressing') return this.pressing(t, s);
    switch (s.status) {
      case 'testing': {
        const instruction = t(s.test === 'no_match' ? 'enrol.testNoMatch' : 'enrol.testHeading');
        return said({ instruction, detail: t('enrol.testExplain'), key: `testing|${this.noMatches}`, spoken: instruction });
      }
      case 'done': {
        const instruction = t('enrol.success', { finger });
        const detail = t(s.test === 'matched' ? 'enrol.successTested' : 'enrol.successUntested');
        return said({ instruction, detail, key: 'done', spoken: t('enrol.spokenResult', { heading: instruction, detail }) });
      }
      case 'cancelled':
        return said({ instruction: t('enrol.cancelled'), detail: null, key: 'cancelled', spoken: t('enrol.cancelled') });
      case 'failed': {
        const instruction = t('enrol.failedHeading');
        const detail = failureWords(t, s);
        return said({ instruction, detail, key: 'failed', spoken: t('enrol.spokenResult', { heading: instruction, detail }) });
      }
    }
  }

  private pressing(t: Translate, s: EnrolmentState | null): Guidance {
    const p = s?.progress ?? null;
    const step = p?.step === 'lift' || p?.step === 'storing' ? p.step : this.problem || (p && p.press > 1) ? 'again' : 'place';
    const instruction = t(`enrol.${step}`);
    const advice = this.problem ? t(`problem.${this.problem}`) : null;
    // a retry is followed at once by "place": the same words, so they are said once
    const key = `pressing|${step}|${this.problem ?? `press${p && 'press' in p ? p.press : 1}`}|${this.retries}`;
    return { instruction, advice, detail: null, spoken: advice ? `${advice} ${instruction}` : instruction, key, counter: this.counter };
  }
}

function said(g: Pick<Guidance, 'instruction' | 'detail' | 'key' | 'spoken'>): Guidance {
  return { ...g, advice: null, counter: null };
}

/** What went wrong and what to do next, in plain words. */
export function failureWords(t: Translate, s: EnrolmentState): string {
  switch (s.failure) {
    case 'duplicate':
      return s.duplicateOf ? t('failure.duplicate', { name: s.duplicateOf }) : t('failure.duplicateUnknown');
    case 'timeout':
    case 'too_many_retries':
    case 'reader_unavailable':
      return t(`failure.${s.failure}`);
    default:
      return t('failure.store_failed');
  }
}
