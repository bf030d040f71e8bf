import { Converter } from 'opencc-js';
import { canonicalHan, canonicalWords } from './search-aliases';

/**
 * Folding for search: a visitor may type full-width letters, capitals, Simplified or Traditional
 * characters; all of them should find the same venue. Both the index and the query go through
 * foldText, so they meet in one script (Simplified) and one width (half).
 */
const traditionalToSimplified = Converter({ from: 'hk', to: 'cn' });
// Simplified → Traditional needs OpenCC's large phrase tables (about 80 MB resident), and only a
// record published in Simplified alone needs it, so it is built on first use.
let simplifiedToTraditional: ((text: string) => string) | null = null;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Traditional (Hong Kong) → Simplified; leaves other text alone. */
export function toSimplified(text: string): string {
  return hasHan(text) ? traditionalToSimplified(text) : text;
}

/** Simplified → Traditional (Hong Kong); for a record published in Simplified only. */
export function toTraditional(text: string): string {
  if (!hasHan(text)) return text;
  simplifiedToTraditional ??= Converter({ from: 'cn', to: 'hk' });
  return simplifiedToTraditional(text);
}

/**
 * NFKC (full → half width), accents stripped, lower case, Simplified script, and anything that is
 * neither a letter nor a digit turned into a single space. Converting to Simplified only when the
 * text holds Han characters keeps folding English-only records (the common case) cheap.
 */
export function foldText(text: string): string {
  // Fast path for plain ASCII (most of the official file): normalising it changes nothing.
  if (PRINTABLE_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  let folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase();
  folded = toSimplified(folded);
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export interface QueryTerms {
  /** Latin or digit words, in order: whole words, the last one also by its start. */
  words: string[];
  /** Runs of Han characters: matched anywhere (Chinese has no spaces between words). */
  han: string[];
}

/**
 * The words and Han runs of several texts (one item's name in each language), folded, for the
 * index. Plain ASCII takes a fast path; the Han runs of Traditional and Simplified versions fold to
 * the same text and are kept once.
 */
export function foldForIndex(texts: readonly (string | undefined)[]): { words: string[]; han: string } {
  const words: string[] = [];
  const hanRuns: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    if (PRINTABLE_ASCII.test(text)) {
      const found = text.toLowerCase().match(/[a-z0-9]+/g);
      if (found) words.push(...canonicalWords(found));
      continue;
    }
    const split = splitScripts(foldText(text));
    if (split.words) words.push(...canonicalWords(split.words.split(' ')));
    const han = canonicalHan(split.han);
    if (han && !hanRuns.includes(han)) hanRuns.push(han);
  }
  return { words, han: hanRuns.join(' ') };
}

/** A folded text split in two: its words (Latin, digits, other scripts) and its runs of Han characters. */
export function splitScripts(folded: string): { words: string; han: string } {
  if (!hasHan(folded)) return { words: folded, han: '' };
  const han = (folded.match(HAN_RUN) ?? []).join(' ');
  const words = folded.replace(HAN_RUN, ' ').replace(/ {2,}/g, ' ').trim();
  return { words, han };
}

/**
 * Splits a folded query into words, in the order typed (they are matched as a phrase), and
 * Chinese substring terms; place names are spelt the index's way (search-aliases.ts).
 */
export function queryTerms(query: string): QueryTerms {
  const folded = foldText(query);
  const han = [...new Set((folded.match(HAN_RUN) ?? []).map(canonicalHan))];
  const words = canonicalWords(
    folded
      .replace(HAN_RUN, ' ')
      .split(' ')
      .filter((word) => word.length > 0),
  );
  return { words, han };
}
