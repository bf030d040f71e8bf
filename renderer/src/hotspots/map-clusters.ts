/**
 * Venues that would sit on top of each other at the map's scale (one building, one shopping
 * centre, a street of shops) become one numbered dot that opens a list. Every marker is then at
 * least `distance` from every other, so each keeps a finger-sized target of its own.
 */

export interface MapPoint {
  id: string;
  x: number;
  y: number;
}

export interface MapMarker {
  /** Where the marker is drawn: the place that has the most venues around it. */
  x: number;
  y: number;
  /** The venues it stands for, in the order the core gave them; one id for a plain dot. */
  ids: string[];
}

/**
 * Markers for `points` (map units) no two closer than `distance`. The points with the most
 * neighbours become markers first, so a dense block is one dot at its heart rather than a dot at
 * whichever venue came first; every other point joins the nearest marker, which is within
 * `distance` of it.
 */
export function clusterPoints(points: readonly MapPoint[], distance: number): MapMarker[] {
  if (points.length === 0) return [];
  // A zero distance would make every bucket infinitely small; it means "never merge".
  distance = Math.max(distance, 1e-6);
  const limit = distance * distance;
  const grid = new SpatialGrid(points, distance);
  const neighbours = points.map((point) => grid.near(point.x, point.y, limit).length);
  // Most neighbours first; ties keep the core's order so the same data always draws the same map.
  const order = points.map((_, index) => index).sort((a, b) => neighbours[b]! - neighbours[a]! || a - b);

  const leaders: number[] = [];
  const leaderGrid = new SpatialGrid([], distance);
  for (const index of order) {
    const point = points[index]!;
    if (leaderGrid.near(point.x, point.y, limit).length > 0) continue;
    leaders.push(index);
    leaderGrid.add(point, leaders.length - 1);
  }

  const members: number[][] = leaders.map(() => []);
  points.forEach((point, index) => {
    let best = -1;
    let bestSquared = Infinity;
    for (const leader of leaderGrid.near(point.x, point.y, limit)) {
      const at = points[leaders[leader]!]!;
      const squared = (at.x - point.x) ** 2 + (at.y - point.y) ** 2;
      if (squared < bestSquared) {
        best = leader;
        bestSquared = squared;
      }
    }
    members[best]!.push(index);
  });

  return leaders
    .map((leader, at) => ({ leader, ids: members[at]!.sort((a, b) => a - b) }))
    .sort((a, b) => a.ids[0]! - b.ids[0]!)
    .map(({ leader, ids }) => ({
      x: points[leader]!.x,
      y: points[leader]!.y,
      ids: ids.map((index) => points[index]!.id),
    }));
}

/** Buckets of one `cell` square, so "who is near" looks at nine buckets, not every point. */
class SpatialGrid {
  private readonly cells = new Map<string, { x: number; y: number; value: number }[]>();

  constructor(
    points: readonly MapPoint[],
    private readonly cell: number,
  ) {
    points.forEach((point, index) => this.add(point, index));
  }

  add(point: { x: number; y: number }, value: number): void {
    const key = `${Math.floor(point.x / this.cell)},${Math.floor(point.y / this.cell)}`;
    const bucket = this.cells.get(key);
    if (bucket) bucket.push({ x: point.x, y: point.y, value });
    else this.cells.set(key, [{ x: point.x, y: point.y, value }]);
  }

  /** The values of the entries strictly closer than √`limit` to (x, y). */
  near(x: number, y: number, limit: number): number[] {
    const cx = Math.floor(x / this.cell);
    const cy = Math.floor(y / this.cell);
    const found: number[] = [];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const entry of this.cells.get(`${cx + dx},${cy + dy}`) ?? [])
          if ((entry.x - x) ** 2 + (entry.y - y) ** 2 < limit) found.push(entry.value);
    return found;
  }
}
