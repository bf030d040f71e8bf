import type { Language } from '../../../electron/shared/languages';

/**
 * Sentences side by side as each language writes them: a space after an English full stop, none
 * after 。. Two sentences from the locale files written one after the other in markup get the
 * newline between them as a space, which Chinese never has.
 */
export function joinSentences(sentences: readonly string[], language: Language): string {
  return sentences.filter(Boolean).join(language === 'en' ? ' ' : '');
}
