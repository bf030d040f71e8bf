import { DISTRICT_CODES } from '../settings/schema';
import { CATEGORY_IDS, CATEGORY_LABELS, categorise, type CategoryId } from './categories';
import type { StoredVenue } from './dataset';
import type { DistrictCode, DistrictDirectory } from './districts';
import { NearestVenues } from './nearest';
import {
  foldLabel,
  TextColumn,
  WordIndex,
  type FoldedLabel,
  type SavedText,
  type SavedWords,
} from './search-parts';
import { scoreText } from './search-score';
import { foldForIndex } from './text-fold';

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
  /** Venue positions for the requested page, nearest first (with text: best match first, search-score.ts). */
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

/**
 * The in-memory search index, built once per dataset. Filters are typed arrays; nearest venues
 * come from k-d trees (nearest.ts), so a page from any point walks a few leaves and never sorts
 * every venue. Free text lives in two folded strings holding every venue, one for words and one for
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
  /** Distance order from any point: k-d trees built with the index (nearest.ts). */
  private readonly nearest: NearestVenues;

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
      id === 'other' ? { words: [], han: '' } : foldLabel(Object.values(CATEGORY_LABELS[id])),
    );
    venues.forEach((venue, position) => {
      this.byId.set(venue.id, position);
      this.latitudes[position] = venue.latitude;
      this.longitudes[position] = venue.longitude;
    });
    this.nearest = new NearestVenues(this.latitudes, this.longitudes);
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
   * Filtered venues nearest the origin, one page of them, plus how many matched in all; with text,
   * higher match scores first (search-score.ts), equal ones nearest first. From any point alike: a page walks a k-d tree only
   * as far as it needs (nearest.ts), in exactly the order of a full sort by (rank, metres, position).
   */
  search(origin: Point, filters: SearchFilters, page: number, pageSize: number): SearchHits {
    const district = filters.district ? DISTRICT_CODES.indexOf(filters.district) : -1;
    const category = filters.category ? CATEGORY_IDS.indexOf(filters.category) : -1;
    const rank = filters.text?.trim() ? this.matchText(filters.text) : null;
    return this.nearest.search(origin, { district, category, rank }, this, (page - 1) * pageSize, pageSize);
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
   * Each venue's match score for the words (0 = no match, higher = better; search-score.ts).
   * English words match whole words, the last one also by its start ("lib" finds "Library");
   * Chinese terms match anywhere.
   */
  matchText(query: string): Uint8Array {
    return (
      scoreText(query, {
        size: this.size,
        words: this.words,
        han: this.han,
        districts: this.districts,
        categories: this.categories,
        districtLabels: this.districtLabels,
        categoryLabels: this.categoryLabels,
      }) ?? new Uint8Array(this.size).fill(1)
    );
  }
}
