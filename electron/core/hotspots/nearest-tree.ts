import KDBush from 'kdbush';
import { haversineMetres } from './geo';
import { BoundedHeap } from './search-parts';

export interface NearestPage {
  /** Venue positions, nearest first; equal distances in position order. */
  positions: number[];
  /** Metres from the origin (haversineMetres), parallel to `positions`. */
  metres: number[];
}

const EARTH_RADIUS_METRES = 6_371_008.8;
const RAD = Math.PI / 180;
/**
 * A box's lower bound is lowered by this much so rounding can never put it above the distance of
 * a point inside it (the errors are nanometres at city scale); a bound too low only costs a visit.
 */
const BOUND_SLACK_METRES = 1e-6;
/** Venues per k-d tree leaf: 16, 32 and 64 measured alike for a page of 10 at 5k and 54k. */
const NODE_SIZE = 32;

/**
 * Venues by distance from any point, on a static k-d tree (kdbush). kdbush builds the tree; the
 * query is our own best-first walk over it, like geokdbush's `around` (great-circle lower bounds
 * for each box), with two differences the screen needs: distances are exactly `haversineMetres`
 * and equal distances come out in position order, so a page is exactly a slice of a full sort by
 * (metres, position); and the queue is typed arrays, not an object per node and point.
 */
export class NearestTree {
  private readonly tree: KDBush;
  private readonly ids: Uint16Array | Uint32Array;
  private readonly coords: Float64Array;
  private readonly nodeSize: number;
  /** cos(latitude) of each point in tree order, as haversineMetres computes it. */
  private readonly cosines: Float64Array;
  /** One queue reused by every query (a query runs to the end before the next starts). */
  private readonly queue = new Queue();

  /**
   * Over every venue position (`members` left out) or over the given positions only (ascending,
   * so tree ids keep the positions' order).
   */
  constructor(
    latitudes: Float64Array,
    longitudes: Float64Array,
    private readonly members?: Int32Array,
  ) {
    const count = members ? members.length : latitudes.length;
    this.tree = new KDBush(count, NODE_SIZE, Float64Array);
    for (let id = 0; id < count; id++) {
      const position = members ? members[id]! : id;
      this.tree.add(longitudes[position]!, latitudes[position]!);
    }
    this.tree.finish();
    this.ids = this.tree.ids;
    this.coords = this.tree.coords as Float64Array;
    this.nodeSize = this.tree.nodeSize;
    this.cosines = new Float64Array(count);
    for (let index = 0; index < count; index++)
      this.cosines[index] = Math.cos(this.coords[2 * index + 1]! * RAD);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * The venues accepted by `accept`, nearest the origin first: `take` of them after skipping the
   * nearest `skip`. Stops as soon as the page is full, so a page of 10 visits a few leaves.
   */
  page(
    origin: { latitude: number; longitude: number },
    skip: number,
    take: number,
    accept?: (position: number) => boolean,
  ): NearestPage {
    const positions: number[] = [];
    const metres: number[] = [];
    if (take <= 0 || this.size === 0) return { positions, metres };
    const { ids, coords, cosines, members, nodeSize, queue } = this;
    const lat = origin.latitude;
    const lng = origin.longitude;
    const cosLat = Math.cos(lat * RAD);
    queue.clear();
    queue.pushNode(0, 0, this.size - 1, 0, -180, -90, 180, 90);
    let rank = 0;
    while (queue.length > 0) {
      const key = queue.topKey();
      const item = queue.pop();
      if (item >= 0) {
        if (rank >= skip) {
          positions.push(item);
          metres.push(key);
          if (positions.length === take) break;
        }
        rank += 1;
        continue;
      }
      const node = -item - 1;
      const left = queue.nodeLeft(node);
      const right = queue.nodeRight(node);
      const leaf = right - left <= nodeSize;
      const middle = (left + right) >> 1;
      for (let index = leaf ? left : middle; index <= (leaf ? right : middle); index++) {
        const position = members ? members[ids[index]!]! : ids[index]!;
        if (accept && !accept(position)) continue;
        // haversineMetres(lat, lng, …) term for term, with both cosines at hand: the same doubles.
        const dLat = (coords[2 * index + 1]! - lat) * RAD;
        const dLon = (coords[2 * index]! - lng) * RAD;
        const a = Math.sin(dLat / 2) ** 2 + cosLat * cosines[index]! * Math.sin(dLon / 2) ** 2;
        queue.pushPoint(2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a))), position);
      }
      if (leaf) continue;
      const axis = queue.nodeAxis(node);
      const minLng = queue.bound(node, 0);
      const minLat = queue.bound(node, 1);
      const maxLng = queue.bound(node, 2);
      const maxLat = queue.bound(node, 3);
      const midLng = coords[2 * middle]!;
      const midLat = coords[2 * middle + 1]!;
      // Children first, points second at equal keys: a point is only taken once no box could hold a nearer one.
      const lowMaxLng = axis === 0 ? midLng : maxLng;
      const lowMaxLat = axis === 1 ? midLat : maxLat;
      queue.pushNode(
        boxBound(lng, lat, cosLat, minLng, minLat, lowMaxLng, lowMaxLat),
        left,
        middle - 1,
        1 - axis,
        minLng,
        minLat,
        lowMaxLng,
        lowMaxLat,
      );
      const highMinLng = axis === 0 ? midLng : minLng;
      const highMinLat = axis === 1 ? midLat : minLat;
      queue.pushNode(
        boxBound(lng, lat, cosLat, highMinLng, highMinLat, maxLng, maxLat),
        middle + 1,
        right,
        1 - axis,
        highMinLng,
        highMinLat,
        maxLng,
        maxLat,
      );
    }
    return { positions, metres };
  }
}

