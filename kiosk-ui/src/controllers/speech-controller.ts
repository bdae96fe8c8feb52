import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../i18n/catalogue.js';
import { LoggingSpeechPort, type SpeechPort } from '../speech/speech-port.js';
import { WebSpeechPort } from '../speech/web-speech-port.js';
import { languageStore } from './i18n-controller.js';
import { profileStore } from './profile-controller.js';

/** The one speech port of the page (every utterance is logged for the tests). */
export const speechPort: SpeechPort = new LoggingSpeechPort(new WebSpeechPort());

/**
 * Speaks prompts in the UI language unless the member's profile has speech off, and remembers the
 * last prompt so "再听一遍" can say it again.
 */
export class SpeechController implements ReactiveController {
  private last: { text: string; lang: Lang } | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly port: SpeechPort = speechPort,
  ) {
    host.addController(this);
  }

  get enabled(): boolean {
    return profileStore.value.speech;
  }

  /** The text last said (or that would have been said with speech on). */
  get lastText(): string | null {
    return this.last?.text ?? null;
  }

  say(text: string): void {
    this.last = { text, lang: languageStore.value };
    if (this.enabled) this.port.speak(text, this.last.lang);
    else this.port.cancel();
  }

  repeat(): void {
    if (this.last && this.enabled) this.port.speak(this.last.text, this.last.lang);
  }

  stop(): void {
    this.port.cancel();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.port.cancel();
  }
}
