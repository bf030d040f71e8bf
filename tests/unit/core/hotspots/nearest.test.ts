import { describe, expect, it } from 'vitest';
import type { CategoryId } from '../../../../electron/core/hotspots/categories';
import { DistrictDirectory, type DistrictCode } from '../../../../electron/core/hotspots/districts';
import { haversineMetres } from '../../../../electron/core/hotspots/geo';
import { NearestTree } from '../../../../electron/core/hotspots/nearest-tree';
import type { Point, SearchFilters } from '../../../../electron/core/hotspots/search-index';
import { contentDir, officialIndex } from '../../../helpers/hotspots-context';

const directory = DistrictDirectory.load(contentDir);
const real = officialIndex(directory);

/** The kiosk's default centre, then points all over the territory and one outside it. */
const ORIGINS: Record<string, Point> = {
  'Sham Shui Po (centre)': { latitude: 22.3307, longitude: 114.1622 },
  'Tai O': { latitude: 22.2528, longitude: 113.8624 },
  'Sai Kung': { latitude: 22.3813, longitude: 114.2705 },
  'sea south of the island': { latitude: 22.2, longitude: 114.15 },
  'Tuen Mun': { latitude: 22.3916, longitude: 113.9771 },
  Shenzhen: { latitude: 22.6, longitude: 114.5 },
};

const FILTERS: SearchFilters[] = [
  {},
  { district: 'R' },
  { district: 'T' },
  { category: 'public-library' },
  { district: 'F', category: 'public-library' },
  { district: 'Q', category: 'park' },
  { text: 'library' },
  { text: 'hong kong' },
  { text: '沙田' },
  { text: 'park', district: 'R' },
  { text: 'tai o' },
];

/** The order a full sort gives: rank (text matches), then haversine metres, then position. */
function bruteForce(origin: Point, filters: SearchFilters) {
  const rank = filters.text ? real.matchText(filters.text) : null;
  return real.venues
    .map((venue, position) => ({
      position,
      rank: rank ? rank[position]! : 1,
      metres: haversineMetres(origin.latitude, origin.longitude, venue.latitude, venue.longitude),
      kept:
        (!filters.district || venue.district === (filters.district as DistrictCode)) &&
        (!filters.category || real.categoryOf(position) === (filters.category as CategoryId)),
    }))
    .filter((row) => row.kept && row.rank > 0)
    .sort((a, b) => b.rank - a.rank || a.metres - b.metres || a.position - b.position);
}

describe('nearest venues on a spatial index', () => {
  it('gives exactly the pages and total of a brute-force haversine sort, from any point, with filters', () => {
    let compared = 0;
    for (const [place, origin] of Object.entries(ORIGINS)) {
      for (const filters of FILTERS) {
        const brute = bruteForce(origin, filters);
        for (const [page, pageSize] of [
          [1, 10],
          [3, 10],
          [2, 50],
          [1, 50],
        ] as const) {
          const hits = real.search(origin, filters, page, pageSize);
          const want = brute.slice((page - 1) * pageSize, page * pageSize);
          const label = `${place} ${JSON.stringify(filters)} page ${page} of ${pageSize}`;
          expect(hits.total, label).toBe(brute.length);
          expect(hits.positions, label).toEqual(want.map((row) => row.position));
          expect(hits.metres, label).toEqual(want.map((row) => row.metres));
          compared += want.length;
        }
        expect(real.search(origin, filters, 2000, 10)).toEqual({
          total: brute.length,
          positions: [],
          metres: [],
        });
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('pages through every venue from a point without gaps or repeats', () => {
    const origin = ORIGINS['Tuen Mun']!;
    const paged: number[] = [];
    for (let page = 1; paged.length < real.size; page++)
      paged.push(...real.search(origin, {}, page, 50).positions);
    expect(paged).toEqual(bruteForce(origin, {}).map((row) => row.position));
  });

  it('puts venues at the same spot in position order, on every page', () => {
    // 40 spots, 75 venues on each: every distance is a 75-way tie.
    const count = 3000;
    const latitudes = new Float64Array(count);
    const longitudes = new Float64Array(count);
    for (let position = 0; position < count; position++) {
      const spot = (position * 7) % 40;
      latitudes[position] = 22.2 + (spot % 8) * 0.03;
      longitudes[position] = 113.9 + Math.floor(spot / 8) * 0.1;
    }
    const tree = new NearestTree(latitudes, longitudes);
    const origin = { latitude: 22.31, longitude: 114.12 };
    const order = [...Array(count).keys()]
      .map((position) => ({
        position,
        metres: haversineMetres(
          origin.latitude,
          origin.longitude,
          latitudes[position]!,
          longitudes[position]!,
        ),
      }))
      .sort((a, b) => a.metres - b.metres || a.position - b.position)
      .map((row) => row.position);
    for (const [skip, take] of [
      [0, 10],
      [70, 10],
      [140, 100],
      [2990, 20],
    ] as const)
      expect(tree.page(origin, skip, take).positions).toEqual(order.slice(skip, skip + take));
    const odd = (position: number) => position % 2 === 1;
    expect(tree.page(origin, 30, 40, odd).positions).toEqual(order.filter(odd).slice(30, 70));
  });

  it('walks only as far as a page needs, not over every venue', () => {
    const latitudes = Float64Array.from(real.venues, (venue) => venue.latitude);
    const longitudes = Float64Array.from(real.venues, (venue) => venue.longitude);
    const tree = new NearestTree(latitudes, longitudes);
    const islands = Int32Array.from(
      real.venues.flatMap((venue, position) => (venue.district === 'T' ? [position] : [])),
    );
    const islandsTree = new NearestTree(latitudes, longitudes, islands);
    for (const origin of Object.values(ORIGINS)) {
      let looked = 0;
      const page = tree.page(origin, 0, 10, () => {
        looked += 1;
        return true;
      });
      expect(page.positions).toHaveLength(10);
      // A linear scan tests all 5,430; the tree a few leaves of 32 around the point (at most 286 here).
      expect(looked).toBeLessThan(real.size / 10);
      // A district's own tree holds only its venues, in the same order as the filtered whole.
      const inIslands = (position: number) => real.venues[position]!.district === 'T';
      expect(islandsTree.page(origin, 5, 20).positions).toEqual(
        tree.page(origin, 5, 20, inIslands).positions,
      );
    }
  });
});
