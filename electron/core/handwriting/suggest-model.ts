import { toSimplified } from '../hotspots/text-fold';
import type { VocabularyText } from './vocabulary';

/** Characters of context a suggestion looks back over (沙田 → 區 needs two; 3 tells 將軍澳 from 將軍). */
export const MAX_CONTEXT = 3;
/** The longest continuation offered as one tap: a word's rest, never a whole venue name. */
export const MAX_CONTINUATION = 4;
/** Longer words still segment a text (公共圖書館), but their rest is offered a character at a time. */
const MAX_WORD = 6;
/** A word rest (軍澳) stands in for its first character (軍) when it is nearly every use of it. */
const ABSORB_SHARE = 0.8;

const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
const HAN_TAIL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/u;

export type Script = 'traditional' | 'simplified';
type Table = Map<string, Map<string, number>>;

function add(table: Table, context: string, continuation: string, weight: number): void {
  let row = table.get(context);
  if (!row) table.set(context, (row = new Map()));
  row.set(continuation, (row.get(continuation) ?? 0) + weight);
}

/**
 * Continuation counts in both scripts, looked up by the Simplified form of the context, so a
 * character written in either script finds the same followers: 灣 and 湾 both offer 仔. Each table
 * maps a context (the last 1–3 characters) to what followed it and how much weight that carries.
 */
export class SuggestModel {
  private readonly tables: Record<Script, Table> = { traditional: new Map(), simplified: new Map() };
  private readonly words = new Set<string>();
  private longestWord = 1;

  /**
   * `words` segment the texts: a continuation runs to the end of the word it starts in, so after
   * 將 comes 軍澳 (將軍澳 is a word), after 沙田 comes 公園 (沙田公園 splits as 沙田 | 公園).
   */
  constructor(texts: Iterable<VocabularyText>, words: Iterable<VocabularyText> = []) {
    const wordList = [...words];
    const wordForms = toSimplifiedAll(wordList.map((word) => word['zh-HK'] ?? ''));
    wordList.forEach((word, i) => {
      for (const form of [wordForms[i], word['zh-CN']]) {
        for (const run of form?.match(HAN_RUN) ?? []) {
          if (run.length < 2 || run.length > MAX_WORD) continue;
          this.words.add(run);
          this.longestWord = Math.max(this.longestWord, run.length);
        }
      }
    });
    // The same name at many venues (a chain's shops, one estate's blocks) is counted once, weighed as often.
    const unique = new Map<string, VocabularyText>();
    for (const text of texts) {
      const key = `${text['zh-HK'] ?? ''}\n${text['zh-CN'] ?? ''}`;
      const seen = unique.get(key);
      if (seen) seen.weight += text.weight;
      else unique.set(key, { ...text });
    }
    const list = [...unique.values()];
    const simplified = toSimplifiedAll(list.map((text) => text['zh-HK'] ?? ''));
    list.forEach((text, i) => this.addText(text, simplified[i]));
  }

  get contexts(): number {
    return this.tables.traditional.size + this.tables.simplified.size;
  }

  private addText(text: VocabularyText, hkSimplified: string | undefined): void {
    const hk = text['zh-HK'];
    // Traditional: counted under the Simplified context, as long as the conversion kept the length
    // (OpenCC converts character for character for Hong Kong text; a phrase that did not is skipped).
    if (hk && hkSimplified && hkSimplified.length === hk.length)
      this.addRuns(this.tables.traditional, hkSimplified, hk, text.weight);
    const simplified = text['zh-CN'] ?? hkSimplified;
    if (simplified) this.addRuns(this.tables.simplified, simplified, simplified, text.weight);
  }

