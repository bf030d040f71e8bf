import type { Language } from '../../../electron/shared/languages';

/**
 * Words or names as one list in a language: 中心名稱、地區及開放時間, "name, district and
 * hours", 名称、地区和开放时间. The browser's own list rules (Intl.ListFormat), so no separator or
 * "and" is hard-wired into a sentence or a locale file.
 */
export function sayList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
