import type { Lang } from '../i18n/catalogue.js';

/** One utterance as it reached the speech port. */
export interface Utterance {
  text: string;
  lang: Lang;
  /** ISO instant */
  at: string;
}

/** Where spoken prompts go. The kiosk is the members' screen reader, so every prompt passes through here. */
export interface SpeechPort {
  /** Speak `text` now, cutting off anything still being spoken. */
  speak(text: string, lang: Lang): void;
  /** Stop speaking. */
  cancel(): void;
}

declare global {
  interface Window {
    /** Every utterance that reached the speech port, oldest first (read by the browser tests). */
    __kioskSpeechLog: Utterance[];
  }
}

/** Wraps a port so that every utterance is also appended to `window.__kioskSpeechLog`. */
export class LoggingSpeechPort implements SpeechPort {
  constructor(private readonly inner: SpeechPort) {
    window.__kioskSpeechLog ??= [];
  }

  speak(text: string, lang: Lang): void {
    window.__kioskSpeechLog.push({ text, lang, at: new Date().toISOString() });
    this.inner.speak(text, lang);
  }

  cancel(): void {
    this.inner.cancel();
  }
}
