import * as OpenCC from 'opencc-js';
import type { Language, LocalisedText } from '../i18n';

/**
 * Shared helpers for localised content (programmes, lessons, …). Content is written by hand in
 * zh-HK and English; Simplified Chinese is derived from the zh-HK text at load time with OpenCC's
 * Hong Kong → Mainland converter unless the file gives its own zh-CN (a hand-written zh-CN wins).
 */

/** Localised text with every kiosk language present: what the core hands to the renderer. */
export type FullText = Required<LocalisedText>;

type Convert = (text: string) => string;
let hongKongToSimplified: Convert | undefined;

/** The converter builds a dictionary trie on first use; build it once per process. */
function converter(): Convert {
  hongKongToSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return hongKongToSimplified;
}

/** zh-HK text → Simplified Chinese (Mainland characters). */
export function toSimplified(zhHK: string): string {
  return converter()(zhHK);
}

/** Fills zh-CN from zh-HK when the text has none; keeps a hand-written zh-CN. */
export function withSimplified(text: LocalisedText): FullText {
  return { 'zh-HK': text['zh-HK'], en: text.en, 'zh-CN': text['zh-CN'] ?? toSimplified(text['zh-HK']) };
}

/** True for a plain object shaped like localised text (zh-HK and en strings). */
export function isLocalisedText(value: unknown): value is LocalisedText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record['zh-HK'] === 'string' && typeof record.en === 'string';
}

/**
 * Walks any parsed content (objects and arrays) and returns a copy in which every localised text
 * has its zh-CN filled. Use after schema validation, so the shapes are already known to be right.
 */
export function withSimplifiedDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withSimplifiedDeep(item)) as T;
  if (isLocalisedText(value)) return { ...value, ...withSimplified(value) } as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = withSimplifiedDeep(item);
    return copy as T;
  }
  return value;
}

/** Every localised text inside a value, with its path: for content tests and parity checks. */
export function collectLocalisedTexts(value: unknown, path = '$'): { path: string; text: LocalisedText }[] {
  if (isLocalisedText(value)) return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => collectLocalisedTexts(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => collectLocalisedTexts(item, `${path}.${key}`));
  }
  return [];
}

/** The text in one language (for logs, tests and plain-text summaries); zh-CN falls back to derivation. */
export function textIn(text: LocalisedText, language: Language): string {
  return language === 'zh-CN' ? withSimplified(text)['zh-CN'] : text[language];
}

/** Fills `{name}` placeholders in each language from texts given in the same languages. */
export function fillTemplate(template: LocalisedText, values: Record<string, LocalisedText>): FullText {
  const full = withSimplified(template);
  const fill = (language: Language) =>
    full[language].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value ? withSimplified(value)[language] : whole;
    });
  return { 'zh-HK': fill('zh-HK'), en: fill('en'), 'zh-CN': fill('zh-CN') };
}
