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

/**
 * Chinese words for places and kinds of place → the English words the official file uses. The
 * official Wi-Fi.HK file (5,430 records, 2023) has no Chinese names or addresses at all, so without
 * this a visitor who writes 旺角 or 街市 by hand finds nothing; with it, 旺角街市 finds the markets in
 * Mong Kok. Districts need no entry: their Chinese names come from data/districts.json. Written in
 * Hong Kong Traditional; folded to the index's script when first used.
 */
export const CHINESE_TO_ENGLISH: Readonly<Record<string, string>> = {
  // Areas (not districts).
  旺角: 'mong kok',
  尖沙咀: 'tsim sha tsui',
  銅鑼灣: 'causeway bay',
  中環: 'central',
  上環: 'sheung wan',
  西營盤: 'sai ying pun',
  堅尼地城: 'kennedy town',
  薄扶林: 'pok fu lam',
  香港仔: 'aberdeen',
  鴨脷洲: 'ap lei chau',
  赤柱: 'stanley',
  北角: 'north point',
  鰂魚涌: 'quarry bay',
  太古: 'tai koo',
  筲箕灣: 'shau kei wan',
  柴灣: 'chai wan',
  跑馬地: 'happy valley',
  天后: 'tin hau',
  油麻地: 'yau ma tei',
  佐敦: 'jordan',
  紅磡: 'hung hom',
  何文田: 'ho man tin',
  土瓜灣: 'to kwa wan',
  九龍灣: 'kowloon bay',
  九龍塘: 'kowloon tong',
  大角咀: 'tai kok tsui',
  太子: 'prince edward',
  長沙灣: 'cheung sha wan',
  荔枝角: 'lai chi kok',
  石硤尾: 'shek kip mei',
  美孚: 'mei foo',
  新蒲崗: 'san po kong',
  鑽石山: 'diamond hill',
  慈雲山: 'tsz wan shan',
  彩虹: 'choi hung',
  牛池灣: 'ngau chi wan',
  樂富: 'lok fu',
  牛頭角: 'ngau tau kok',
  藍田: 'lam tin',
  油塘: 'yau tong',
  將軍澳: 'tseung kwan o',
  調景嶺: 'tiu keng leng',
  坑口: 'hang hau',
  寶琳: 'po lam',
  葵涌: 'kwai chung',
  葵芳: 'kwai fong',
  青衣: 'tsing yi',
  馬鞍山: 'ma on shan',
  大圍: 'tai wai',
  火炭: 'fo tan',
  天水圍: 'tin shui wai',
  上水: 'sheung shui',
  粉嶺: 'fanling',
  東涌: 'tung chung',
  長洲: 'cheung chau',
  梅窩: 'mui wo',
  香港: 'hong kong',
  九龍: 'kowloon',
  新界: 'new territories',
  // Kinds of place, as the file names them.
  中央: 'central',
  公共: 'public',
  街市: 'market',
  泳池: 'swimming pool',
  游泳池: 'swimming pool',
  屋邨: 'estate',
  圖書館: 'library',
  公園: 'park',
  花園: 'garden',
  遊樂場: 'playground',
  體育館: 'sports centre',
  體育中心: 'sports centre',
  運動場: 'sports ground',
  社區會堂: 'community hall',
  社區中心: 'community centre',
  大會堂: 'town hall',
  長者: 'elderly',
  老人: 'elderly',
  港鐵站: 'station',
  港鐵: 'mtr',
  地鐵: 'mtr',
  車站: 'station',
  碼頭: 'pier',
  醫院: 'hospital',
  診所: 'clinic',
  郵政局: 'post office',
  政府合署: 'government offices',
  海濱: 'promenade',
  泳灘: 'beach',
  沙灘: 'beach',
  學校: 'school',
  大學: 'university',
  警署: 'police station',
  消防局: 'fire station',
  村公所: 'village office',
  博物館: 'museum',
  青年: 'youth',
  麥當勞: 'mcdonald',
  百佳: 'parknshop',
  屈臣氏: 'watsons',
  中銀: 'bochk',
  中國銀行: 'bochk',
};
