import en from '../../renderer/src/org/locales/en.json';
import zhCN from '../../renderer/src/org/locales/zh-CN.json';
import zhHK from '../../renderer/src/org/locales/zh-HK.json';
import { LANGUAGES, type Language } from '../shared/languages';

/**
 * The hub tool's sentences, from the org locale files' `hub` section (the same files the kiosk's
 * screens use, so the parity test keeps the three languages in step). The organisation's admin
 * reads them in a terminal.
 */

const FILES: Record<Language, unknown> = { en, 'zh-HK': zhHK, 'zh-CN': zhCN };

export function isLanguage(text: string): text is Language {
  return (LANGUAGES as readonly string[]).includes(text);
}

/** The admin's language from LANG / LC_ALL: zh_HK (or zh_TW, zh_MO) → zh-HK, zh_CN / zh_SG → zh-CN, else English. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): Language {
  const value = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (/^zh[_-](hk|tw|mo)|^zh[_-]hant/.test(value)) return 'zh-HK';
  if (/^zh/.test(value)) return 'zh-CN';
  return 'en';
}

function lookup(root: unknown, key: string): unknown {
  let node = root;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export type Say = (key: string, params?: Record<string, string | number>) => string;

/**
 * `say('errors.noKey', { home })` → the sentence under `hub.errors.noKey` with its {{placeholders}}
 * filled. A key missing from the files says itself, so a gap shows instead of printing nothing.
 */
export function sayIn(language: Language): Say {
  return (key, params = {}) => {
    const text = lookup(FILES[language], `hub.${key}`);
    if (typeof text !== 'string') return key;
    return fill(text, params);
  };
}

/** `{{name}}` filled from params; an unknown name stays visible rather than vanishing. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
