import i18next from 'i18next';
import type { Language } from '../../../electron/shared/languages';
import { sayList } from '../lib/say-list';
export { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../electron/shared/languages';

/**
 * UI strings: one file per language for the shell (i18n/locales/<lang>.json) and one per
 * language in each capability folder (<capability>/locales/<lang>.json, under the key
 * <capability>), so each capability owns its strings. A unit test checks the three languages
 * have the same keys and no empty values.
 */
const files = import.meta.glob<Record<string, unknown>>('/src/**/locales/*.json', {
  eager: true,
  import: 'default',
});

function buildResources(): Record<Language, Record<string, unknown>> {
  const merged: Record<Language, Record<string, unknown>> = { 'zh-HK': {}, en: {}, 'zh-CN': {} };
  for (const [file, strings] of Object.entries(files)) {
    const match = /\/([\w-]+)\/locales\/([\w-]+)\.json$/.exec(file);
    const folder = match?.[1];
    const language = match?.[2] as Language | undefined;
    if (!folder || !language || !(language in merged)) continue;
    if (folder === 'i18n') Object.assign(merged[language], strings);
    else merged[language][folder] = strings;
  }
  return merged;
}

const strings = buildResources();
export const resources = {
  'zh-HK': { translation: strings['zh-HK'] },
  en: { translation: strings.en },
  'zh-CN': { translation: strings['zh-CN'] },
};

/** Keys a screen asked for that no file has; end-to-end tests fail when this is not empty. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read by tests, never rendered
const missingKeys = new Set<string>();
(window as unknown as { __kioskMissingKeys: Set<string> }).__kioskMissingKeys = missingKeys;

void i18next.init({
  resources,
  lng: 'zh-HK',
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: (languages, _namespace, key) => missingKeys.add(`${languages.join(',')}:${key}`),
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

/** Words or names as one list in the language on screen (see sayList). */
export function listOf(items: readonly string[]): string {
  return sayList(items, locale.current);
}

/** Whether the locale files have this key (a reason sent by the core may be newer than the screens). */
export function hasKey(key: string): boolean {
  return i18next.exists(key, { lng: locale.current });
}

/** Content text `{ 'zh-HK', en, 'zh-CN'? }` in the current language (zh-CN falls back to zh-HK). */
export function pick(
  text: { 'zh-HK': string; en: string; 'zh-CN'?: string } | undefined,
  language: Language = locale.current,
): string {
  if (!text) return '';
  return text[language] ?? text['zh-HK'];
}
