import { canonicalWords, CHINESE_TO_ENGLISH, insideLongerPlace } from './search-aliases';
import { HIT, type FoldedLabel, type TextColumn, type WordIndex } from './search-parts';
import { foldText, queryTerms } from './text-fold';

/**
 * How well a venue matches a visitor's words, as a small integer (0 = not at all). Each term
 * scores where it is best found; a venue must match every term. The weights put a whole word
 * before a word it only starts ("park" finds parks before PARKnSHOP), the name before the address,
 * and a venue-type or district label between them (a garden is a park without saying so). On top:
 * a name holding the whole query, and a venue in the district the query names ("sha tin", "沙田").
 * Equal scores are ordered by distance by the caller.
 */
export const SCORE = {
  nameExact: 8,
  labelExact: 6,
  restExact: 5,
  namePrefix: 4,
  labelPrefix: 3,
  restPrefix: 2,
  /** Every term whole in the name, the words side by side in the order typed. */
  phrase: 8,
  /** The venue is in a district the query names in full. */
  district: 8,
} as const;

/** More terms than this are not matched (a page of text pasted in is not a search). */
const MAX_WORDS = 12;
const MAX_HAN = 6;
/** Label words too common to say anything about a venue type ("Shops and restaurants"). */
const LABEL_STOP_WORDS = new Set(['and', 'or', 'the', 'of', 'out']);

/** Best score for each combination of HIT bits. */
const HIT_SCORE = Uint8Array.from({ length: 16 }, (_, bits) =>
  bits & HIT.nameExact
    ? SCORE.nameExact
    : bits & HIT.restExact
      ? SCORE.restExact
      : bits & HIT.namePrefix
        ? SCORE.namePrefix
        : bits & HIT.restPrefix
          ? SCORE.restPrefix
          : 0,
);

export interface ScoreSources {
  size: number;
  words: WordIndex;
  han: TextColumn;
  districts: Uint8Array;
  categories: Uint8Array;
  districtLabels: readonly FoldedLabel[];
  categoryLabels: readonly FoldedLabel[];
}

interface Term {
  /** A folded word, or a run of Han characters. */
  text: string;
  kind: 'word' | 'han';
  /** Only the last word typed may be unfinished. */
  prefix: boolean;
  /** District positions this term names (with its neighbours, for a word). */
  district: Set<number>;
}

/** Each venue's score for the query (0 = no match); `null` when the query has no terms. */
export function scoreText(query: string, sources: ScoreSources): Uint8Array | null {
  const terms = readQuery(query, sources);
  if (terms.length === 0) return null;
  const { size, districts, categories } = sources;
  const scores = new Uint8Array(size);
  const inName = new Uint8Array(size).fill(1);
  const named = new Set<number>();
  let phrase: Uint32Array | null = null;

  terms.forEach((term, index) => {
    for (const district of term.district) named.add(district);
    const hits = new Uint8Array(size);
    const places = new Uint32Array(size);
    if (term.kind === 'word') sources.words.find(term.text, term.prefix, hits, places);
    else {
      sources.han.find(term.text, hits);
      const english = englishFor(term.text);
      if (english) findAllWords(english, sources.words, hits);
    }
    const byDistrict = sources.districtLabels.map((_, district) =>
      term.district.has(district) ? SCORE.labelExact : 0,
    );
    const byCategory = sources.categoryLabels.map((label) => categoryScore(term, label));
    for (let position = 0; position < size; position++) {
      if (index > 0 && scores[position] === 0) continue;
      const score = Math.max(
        HIT_SCORE[hits[position]! & 15]!,
        byDistrict[districts[position]!]!,
        byCategory[categories[position]!]!,
      );
      scores[position] = score === 0 ? 0 : (index === 0 ? 0 : scores[position]!) + score;
      if (!(hits[position]! & HIT.nameExact)) inName[position] = 0;
    }
    // Words side by side: a run ending at each place in the name, carried one place on per word.
    if (term.kind === 'word') {
      if (phrase === null) phrase = places;
      else
        for (let position = 0; position < size; position++)
          phrase[position] = (phrase[position]! << 1) & places[position]!;
    }
  });

  const wordPhrase = phrase as Uint32Array | null;
  for (let position = 0; position < size; position++) {
    if (scores[position] === 0) continue;
    if (inName[position] && (wordPhrase === null || wordPhrase[position] !== 0))
      scores[position]! += SCORE.phrase;
    if (named.has(districts[position]!)) scores[position]! += SCORE.district;
  }
  return scores;
}

/** The query's terms: words in order (run-together ones split at the index's words), Han runs. */
function readQuery(query: string, sources: ScoreSources): Term[] {
  const parsed = queryTerms(query);
  // The joining words of a venue type written out ("hospital or clinic") are in no name or
  // label the index keeps; asked for, they would find nothing. Alone, they are searched as typed.
  const meaningful = parsed.words.filter((word) => !LABEL_STOP_WORDS.has(word));
  const words = (meaningful.length > 0 ? meaningful : parsed.words)
    .slice(0, MAX_WORDS)
    .flatMap((word, index, all) => splitRunTogether(word, index === all.length - 1, sources.words));
  const terms: Term[] = words.map((text, index) => ({
    text,
    kind: 'word',
    prefix: index === words.length - 1,
    district: new Set<number>(),
  }));
  // A district named in full, word for word (its last word may be unfinished, as any last word).
  sources.districtLabels.forEach((label, district) => {
    const length = label.words.length;
    if (length === 0) return;
    for (let start = 0; start + length <= words.length; start++) {
      const matches = label.words.every((word, offset) => {
        const typed = words[start + offset]!;
        return typed === word || (terms[start + offset]!.prefix && word.startsWith(typed));
      });
      if (!matches || insideLongerPlace(words, start, start + length)) continue;
      for (let offset = 0; offset < length; offset++) terms[start + offset]!.district.add(district);
    }
  });
  for (const run of parsed.han.slice(0, MAX_HAN)) {
    for (const text of splitKnown(run, sources.districtLabels)) {
      const district = new Set<number>();
      sources.districtLabels.forEach((label, code) => {
        if (label.han && (text === label.han || text === districtCore(label.han))) district.add(code);
      });
      terms.push({ text, kind: 'han', prefix: false, district });
    }
  }
  return terms;
}

