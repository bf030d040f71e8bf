import { DISTRICT_CODES } from '../settings/schema';
import { CATEGORY_IDS, CATEGORY_LABELS, categorise, type CategoryId } from './categories';
import type { StoredVenue } from './dataset';
import type { DistrictCode, DistrictDirectory } from './districts';
import { haversineMetres } from './geo';
import { foldForIndex, foldText, queryTerms, splitScripts } from './text-fold';

export interface Point {
  latitude: number;
  longitude: number;
}

export interface SearchFilters {
  district?: DistrictCode;
  category?: CategoryId;
  text?: string;
}

export interface SearchHits {
  total: number;
  /** Venue positions for the requested page, nearest first (name matches first when text is given). */
  positions: number[];
  /** Metres from the origin, parallel to `positions`. */
  metres: number[];
}

/** A sorted view of every venue by distance from one point; the centre's is reused by every query. */
interface DistanceOrder {
  order: Uint32Array;
  metres: Float64Array;
}

const MAX_CACHED_ORIGINS = 4;

/**
 * The in-memory search index, built once per dataset. Filters are typed arrays scanned in the
 * order of distance from the origin (cached per origin), so every query is one linear pass with
 * no sort. Free text lives in two folded strings holding every venue, one for words and one for
 * Chinese characters (so the long word string stays one byte per character); a term is found
 * with indexOf (fast native search) and each hit is mapped back to its venue by binary search.
 * District names and venue-type labels are matched once per query, not stored per venue.
 */
export class HotspotIndex {
  readonly size: number;
  readonly categories: Uint8Array;
  readonly districts: Uint8Array;
  private readonly latitudes: Float64Array;
  private readonly longitudes: Float64Array;
  private readonly byId = new Map<string, number>();
  private readonly words: WordIndex;
  private readonly han: TextColumn;
  private readonly districtLabels: FoldedLabel[];
  private readonly categoryLabels: FoldedLabel[];
  private readonly orders = new Map<string, DistanceOrder>();

  constructor(
    readonly venues: readonly StoredVenue[],
    directory: DistrictDirectory,
  ) {
    const size = venues.length;
    this.size = size;
    this.categories = new Uint8Array(size);
    this.districts = new Uint8Array(size);
    this.latitudes = new Float64Array(size);
    this.longitudes = new Float64Array(size);
    this.words = new WordIndex();
    this.han = new TextColumn(size);
    // So "沙田" or "圖書館" also finds venues from an English-only file.
    this.districtLabels = DISTRICT_CODES.map((code) => foldLabel(Object.values(directory.get(code).name)));
    this.categoryLabels = CATEGORY_IDS.map((id) => (id === 'other' ? { words: '', han: '' } : foldLabel(Object.values(CATEGORY_LABELS[id]))));

    venues.forEach((venue, position) => {
      this.byId.set(venue.id, position);
      this.latitudes[position] = venue.latitude;
      this.longitudes[position] = venue.longitude;
      this.districts[position] = DISTRICT_CODES.indexOf(venue.district);
      this.categories[position] = CATEGORY_IDS.indexOf(categorise(venue.venueType.en ?? '', Object.values(venue.name)));
      // SSIDs are left out: nearly all are "Wi-Fi.HK…", and visitors search by place, not network.
      const name = foldForIndex([venue.name.en, venue.name['zh-HK'], venue.name['zh-CN']]);
      const address = foldForIndex([venue.address.en, venue.address['zh-HK'], venue.address['zh-CN']]);
      this.words.add(position, name.words, address.words);
      this.han.add(name.han, address.han);
    });
    this.words.finish();
    this.han.finish();
  }

  positionOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  categoryOf(position: number): CategoryId {
    return CATEGORY_IDS[this.categories[position]!]!;
  }

  /**
   * Filtered venues nearest the origin, one page of them, plus how many matched in all. The
   * distance order from a long-lived origin (the centre) is built once and cached; any other point
   * ("near this venue") keeps only the best page-worth of matches in a small heap instead of
   * sorting every venue.
   */
  search(origin: Point, filters: SearchFilters, page: number, pageSize: number, options: { cacheOrigin?: boolean } = {}): SearchHits {
    const district = filters.district ? DISTRICT_CODES.indexOf(filters.district) : -1;
    const category = filters.category ? CATEGORY_IDS.indexOf(filters.category) : -1;
    const text = filters.text?.trim() ? this.matchText(filters.text) : null;
    const first = (page - 1) * pageSize;
    const matches = (position: number): number => {
      if (district >= 0 && this.districts[position] !== district) return 0;
      if (category >= 0 && this.categories[position] !== category) return 0;
      // With text, venues whose name matches come before those matched only by address.
      return text ? text[position]! : 2;
    };

    if (options.cacheOrigin || this.orders.has(originKey(origin))) {
      const { order, metres } = this.distanceOrder(origin);
      const positions: number[] = [];
      const distances: number[] = [];
      let total = 0;
      for (const wanted of text ? [2, 1] : [2]) {
        for (let rank = 0; rank < order.length; rank++) {
          const position = order[rank]!;
          if (matches(position) !== wanted) continue;
          if (total >= first && positions.length < pageSize) {
            positions.push(position);
            distances.push(metres[rank]!);
          }
          total += 1;
        }
      }
      return { total, positions, metres: distances };
    }

    const best = new BoundedHeap(first + pageSize);
    let total = 0;
    for (let position = 0; position < this.size; position++) {
      const match = matches(position);
      if (!match) continue;
      total += 1;
      const metres = haversineMetres(origin.latitude, origin.longitude, this.latitudes[position]!, this.longitudes[position]!);
      // Name matches (2) sort before address matches (1): a whole Earth apart in the key.
      best.offer((2 - match) * 1e8 + metres, position);
    }
    const ranked = best.sorted().slice(first);
    return { total, positions: ranked.map(([, position]) => position), metres: ranked.map(([key]) => key % 1e8) };
  }

