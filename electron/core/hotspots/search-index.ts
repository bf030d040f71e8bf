import { DISTRICT_CODES } from '../settings/schema';
import { CATEGORY_IDS, CATEGORY_LABELS, categorise, type CategoryId } from './categories';
import type { StoredVenue } from './dataset';
import type { DistrictCode, DistrictDirectory } from './districts';
import { haversineMetres } from './geo';
import {
  BoundedHeap,
  foldLabel,
  TextColumn,
  WordIndex,
  type FoldedLabel,
  type SavedText,
  type SavedWords,
} from './search-parts';
import { foldForIndex, queryTerms } from './text-fold';

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

/** The parts of an index that take time to build; positions, ids and coordinates come from the venues. */
export interface SavedIndex {
  categories: Uint8Array;
  districts: Uint8Array;
  words: SavedWords;
  han: SavedText;
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

  /**
   * Built from the venues, or taken from `saved` (what `saved()` gave for the same venues, stored
   * at import so a start does not fold and categorise every venue again).
   */
  constructor(
    readonly venues: readonly StoredVenue[],
    directory: DistrictDirectory,
    saved?: SavedIndex,
  ) {
    const size = venues.length;
    this.size = size;
    this.latitudes = new Float64Array(size);
    this.longitudes = new Float64Array(size);
    // So "沙田" or "圖書館" also finds venues from an English-only file.
    this.districtLabels = DISTRICT_CODES.map((code) => foldLabel(Object.values(directory.get(code).name)));
    this.categoryLabels = CATEGORY_IDS.map((id) =>
      id === 'other' ? { words: '', han: '' } : foldLabel(Object.values(CATEGORY_LABELS[id])),
    );
    venues.forEach((venue, position) => {
      this.byId.set(venue.id, position);
      this.latitudes[position] = venue.latitude;
      this.longitudes[position] = venue.longitude;
    });
    if (
      saved &&
      saved.categories.length === size &&
      saved.districts.length === size &&
      saved.han.starts.length === size
    ) {
      this.categories = saved.categories;
      this.districts = saved.districts;
      this.words = WordIndex.restore(saved.words);
      this.han = TextColumn.restore(saved.han);
      return;
    }
    this.categories = new Uint8Array(size);
    this.districts = new Uint8Array(size);
    this.words = new WordIndex();
    this.han = new TextColumn(size);
    venues.forEach((venue, position) => {
      this.districts[position] = DISTRICT_CODES.indexOf(venue.district);
      this.categories[position] = CATEGORY_IDS.indexOf(
        categorise(venue.venueType.en ?? '', Object.values(venue.name)),
      );
      // SSIDs are left out: nearly all are "Wi-Fi.HK…", and visitors search by place, not network.
      const name = foldForIndex([venue.name.en, venue.name['zh-HK'], venue.name['zh-CN']]);
      const address = foldForIndex([venue.address.en, venue.address['zh-HK'], venue.address['zh-CN']]);
      this.words.add(position, name.words, address.words);
      this.han.add(name.han, address.han);
    });
    this.words.finish();
    this.han.finish();
  }

  /** What a later start needs to skip the build (index-file.ts stores it). */
  saved(): SavedIndex {
    return {
      categories: this.categories,
      districts: this.districts,
      words: this.words.saved(),
      han: this.han.saved(),
    };
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
  search(
    origin: Point,
    filters: SearchFilters,
    page: number,
    pageSize: number,
    options: { cacheOrigin?: boolean } = {},
  ): SearchHits {
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
      const metres = haversineMetres(
        origin.latitude,
        origin.longitude,
        this.latitudes[position]!,
        this.longitudes[position]!,
      );
      // Name matches (2) sort before address matches (1): a whole Earth apart in the key.
      best.offer((2 - match) * 1e8 + metres, position);
    }
    const ranked = best.sorted().slice(first);
    return {
      total,
      positions: ranked.map(([, position]) => position),
      metres: ranked.map(([key]) => key % 1e8),
    };
  }

  /** Venue counts by district and by category, each under the other filter (not its own). */
  counts(filters: { district?: DistrictCode; category?: CategoryId }): {
    byDistrict: number[];
    byCategory: number[];
  } {
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
      if (this.districts[position] === district && (wanted < 0 || this.categories[position] === wanted))
        found.push(position);
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
      ...words.map((word) => ({
        needle: ` ${word}`,
        find: (hits: Uint8Array) => this.words.findPrefix(word, hits),
        kind: 'words' as const,
      })),
      ...han.map((needle) => ({
        needle,
        find: (hits: Uint8Array) => this.han.find(needle, hits),
        kind: 'han' as const,
      })),
    ];
    if (terms.length === 0) return result.fill(2);
    terms.forEach(({ needle, find, kind }, index) => {
      const hits = new Uint8Array(this.size);
      find(hits);
      const inDistrict = this.districtLabels.map((label) => label[kind].includes(needle));
      const inCategory = this.categoryLabels.map((label) => label[kind].includes(needle));
      for (let position = 0; position < this.size; position++) {
        let hit = hits[position]!;
        if (!hit && (inDistrict[this.districts[position]!] || inCategory[this.categories[position]!]))
          hit = 1;
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
      distance[position] = haversineMetres(
        origin.latitude,
        origin.longitude,
        this.latitudes[position]!,
        this.longitudes[position]!,
      );
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

function originKey(origin: Point): string {
  return `${origin.latitude.toFixed(6)},${origin.longitude.toFixed(6)}`;
}