/**
 * "沙田" for "沙田区": the district's name without 区, so 沙田區 finds 沙田公園 as 沙田 does. A
 * one-character name keeps it (东区, 北区: 东 alone is in far too many names).
 */
function districtCore(han: string): string {
  return han.endsWith('区') && han.length >= 3 ? han.slice(0, -1) : han;
}

/**
 * A Han run cut at the districts and the words of CHINESE_TO_ENGLISH it holds, longest first:
 * "沙田区" → "沙田"; "旺角街市" → "旺角", "街市"; "沙田图书馆" → "沙田", "图书馆" (a visitor writes the
 * place and the kind of place as one run; the file never has them side by side, in Chinese or in
 * English). Characters between known words stay together as one term; a run holding no known
 * word is kept whole.
 */
function splitKnown(run: string, labels: readonly FoldedLabel[]): string[] {
  const known = new Set(englishTable().keys());
  const districtCores = new Set<string>();
  for (const label of labels) {
    if (!label.han) continue;
    known.add(label.han);
    const core = districtCore(label.han);
    if (core.length >= 2) {
      known.add(core);
      districtCores.add(core);
    }
  }
  const pieces: string[] = [];
  let pending = '';
  let found = false;
  for (let at = 0; at < run.length;) {
    let length = Math.min(LONGEST_KNOWN, run.length - at);
    while (length > 0 && !known.has(run.slice(at, at + length))) length--;
    if (length === 0) {
      pending += run[at];
      at += 1;
      continue;
    }
    found = true;
    if (pending) pieces.push(pending);
    pending = '';
    const piece = run.slice(at, at + length);
    pieces.push(piece);
    at += length;
    // "沙田区": the 区 after a district's name belongs to it.
    if (districtCores.has(piece) && run[at] === '区') at += 1;
  }
  if (pending) pieces.push(pending);
  return found ? pieces : [run];
}

const LONGEST_KNOWN = 5;
let englishWords: Map<string, string[]> | null = null;

/** CHINESE_TO_ENGLISH folded to the index's script, on first use. */
function englishTable(): Map<string, string[]> {
  englishWords ??= new Map(
    Object.entries(CHINESE_TO_ENGLISH).map(([han, english]) => [
      foldText(han),
      canonicalWords(english.split(' ')),
    ]),
  );
  return englishWords;
}

function englishFor(han: string): string[] | undefined {
  return englishTable().get(han);
}

/**
 * Marks the venues holding every one of the words, whole: HIT.nameExact when all are in the
 * name, else HIT.restExact (an English-only record found by its Chinese name's meaning).
 */
function findAllWords(words: readonly string[], index: WordIndex, hits: Uint8Array): void {
  const size = hits.length;
  const places = new Uint32Array(size);
  let found: Uint8Array | null = null;
  for (const word of words) {
    const wordHits = new Uint8Array(size);
    index.find(word, false, wordHits, places);
    for (let position = 0; position < size; position++) {
      const bits = wordHits[position]!;
      const where = bits & HIT.nameExact ? HIT.nameExact : bits & HIT.restExact ? HIT.restExact : 0;
      // The weaker of the words decides (8 name > 4 address > 0 missing).
      if (found === null) wordHits[position] = where;
      else if (where < found[position]!) found[position] = where;
    }
    found ??= wordHits;
  }
  if (found) for (let position = 0; position < size; position++) hits[position]! |= found[position]!;
}

/**
 * A word the index does not have, written without its spaces ("pingshan", "laichikok"), split
 * into the index's own words when it can be (each part at least two letters, the last one
 * possibly unfinished when it is the last word typed). Otherwise it stays as typed.
 */
function splitRunTogether(word: string, last: boolean, index: WordIndex): string[] {
  if (word.length < 4 || index.has(word, last)) return [word];
  const split = (rest: string, depth: number): string[] | null => {
    if (index.has(rest, last)) return [rest];
    if (depth === 0) return null;
    for (let cut = rest.length - 2; cut >= 2; cut--) {
      const head = rest.slice(0, cut);
      if (!index.has(head)) continue;
      const tail = split(rest.slice(cut), depth - 1);
      if (tail) return [head, ...tail];
    }
    return null;
  };
  return split(word, 3) ?? [word];
}

function categoryScore(term: Term, label: FoldedLabel): number {
  if (term.kind === 'han')
    return term.text.length >= 2 && label.han.includes(term.text) ? SCORE.labelExact : 0;
  const wanted = singular(term.text);
  let best = 0;
  for (const word of label.words) {
    if (LABEL_STOP_WORDS.has(word)) continue;
    if (singular(word) === wanted) return SCORE.labelExact;
    if (term.prefix && word.startsWith(term.text)) best = SCORE.labelPrefix;
  }
  return best;
}

/** "parks" → "park", "libraries" → "library": a label's word and the visitor's may differ so. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