  /** Venue counts by district and by category, each under the other filter (not its own). */
  counts(filters: { district?: DistrictCode; category?: CategoryId }): { byDistrict: number[]; byCategory: number[] } {
    const district = filters.district ? DISTRICT_CODES.indexOf(filters.district) : -1;
    const category = filters.category ? CATEGORY_IDS.indexOf(filters.category) : -1;
    const byDistrict = new Array<number>(DISTRICT_CODES.length).fill(0);
    const byCategory = new Array<number>(CATEGORY_IDS.length).fill(0);
    for (let position = 0; position < this.size; position++) {
      const d = this.districts[position]!;
      const c = this.categories[position]!;
      if (category < 0 || c === category) byDistrict[d]! += 1;
      if (district < 0 || d === district) byCategory[c]! += 1;
    }
    return { byDistrict, byCategory };
  }

  /** Every venue position in a district (for the dot map), optionally one category only. */
  inDistrict(code: DistrictCode, category?: CategoryId): number[] {
    const district = DISTRICT_CODES.indexOf(code);
    const wanted = category ? CATEGORY_IDS.indexOf(category) : -1;
    const found: number[] = [];
    for (let position = 0; position < this.size; position++) {
      if (this.districts[position] === district && (wanted < 0 || this.categories[position] === wanted)) found.push(position);
    }
    return found;
  }

  /**
   * 0 = no match, 1 = every term found somewhere, 2 = every term found in the name. English terms
   * match the start of a word ("lib" finds "Library"); Chinese terms match anywhere.
   */
  matchText(query: string): Uint8Array {
    const { words, han } = queryTerms(query);
    const result = new Uint8Array(this.size);
    const terms = [
      ...words.map((word) => ({ needle: ` ${word}`, find: (hits: Uint8Array) => this.words.findPrefix(word, hits), kind: 'words' as const })),
      ...han.map((needle) => ({ needle, find: (hits: Uint8Array) => this.han.find(needle, hits), kind: 'han' as const })),
    ];
    if (terms.length === 0) return result.fill(2);
    terms.forEach(({ needle, find, kind }, index) => {
      const hits = new Uint8Array(this.size);
      find(hits);
      const inDistrict = this.districtLabels.map((label) => label[kind].includes(needle));
      const inCategory = this.categoryLabels.map((label) => label[kind].includes(needle));
      for (let position = 0; position < this.size; position++) {
        let hit = hits[position]!;
        if (!hit && (inDistrict[this.districts[position]!] || inCategory[this.categories[position]!])) hit = 1;
        if (index === 0) result[position] = hit & 2 ? 2 : hit;
        else if (!hit) result[position] = 0;
        else if (!(hit & 2) && result[position] === 2) result[position] = 1;
      }
    });
    return result;
  }

  distanceOrder(origin: Point): DistanceOrder {
    const key = originKey(origin);
    const cached = this.orders.get(key);
    if (cached) {
      // Move to the back: the map's insertion order is the eviction order.
      this.orders.delete(key);
      this.orders.set(key, cached);
      return cached;
    }
    const distance = new Float64Array(this.size);
    for (let position = 0; position < this.size; position++) {
      distance[position] = haversineMetres(origin.latitude, origin.longitude, this.latitudes[position]!, this.longitudes[position]!);
    }
    const order = new Uint32Array(this.size);
    for (let position = 0; position < this.size; position++) order[position] = position;
    order.sort((a, b) => distance[a]! - distance[b]! || a - b);
    const metres = new Float64Array(this.size);
    for (let rank = 0; rank < this.size; rank++) metres[rank] = distance[order[rank]!]!;
    const built = { order, metres };
    this.orders.set(key, built);
    if (this.orders.size > MAX_CACHED_ORIGINS) this.orders.delete(this.orders.keys().next().value!);
    return built;
  }
}

/**
 * Words → venues, for word-prefix search. A sorted vocabulary turns a prefix into one contiguous
 * range of words (binary search), whose postings are unioned. (Scanning one long string with
 * indexOf was tried first: about 8 ms per term for 54k venues, too slow for multi-word queries.)
 */
class WordIndex {
  private building: Map<string, number[]> | null = new Map();
  private vocabulary: string[] = [];
  /** Per word: venue position × 2, plus 1 when the word is in the venue's name. */
  private postings: Int32Array[] = [];

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
    this.postings = this.vocabulary.map((word) => Int32Array.from(building.get(word)!));
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
      const list = this.postings[word]!;
      for (let i = 0; i < list.length; i++) {
        const entry = list[i]!;
        hits[entry >> 1]! |= entry & 1 ? 3 : 1;
      }
    }
  }
}

/** Every venue's folded text in one string: '\n' starts a venue, '\u0001' ends its name. */
class TextColumn {
  private readonly parts: string[] = [];
  private offset = 0;
  private count = 0;
  private text = '';
  private readonly starts: Int32Array;
  private readonly nameEnds: Int32Array;

  constructor(size: number) {
    this.starts = new Int32Array(size);
    this.nameEnds = new Int32Array(size);
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

interface FoldedLabel {
  /** ' word word ' so a word needle (' word') matches at a word start. */
  words: string;
  han: string;
}

function foldLabel(texts: string[]): FoldedLabel {
  const { words, han } = splitScripts(foldDistinct(texts));
  return { words: ` ${words} `, han };
}

function originKey(origin: Point): string {
  return `${origin.latitude.toFixed(6)},${origin.longitude.toFixed(6)}`;
}

/** The `capacity` smallest keys seen (a max-heap), ties broken by position for a stable order. */
class BoundedHeap {
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
