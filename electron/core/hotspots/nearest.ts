import { nearestAmong, NearestTree, type NearestPage } from './nearest-tree';

export type { NearestPage } from './nearest-tree';

/** Per venue: its district and venue type, as indexes into DISTRICT_CODES and CATEGORY_IDS. */
export interface VenueColumns {
  districts: Uint8Array;
  categories: Uint8Array;
}

export interface NearestFilter {
  /** Index into DISTRICT_CODES, or -1 for any district. */
  district: number;
  /** Index into CATEGORY_IDS, or -1 for any venue type. */
  category: number;
  /**
   * Per venue: 0 left out, else listed before every venue of a lower value (text matches: 2 in
   * the name, 1 only in the address); null lists every venue the filters keep alike.
   */
  rank: Uint8Array | null;
}

export interface NearestHits extends NearestPage {
  /** How many venues the filters keep in all (what the screen says). */
  total: number;
}

/**
 * Below this many venues in a rank, its candidates are collected in the counting pass and sorted
 * by brute force: a rare word's few matches may lie far away, past most of the tree.
 */
const BRUTE_FORCE_MAX = 512;

/**
 * Every venue by distance: one tree over all of them and, built on first use, one per district
 * and one per venue type, so a filter walks the smaller of its two trees and tests only the other
 * filter on the way (Islands venues from Sham Shui Po do not wait behind every venue in Kowloon).
 * Totals come from a district × venue-type tally without text, from the ranks' one pass with it.
 */
export class NearestVenues {
  private readonly all: NearestTree;
  private readonly byDistrict = new Map<number, NearestTree>();
  private readonly byCategory = new Map<number, NearestTree>();
  private tally: Map<number, number> | null = null;

  constructor(
    private readonly latitudes: Float64Array,
    private readonly longitudes: Float64Array,
  ) {
    this.all = new NearestTree(latitudes, longitudes);
  }

  get size(): number {
    return this.all.size;
  }

  /** One page of the venues the filter keeps, ordered by rank, then metres, then position. */
  search(
    origin: { latitude: number; longitude: number },
    filter: NearestFilter,
    columns: VenueColumns,
    first: number,
    pageSize: number,
  ): NearestHits {
    const { district, category, rank } = filter;
    const { districts, categories } = columns;
    const kept = (position: number) =>
      (district < 0 || districts[position] === district) &&
      (category < 0 || categories[position] === category);
    const counts = new Int32Array(256);
    const candidates = new Map<number, number[]>();
    if (rank) {
      for (let position = 0; position < rank.length; position++) {
        const value = rank[position]!;
        if (value === 0 || !kept(position)) continue;
        if (++counts[value]! <= BRUTE_FORCE_MAX) {
          const list = candidates.get(value);
          if (list) list.push(position);
          else candidates.set(value, [position]);
        }
      }
    } else counts[1] = this.count(district, category, columns);

    const positions: number[] = [];
    const metres: number[] = [];
    let total = 0;
    let skip = first;
    for (let value = 255; value > 0; value--) {
      const count = counts[value]!;
      total += count;
      if (count === 0 || positions.length === pageSize) continue;
      if (skip >= count) {
        skip -= count;
        continue;
      }
      const take = pageSize - positions.length;
      const listed = count <= BRUTE_FORCE_MAX ? candidates.get(value) : undefined;
      const part = listed
        ? nearestAmong(origin, listed, listed.length, this.latitudes, this.longitudes, skip, take)
        : this.walk(origin, district, category, columns, skip, take, (position) =>
            rank ? rank[position] === value : true,
          );
      positions.push(...part.positions);
      metres.push(...part.metres);
      skip = 0;
    }
    return { total, positions, metres };
  }

  private walk(
    origin: { latitude: number; longitude: number },
    district: number,
    category: number,
    columns: VenueColumns,
    skip: number,
    take: number,
    ranked: (position: number) => boolean,
  ): NearestPage {
    const { districts, categories } = columns;
    if (district < 0 && category < 0) return this.all.page(origin, skip, take, ranked);
    const inDistrict = district >= 0 ? this.subTree(this.byDistrict, districts, district) : null;
    const inCategory = category >= 0 ? this.subTree(this.byCategory, categories, category) : null;
    if (inDistrict && (!inCategory || inDistrict.size <= inCategory.size))
      return inDistrict.page(origin, skip, take, (position) =>
        category < 0 ? ranked(position) : categories[position] === category && ranked(position),
      );
    return inCategory!.page(origin, skip, take, (position) =>
      district < 0 ? ranked(position) : districts[position] === district && ranked(position),
    );
  }

  private subTree(trees: Map<number, NearestTree>, column: Uint8Array, value: number): NearestTree {
    let tree = trees.get(value);
    if (!tree) {
      let count = 0;
      for (let position = 0; position < column.length; position++) if (column[position] === value) count++;
      const members = new Int32Array(count);
      count = 0;
      for (let position = 0; position < column.length; position++)
        if (column[position] === value) members[count++] = position;
      tree = new NearestTree(this.latitudes, this.longitudes, members);
      trees.set(value, tree);
    }
    return tree;
  }

  private count(district: number, category: number, columns: VenueColumns): number {
    if (district < 0 && category < 0) return this.size;
    const { districts, categories } = columns;
    this.tally ??= tallyOf(districts, categories);
    let total = 0;
    for (const [cell, count] of this.tally)
      if ((district < 0 || cell >> 8 === district) && (category < 0 || (cell & 255) === category))
        total += count;
    return total;
  }
}

/** Venues per (district × 256 + venue type), the pairs that occur (at most 18 × 13). */
function tallyOf(districts: Uint8Array, categories: Uint8Array): Map<number, number> {
  const tally = new Map<number, number>();
  for (let position = 0; position < districts.length; position++) {
    const cell = districts[position]! * 256 + categories[position]!;
    tally.set(cell, (tally.get(cell) ?? 0) + 1);
  }
  return tally;
}
