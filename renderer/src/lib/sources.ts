import type { Source } from '../../../electron/core/content/source';
import { locale, pick, t } from '../i18n/i18n.svelte';

/**
 * How every screen writes a source: its title in the reader's language, then the page that supports
 * the fact. A source FACTS.md records without an address says so instead of pointing at a home page.
 */
export function sourceAddress(source: Source): string {
  return source.url ?? t('common.sourceNotLinked');
}

/** "Title — https://…" or "Title — source: FACTS entry, not yet linked", for a one-line list. */
export function sourceLine(source: Source): string {
  return `${pick(source.title)} — ${sourceAddress(source)}`;
}

/** Several sources in one line, parted the way the language parts a list of clauses (；/ ;). */
export function sourcesLine(sources: readonly Source[]): string {
  return sources.map(sourceLine).join(locale.current === 'en' ? '; ' : '；');
}
