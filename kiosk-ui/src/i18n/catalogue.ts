import { en } from './en.js';
import { zhCN, type MessageKey } from './zh-CN.js';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Look up a message and fill `{placeholders}`; an unknown placeholder is left visible so it gets noticed. */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
