/** The kiosk's languages, in the order the language picker shows them. zh-HK is the default. */
export const LANGUAGES = ['zh-HK', 'en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Each language's own name, written in that language: the language picker, the report's language
 * table and the CSV export all say it the same way, whatever language the reader uses.
 */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  'zh-HK': '繁體中文',
  en: 'English',
  'zh-CN': '简体中文',
};
