import type { Lang } from '../i18n/catalogue.js';
import type { SpeechPort } from './speech-port.js';

/** Web Speech API (speechSynthesis) with a zh-CN or en voice; silent where the browser has none. */
export class WebSpeechPort implements SpeechPort {
  private readonly synth: SpeechSynthesis | null = 'speechSynthesis' in window ? window.speechSynthesis : null;

  speak(text: string, lang: Lang): void {
    if (!this.synth) return;
    this.synth.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    const voice = this.pickVoice(lang);
    if (voice) utterance.voice = voice;
    // A little slower than default: easier to follow for many members.
    utterance.rate = 0.9;
    this.synth.speak(utterance);
  }

  cancel(): void {
    this.synth?.cancel();
  }

  private pickVoice(lang: Lang): SpeechSynthesisVoice | undefined {
    const voices = this.synth?.getVoices() ?? [];
    const prefix = lang === 'zh-CN' ? 'zh' : 'en';
    return (
      voices.find((v) => v.lang.replace('_', '-') === lang) ?? voices.find((v) => v.lang.toLowerCase().startsWith(prefix))
    );
  }
}
