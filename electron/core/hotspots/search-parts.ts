import { foldText, splitScripts } from './text-fold';

/**
 * Words → venues, for word-prefix search. A sorted vocabulary turns a prefix into one contiguous
 * range of words (binary search), whose postings are unioned. (Scanning one long string with
 * indexOf was tried first: about 8 ms per term for 54k venues, too slow for multi-word queries.)
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

export class WordIndex {
  private building: Map<string, number[]> | null = new Map();
  private vocabulary: string[] = [];
  /** Every word's postings end to end: venue position × 2, plus 1 when the word is in the name. */
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
    this.addWords(name, position * 2 + 1);
    this.addWords(rest, position * 2);
  }

  private addWords(words: readonly string[], entry: number): void {
    const building = this.building!;
    for (const word of words) {
      const list = building.get(word);
      if (list) {
        if (list[list.length - 1] !== entry) list.push(entry);
      } else building.set(word, [entry]);
    }
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

  /** Marks each venue with a word starting with `prefix`: 1 found, 3 found in the name. */
  findPrefix(prefix: string, hits: Uint8Array): void {
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.vocabulary[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    for (let word = low; word < this.vocabulary.length && this.vocabulary[word]!.startsWith(prefix); word++) {
      const end = this.starts[word + 1]!;
      for (let i = this.starts[word]!; i < end; i++) {
        const entry = this.postings[i]!;
        hits[entry >> 1]! |= entry & 1 ? 3 : 1;
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

  /** Marks each venue holding the needle: 1 found, 3 found in the name. */
  find(needle: string, hits: Uint8Array): void {
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) {
      const position = this.venueAt(at);
      hits[position]! |= at < this.nameEnds[position]! ? 3 : 1;
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

export interface FoldedLabel {
  /** ' word word ' so a word needle (' word') matches at a word start. */
  words: string;
  han: string;
}

export function foldLabel(texts: string[]): FoldedLabel {
  const { words, han } = splitScripts(foldDistinct(texts));
  return { words: ` ${words} `, han };
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
