import type { ReactiveControllerHost } from 'lit';
import { translate, type Lang, type MessageKey, type MessageParams } from '../i18n/catalogue.js';
import { Store, StoreController } from './store.js';

/** The UI language, shared by every element; keeps `<html lang>` and the document title in step. */
export const languageStore = new Store<Lang>('zh-CN');

languageStore.subscribe((lang) => applyDocumentLanguage(lang));

export function applyDocumentLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = translate(lang, 'app.title');
}

/** Gives an element `t()` in the current language and re-renders it when the language changes. */
export class I18nController extends StoreController<Lang> {
  constructor(host: ReactiveControllerHost) {
    super(host, languageStore);
  }

  get lang(): Lang {
    return this.value;
  }

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.value, key, params);
  }

  /** A time of day (HH:mm) in the centre's time zone. */
  time(iso: string | Date, timeZone: string = centreTimeZone.value): string {
    const date = typeof iso === 'string' ? new Date(iso) : iso;
    return new Intl.DateTimeFormat(this.value, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(date);
  }

  /** A date and time of day in the centre's time zone (e.g. when consent was given). */
  dateTime(iso: string, timeZone: string = centreTimeZone.value): string {
    return new Intl.DateTimeFormat(this.value, { dateStyle: 'long', timeStyle: 'short', hour12: false, timeZone }).format(new Date(iso));
  }
}

/** The centre's time zone (from /api/kiosk); "today" and clock faces use it, not the browser's zone. */
export const centreTimeZone = new Store<string>('Asia/Shanghai');