/**
 * The same slice of the same order by brute force over a short list of candidates: cheaper than
 * the tree when the filters leave few venues (a rare word), which the tree would walk past.
 */
export function nearestAmong(
  origin: { latitude: number; longitude: number },
  candidates: ArrayLike<number>,
  count: number,
  latitudes: Float64Array,
  longitudes: Float64Array,
  skip: number,
  take: number,
): NearestPage {
  const best = new BoundedHeap(skip + take);
  for (let i = 0; i < count; i++) {
    const position = candidates[i]!;
    best.offer(
      haversineMetres(origin.latitude, origin.longitude, latitudes[position]!, longitudes[position]!),
      position,
    );
  }
  const ranked = best.sorted().slice(skip);
  return { positions: ranked.map(([, position]) => position), metres: ranked.map(([key]) => key) };
}

/** Lower bound in metres from (lng, lat) to any point in the box (after geokdbush's boxDist). */
function boxBound(
  lng: number,
  lat: number,
  cosLat: number,
  minLng: number,
  minLat: number,
  maxLng: number,
  maxLat: number,
): number {
  let h: number;
  if (lng >= minLng && lng <= maxLng) {
    if (lat < minLat) h = haverSin((lat - minLat) * RAD);
    else if (lat > maxLat) h = haverSin((lat - maxLat) * RAD);
    else return 0;
  } else {
    // West or east of the box: the nearest point is on its nearer meridian, at the latitude where
    // the great circle is closest, or else at a corner.
    const hLng = Math.min(haverSin((lng - minLng) * RAD), haverSin((lng - maxLng) * RAD));
    const cosDLng = 1 - 2 * hLng;
    const extremum = cosDLng <= 0 ? (lat > 0 ? 90 : -90) : Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
    h =
      extremum > minLat && extremum < maxLat
        ? partial(hLng, cosLat, lat, extremum)
        : Math.min(partial(hLng, cosLat, lat, minLat), partial(hLng, cosLat, lat, maxLat));
  }
  const metres = 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  return Math.max(0, metres - BOUND_SLACK_METRES);
}

function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

function partial(hLng: number, cosLat1: number, lat1: number, lat2: number): number {
  return cosLat1 * Math.cos(lat2 * RAD) * hLng + haverSin((lat1 - lat2) * RAD);
}

/**
 * A binary min-heap of points (item = position ≥ 0) and tree boxes (item = -(box + 1)), ordered by
 * key; at equal keys boxes come before points and points by position. Boxes are kept in typed
 * arrays: their index range, split axis and bounds.
 */
class Queue {
  private keys = new Float64Array(256);
  private items = new Int32Array(256);
  length = 0;
  private boxInts = new Int32Array(3 * 64);
  private boxBounds = new Float64Array(4 * 64);
  private boxes = 0;

  clear(): void {
    this.length = 0;
    this.boxes = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  nodeLeft(node: number): number {
    return this.boxInts[3 * node]!;
  }

  nodeRight(node: number): number {
    return this.boxInts[3 * node + 1]!;
  }

  nodeAxis(node: number): number {
    return this.boxInts[3 * node + 2]!;
  }

  /** 0 min longitude, 1 min latitude, 2 max longitude, 3 max latitude. */
  bound(node: number, which: number): number {
    return this.boxBounds[4 * node + which]!;
  }

  pushNode(
    key: number,
    left: number,
    right: number,
    axis: number,
    minLng: number,
    minLat: number,
    maxLng: number,
    maxLat: number,
  ): void {
    if (right < left) return;
    if (this.boxes * 3 + 3 > this.boxInts.length) {
      this.boxInts = grow(this.boxInts, new Int32Array(this.boxInts.length * 2));
      this.boxBounds = grow(this.boxBounds, new Float64Array(this.boxBounds.length * 2));
    }
    const box = this.boxes++;
    const ints = this.boxInts;
    ints[3 * box] = left;
    ints[3 * box + 1] = right;
    ints[3 * box + 2] = axis;
    const bounds = this.boxBounds;
    bounds[4 * box] = minLng;
    bounds[4 * box + 1] = minLat;
    bounds[4 * box + 2] = maxLng;
    bounds[4 * box + 3] = maxLat;
    this.push(key, -box - 1);
  }

  pushPoint(key: number, position: number): void {
    this.push(key, position);
  }

  pop(): number {
    const { keys, items } = this;
    const top = items[0]!;
    const last = --this.length;
    if (last > 0) {
      const key = keys[last]!;
      const item = items[last]!;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= last) break;
        const right = left + 1;
        const child =
          right < last && before(keys[right]!, items[right]!, keys[left]!, items[left]!) ? right : left;
        if (!before(keys[child]!, items[child]!, key, item)) break;
        keys[index] = keys[child]!;
        items[index] = items[child]!;
        index = child;
      }
      keys[index] = key;
      items[index] = item;
    }
    return top;
  }

  private push(key: number, item: number): void {
    if (this.length === this.keys.length) {
      this.keys = grow(this.keys, new Float64Array(this.keys.length * 2));
      this.items = grow(this.items, new Int32Array(this.items.length * 2));
    }
    const { keys, items } = this;
    let index = this.length++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(key, item, keys[parent]!, items[parent]!)) break;
      keys[index] = keys[parent]!;
      items[index] = items[parent]!;
      index = parent;
    }
    keys[index] = key;
    items[index] = item;
  }
}

/** Boxes (negative items) before points at equal keys, then points by position. */
function before(keyA: number, itemA: number, keyB: number, itemB: number): boolean {
  return keyA < keyB || (keyA === keyB && itemA < itemB);
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
