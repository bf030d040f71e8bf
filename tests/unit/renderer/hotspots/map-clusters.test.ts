import { describe, expect, it } from 'vitest';
import { clusterPoints, type MapPoint } from '../../../../renderer/src/hotspots/map-clusters';
import { seededRandom } from '../../../../renderer/src/lib/seeded-random';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('clusterPoints', () => {
  it('keeps points that are far enough apart as plain dots, in the order given', () => {
    const points: MapPoint[] = [
      { id: 'a', x: 0, y: 0 },
      { id: 'b', x: 100, y: 0 },
      { id: 'c', x: 0, y: 100 },
    ];
    expect(clusterPoints(points, 64)).toEqual([
      { x: 0, y: 0, ids: ['a'] },
      { x: 100, y: 0, ids: ['b'] },
      { x: 0, y: 100, ids: ['c'] },
    ]);
  });

  it('makes venues on the same spot one marker that lists them all', () => {
    const points: MapPoint[] = [
      { id: 'mall-1', x: 50, y: 50 },
      { id: 'park', x: 300, y: 300 },
      { id: 'mall-2', x: 50, y: 50 },
      { id: 'mall-3', x: 52, y: 49 },
    ];
    const markers = clusterPoints(points, 64);
    expect(markers).toHaveLength(2);
    expect(markers[0]!.ids).toEqual(['mall-1', 'mall-2', 'mall-3']);
    expect(markers[1]).toEqual({ x: 300, y: 300, ids: ['park'] });
  });

  it('centres a dense block on the venue with the most neighbours, not on whichever came first', () => {
    // A row of five 20 units apart: only the middle one has every other within 50 units.
    const points: MapPoint[] = [0, 20, 40, 60, 80].map((x, i) => ({ id: `p${i}`, x, y: 0 }));
    const markers = clusterPoints(points, 50);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ x: 40, y: 0 });
    expect(markers.flatMap((m) => m.ids).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });

  it('leaves every marker its own target: no two closer than the distance, each venue near its marker', () => {
    const random = seededRandom(15);
    const points: MapPoint[] = Array.from({ length: 600 }, (_, i) => ({
      id: `v${i}`,
      // Half spread over the map, half crowded into two town centres.
      x: i % 2 ? random() * 1000 : 300 + random() * 60,
      y: i % 2 ? random() * 700 : i % 4 ? 200 + random() * 40 : 500 + random() * 30,
    }));
    const markers = clusterPoints(points, 72);
    for (let i = 0; i < markers.length; i++)
      for (let j = i + 1; j < markers.length; j++)
        expect(distance(markers[i]!, markers[j]!)).toBeGreaterThanOrEqual(72);
    const byId = new Map(points.map((p) => [p.id, p]));
    const seen = markers.flatMap((marker) => {
      for (const id of marker.ids) expect(distance(marker, byId.get(id)!)).toBeLessThan(72);
      return marker.ids;
    });
    expect(seen.sort()).toEqual(points.map((p) => p.id).sort());
    expect(markers.some((marker) => marker.ids.length > 10)).toBe(true);
  });

  it('draws nothing for no points', () => {
    expect(clusterPoints([], 64)).toEqual([]);
  });
});
