import i18next from 'i18next';
import type { Language } from '../../../electron/core/i18n';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhHK from './locales/zh-HK.json';

export const LANGUAGES: readonly Language[] = ['zh-HK', 'en', 'zh-CN'];
export type { Language };

/** Each language's own name, shown on the language picker in that language. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-HK': '繁體中文', en: 'English', 'zh-CN': '简体中文' };

export const resources = { 'zh-HK': { translation: zhHK }, en: { translation: en }, 'zh-CN': { translation: zhCN } };

void i18next.init({
  resources,
  lng: 'zh-HK',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The language on screen. Reading it inside t() makes every translated string reactive. */
class Locale {
  current = $state<Language>('zh-HK');

  set(language: Language): void {
    this.current = language;
    document.documentElement.lang = language;
  }
}
export const locale = new Locale();

export function t(key: string, options?: Record<string, unknown>): string {
  return i18next.t(key, { lng: locale.current, ...options });
}

/** Content text `{ 'zh-HK', en, 'zh-CN'? }` in the current language (zh-CN falls back to zh-HK). */
export function pick(text: { 'zh-HK': string; en: string; 'zh-CN'?: string } | undefined, language: Language = locale.current): string {
  if (!text) return '';
  return text[language] ?? text['zh-HK'];
}
