import type { FullText } from './localise';

/**
 * Labels the core hands out with its answers (venue types, compass points, topic names), read from
 * the screens' own locale files so every word the visitor sees lives where the locale parity test
 * reads it. Each language's file gives one table of the same keys; the result has one FullText per key.
 */
export function labelsFromLocales<Id extends string>(
  tables: Record<keyof FullText, Record<Id, string>>,
): Record<Id, FullText> {
  const labels = {} as Record<Id, FullText>;
  for (const id of Object.keys(tables.en) as Id[]) {
    labels[id] = { 'zh-HK': tables['zh-HK'][id], en: tables.en[id], 'zh-CN': tables['zh-CN'][id] };
  }
  return labels;
}