  /** `keys` is the Simplified form of `shown`, character for character. */
  private addRuns(table: Table, keys: string, shown: string, weight: number): void {
    for (const match of keys.matchAll(HAN_RUN)) {
      const start = match.index;
      const run = match[0];
      const ends = this.segmentEnds(run);
      for (let i = 1; i < run.length; i++) {
        // A rest cut short would not be a word (公共圖書 for 公共圖書館): offer one character instead.
        const end = ends[i]! - i <= MAX_CONTINUATION ? ends[i]! : i + 1;
        const continuation = shown.slice(start + i, start + end);
        const first = continuation.slice(0, 1);
        for (let k = 1; k <= Math.min(MAX_CONTEXT, i); k++) {
          const context = run.slice(i - k, i);
          add(table, context, continuation, weight);
          // A word rest also counts for its first character, which is then never ranked below it.
          if (continuation.length > 1) add(table, context, first, weight);
        }
      }
    }
  }

  /**
   * For each position of a run, where the word holding that character ends: greedy longest match
   * against the known words, one character at a time where none matches.
   */
  private segmentEnds(run: string): number[] {
    const ends = new Array<number>(run.length);
    let i = 0;
    while (i < run.length) {
      let end = i + 1;
      for (let length = Math.min(this.longestWord, run.length - i); length >= 2; length--) {
        if (this.words.has(run.slice(i, i + length))) {
          end = i + length;
          break;
        }
      }
      for (let j = i; j < end; j++) ends[j] = end;
      i = end;
    }
    return ends;
  }

  /** What followed exactly this Simplified context, with its weights; undefined when never seen. */
  row(context: string, script: Script): ReadonlyMap<string, number> | undefined {
    return this.tables[script].get(context);
  }
}

/** The Han characters at the end of the text, in Simplified, at most MAX_CONTEXT of them. */
export function contextTail(after: string): string {
  const tail = HAN_TAIL.exec(after.normalize('NFC'))?.[0] ?? '';
  return toSimplified(tail.slice(-MAX_CONTEXT));
}

/**
 * Suggestions after `after`: the longest tail some model knows first, then shorter tails to fill
 * the list (after 沙田, 區 and 公園 first; then what follows 田 alone). Several models (the fixed
 * vocabulary, the Wi-Fi dataset loaded now) are summed as one.
 */
export function suggestFrom(
  models: readonly SuggestModel[],
  after: string,
  script: Script,
  limit: number,
): string[] {
  const tail = contextTail(after);
  const out: string[] = [];
  for (let k = tail.length; k >= 1 && out.length < limit; k--) {
    const merged = new Map<string, number>();
    for (const model of models) {
      for (const [continuation, weight] of model.row(tail.slice(-k), script) ?? [])
        merged.set(continuation, (merged.get(continuation) ?? 0) + weight);
    }
    for (const continuation of rank(merged)) {
      if (out.length >= limit) break;
      if (!out.includes(continuation)) out.push(continuation);
    }
  }
  return out;
}

/** Heaviest first, shorter first on a tie; a word rest that is nearly all of its first character replaces it. */
function rank(row: ReadonlyMap<string, number>): string[] {
  const absorbed = new Set<string>();
  for (const [continuation, weight] of row) {
    if (continuation.length < 2) continue;
    const first = continuation.slice(0, 1);
    if (weight >= ABSORB_SHARE * (row.get(first) ?? Infinity)) absorbed.add(first);
  }
  return [...row]
    .filter(([continuation]) => !absorbed.has(continuation))
    .sort(([a, wa], [b, wb]) => wb - wa || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([continuation]) => continuation);
}

/**
 * Simplified forms of many texts in one OpenCC call: converting them one by one costs about 20
 * times as much (each call walks the converter's set-up again). A line break never joins two
 * texts into one phrase; should the count ever differ, each is converted alone.
 */
function toSimplifiedAll(texts: readonly string[]): (string | undefined)[] {
  const joined = toSimplified(texts.join('\n')).split('\n');
  const converted = joined.length === texts.length ? joined : texts.map(toSimplified);
  return converted.map((text) => text || undefined);
}
