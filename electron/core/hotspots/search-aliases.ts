/**
 * How Hong Kong people spell the places they search for. The official file (and visitors) write
 * the same place as "Sha Tin" and "Shatin", "Mong Kok" and "Mongkok", or by its initials ("TST",
 * "TKO", written that way in the file's own addresses). Search folds every spelling to one: the
 * spaced form below. The index and the query both go through `canonicalWords`, so "shatin" finds
 * "Sha Tin Town Hall" and "sha tin" finds "Shatin Centre"; changing this table changes the index
 * (bump INDEX_VERSION in index-file.ts).
 *
 * The names are the 18 districts' and the areas that the Wi-Fi.HK file names most (MTR stations,
 * new towns), lower case, words split as the Government spells them.
 */
const PLACE_NAMES = [
  // Districts (one-word districts need no joining).
  'central and western',
  'wan chai',
  'yau tsim mong',
  'sham shui po',
  'kowloon city',
  'wong tai sin',
  'kwun tong',
  'tsuen wan',
  'tuen mun',
  'yuen long',
  'tai po',
  'sai kung',
  'sha tin',
  'kwai tsing',
  // Areas.
  'tsim sha tsui',
  'causeway bay',
  'mong kok',
  'yau ma tei',
  'tseung kwan o',
  'tin shui wai',
  'sheung wan',
  'sheung shui',
  'sai ying pun',
  'kennedy town',
  'pok fu lam',
  'ap lei chau',
  'wong chuk hang',
  'repulse bay',
  'north point',
  'quarry bay',
  'tai koo',
  'tai koo shing',
  'shau kei wan',
  'sai wan ho',
  'chai wan',
  'siu sai wan',
  'heng fa chuen',
  'tin hau',
  'fortress hill',
  'happy valley',
  'hung hom',
  'ho man tin',
  'to kwa wan',
  'kowloon bay',
  'kowloon tong',
  'tai kok tsui',
  'prince edward',
  'lai chi kok',
  'cheung sha wan',
  'shek kip mei',
  'san po kong',
  'diamond hill',
  'tsz wan shan',
  'choi hung',
  'ngau chi wan',
  'lok fu',
  'ngau tau kok',
  'lam tin',
  'yau tong',
  'tiu keng leng',
  'hang hau',
  'po lam',
  'kwai chung',
  'kwai fong',
  'tsing yi',
  'ma on shan',
  'tai wai',
  'fo tan',
  'north point',
  'tai wo',
  'tung chung',
  'cheung chau',
  'lamma island',
  'mui wo',
  'hong kong',
  'new territories',
] as const;

/** Initials used in Hong Kong for places (the file writes "TST" and "TKO" in addresses). */
const INITIALS: Record<string, string> = {
  tst: 'tsim sha tsui',
  cwb: 'causeway bay',
  mk: 'mong kok',
  ssp: 'sham shui po',
  tko: 'tseung kwan o',
  tsw: 'tin shui wai',
  ymt: 'yau ma tei',
};

/** Other spellings seen in the file, run together or not. */
const VARIANTS: Record<string, string> = {
  shaukiwan: 'shau kei wan',
  pofulam: 'pok fu lam',
};

/** One word → the words it stands for: the run-together spellings, the initials, the variants. */
const EXPANSIONS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, readonly string[]>();
  const add = (word: string, spaced: string) => map.set(word, spaced.split(' '));
  for (const name of PLACE_NAMES) if (name.includes(' ')) add(name.replaceAll(' ', ''), name);
  for (const [word, spaced] of Object.entries({ ...INITIALS, ...VARIANTS })) {
    add(word, spaced);
    add(spaced.replaceAll(' ', ''), spaced);
  }
  return map;
})();

/**
 * Folded words (lower case, one word per entry) with every known spelling of a place written the
 * one way: "shatin" → "sha", "tin"; "tst" → "tsim", "sha", "tsui". Other words are kept as they are.
 */
export function canonicalWords(words: string[]): string[] {
  let first = 0;
  while (first < words.length && !EXPANSIONS.has(words[first]!)) first++;
  if (first === words.length) return words;
  return words.flatMap((word) => EXPANSIONS.get(word) ?? [word]);
}

const PLACE_WORDS: readonly (readonly string[])[] = PLACE_NAMES.map((name) => name.split(' '));

/**
 * Whether the words from `start` to `end` (exclusive) lie inside a longer place name the words
 * spell: "north" in "north point" is not the North district.
 */
export function insideLongerPlace(words: readonly string[], start: number, end: number): boolean {
  return PLACE_WORDS.some((place) => {
    if (place.length <= end - start) return false;
    for (let from = Math.max(0, end - place.length); from <= start; from++) {
      if (from + place.length > words.length) break;
      if (place.every((word, offset) => words[from + offset] === word)) return true;
    }
    return false;
  });
}

/**
 * Chinese place names written two ways in Hong Kong (咀 and 嘴 are both used for Tsim Sha Tsui),
 * folded (Simplified) → the one form the index keeps.
 */
const HAN_VARIANTS: [string, string][] = [['尖沙嘴', '尖沙咀']];

export function canonicalHan(han: string): string {
  let out = han;
  // includes() first: nearly every text has none, and this runs for every venue at each build.
  for (const [from, to] of HAN_VARIANTS) if (out.includes(from)) out = out.replaceAll(from, to);
  return out;
}
