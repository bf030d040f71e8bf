import { canonicalHan, canonicalWords } from './search-aliases';
import { foldText, splitScripts } from './text-fold';

/**
 * Words → venues, for whole-word and word-prefix search. A sorted vocabulary turns a prefix into
 * one contiguous range of words (binary search), whose postings are unioned. (Scanning one long
 * string with indexOf was tried first: about 8 ms per term for 54k venues, too slow for multi-word
 * queries.)
 */
export interface SavedWords {
  vocabulary: string[];
  postings: Int32Array;
  starts: Int32Array;
}

export interface SavedText {
  text: string;
  starts: Int32Array;
  nameEnds: Int32Array;
}

/** Bits `WordIndex.find` and `TextColumn.find` set for a venue. */
export const HIT = {
  /** A word of the address starts with the term (or a Han term is in the address). */
  restPrefix: 1,
  namePrefix: 2,
  /** A word of the address is the term. */
  restExact: 4,
  nameExact: 8,
} as const;

/**
 * A posting is the venue position << 5 plus where the word is in the name: 0–30 its place among
 * the name's words (the last ones share 30), 31 not in the name. The place lets a query check that
 * its words stand next to each other in the name ("sha tin" in "Sha Tin Town Hall", not in
 * "… Tin … Sha …"); 31 words are plenty for a venue name.
 */
const PLACE_BITS = 5;
const NOT_IN_NAME = 31;

export class WordIndex {
  private building: Map<string, number[]> | null = new Map();
  private vocabulary: string[] = [];
  /** Every word's postings end to end (see PLACE_BITS). */
  private postings: Int32Array = new Int32Array(0);
  /** Where each word's postings start in `postings` (one more entry than words, for the end). */
  private starts: Int32Array = new Int32Array(1);

  /** A word index as saved by `saved()`, used as it is. */
  static restore(saved: SavedWords): WordIndex {
    const index = new WordIndex();
    index.building = null;
    index.vocabulary = saved.vocabulary;
    index.postings = saved.postings;
    index.starts = saved.starts;
    return index;
  }

  saved(): SavedWords {
    return { vocabulary: this.vocabulary, postings: this.postings, starts: this.starts };
  }

  add(position: number, name: readonly string[], rest: readonly string[]): void {
    const base = position << PLACE_BITS;
    name.forEach((word, place) => this.addWord(word, base + Math.min(place, NOT_IN_NAME - 1)));
    for (const word of rest) this.addWord(word, base + NOT_IN_NAME);
  }

  private addWord(word: string, entry: number): void {
    const building = this.building!;
    const list = building.get(word);
    if (list) {
      if (list[list.length - 1] !== entry) list.push(entry);
    } else building.set(word, [entry]);
  }

  finish(): void {
    const building = this.building!;
    this.vocabulary = [...building.keys()].sort();
    this.starts = new Int32Array(this.vocabulary.length + 1);
    let total = 0;
    this.vocabulary.forEach((word, i) => {
      this.starts[i] = total;
      total += building.get(word)!.length;
    });
    this.starts[this.vocabulary.length] = total;
    this.postings = new Int32Array(total);
    this.vocabulary.forEach((word, i) => this.postings.set(building.get(word)!, this.starts[i]!));
    this.building = null;
  }

  /** Index of the first vocabulary word not before `prefix`. */
  private lowerBound(prefix: string): number {
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.vocabulary[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Whether some venue has this word (`prefix`: some word starting with it). */
  has(word: string, prefix = false): boolean {
    const found = this.vocabulary[this.lowerBound(word)];
    return found !== undefined && (prefix ? found.startsWith(word) : found === word);
  }

  /**
   * Marks each venue holding the term as a whole word (HIT.nameExact / restExact) or, when
   * `prefix`, as the start of a word (namePrefix / restPrefix). `places` gets a bit for each
   * place in the name where the word is the term itself.
   */
  find(term: string, prefix: boolean, hits: Uint8Array, places: Uint32Array): void {
    const first = this.lowerBound(term);
    for (let word = first; word < this.vocabulary.length; word++) {
      const text = this.vocabulary[word]!;
      const exact = text === term;
      if (!exact && !(prefix && text.startsWith(term))) break;
      const end = this.starts[word + 1]!;
      for (let i = this.starts[word]!; i < end; i++) {
        const entry = this.postings[i]!;
        const position = entry >>> PLACE_BITS;
        const place = entry & NOT_IN_NAME;
        if (place === NOT_IN_NAME) hits[position]! |= exact ? HIT.restExact : HIT.restPrefix;
        else {
          hits[position]! |= exact ? HIT.nameExact : HIT.namePrefix;
          if (exact) places[position]! |= 1 << place;
        }
      }
    }
  }
}

/** Every venue's folded text in one string: '\n' starts a venue, '\u0001' ends its name. */
export class TextColumn {
  private readonly parts: string[] = [];
  private offset = 0;
  private count = 0;
  private text = '';
  private starts: Int32Array;
  private nameEnds: Int32Array;

  constructor(size: number) {
    this.starts = new Int32Array(size);
    this.nameEnds = new Int32Array(size);
  }

  /** A text column as saved by `saved()`, used as it is. */
  static restore(saved: SavedText): TextColumn {
    const column = new TextColumn(0);
    column.text = saved.text;
    column.starts = saved.starts;
    column.nameEnds = saved.nameEnds;
    column.count = saved.starts.length;
    return column;
  }

  saved(): SavedText {
    return { text: this.text, starts: this.starts, nameEnds: this.nameEnds };
  }

  add(name: string, rest: string): void {
    // Neither separator survives folding, so a term never matches across venues or fields.
    const head = `\n ${name} `;
    const chunk = `${head}\u0001 ${rest} `;
    this.starts[this.count] = this.offset;
    this.nameEnds[this.count] = this.offset + head.length;
    this.parts.push(chunk);
    this.offset += chunk.length;
    this.count += 1;
  }

  finish(): void {
    this.text = this.parts.join('');
    this.parts.length = 0;
  }

  /** Marks each venue holding the needle: HIT.nameExact in its name, HIT.restExact elsewhere. */
  find(needle: string, hits: Uint8Array): void {
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) {
      const position = this.venueAt(at);
      hits[position]! |= at < this.nameEnds[position]! ? HIT.nameExact : HIT.restExact;
    }
  }

  private venueAt(offset: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** A district name or venue-type label, folded as the index folds venues. */
export interface FoldedLabel {
  /** Its words in order, places spelt as in search-aliases.ts. */
  words: string[];
  /** Its Han text ('' when none). */
  han: string;
}

export function foldLabel(texts: string[]): FoldedLabel {
  const { words, han } = splitScripts(foldDistinct(texts));
  return { words: words ? canonicalWords(words.split(' ')) : [], han: canonicalHan(han) };
}

/** The `capacity` smallest keys seen (a max-heap), ties broken by position for a stable order. */
export class BoundedHeap {
  private readonly items: [number, number][] = [];

  constructor(private readonly capacity: number) {}

  offer(key: number, position: number): void {
    const items = this.items;
    if (items.length < this.capacity) {
      items.push([key, position]);
      this.up(items.length - 1);
    } else if (this.capacity > 0 && this.before([key, position], items[0]!)) {
      items[0] = [key, position];
      this.down(0);
    }
  }

  sorted(): [number, number][] {
    return [...this.items].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  private before(a: [number, number], b: [number, number]): boolean {
    return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  }

  private up(index: number): void {
    const items = this.items;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(items[parent]!, items[index]!)) break;
      [items[parent], items[index]] = [items[index]!, items[parent]!];
      index = parent;
    }
  }

  private down(index: number): void {
    const items = this.items;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let largest = index;
      if (left < items.length && this.before(items[largest]!, items[left]!)) largest = left;
      if (right < items.length && this.before(items[largest]!, items[right]!)) largest = right;
      if (largest === index) return;
      [items[largest], items[index]] = [items[index]!, items[largest]!];
      index = largest;
    }
  }
}

/** Folds several texts and keeps each distinct result once (Traditional and Simplified fold alike). */
function foldDistinct(texts: readonly (string | undefined)[]): string {
  const folded = new Set<string>();
  for (const text of texts) if (text) folded.add(foldText(text));
  return [...folded].join(' ');
}
